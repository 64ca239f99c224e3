// The snapshot's chain check (snapshot-chains.ts) on a worker thread of its own, beside the other
// checks of the image; where the worker cannot start or dies without an answer, on this thread.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/errors';
import { workerEntry } from '../worker-entry';
import { checkChains } from './snapshot-chains';
import type { ChainCheck, VerifiedChains } from './snapshot-chains';
import type { ChainJob, ChainReply } from './snapshot-chains-worker';
import { imageError, openImage } from './snapshot-image';

export interface RunningChains {
  done: Promise<VerifiedChains>;
  /** Ends the check early. */
  stop: () => Promise<void>;
}

/**
 * A worker thread (`entry`) for the chain check, started now so that it loads while the image is
 * still being written; `start` gives it the image's file, `stop` ends it unused. Should the worker
 * not start or die without an answer, the check runs on this thread instead.
 */
export function prepareChains(
  check: ChainCheck,
  entry: URL = workerEntry('snapshot-chains-worker.cjs'),
) {
  const here = (file: string) => {
    const image = openImage(file);
    try {
      return checkChains(image, check);
    } catch (error) {
      throw imageError(error);
    } finally {
      image.close();
    }
  };
  let worker: Worker | null = null;
  try {
    worker = new Worker(entry, { workerData: { check } satisfies ChainJob });
  } catch {
    worker = null;
  }
  let exited = false;
  let answer: ((reply: ChainReply) => void) | null = null;
  let onExit: (() => void) | null = null;
  let stopped = false;
  if (worker) {
    worker.once('message', (reply: ChainReply) => answer?.(reply));
    worker.once('error', () => undefined);
    worker.once('exit', () => {
      exited = true;
      onExit?.();
    });
  }
  const stop = async () => {
    stopped = true;
    await worker?.terminate();
  };
  const start = (file: string): RunningChains => {
    if (!worker || exited) {
      const done = Promise.resolve().then(() => here(file));
      done.catch(() => undefined);
      return { done, stop: () => Promise.resolve() };
    }
    const done = new Promise<VerifiedChains>((resolve, reject) => {
      let answered = false;
      answer = (reply) => {
        answered = true;
        if ('verified' in reply) resolve(fromClone(reply.verified));
        else reject(Object.assign(new AppError(reply.code), { message: reply.message }));
      };
      onExit = () => {
        if (answered || stopped) return;
        try {
          resolve(here(file));
        } catch (error) {
          reject(error as Error);
        }
      };
    });
    // A rejection no one awaits (the image already refused) is not an unhandled one.
    done.catch(() => undefined);
    worker.postMessage(file);
    return { done, stop };
  };
  return { start, stop };
}

/** The chain check of the image in `file`, on a worker thread (prepareChains). */
export function startChains(file: string, check: ChainCheck, entry?: URL): RunningChains {
  return prepareChains(check, entry).start(file);
}

/** The worker's answer: its Buffers arrive as Uint8Arrays. */
function fromClone(v: VerifiedChains): VerifiedChains {
  const buffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  return {
    ...v,
    blocks: v.blocks.map((b) => ({ ...b, chain: buffer(b.chain) })),
    heads: v.heads.map((h) => ({ ...h, state: buffer(h.state) })),
  };
}
