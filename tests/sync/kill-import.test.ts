// S14 and property 5 with a real process: the bundled CLI imports a large file and is killed with
// SIGKILL at random moments, 50 times. Each time the database passes integrity_check and holds
// exactly the state before the import or exactly the state after it.
import { writeDemoRows } from '../../db/services/app';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, test } from 'vitest';
import { syncedTableNames } from '../../db/synced-tables';
import { tempDir } from '../helpers';
import { buildCli } from './cli-bundle';
import { exportTo, openReplica } from './replicas';

let cli: string;
// The pinned Node 22 that runs the tests (the machine's own Node 20 cannot load better-sqlite3).
const node = process.execPath;
const KILLS = 50;
const PARALLEL = 2;

let dir: string;
let base: string;
let file: string;
let before: string;
let after: string;
let fullRunMs: number;

/** What "the state" means: every synced row, the change log, the vector and the peer's acknowledgement. */
function state(db: string): string {
  const sqlite = new Database(db);
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const parts = syncedTableNames.map((t) =>
      sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).all(),
    );
    parts.push(sqlite.prepare('SELECT * FROM sync_change ORDER BY origin, seq').all());
    parts.push(sqlite.prepare('SELECT * FROM sync_vv ORDER BY origin').all());
    parts.push(sqlite.prepare('SELECT site_id, acked FROM sync_peer ORDER BY site_id').all());
    parts.push(sqlite.prepare('SELECT count(*) AS n FROM sync_import_log').all());
    // Derived columns carry the import time; everything else must match exactly.
    return JSON.stringify(parts).replace(/"updated_at":"[^"]*"/g, '');
  } finally {
    sqlite.close();
  }
}

function copyBase(name: string): string {
  const db = join(dir, `${name}.sqlite`);
  copyFileSync(base, db);
  copyFileSync(`${base}.install-id`, `${db}.install-id`);
  return db;
}

function runImport(db: string, killAfterMs?: number): Promise<{ code: number | null; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(node, [cli, '--db', db, 'import', file, '--json'], { stdio: 'ignore' });
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: performance.now() - started });
    });
  });
}

beforeAll(async () => {
  cli = buildCli('kill-import');
  expect(existsSync(cli)).toBe(true);
  dir = tempDir('zs-kill-');
  const source = await openReplica('上海', { startMs: Date.now() });
  writeDemoRows(source.app, { projects: 300, seed: 3 });
  file = (await exportTo(source, dir, { full: true })).file;
  source.app.close();
  const target = await openReplica('本部', { dir: tempDir('zs-kill-base-'), startMs: Date.now() });
  base = target.app.file;
  target.app.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  target.app.close();
  before = state(copyBase('before'));
  const done = copyBase('after');
  const run = await runImport(done);
  expect(run.code).toBe(0);
  fullRunMs = run.ms;
  after = state(done);
  expect(after).not.toBe(before);
}, 120_000);

describe('killing the importing process', () => {
  test(`SIGKILL at ${KILLS} random moments: integrity ok, state before or after`, async () => {
    const outcomes = { before: 0, after: 0 };
    for (let i = 0; i < KILLS; i += PARALLEL) {
      await Promise.all(
        Array.from({ length: Math.min(PARALLEL, KILLS - i) }, async (_, j) => {
          const db = copyBase(`kill-${i + j}`);
          // From start-up (which writes nothing) to well past the commit: runs here are slower
          // than the calibration run (two at a time, beside other tests), and a run that ends
          // before its kill costs no more than one that is killed.
          await runImport(db, fullRunMs * (0.2 + Math.random() * 2.3));
          const s = state(db);
          expect([before, after]).toContain(s);
          outcomes[s === before ? 'before' : 'after'] += 1;
        }),
      );
    }
    console.log(
      `kill test: full import ${fullRunMs.toFixed(0)} ms; ${outcomes.before} before, ${outcomes.after} after`,
    );
  }, 180_000);
});
