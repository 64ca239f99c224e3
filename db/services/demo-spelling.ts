// Demo data spelled ahead (issue 19: demo generation of 100k projects): deriving a project's or an
// investor's search text spells its Chinese names in pinyin, about a seventh of a large load on
// the thread that writes. A worker thread generates the same rows from the same options (the
// generator is deterministic) and spells their names meanwhile; the load takes what has arrived
// every few hundred rows and spells itself whatever has not, so its rows are the same either way.
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { DemoOptions } from '../../seeds/demo/index';
import { rememberSpellings } from '../search-fold';
import type { Spelling } from '../search-fold';
import { workerEntry } from '../worker-entry';

/**
 * What the thread is given: the load's options and the port it posts its spellings to. It runs the
 * database worker's bundle, which already holds the generator and the spelling libraries.
 */
export interface DemoSpellingJob {
  role: 'demo-spelling';
  options: DemoOptions;
  port: MessagePort;
  /** Set to 1 when the load no longer wants spellings: the thread then ends itself. */
  stop: Int32Array;
}

export const isDemoSpellingJob = (data: unknown): data is DemoSpellingJob =>
  (data as { role?: unknown } | null)?.role === 'demo-spelling';

/** Below this many projects a load spells its names itself: a thread would start too late. */
export const SPELL_AHEAD_MIN_PROJECTS = 2_000;

export interface DemoSpelling {
  /** Remembers the spellings that have arrived; returns them. */
  take(): Spelling[];
  /** Asks the thread to end, done or not. */
  stop(): void;
  /** Settles once the thread has ended. */
  exited: Promise<void>;
}

export function spellDemoAhead(options: DemoOptions): DemoSpelling {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerEntry('db-worker.cjs'), {
    workerData: {
      role: 'demo-spelling',
      options,
      port: port2,
      stop: flag,
    } satisfies DemoSpellingJob,
    transferList: [port2],
  });
  // A thread that fails leaves the load to spell every name itself, as a small one does.
  worker.on('error', () => {});
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopped = false;
  return {
    exited,
    take() {
      const taken: Spelling[] = [];
      for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
        const spellings = m.message as Spelling[];
        rememberSpellings(spellings);
        taken.push(...spellings);
      }
      return taken;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      // Asked rather than terminated, as every thread on a bundle that requires better-sqlite3 is
      // (db/sync/check-stop.ts says why), though this one opens no database.
      Atomics.store(flag, 0, 1);
      port1.close();
    },
  };
}
