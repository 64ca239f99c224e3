// The database off the window's thread. A writer thread owns the database and serves every method
// through the dispatcher; a reader thread with a read-only connection of its own serves the
// methods that only read, and since WAL readers never wait for the writer, a 台账 query or the
// status line is answered while a long import or export holds the writer. The host, on the main
// thread, routes each call by its handler's kind and answers the progress poll itself from what
// the writer posts as it works, so progress reports during a write too. Electron's main process
// and the browser harness use it, behind the window dispatch; the CLI calls the dispatcher in
// process. A thread that dies answers every call it held with INTERNAL, never leaves one waiting.
import { Worker } from 'node:worker_threads';
import type { ApiResult } from '../../domain/errors';
import { errorMessages } from '../../domain/errors';
import type { JobProgress } from '../../domain/job-progress';
import type { Dispatch } from '../dispatcher';
import { workerEntry } from '../worker-entry';
import type { FromWorker, Role, Routes, ToWorker, WorkerSetup } from './messages';

export interface DatabaseHostOptions {
  /** The install's identity file (db/replica-identity.ts); `<file>.install-id` by default. */
  installIdFile?: string;
  /** Take the day's backup once the database is open (db/services/backups.ts). */
  dailyBackup?: boolean;
  /** Told of what a thread did on its own and failed at (the daily backup). */
  log?: (message: string, detail: string) => void;
}

const internal: ApiResult<never> = {
  ok: false,
  code: 'INTERNAL',
  message: errorMessages.INTERNAL,
};

/** One worker thread: calls by id, each answered once, with INTERNAL if the thread ends first. */
class Thread {
  readonly worker: Worker;
  private readonly pending = new Map<number, (result: ApiResult<unknown>) => void>();
  private calls = 0;
  private alive = true;
  /** Resolves when the thread has ended, however it ended. */
  readonly exited: Promise<void>;

  constructor(
    readonly role: Role,
    setup: WorkerSetup,
    onMessage: (thread: Thread, message: FromWorker) => void,
    onExit: (thread: Thread) => void,
  ) {
    this.worker = new Worker(workerEntry('db-worker.cjs'), { workerData: setup });
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'result') this.settle(message.id, message.result);
      else onMessage(this, message);
    });
    this.worker.on('error', (error) => console.error(`数据库${this.label}线程出错`, error));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        this.alive = false;
        for (const answer of this.pending.values()) answer(internal);
        this.pending.clear();
        onExit(this);
        resolve();
      });
    });
  }

  get label(): string {
    return this.role === 'writer' ? '写入' : '读取';
  }

  get isAlive(): boolean {
    return this.alive;
  }

  call(method: string, input: unknown): Promise<ApiResult<unknown>> {
    if (!this.alive) return Promise.resolve(internal);
    const id = (this.calls += 1);
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (!this.send({ type: 'call', id, method, input })) this.settle(id, internal);
    });
  }

  /** False when the message could not be sent (the thread has ended, or it cannot be cloned). */
  send(message: ToWorker): boolean {
    if (!this.alive) return false;
    try {
      this.worker.postMessage(message);
      return true;
    } catch (error) {
      console.error(error);
      return false;
    }
  }

  /** Closes the thread's connection and waits for the thread to end. */
  async end(): Promise<void> {
    this.send({ type: 'close' });
    await this.exited;
  }

  private settle(id: number, result: ApiResult<unknown>): void {
    const answer = this.pending.get(id);
    this.pending.delete(id);
    answer?.(result);
  }
}

/** A promise and its resolver. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

export class DatabaseHost {
  /** Routes every call, from any thread of this process: the window's API stands in front. */
  readonly dispatch: Dispatch = (method, input) => this.route(method, input);
  private progress: JobProgress | null = null;
  private reads = new Set<string>();
  private writes = new Set<string>();
  /** Short write transactions not yet answered: a read issued after one sees what it wrote. */
  private readonly unansweredWrites = new Set<Promise<unknown>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Closed while a restore replaces the file under the reader. */
  private readerGate: Promise<void> = Promise.resolve();
  private onReaderSuspended: (() => void) | null = null;
  private onReaderReady: (() => void) | null = null;
  private closing: Promise<void> | null = null;
  private readonly writer: Thread;
  private reader: Thread | null = null;

  private constructor(
    readonly file: string,
    private readonly options: DatabaseHostOptions,
    ready: (outcome: Error | null) => void,
  ) {
    this.writer = this.thread('writer', ready);
  }

  /**
   * Opens the database in the writer (creating and migrating it if needed), then in the reader,
   * whose thread starts meanwhile. An in-memory database has one connection: no reader.
   */
  static async open(file: string, options: DatabaseHostOptions = {}): Promise<DatabaseHost> {
    let host!: DatabaseHost;
    const opened = new Promise<Error | null>((resolve) => {
      host = new DatabaseHost(file, options, resolve);
    });
    const reader = file === ':memory:' ? null : host.startReader();
    const failure = await opened;
    if (failure) {
      await Promise.all([host.writer.worker.terminate(), host.reader?.worker.terminate()]);
      throw failure;
    }
    await reader?.();
    return host;
  }

  /** The threads, for tests that end one as a crash would. */
  get threads(): { writer: Worker; reader: Worker | null } {
    return { writer: this.writer.worker, reader: this.reader?.worker ?? null };
  }

  /** Waits for every call made so far, then closes the reader and the writer and their threads. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.inFlight]);
      await this.reader?.end();
      await this.writer.end();
    })();
    return this.closing;
  }

  private thread(role: Role, ready: (outcome: Error | null) => void): Thread {
    let starting = true;
    const started = (outcome: Error | null) => {
      if (!starting) return;
      starting = false;
      ready(outcome);
    };
    return new Thread(
      role,
      {
        role,
        file: this.file,
        ...(role === 'writer'
          ? {
              installIdFile:
                this.options.installIdFile ??
                (this.file === ':memory:' ? undefined : `${this.file}.install-id`),
              dailyBackup: this.options.dailyBackup,
            }
          : {}),
      },
      (thread, message) => {
        if (message.type === 'ready') {
          if (message.routes) this.setRoutes(message.routes);
          started(null);
          if (role === 'reader') this.onReaderReady?.();
        } else if (message.type === 'failed') {
          started(new Error(message.message));
          console.error(`数据库${thread.label}线程无法打开数据库：${message.message}`);
          void thread.worker.terminate();
        } else {
          this.onMessage(message);
        }
      },
      (thread) => {
        started(new Error(`数据库${thread.label}线程意外退出`));
        if (thread === this.reader) {
          this.reader = null;
          this.onReaderSuspended?.();
          this.onReaderReady?.();
        }
      },
    );
  }

  /** Starts the reader's thread; the function returned opens its connection. */
  private startReader(): () => Promise<void> {
    let ready: (outcome: Error | null) => void = () => {};
    const opened = new Promise<Error | null>((resolve) => (ready = resolve));
    const thread = this.thread('reader', (outcome) => ready(outcome));
    this.reader = thread;
    return async () => {
      thread.send({ type: 'resume' });
      const failure = await opened;
      // Without a reader every call goes to the writer, as before there was one.
      if (failure) console.error(failure.message);
    };
  }

  private setRoutes(routes: Routes): void {
    this.reads = new Set(routes.reads);
    this.writes = new Set(routes.writes);
  }

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'progress':
        this.progress = message.progress;
        return;
      case 'suspend-readers':
        void this.suspendReader().then(() =>
          this.writer.send({ type: 'readers-suspended', id: message.id }),
        );
        return;
      case 'resume-readers':
        this.resumeReader();
        return;
      case 'suspended':
        this.onReaderSuspended?.();
        return;
      case 'log':
        this.options.log?.(message.message, message.detail);
        return;
    }
  }

  /** New reads wait; the reader answers those it holds, then closes its connection. */
  private async suspendReader(): Promise<void> {
    const { opened, open } = gate();
    this.readerGate = opened;
    this.onReaderReady = () => {
      this.onReaderReady = null;
      open();
    };
    const reader = this.reader;
    if (!reader?.isAlive) return;
    await new Promise<void>((resolve) => {
      this.onReaderSuspended = () => {
        this.onReaderSuspended = null;
        resolve();
      };
      if (!reader.send({ type: 'suspend' })) this.onReaderSuspended();
    });
  }

  private resumeReader(): void {
    if (!this.reader?.send({ type: 'resume' })) this.onReaderReady?.();
  }

  private route(method: string, input: unknown): Promise<ApiResult<unknown>> {
    if (this.closing) return Promise.resolve(internal);
    if (method === 'job.progress' && isEmpty(input)) {
      return Promise.resolve({ ok: true, data: this.progress });
    }
    const call = this.reads.has(method) ? this.read(method, input) : this.write(method, input);
    this.inFlight.add(call);
    void call.finally(() => this.inFlight.delete(call));
    return call;
  }

  private async read(method: string, input: unknown): Promise<ApiResult<unknown>> {
    if (this.unansweredWrites.size > 0) await Promise.allSettled([...this.unansweredWrites]);
    await this.readerGate;
    return this.reader?.isAlive ? this.reader.call(method, input) : this.writer.call(method, input);
  }

  private write(method: string, input: unknown): Promise<ApiResult<unknown>> {
    const call = this.writer.call(method, input);
    if (this.writes.has(method)) {
      this.unansweredWrites.add(call);
      void call.finally(() => this.unansweredWrites.delete(call));
    }
    return call;
  }
}

/** No input, as the window sends for a method that takes none. */
function isEmpty(input: unknown): boolean {
  if (input === undefined || input === null) return true;
  return typeof input === 'object' && !Array.isArray(input) && Object.keys(input).length === 0;
}

export function openDatabaseHost(
  file: string,
  options: DatabaseHostOptions = {},
): Promise<DatabaseHost> {
  return DatabaseHost.open(file, options);
}
