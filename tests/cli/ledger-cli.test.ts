// The Excel commands from a terminal: ledger export, ledger import (dry run and for real, with a JSON
// report of new, updated, unchanged and rejected rows), report monthly, and a clear message for a
// file that is not a ledger.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, expect, test } from 'vitest';
import { tempDir } from '../helpers';
import { cli } from './run-cli';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = tempDir('zs-ledger-cli-');
  db = join(dir, 'cli.sqlite');
  expect(await cli(db, 'init', '--office', '北京', '--user', '赵六')).toMatchObject({ code: 0 });
  expect(await cli(db, 'demo', '--projects', '120', '--seed', '5')).toMatchObject({ code: 0 });
});

interface Report {
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejectedRows: { row: number; reasons: string[] }[];
  rows: { action: string; changes: string[] }[];
  phasesMs: Record<string, number> | null;
  safetyNetBytes: number | null;
}

const projectCount = async () =>
  (JSON.parse((await cli(db, 'project', 'list', '--json')).stdout) as unknown[]).length;

test('ledger export, then import: a dry run and a real run change nothing', async () => {
  const file = join(dir, '台账.xlsx');
  const exported = await cli(db, 'ledger', 'export', file, '--by-office');
  expect(exported).toMatchObject({ code: 0 });
  expect(exported.stdout).toContain('已导出 120 个项目');
  expect(statSync(file).size).toBeGreaterThan(5_000);

  const dry = await cli(db, 'ledger', 'import', file, '--dry-run', '--json');
  expect(dry.code).toBe(0);
  expect(JSON.parse(dry.stdout)).toMatchObject({ new: 0, updated: 0, unchanged: 120, rejected: 0 });
  const real = await cli(db, 'ledger', 'import', file, '--json');
  expect(JSON.parse(real.stdout)).toMatchObject({ new: 0, updated: 0, unchanged: 120 });
  expect(await projectCount()).toBe(120);
});

test('ledger import of an edited sheet: the dry run writes nothing, the run writes the good rows', async () => {
  const file = join(dir, '台账-年份.xlsx');
  // The demo is dated around today: last year's signings fill a sheet.
  const year = String(new Date().getFullYear() - 1);
  expect(await cli(db, 'ledger', 'export', file, '--year', year)).toMatchObject({ code: 0 });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(3).values as unknown[]).slice(1);
  const col = (name: string) => header.indexOf(name) + 1;
  sheet.getRow(4).getCell(col('存在问题')).value = '用地指标待落实（导入测试）';
  sheet.getRow(5).getCell(col('总投资（亿元）')).value = -3;
  const last = sheet.rowCount; // the totals row: a new project goes under it
  sheet.getRow(last + 1).values = [null, null, '新引进储能项目', '远景能源', '中国'];
  const edited = join(dir, '台账-改.xlsx');
  await workbook.xlsx.writeFile(edited);

  const before = await projectCount();
  const dryRun = await cli(db, 'ledger', 'import', edited, '--dry-run', '--json');
  expect(dryRun.code).toBe(2);
  const dry = JSON.parse(dryRun.stdout) as Report;
  expect(dry).toMatchObject({ new: 1, updated: 1, rejected: 1 });
  expect(dry.rejectedRows).toEqual([
    expect.objectContaining({ row: 5, reasons: ['总投资（亿元）不能为负数'] }),
  ]);
  expect(dry.rows.find((r) => r.action === 'update')?.changes).toEqual(['存在问题']);
  expect(await projectCount()).toBe(before);

  expect(dry).toMatchObject({ safetyNetBytes: null });
  expect(Object.keys(dry.phasesMs!)).toEqual(['read', 'check', 'match']);

  const run = await cli(db, 'ledger', 'import', edited);
  // The good rows are imported; exit 2 tells a script that some were refused.
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('1 行被拒绝');
  expect(run.stdout).toContain('新增 1，更新 1');
  expect(run.stdout).toContain('第 5 行');
  expect(await projectCount()).toBe(before + 1);

  // The report a script reads: each phase's milliseconds and what the safety net added.
  const again = join(dir, '台账-再改.xlsx');
  sheet.getRow(last + 2).values = [null, null, '第二个储能项目', '远景能源', '中国'];
  await workbook.xlsx.writeFile(again);
  const json = JSON.parse((await cli(db, 'ledger', 'import', again, '--json')).stdout) as Report;
  expect(Object.keys(json.phasesMs!)).toEqual([
    'read',
    'check',
    'match',
    'recheck',
    'write',
    'safetyNet',
    'commit',
  ]);
  expect(Object.values(json.phasesMs!).every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
  expect(json.safetyNetBytes).toBeGreaterThan(0);
});

test('report monthly writes the 月报 workbook', async () => {
  const out = join(dir, '月报.xlsx');
  const run = await cli(db, 'report', 'monthly', '--year', '2021', '--month', '6', '--out', out);
  expect(run).toMatchObject({ code: 0 });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  expect(workbook.worksheets[0]!.name).toBe('目标完成情况');
  const office = join(dir, '上海月报.xlsx');
  const args = ['--year', '2021', '--month', '6', '--office', '上海', '--out', office];
  const ofShanghai = await cli(db, 'report', 'monthly', ...args, '--json');
  expect(ofShanghai).toMatchObject({ code: 0 });
  // A demo database's files say so.
  expect(JSON.parse(ofShanghai.stdout)).toMatchObject({
    name: '演示数据-招商月报-上海-2021年6月.xlsx',
  });
  await workbook.xlsx.readFile(office);
  expect(String(workbook.worksheets[0]!.getCell('A1').value)).toContain('上海驻点');
});

test('an old .xls is refused with the way out, exit 1, nothing written', async () => {
  const file = join(dir, '老台账.xls');
  writeFileSync(file, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  const before = await projectCount();
  const run = await cli(db, 'ledger', 'import', file);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('另存为');
  expect(await projectCount()).toBe(before);
});
