// The snapshot's chain check (snapshot-chains.ts) on a worker thread of its own, beside the other
// checks of the image; where the worker cannot start or dies without an answer, on this thread.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/errors';
import { workerEntry } from '../worker-entry';
import { checkChains } from './snapshot-chains';
import type { ChainCheck, VerifiedChains } from './snapshot-chains';
import type { ChainJob, ChainReply } from './snapshot-chains-worker';
import { imageError, openImage } from './snapshot-image';

/**
 * The chain check of the image in `file`, on a worker thread; `stop` ends it early. Should the
 * worker (`entry`) not start or die without an answer, the check runs on this thread instead.
 */
export function startChains(
  file: string,
  check: ChainCheck,
  entry: URL = workerEntry('snapshot-chains-worker.cjs'),
) {
  const here = () => {
    const image = openImage(file);
    try {
      return checkChains(image, check);
    } catch (error) {
      throw imageError(error);
    } finally {
      image.close();
    }
  };
  let worker: Worker;
  try {
    worker = new Worker(entry, {
      workerData: { file, check } satisfies ChainJob,
    });
  } catch {
    return { done: Promise.resolve().then(here), stop: () => Promise.resolve() };
  }
  let stopped = false;
  const done = new Promise<VerifiedChains>((resolve, reject) => {
    let answered = false;
    worker.once('message', (reply: ChainReply) => {
      answered = true;
      if ('verified' in reply) resolve(fromClone(reply.verified));
      else reject(Object.assign(new AppError(reply.code), { message: reply.message }));
    });
    worker.once('error', () => undefined);
    worker.once('exit', () => {
      if (answered || stopped) return;
      try {
        resolve(here());
      } catch (error) {
        reject(error as Error);
      }
    });
  });
  // A rejection no one awaits (the image already refused) is not an unhandled one.
  done.catch(() => undefined);
  return {
    done,
    stop: async () => {
      stopped = true;
      await worker.terminate();
    },
  };
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
