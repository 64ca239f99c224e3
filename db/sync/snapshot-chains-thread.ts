// The snapshot's chain check (snapshot-chains.ts) and value checks (snapshot-values.ts), each on a
// worker thread of its own beside the other checks of the image; where a worker cannot start or
// dies without an answer, on this thread. A worker is stopped by asking it (check-stop.ts), never
// terminated.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/errors';
import { workerEntry } from '../worker-entry';
import type { ChainCheck, VerifiedChains } from './snapshot-chains';
import { runJob } from './snapshot-jobs';
import type { ImageJob, ImageReply, ImageWorkerData } from './snapshot-jobs';
import { imageError, openImage } from './snapshot-image';
import type { ValueCheck } from './snapshot-values';

export interface RunningCheck<T> {
  done: Promise<T>;
  /** Ends the check early; resolves once its worker has exited, with its exit code. */
  stop: () => Promise<number | null>;
}

export interface PreparedCheck<T> {
  /** Gives the worker the image's file. */
  start: (file: string) => RunningCheck<T>;
  /** Ends the worker unused (or early), as RunningCheck.stop. */
  stop: () => Promise<number | null>;
}

/**
 * A worker thread (`entry`) for one check of the image, started now so that it loads while the
 * image is still being written. Should the worker not start or die without an answer, the check
 * runs on this thread instead.
 */
function prepare<T>(job: ImageJob, entry: URL, fromWorker: (v: T) => T): PreparedCheck<T> {
  const here = (file: string): T => {
    const image = openImage(file);
    try {
      return runJob(image, job) as T;
    } catch (error) {
      throw imageError(error);
    } finally {
      image.close();
    }
  };
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker | null = null;
  try {
    worker = new Worker(entry, {
      workerData: { job, stop: flag.buffer } satisfies ImageWorkerData,
    });
  } catch {
    worker = null;
  }
  let exited = false;
  let exitCode: Promise<number | null> = Promise.resolve(null);
  let answer: ((reply: ImageReply<T>) => void) | null = null;
  let onExit: (() => void) | null = null;
  let stopped = false;
  if (worker) {
    worker.once('message', (reply: ImageReply<T>) => answer?.(reply));
    worker.once('error', () => undefined);
    const running = worker;
    exitCode = new Promise((resolve) => {
      running.once('exit', (code) => {
        exited = true;
        resolve(code);
        onExit?.();
      });
    });
  }
  const stop = () => {
    stopped = true;
    Atomics.store(flag, 0, 1);
    // A worker still waiting for the file exits on null; a busy one sees the flag.
    if (worker && !exited) worker.postMessage(null);
    return exitCode;
  };
  const start = (file: string): RunningCheck<T> => {
    if (!worker || exited) {
      const done = Promise.resolve().then(() => here(file));
      done.catch(() => undefined);
      return { done, stop: () => Promise.resolve(null) };
    }
    const done = new Promise<T>((resolve, reject) => {
      let answered = false;
      answer = (reply) => {
        answered = true;
        if ('verified' in reply) resolve(fromWorker(reply.verified));
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

const defaultEntry = () => workerEntry('snapshot-chains-worker.cjs');

/** The chain check on a worker thread of its own (prepare). */
export function prepareChains(check: ChainCheck, entry: URL = defaultEntry()) {
  return prepare<VerifiedChains>({ chains: check }, entry, fromClone);
}

/** The value checks on a worker thread of their own (prepare). */
export function prepareValues(check: ValueCheck, entry: URL = defaultEntry()) {
  return prepare<{ maxHlc: string | null }>({ values: check }, entry, (v) => v);
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
