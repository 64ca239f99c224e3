// Test fixtures: real SQLite files in a fresh temp folder, opened the way the app opens them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppDatabase } from '../db/app-database';
import type { AppDatabase, OpenOptions } from '../db/app-database';
import { dispatch, dispatchSync } from '../db/dispatcher';
import type { ApiResult } from '../domain/errors';

const tempDirs: string[] = [];
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder (under `base`, the system's temp folder by default), removed when the test process exits. */
export function tempDir(prefix = 'zs-test-', base = tmpdir()): string {
  const dir = mkdtempSync(join(base, prefix));
  tempDirs.push(dir);
  return dir;
}

export async function openTempDb(
  options: OpenOptions & { init?: boolean } = {},
): Promise<AppDatabase> {
  const app = await openAppDatabase(join(tempDir(), 'crm.sqlite'), options);
  if (options.init !== false)
    expectOk(dispatchSync(app, 'app.init', { user: '张三', office: '上海' }));
  return app;
}

/**
 * 本部 and an office in one zone, as real laptops would be: 本部 creates the zone at init and
 * makes an invitation (without data), which the office joins before its own init.
 */
export async function openZonePair(
  office = '上海',
): Promise<{ hq: AppDatabase; office: AppDatabase }> {
  const hq = await openTempDb({ init: false });
  expectOk(dispatchSync(hq, 'app.init', { user: '李四', office: '本部', zoneName: '经开区招商' }));
  const invitation = join(tempDir(), 'office.zsinvite');
  const passphrase = '电话告知的邀请口令';
  expectOk(await dispatch(hq, 'zone.invite', { out: invitation, passphrase, withoutData: true }));
  const other = await openTempDb({ init: false });
  expectOk(await dispatch(other, 'zone.join', { file: invitation, passphrase }));
  expectOk(dispatchSync(other, 'app.init', { user: '张三', office }));
  return { hq, office: other };
}

export function expectOk<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result.data;
}

/** Row counts of every user table plus the change log: "nothing changed" means these are equal. */
export function snapshot(app: AppDatabase): Record<string, number> {
  const tables = app.sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'kysely%'")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (app.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
}

/**
 * Copies every page of the WAL into the database file and empties the WAL, so that the file alone
 * is the whole database (to copy it, or to compare its bytes). A background checkpoint
 * (db/background-checkpoint.ts) may still hold its own connection after a bulk write; while it
 * does, the checkpoint reports busy and the file is not yet complete, so this retries.
 */
export function checkpointFully(app: AppDatabase): void {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = app.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    if (row && row.busy === 0 && row.log <= 0) return;
    if (Date.now() > deadline) throw new Error('no complete checkpoint in 30 s');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}
