// Where the app writes a file at the user's word (db/output-file.ts), on real files: never over
// the open database, its WAL or another SQLite database (a backup), not onto a folder or into one
// that does not exist; each refusal is a Chinese message and leaves every file as it was. A
// snapshot or workbook that fails half way leaves the file that was at its place.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { dispatch } from '../../db/dispatcher';
import type { ApiResult } from '../../domain/errors';
import { tempDir } from '../helpers';
import { openReplica } from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.app.close();
});

async function hq(): Promise<Replica> {
  const r = await openReplica('本部', { dir: tempDir('zs-output-') });
  open.push(r);
  return r;
}

const writers = (out: string): [string, unknown][] => [
  ['sync.snapshot', { out }],
  ['sync.export', { out, full: true }],
  ['zone.invite', { out, passphrase: '电话告知的邀请口令' }],
  ['ledger.export', { out }],
  ['report.monthly', { year: 2021, month: 6, out }],
  ['backup.create', { file: out }],
];

test('no writer writes over the open database, its WAL or a backup', async () => {
  const r = await hq();
  const backup = (await dispatch(r.app, 'backup.create', undefined)) as ApiResult<{ file: string }>;
  if (!backup.ok) throw new Error(backup.message);
  const targets = [r.app.file, `${r.app.file}-wal`, backup.data.file];
  for (const target of targets) {
    const before = existsSync(target) ? readFileSync(target) : null;
    for (const [method, input] of writers(target)) {
      const result = await dispatch(r.app, method, input);
      expect(result, `${method} → ${target}`).toMatchObject({
        ok: false,
        code: 'OUTPUT_IS_DATABASE',
        message: expect.stringContaining('不能写到数据库文件上'),
      });
    }
    if (before && !target.endsWith('-wal')) expect(readFileSync(target).equals(before)).toBe(true);
  }
  // The database is whole and still answers.
  expect(await dispatch(r.app, 'app.status', undefined)).toMatchObject({ ok: true });
});

test('a folder, or a folder that does not exist, is refused before any work', async () => {
  const r = await hq();
  const dir = tempDir('zs-output-dir-');
  const folder = join(dir, '文件夹.xlsx');
  mkdirSync(folder);
  const missing = join(dir, '没有这个文件夹', '台账.xlsx');
  for (const [method, input] of writers(folder)) {
    if (method === 'sync.export' || method === 'backup.create') continue; // a folder is a place
    expect(await dispatch(r.app, method, input), method).toMatchObject({
      ok: false,
      code: 'OUTPUT_IS_FOLDER',
    });
  }
  for (const [method, input] of writers(missing)) {
    if (method === 'backup.create') continue; // makes its folder
    expect(await dispatch(r.app, method, input), method).toMatchObject({
      ok: false,
      code: 'OUTPUT_FOLDER_MISSING',
      message: expect.stringContaining('保存位置的文件夹不存在'),
    });
  }
  expect(existsSync(join(dir, '没有这个文件夹'))).toBe(false);
});

test('a snapshot or workbook that cannot be written leaves the file that was there', async () => {
  const r = await hq();
  const dir = tempDir('zs-output-keep-');
  // The longest name the file system takes: the temporary name beside it is one too long.
  const keep = join(dir, `${'k'.repeat(250)}.zs`);
  writeFileSync(keep, 'precious');
  const failures: Record<string, string> = {
    'sync.snapshot': 'EXPORT_FAILED',
    'ledger.export': 'LEDGER_EXPORT_FAILED',
    'report.monthly': 'LEDGER_EXPORT_FAILED',
    'zone.invite': 'INVITATION_WRITE_FAILED',
  };
  for (const [method, input] of writers(keep).filter(([m]) => m in failures)) {
    expect(await dispatch(r.app, method, input), method).toMatchObject({
      ok: false,
      code: failures[method],
      message: expect.stringContaining('文件名过长'),
    });
    expect(readFileSync(keep, 'utf8'), method).toBe('precious');
  }
  // A file that may go is replaced whole.
  const ledger = join(dir, '台账.xlsx');
  writeFileSync(ledger, 'old');
  expect(await dispatch(r.app, 'ledger.export', { out: ledger })).toMatchObject({ ok: true });
  expect(statSync(ledger).size).toBeGreaterThan(1000);
  expect(readFileSync(ledger).subarray(0, 2).toString()).toBe('PK');
});
