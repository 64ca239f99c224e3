// S14 and property 5 with a real process: a child process (kill-import-child.ts, bundled like the
// CLI) imports a file of over 20,000 changes on the bulk path (the change log's and the largest
// tables' indexes dropped and rebuilt inside the transaction, the WAL checkpoint left to a
// background thread) and is killed with SIGKILL 50 times or more, until 40 of them have come after it said
// that its write transaction began. Each time the database passes integrity_check and every table
// (every column of every row, the sync metadata, chain blocks and heads, zone roster, conflicts,
// quarantine, import log and the schema with its indexes) is exactly as before or after the import.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { beforeAll, describe as suite, expect, test } from 'vitest';
import { cliBuildOptions } from '../../build/bundle-cli';
import { writeDemoRows } from '../../db/services/app';
import { BULK_MIN_ROWS } from '../../db/sync/bulk-indexes';
import { checkpointFully, tempDir } from '../helpers';
import { exportTo, openReplica } from './replicas';

const root = join(__dirname, '..', '..');
// The pinned Node 22 that runs the tests (the machine's own Node 20 cannot load better-sqlite3).
const node = process.execPath;
const KILLS = 50;
const AFTER_BEGIN_AT_LEAST = 40;
const MAX_ATTEMPTS = 100;
const PARALLEL = 2;
/** About 8 changes a project (seeds/demo/): over 20,000 changes. */
const PROJECTS = 2_700;
const MIN_CHANGES = 20_000;

let child: string;
let dir: string;
let base: string;
let file: string;
let clockMs: number;
let before: State;
let after: State;
let calibration: Run;

interface State {
  schema: string;
  /** Each table: its row count and a digest of all its rows, every column. */
  tables: Record<string, string>;
  /**
   * SQLite's planner statistics (sqlite_stat1, sqlite_stat4), kept apart: PRAGMA optimize rewrites
   * them at open and close, in transactions of their own, so each must be as before or as after
   * by itself. The import's bulk path puts the statistics of the indexes it rebuilds back as
   * they were.
   */
  stats: Record<string, string>;
}

/** The whole database: every table of sqlite_schema, every column, and the schema itself. */
function state(db: string): State {
  const sqlite = new Database(db);
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const schema = sqlite
      .prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name')
      .all() as { type: string; name: string }[];
    const out: State = { schema: JSON.stringify(schema), tables: {}, stats: {} };
    for (const { type, name } of schema) {
      if (type !== 'table') continue;
      const rows = (sqlite.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][])
        .map((row) => JSON.stringify(row))
        .sort();
      const digest = createHash('sha256').update(rows.join('\n')).digest('hex');
      const into = name.startsWith('sqlite_stat') ? out.stats : out.tables;
      into[name] = `${rows.length} rows ${digest.slice(0, 16)}`;
    }
    return out;
  } finally {
    sqlite.close();
  }
}

/** Whether `s` is `whole` in every table and the schema; statistics each as before or after. */
function matches(s: State, whole: State): boolean {
  return (
    s.schema === whole.schema &&
    JSON.stringify(s.tables) === JSON.stringify(whole.tables) &&
    Object.keys({ ...s.stats, ...before.stats, ...after.stats }).every(
      (t) => s.stats[t] === before.stats[t] || s.stats[t] === after.stats[t],
    )
  );
}

/** How `s` differs from both the state before and the state after. */
function describe(s: State): string {
  const differing = (of: State) =>
    Object.keys({ ...s.tables, ...of.tables }).filter((t) => s.tables[t] !== of.tables[t]);
  const parts = [
    `tables unlike before: ${differing(before).join(', ')}`,
    `unlike after: ${differing(after).join(', ')}`,
    `statistics ${JSON.stringify(s.stats)} (before ${JSON.stringify(before.stats)}, after ${JSON.stringify(after.stats)})`,
  ];
  if (s.schema !== before.schema) parts.push('the schema differs');
  return parts.join('; ');
}

function copyBase(name: string): string {
  const db = join(dir, `${name}.sqlite`);
  copyFileSync(base, db);
  copyFileSync(`${base}.install-id`, `${db}.install-id`);
  return db;
}

interface Run {
  /** What the child said, with the ms since it was started. */
  lines: { line: string; ms: number }[];
  /**
   * What it had said when it died from the kill; null when it ended by itself. Read at 'close',
   * not when the kill was sent: a write to a pipe is synchronous in Node on Linux, so every line
   * the child wrote before it died is in the pipe, though the parent may not have read it yet.
   */
  atKill: string[] | null;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

const msOf = (run: Run, line: string) => run.lines.find((l) => l.line.startsWith(line))?.ms;

/** Runs the child; kills it so many ms after its start, or after it says BEGIN or COMMIT. */
function runImport(
  db: string,
  kill: { fromStart?: number; afterBegin?: number; afterCommit?: number } = {},
) {
  return new Promise<Run>((resolve) => {
    const started = performance.now();
    const proc = spawn(node, [child, db, file, String(clockMs)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { lines: [], atKill: null, code: null, signal: null, stderr: '' };
    const timers: NodeJS.Timeout[] = [];
    let killed = false;
    const killNow = () => {
      if (killed || proc.exitCode !== null) return;
      killed = true;
      proc.kill('SIGKILL');
    };
    if (kill.fromStart !== undefined) timers.push(setTimeout(killNow, kill.fromStart));
    let pending = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let end: number;
      while ((end = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 1);
        run.lines.push({ line, ms: performance.now() - started });
        if (line === 'BEGIN' && kill.afterBegin !== undefined) {
          timers.push(setTimeout(killNow, kill.afterBegin));
        }
        if (line === 'COMMIT' && kill.afterCommit !== undefined) {
          timers.push(setTimeout(killNow, kill.afterCommit));
        }
      }
    });
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => (run.stderr += chunk));
    proc.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      // A kill sent as the child was ending by itself did not kill it.
      run.atKill = killed && signal === 'SIGKILL' ? run.lines.map((l) => l.line) : null;
      resolve({ ...run, code, signal });
    });
  });
}

beforeAll(async () => {
  const out = join(root, 'out', 'test-cli', 'kill-import-child.mjs');
  buildSync({ ...cliBuildOptions(out), entryPoints: ['tests/sync/kill-import-child.ts'] });
  child = out;
  expect(existsSync(child)).toBe(true);
  dir = tempDir('zs-kill-');
  clockMs = Date.now();
  const source = await openReplica('上海', { startMs: clockMs });
  writeDemoRows(source.app, { projects: PROJECTS, seed: 3 });
  const exported = await exportTo(source, dir, { full: true });
  expect(exported.changes).toBeGreaterThanOrEqual(MIN_CHANGES);
  file = exported.file;
  source.app.close();
  const target = await openReplica('本部', { dir: tempDir('zs-kill-base-'), startMs: clockMs });
  base = target.app.file;
  checkpointFully(target.app);
  target.app.close();
  before = state(copyBase('before'));
  // Two whole runs: the state after is the same each time, so "after" is one state.
  const runs: Run[] = [];
  const states: State[] = [];
  for (const name of ['after', 'after-again']) {
    const db = copyBase(name);
    const run = await runImport(db);
    expect(run, run.stderr).toMatchObject({ code: 0, atKill: null });
    runs.push(run);
    states.push(state(db));
  }
  calibration = runs[0]!;
  after = states[0]!;
  expect(states[1]).toEqual(after);
  expect(after).not.toEqual(before);
  const lines = calibration.lines.map((l) => l.line);
  // Every change is new, on the bulk path: the change log's indexes were gone while it was written.
  expect(lines).toContain(`CLOSED ${exported.changes}`);
  expect(exported.changes).toBeGreaterThanOrEqual(BULK_MIN_ROWS);
  expect(lines).toContain('INDEXES 0');
  expect(before.schema).toBe(after.schema);
  for (const phase of ['BEGIN', 'log', 'rows', 'derived', 'import-log', 'COMMIT', 'CHECKPOINTED']) {
    expect(lines).toContain(phase);
  }
}, 240_000);

suite('killing the importing process', () => {
  test(`SIGKILL ${KILLS}+ times, ${AFTER_BEGIN_AT_LEAST}+ inside the import's write: state before or after`, async () => {
    const begin = msOf(calibration, 'BEGIN')!;
    const commit = msOf(calibration, 'COMMIT')!;
    const closed = msOf(calibration, 'CLOSED')!;
    const landed: Record<string, number> = {};
    const outcomes = { before: 0, after: 0 };
    let afterBegin = 0;
    let inTransaction = 0;
    // A loaded machine runs the child slower or faster than the calibration run, so a kill meant
    // for the transaction may come after the child ended by itself. Each such run narrows the
    // window the next ones draw from, and the runs go on (to a bound) until the floor is met.
    let window = 0.9;
    let attempts = 0;
    while (attempts < KILLS || afterBegin < AFTER_BEGIN_AT_LEAST) {
      expect(attempts, 'kills attempted before 40 landed after BEGIN').toBeLessThan(MAX_ATTEMPTS);
      const i = attempts;
      attempts += PARALLEL;
      await Promise.all(
        Array.from({ length: PARALLEL }, async (_, j) => {
          const n = i + j;
          const db = copyBase(`kill-${n}`);
          // One run in ten is killed at a random moment of its start-up (opening, reading and
          // checking the file), one in ten while the commit is checkpointed and the database
          // closed, the others at a random moment from BEGIN to the end of the calibration run
          // (two runs side by side are slower, so few of them end first).
          const run = await runImport(
            db,
            n % 10 === 0
              ? { fromStart: Math.random() * begin }
              : n % 10 === 5
                ? { afterCommit: Math.random() * (closed - commit) * 0.8 }
                : { afterBegin: Math.random() * (closed - begin) * window },
          );
          const s = state(db);
          const isBefore = matches(s, before);
          if (!isBefore && !matches(s, after)) {
            expect.fail(
              `kill ${n} left a state neither before nor after the import: ${describe(s)}; ` +
                `the child had said ${JSON.stringify(run.atKill)}`,
            );
          }
          outcomes[isBefore ? 'before' : 'after'] += 1;
          if (!run.atKill) {
            landed['(ended first)'] = (landed['(ended first)'] ?? 0) + 1;
            window *= 0.85;
            expect(run.code, run.stderr).toBe(0);
            return;
          }
          const last = run.atKill.at(-1) ?? '(nothing)';
          landed[last] = (landed[last] ?? 0) + 1;
          if (run.atKill.includes('BEGIN')) {
            afterBegin += 1;
            // Killed inside the write transaction, before its last step: nothing of it is left.
            // After the last step ('import-log') the commit may complete before its COMMIT line
            // reaches us, so either state is right there (checked above).
            if (!run.atKill.includes('import-log')) {
              inTransaction += 1;
              expect(isBefore).toBe(true);
            }
          }
          if (run.atKill.includes('COMMIT')) expect(matches(s, after)).toBe(true);
        }),
      );
    }
    console.log(
      `kill test: ${afterBegin} of ${attempts} kills after BEGIN (${inTransaction} before the last step); ` +
        `${outcomes.before} before, ${outcomes.after} after; last line at the kill: ${JSON.stringify(landed)}; ` +
        `calibration BEGIN ${begin.toFixed(0)}, COMMIT ${commit.toFixed(0)}, CLOSED ${closed.toFixed(0)} ms`,
    );
    expect(afterBegin).toBeGreaterThanOrEqual(AFTER_BEGIN_AT_LEAST);
    // Most of them inside the write transaction itself, which takes most of the time after BEGIN.
    expect(inTransaction).toBeGreaterThanOrEqual(20);
    expect(outcomes.before).toBeGreaterThan(0);
    expect(outcomes.after).toBeGreaterThan(0);
  }, 840_000);
});
