// The checks of a snapshot's image that run on worker threads (snapshot-chains-thread.ts): what a
// job names and what it answers; the same on the worker and, as a fallback, on the calling thread.
import type Database from 'better-sqlite3';
import type { ErrorCode } from '../../domain/errors';
import { checkChains } from './snapshot-chains';
import type { ChainCheck } from './snapshot-chains';
import { checkValues } from './snapshot-values';
import type { ValueCheck } from './snapshot-values';

export type ImageJob = { chains: ChainCheck } | { values: ValueCheck };

export type ImageReply<T> = { verified: T } | { code: ErrorCode; message: string };

/** The check a job names, on the open image. */
export function runJob(image: Database.Database, job: ImageJob) {
  return 'chains' in job ? checkChains(image, job.chains) : checkValues(image, job.values);
}
