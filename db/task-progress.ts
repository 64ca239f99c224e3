// Progress of the one long task a window may be running (a ledger import or export, a report), for
// the window to poll while it waits. Long tasks also yield to the event loop now and then, so the
// poll and other calls are answered while they run.
import type { TaskProgress } from '../domain/ledger-io';
import type { AppDatabase } from './app-database';

const running = new WeakMap<AppDatabase, TaskProgress>();

export type ReportProgress = (phase: string, done: number, total: number) => void;

export function currentProgress(app: AppDatabase): TaskProgress | null {
  return running.get(app) ?? null;
}

/** Runs `work` as the task named `task`, publishing its progress until it ends either way. */
export async function withProgress<T>(
  app: AppDatabase,
  task: string,
  work: (report: ReportProgress) => Promise<T>,
): Promise<T> {
  const report: ReportProgress = (phase, done, total) =>
    running.set(app, { task, phase, done, total });
  report('开始', 0, 0);
  try {
    return await work(report);
  } finally {
    running.delete(app);
  }
}

const YIELD_EVERY = 1000;

/** Every YIELD_EVERY items: reports, then lets pending calls (such as the progress poll) run. */
export async function yieldEvery(done: number, report: () => void): Promise<void> {
  if (done % YIELD_EVERY !== 0) return;
  report();
  await new Promise((resolve) => setImmediate(resolve));
}
