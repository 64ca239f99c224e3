// The messages between the database host (database-host.ts, on the main thread) and its two
// worker threads (worker.ts): the writer, which owns the database, and the reader.
import type { ApiResult } from '../../domain/errors';
import type { JobProgress } from '../../domain/job-progress';

export type Role = 'writer' | 'reader';

export interface WorkerSetup {
  role: Role;
  file: string;
  installIdFile?: string;
  /** The writer takes the day's backup once it is open (db/services/backups.ts). */
  dailyBackup?: boolean;
}

/** Which thread serves what, as the writer tells the host once it is open. */
export interface Routes {
  /** Methods that only read: the reader serves them. */
  reads: string[];
  /** Methods whose handler is one short write transaction: a later read waits for them. */
  writes: string[];
}

export type ToWorker =
  | { type: 'call'; id: number; method: string; input: unknown }
  /** Writer: the reader's connection is closed, the file may be replaced. */
  | { type: 'readers-suspended'; id: number }
  /** Reader: close the connection until `resume` (the file is being replaced). */
  | { type: 'suspend' }
  /** Reader: open the connection (the first time once the writer has opened the database). */
  | { type: 'resume' }
  /** Close the database and end the thread. */
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; routes?: Routes }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'progress'; progress: JobProgress | null }
  /** Writer: about to replace the file; answer `readers-suspended` once the reader is closed. */
  | { type: 'suspend-readers'; id: number }
  | { type: 'resume-readers' }
  /** Reader: its connection is closed. */
  | { type: 'suspended' }
  /** Something the thread did on its own failed (the daily backup). */
  | { type: 'log'; message: string; detail: string };
