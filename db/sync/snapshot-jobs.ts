// The checks of a snapshot's image that run on worker threads (snapshot-chains-thread.ts): what a
// job names and what it answers; the same on the worker and, as a fallback, on the calling thread.
import type Database from 'better-sqlite3';
import type { ErrorCode } from '../../domain/errors';
import type { StopAsked } from './check-stop';
import { checkChains } from './snapshot-chains';
import type { ChainCheck } from './snapshot-chains';
import { checkValues } from './snapshot-values';
import type { ValueCheck } from './snapshot-values';

export type ImageJob = { chains: ChainCheck } | { values: ValueCheck };

/** What a worker is started with: its job, and the flag its caller sets to stop it (check-stop.ts). */
export interface ImageWorkerData {
  job: ImageJob;
  stop: SharedArrayBuffer;
}

export type ImageReply<T> = { verified: T } | { code: ErrorCode; message: string };

/** The check a job names, on the open image; it gives up once `asked` says so. */
export function runJob(image: Database.Database, job: ImageJob, asked?: StopAsked) {
  return 'chains' in job
    ? checkChains(image, job.chains, asked)
    : checkValues(image, job.values, asked);
}
