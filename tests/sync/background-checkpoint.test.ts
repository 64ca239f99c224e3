// A large import leaves its WAL checkpoint to a worker thread (db/background-checkpoint.ts): the
// database file alone, without its WAL, holds the import once that checkpoint is done, and closing
// the database waits for it, so a copy of the closed file is never missing the import.
import { writeDemoRows } from '../../db/services/app';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { BULK_MIN_ROWS } from '../../db/sync/bulk-indexes';
import { tempDir } from '../helpers';
import { exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterEach(() => open.splice(0).forEach((r) => r.app.close()));

let file: string;
let changes: number;
beforeAll(async () => {
  const sh = await openReplica('上海');
  writeDemoRows(sh.app, { projects: 800, seed: 3 });
  const made = await exportTo(sh, tempDir('zs-ckpt-'), { full: true });
  sh.app.close();
  file = made.file;
  changes = made.changes;
});

/** The projects in a copy of the database file alone, as if its WAL were lost. */
function projectsInMainFile(app: Replica['app']): number {
  const copy = join(tempDir('zs-ckpt-copy-'), 'main-only.sqlite');
  copyFileSync(app.file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    const tables = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'project'").get();
    return tables ? (db.prepare('SELECT count(*) AS n FROM project').get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

test('a large import is copied into the database file by the background checkpoint', async () => {
  expect(changes).toBeGreaterThanOrEqual(BULK_MIN_ROWS);
  const hq = await openReplica('本部');
  open.push(hq);
  const report = await importInto(hq, file);
  expect(report.new).toBe(changes);
  expect(hq.app.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  await hq.app.checkpointIdle();
  expect(projectsInMainFile(hq.app)).toBe(800);
  expect(hq.app.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
});

test('closing right after a large import waits for the checkpoint; the file holds the import', async () => {
  const hq = await openReplica('本部');
  await importInto(hq, file);
  hq.app.close();
  expect(existsSync(`${hq.app.file}-wal`)).toBe(false);
  const db = new Database(hq.app.file, { readonly: true });
  expect((db.prepare('SELECT count(*) AS n FROM project').get() as { n: number }).n).toBe(800);
  db.close();
});
