// backup.importData: a backup's bytes from the window (a file dropped or chosen on 设置) are kept in
// the backups folder only when they check out as a backup, under a name that says where they came
// from and with the file's own time; anything else is refused under its own name and leaves
// nothing behind. Nothing is replaced until backup.restore.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import { backupDir } from '../../db/services/backups';
import { currentProgress, watchProgress } from '../../db/job-progress';
import type { JobProgress } from '../../domain/job-progress';
import type { BackupInfo } from '../../domain/backups';
import { expectOk, openTempDb, tempDir } from '../helpers';

let app: AppDatabase;
let other: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
  other = await openTempDb();
});
afterEach(() => {
  app.close();
  other.close();
});

const names = (db: AppDatabase) =>
  (expectOk(dispatchSync(db, 'ledger.query', {})) as { rows: { name: string }[] }).rows.map(
    (r) => r.name,
  );

/** A real backup of the other laptop, as the bytes a USB stick would hold. */
async function foreignBackup(): Promise<Buffer> {
  expectOk(dispatchSync(other, 'project.create', { name: 'U 盘备份里的项目' }));
  const made = expectOk(await dispatch(other, 'backup.create', {})) as BackupInfo;
  return readFileSync(made.file);
}

describe('backup.importData', () => {
  test('keeps a real backup in the backups folder, listed and checked, with its own time; replaces nothing', async () => {
    expectOk(dispatchSync(app, 'project.create', { name: '本机项目' }));
    const bytes = await foreignBackup();
    const modifiedMs = Date.parse('2026-03-02T08:30:00Z');
    const kept = expectOk(
      await dispatch(app, 'backup.importData', {
        name: '上海驻点 备份.sqlite',
        dataBase64: bytes.toString('base64'),
        modifiedMs,
      }),
    ) as BackupInfo;

    expect(basename(kept.file)).toMatch(/^imported-上海驻点_备份-[0-9a-f]{12}\.sqlite$/);
    expect(kept.bytes).toBe(bytes.length);
    expect(Date.parse(kept.at)).toBe(modifiedMs);
    expect(statSync(kept.file).mtimeMs).toBe(modifiedMs);
    expect(readFileSync(kept.file).equals(bytes)).toBe(true);
    expect(readdirSync(backupDir(app))).toEqual([basename(kept.file)]);
    const listed = expectOk(await dispatch(app, 'backup.list', {})) as BackupInfo[];
    expect(listed.map((b) => b.file)).toEqual([kept.file]);
    expect(names(app)).toEqual(['本机项目']);

    // The same bytes again: the same file, not a second copy.
    const again = expectOk(
      await dispatch(app, 'backup.importData', {
        name: '上海驻点 备份.sqlite',
        dataBase64: bytes.toString('base64'),
      }),
    ) as BackupInfo;
    expect(again.file).toBe(kept.file);
    expect(readdirSync(backupDir(app))).toHaveLength(1);

    // Restoring it is backup.restore's, as for any listed backup.
    expectOk(await dispatch(app, 'backup.restore', { file: kept.file }));
    expect(names(app)).toEqual(['U 盘备份里的项目']);
  });

  test('shows its phases on the job bar while it saves and checks the file, then ends', async () => {
    const bytes = await foreignBackup();
    const seen: (JobProgress | null)[] = [];
    watchProgress(app, (p) => seen.push(p));
    expectOk(
      await dispatch(app, 'backup.importData', {
        name: '北京驻点.sqlite',
        dataBase64: bytes.toString('base64'),
      }),
    );
    expect(seen.filter((p) => p !== null).map((p) => [p.job, p.phase, p.done])).toEqual([
      ['导入备份文件', '开始', 0],
      ['导入备份文件', '保存备份文件', 0],
      ['导入备份文件', '校验备份', 0],
      ['导入备份文件', '校验备份', 1],
    ]);
    expect(seen.at(-1)).toBeNull();
    expect(currentProgress(app)).toBeNull();
  });

  test('refuses what is no backup of ours under its own name and leaves nothing behind', async () => {
    expectOk(dispatchSync(app, 'project.create', { name: '本机项目' }));
    const notOurs = join(tempDir(), 'other.sqlite');
    const db = new Database(notOurs);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    const attempts: [string, Buffer][] = [
      ['台账.xlsx', Buffer.from('PK\u0003\u0004 not a database')],
      ['半截备份.sqlite', (await foreignBackup()).subarray(0, 4096)],
      ['别的数据库.sqlite', readFileSync(notOurs)],
    ];
    for (const [name, bytes] of attempts) {
      const refused = await dispatch(app, 'backup.importData', {
        name,
        dataBase64: bytes.toString('base64'),
      });
      expect(refused, name).toMatchObject({
        ok: false,
        code: 'BACKUP_INVALID',
        message: expect.stringContaining(name),
      });
    }
    expect(readdirSync(backupDir(app))).toEqual([]);
    expect(names(app)).toEqual(['本机项目']);
  });

  test('takes a file name only, and base64 only', async () => {
    const bytes = (await foreignBackup()).toString('base64');
    for (const input of [
      { name: '../../etc/crm.sqlite', dataBase64: bytes },
      { name: 'a.sqlite', dataBase64: '' },
      { name: 'a.sqlite', dataBase64: 'not base64!' },
      { name: 'a.sqlite', dataBase64: bytes, file: '/tmp/x.sqlite' },
    ]) {
      expect(
        await dispatch(app, 'backup.importData', input),
        JSON.stringify(input.name),
      ).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
  });
});
