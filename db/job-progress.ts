// Progress of the one long job a window may be running (an Excel import or export, the 月报, a sync
// file, a backup or restore, the demo data), for the window to poll while it waits. In the database host (db/host/) a watcher forwards each change
// to the main thread, which answers the poll itself, even while a write holds the writer's thread.
// Long jobs also yield to the event loop now and then, so that calls run in process (the CLI)
// interleave with them as before.
import type { JobProgress } from '../domain/job-progress';
import type { AppDatabase } from './app-database';

const running = new WeakMap<AppDatabase, JobProgress>();
const watchers = new WeakMap<AppDatabase, (progress: JobProgress | null) => void>();

export type ReportProgress = (phase: string, done: number, total: number) => void;

export function currentProgress(app: AppDatabase): JobProgress | null {
  return running.get(app) ?? null;
}

/** Tells `watcher` of every change of the app's progress, at once (null: no job runs). */
export function watchProgress(
  app: AppDatabase,
  watcher: (progress: JobProgress | null) => void,
): void {
  watchers.set(app, watcher);
}

function reporter(app: AppDatabase, job: string): ReportProgress {
  return (phase, done, total) => {
    const progress = { job, phase, done, total };
    running.set(app, progress);
    watchers.get(app)?.(progress);
  };
}

/** Runs `work` as the job named `job`, publishing its progress until it ends either way. */
export async function withProgress<T>(
  app: AppDatabase,
  job: string,
  work: (report: ReportProgress) => Promise<T>,
): Promise<T> {
  const report = reporter(app, job);
  report('开始', 0, 0);
  try {
    return await work(report);
  } finally {
    running.delete(app);
    watchers.get(app)?.(null);
  }
}

/**
 * withProgress for a job that holds the thread to its end (one transaction, such as the demo
 * load): the database host still hears each report, since the writer posts it at once.
 */
export function withProgressSync<T>(
  app: AppDatabase,
  job: string,
  work: (report: ReportProgress) => T,
): T {
  const report = reporter(app, job);
  report('开始', 0, 0);
  try {
    return work(report);
  } finally {
    running.delete(app);
    watchers.get(app)?.(null);
  }
}

const YIELD_EVERY = 1000;

/** Every YIELD_EVERY items: reports, then lets pending calls (such as the progress poll) run. */
export async function yieldEvery(done: number, report: () => void): Promise<void> {
  if (done % YIELD_EVERY !== 0) return;
  report();
  await new Promise((resolve) => setImmediate(resolve));
}
