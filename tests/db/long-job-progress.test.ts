// The long jobs report their phase and how far they got (db/job-progress.ts), on a real database:
// the demo load, a backup page by page, a restore, a 台账 export to a real xlsx. What the window's
// progress bar polls (job.progress) is what these watchers see.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import { watchProgress } from '../../db/job-progress';
import { PAGES_PER_STEP, backupDir } from '../../db/services/backups';
import type { BackupInfo } from '../../domain/backups';
import type { JobProgress } from '../../domain/job-progress';
import { expectOk, openTempDb, tempDir } from '../helpers';

let app: AppDatabase;
let seen: (JobProgress | null)[] = [];

beforeAll(async () => {
  app = await openTempDb();
  watchProgress(app, (p) => seen.push(p));
});
afterAll(() => app.close());

/** The reports of one job, from its first to the null that ends it. */
async function reportsOf(work: () => unknown): Promise<JobProgress[]> {
  seen = [];
  await work();
  expect(seen.at(-1)).toBeNull();
  return seen.filter((p): p is JobProgress => p !== null);
}

const phases = (reports: JobProgress[]) => [...new Set(reports.map((p) => p.phase))];

function rising(reports: JobProgress[], phase: string): number[] {
  const done = reports.filter((p) => p.phase === phase).map((p) => p.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  return done;
}

describe('long jobs report their progress', () => {
  test('the demo load counts its rows in the one transaction it writes', async () => {
    const reports = await reportsOf(() =>
      expectOk(dispatchSync(app, 'app.demo', { projects: 3000, seed: 1 })),
    );
    expect(new Set(reports.map((p) => p.job))).toEqual(new Set(['生成演示数据']));
    expect(phases(reports)).toEqual([
      '开始',
      '写入演示记录（条）',
      '重建索引',
      '整理统计信息',
      '设置目标',
    ]);
    const done = rising(reports, '写入演示记录（条）');
    expect(done.length).toBeGreaterThan(10);
    expect(done.at(-1)).toBe(3000 * 8);
  });

  test('a backup reports the pages it copied, then its check', async () => {
    let made: BackupInfo | undefined;
    const reports = await reportsOf(async () => {
      made = expectOk(await dispatch(app, 'backup.create', {})) as BackupInfo;
    });
    expect(reports.every((p) => p.job === '备份数据库')).toBe(true);
    expect(phases(reports)).toEqual(['开始', '复制数据库', '校验备份']);
    const copy = reports.filter((p) => p.phase === '复制数据库');
    const pages = copy[0]!.total;
    expect(pages).toBeGreaterThan(PAGES_PER_STEP * 4); // several steps of the online backup
    expect(copy.length).toBeGreaterThanOrEqual(Math.ceil(pages / PAGES_PER_STEP));
    expect(rising(reports, '复制数据库').at(-1)).toBe(pages);
    expect(reports.at(-1)).toMatchObject({ phase: '校验备份', done: 1, total: 1 });
    expect(statSync(made!.file).size).toBe(pages * 16384);
  });

  test('a restore checks the backup, copies the current database, then replaces it', async () => {
    const backup = expectOk(await dispatch(app, 'backup.create', {})) as BackupInfo;
    const reports = await reportsOf(async () =>
      expectOk(await dispatch(app, 'backup.restore', { file: backup.file })),
    );
    expect(reports.every((p) => p.job === '恢复备份')).toBe(true);
    expect(phases(reports)).toEqual([
      '开始',
      '校验备份',
      '备份当前数据库',
      '校验当前数据库的备份',
      '替换数据库',
    ]);
    expect(reports.at(-1)).toMatchObject({ phase: '替换数据库', done: 1, total: 1 });
  });

  test('a restore from a damaged file is refused before anything is copied or replaced', async () => {
    const bad = join(tempDir(), 'damaged.sqlite');
    writeFileSync(bad, Buffer.alloc(8192, 7));
    const before = readdirSync(backupDir(app)).sort();
    const projects = expectOk(dispatchSync(app, 'ledger.query', {})) as {
      totals: { count: number };
    };
    const result = await dispatch(app, 'backup.restore', { file: bad });
    expect(result).toMatchObject({ ok: false, code: 'BACKUP_INVALID' });
    expect(result.ok ? '' : result.message).toMatch(/备份文件已损坏/);
    expect(readdirSync(backupDir(app)).sort()).toEqual(before);
    expect(expectOk(dispatchSync(app, 'ledger.query', {}))).toMatchObject({
      totals: { count: projects.totals.count },
    });
  });

  test('a 台账 export reports its rows into a real xlsx', async () => {
    const out = join(tempDir(), '台账.xlsx');
    const reports = await reportsOf(async () =>
      expectOk(await dispatch(app, 'ledger.export', { out })),
    );
    expect(reports.every((p) => p.job === '导出台账')).toBe(true);
    const rows = rising(reports, '写出行');
    expect(rows.at(-1)).toBe(3000);
    expect(existsSync(out) && statSync(out).size).toBeGreaterThan(100_000);
  });
});
