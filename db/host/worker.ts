// A thread of the database host (a bundle of its own: db/worker-entry.ts). The writer opens the
// database (migrations, identity), serves every method it is sent through the dispatcher, and
// posts the long job's progress as it changes, from inside a write too, since posting needs no
// turn of this thread's event loop. The reader opens a read-only connection to the same file and
// serves the methods that only read, so they are answered while the writer is busy.
import { parentPort, workerData } from 'node:worker_threads';
import type { ApiResult } from '../../domain/errors';
import { errorMessages } from '../../domain/errors';
import type { JobProgress } from '../../domain/job-progress';
import { openAppDatabase } from '../app-database';
import type { AppDatabase } from '../app-database';
import { dispatch } from '../dispatcher';
import { DAILY_CHECK_MS, dailyBackup } from '../services/backup-daily';
import { isDemoSpellingJob } from '../services/demo-spelling';
import { spellDemo } from '../services/demo-spelling-thread';
import { watchProgress } from '../job-progress';
import type { FromWorker, ToWorker, WorkerSetup } from './messages';
import { routes } from './routes';

const port = parentPort!;
const setup = workerData as WorkerSetup;
let app: AppDatabase | null = null;

const internal: ApiResult<never> = {
  ok: false,
  code: 'INTERNAL',
  message: errorMessages.INTERNAL,
};

function post(message: FromWorker): void {
  port.postMessage(message);
}

/** Writer: replies awaited from the host, by request id. */
const awaiting = new Map<number, () => void>();
let requests = 0;

/** A restore replaces the file: the reader's connection is closed meanwhile. */
async function aroundReplace(replace: () => Promise<void>): Promise<void> {
  const id = (requests += 1);
  await new Promise<void>((resolve) => {
    awaiting.set(id, resolve);
    post({ type: 'suspend-readers', id });
  });
  try {
    await replace();
  } finally {
    post({ type: 'resume-readers' });
  }
}

function open(): Promise<AppDatabase> {
  return setup.role === 'reader'
    ? openAppDatabase(setup.file, { readOnly: true })
    : openAppDatabase(setup.file, { installIdFile: setup.installIdFile, aroundReplace });
}

/** Progress posts at most this often within one phase; a new phase or the end at once. */
const PROGRESS_EVERY_MS = 20;

function forwardProgress(opened: AppDatabase): void {
  let phase = '';
  let posted = 0;
  watchProgress(opened, (progress: JobProgress | null) => {
    const now = performance.now();
    const key = progress === null ? '' : `${progress.job}\n${progress.phase}`;
    const last = progress !== null && progress.done === progress.total;
    if (key === phase && now - posted < PROGRESS_EVERY_MS && !last) return;
    phase = key;
    posted = now;
    post({ type: 'progress', progress });
  });
}

/** The host ends a thread that could not open the database. */
function failed(error: unknown): void {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}

/** The writer opens the database at once; the reader when told to (once the writer has). */
async function start(): Promise<void> {
  if (setup.role === 'reader') return;
  try {
    app = await open();
  } catch (error) {
    failed(error);
    return;
  }
  forwardProgress(app);
  post({ type: 'ready', routes: routes() });
  if (setup.dailyBackup) {
    void takeDailyBackup();
    // An app left open past midnight takes the next day's copy too.
    setInterval(() => void takeDailyBackup(), DAILY_CHECK_MS).unref();
  }
}

let dailyRunning = false;

/** The day's backup, unless one is being taken or the database is closed for a restore. */
async function takeDailyBackup(): Promise<void> {
  if (app === null || dailyRunning) return;
  dailyRunning = true;
  try {
    await dailyBackup(app);
  } catch (error) {
    post({ type: 'log', message: '自动备份失败', detail: String(error) });
  } finally {
    dailyRunning = false;
  }
}

async function call(id: number, method: string, input: unknown): Promise<void> {
  const result = app === null ? internal : await dispatch(app, method, input);
  try {
    post({ type: 'result', id, result });
  } catch (error) {
    // A result that cannot be cloned: the caller still gets an answer.
    console.error(error);
    post({ type: 'result', id, result: internal });
  }
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'call':
      return call(message.id, message.method, message.input);
    case 'readers-suspended':
      awaiting.get(message.id)?.();
      awaiting.delete(message.id);
      return;
    case 'suspend':
      app?.close();
      app = null;
      post({ type: 'suspended' });
      return;
    case 'resume':
      try {
        app = await open();
        post({ type: 'ready' });
      } catch (error) {
        failed(error);
      }
      return;
    case 'close':
      app?.close();
      app = null;
      process.exit(0);
  }
}

if (isDemoSpellingJob(workerData)) {
  // Not a database thread: a demo load's spelling thread, which needs this bundle's code.
  spellDemo(workerData);
} else {
  port.on('message', (message: ToWorker) => {
    handle(message).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
  void start();
}
