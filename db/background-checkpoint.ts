// After a bulk commit (a large sync import) the WAL holds every page the commit wrote, and SQLite's
// automatic checkpoint would copy them all into the database file inside that commit, on the
// thread that answers the window: about a fifth of a 100k-change import. A bulk write turns the
// automatic checkpoint off for its commit and hands the copy to a worker thread with a connection
// of its own. A PASSIVE checkpoint never blocks readers or writers, and whatever it leaves is taken
// by the next automatic one; if the worker cannot start, the automatic checkpoint does it all.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The worker, self-contained so that no bundler has to know about it. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.state);
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
  }
} finally {
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
}
`;

/** A worker that died before saying so is not waited for longer than this. */
const MAX_WAIT_MS = 60_000;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

interface Running {
  /** 0 while the worker's connection may be open, 1 once it is closed. */
  state: Int32Array;
  done: Promise<void>;
}

export class BackgroundCheckpoint {
  private running: Running | null = null;

  constructor(private readonly file: string) {}

  /** Starts a checkpoint unless one is running (it will copy what this one would). */
  start(): void {
    if (this.running) return;
    const state = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file: this.file, state: state.buffer },
    });
    const done = new Promise<void>((resolve) => {
      const finish = () => {
        Atomics.store(state, 0, 1);
        this.running = null;
        resolve();
      };
      worker.once('exit', finish);
      // A failed checkpoint only leaves its work to the next automatic one.
      worker.once('error', () => undefined);
    });
    this.running = { state, done };
  }

  /** Resolves when no checkpoint is running. */
  idle(): Promise<void> {
    return this.running?.done ?? Promise.resolve();
  }

  /**
   * Blocks until the worker's connection is closed: the last connection to close checkpoints and
   * removes the WAL, and the file must not be replaced under an open one.
   */
  waitClosed(): void {
    if (this.running) Atomics.wait(this.running.state, 0, 0, MAX_WAIT_MS);
  }
}
