// The 月报 workbook on a small hand-made data set: its figures are the 看板's at the month's end, the
// tier sheet lists the projects behind each count, and the month's signings are exactly the month's.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import type { FileResult } from '../../domain/excel/calls';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb, tempDir } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const YI = 100_000_000;

function add(fields: Record<string, unknown>): ProjectRecord {
  return expectOk(
    dispatchSync(app, 'project.create', {
      investor: `${String(fields.name)}集团`,
      country: 'DE',
      office: '上海',
      owner: '李明',
      industrial: true,
      ...fields,
    }),
  ) as ProjectRecord;
}

test('月报 for June 2021: targets against 序时进度, tiers with projects, June signings, ranking', async () => {
  add({
    name: '百亿芯片项目',
    totalInvestmentCny: 120 * YI,
    contractedFdiUsd: 300_000_000,
    signedOn: '2021-03-10',
    stage: 'signed',
  });
  add({
    name: '六月轴承项目',
    totalInvestmentCny: 2 * YI,
    contractedFdiUsd: 20_000_000,
    signedOn: '2021-06-30',
    stage: 'signed',
  });
  add({ name: '七月项目', totalInvestmentCny: 3 * YI, signedOn: '2021-07-01', stage: 'signed' });
  add({ name: '在谈项目', totalInvestmentCny: 5 * YI, office: '北京', owner: '赵六' });

  const out = join(tempDir('zs-report-'), '月报.xlsx');
  const result = await dispatch(app, 'report.monthly', { year: 2021, month: 6, out });
  expect(expectOk(result) as FileResult).toMatchObject({
    name: '招商月报-2021年6月.xlsx',
    file: out,
    rows: 1,
  });

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([
    '目标完成情况',
    '补差清单',
    '规模档次',
    '本月新签约',
    '项目推进',
    '五未项目',
    '排名',
    '开工率等',
    '重点项目',
    '分类统计',
  ]);

  const targets = workbook.getWorksheet('目标完成情况')!;
  expect(String(targets.getCell('A1').value)).toContain('截至 2021-06-30，序时进度 50%');
  const rowOf = (sheet: ExcelJS.Worksheet, label: string) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === label) found = row;
    });
    if (!found) throw new Error(`no row ${label}`);
    return found;
  };
  const fdi = rowOf(targets, '合同外资');
  // 确保 7亿美元 = 70,000 万美元; signed by June: 30,000 + 2,000 万美元; the July project is not counted.
  expect(fdi.getCell(2).value).toBe('万美元');
  expect(fdi.getCell(3).value).toBe(70_000);
  expect(fdi.getCell(5).value).toBe(32_000);
  expect(fdi.getCell(6).value).toBeCloseTo(32_000 / 70_000, 10);
  expect(fdi.getCell(8).value).toBe(0.5);
  expect(fdi.getCell(9).value).toBe('落后序时 4.29 个百分点');
  expect(fdi.getCell(10).value).toBe('绿灯');

  const tiers = workbook.getWorksheet('规模档次')!;
  const tierText: string[] = [];
  tiers.eachRow((row, n) => {
    if (n > 2)
      tierText.push([row.getCell(1).value, row.getCell(3).value].filter(Boolean).join(' '));
  });
  expect(tierText).toEqual([
    '百亿（1 个）',
    '百亿芯片项目',
    '50–100亿（0 个）',
    '10–50亿（0 个）',
    '亿元以上产业项目（2 个）',
    '百亿芯片项目',
    '六月轴承项目',
  ]);

  const june = workbook.getWorksheet('本月新签约')!;
  expect(june.getCell('B3').value).toBe('六月轴承项目');
  expect(june.getCell('F3').value).toEqual(new Date('2021-06-30T00:00:00Z'));
  expect(june.getCell('B4').value).toBe('合计（1 个项目）');

  const ranking = workbook.getWorksheet('排名')!;
  expect(ranking.getCell('A3').value).toBe('驻点');
  expect(ranking.getRow(4).values).toEqual(expect.arrayContaining([1, '上海', 2]));
});

test('月报 of one office: its targets, signings and promoters only, named for it', async () => {
  add({
    name: '上海六月项目',
    totalInvestmentCny: 2 * YI,
    signedOn: '2021-06-10',
    stage: 'signed',
  });
  add({
    name: '北京六月项目',
    totalInvestmentCny: 4 * YI,
    signedOn: '2021-06-20',
    stage: 'signed',
    office: '北京',
    owner: '赵六',
  });
  const zone = expectOk(await dispatch(app, 'report.monthly', { year: 2021, month: 6 }));
  expect(zone).toMatchObject({ name: '招商月报-2021年6月.xlsx', rows: 2 });

  for (const office of ['北京', 'beijing']) {
    const out = join(tempDir('zs-report-'), '月报.xlsx');
    const result = await dispatch(app, 'report.monthly', { year: 2021, month: 6, office, out });
    expect(expectOk(result)).toMatchObject({ name: '招商月报-北京-2021年6月.xlsx', rows: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const targets = workbook.getWorksheet('目标完成情况')!;
    expect(String(targets.getCell('A1').value)).toContain('（北京驻点，2021年6月）');
    const june = workbook.getWorksheet('本月新签约')!;
    expect(june.getCell('B3').value).toBe('北京六月项目');
    expect(june.getCell('B4').value).toBe('合计（1 个项目）');
    const promoters: unknown[] = [];
    workbook.getWorksheet('排名')!.eachRow((row) => promoters.push(row.getCell(2).value));
    expect(promoters).toContain('赵六');
    expect(promoters).not.toContain('李明');
  }
});

test('月报 of an unknown office says which and writes nothing', async () => {
  const out = join(tempDir('zs-report-'), '月报.xlsx');
  const result = await dispatch(app, 'report.monthly', {
    year: 2021,
    month: 6,
    office: '广州',
    out,
  });
  expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
  if (!result.ok) expect(result.message).toContain('驻点「广州」无效');
  expect(existsSync(out)).toBe(false);
});

test('月报 with a bad month says so and writes nothing', async () => {
  const result = await dispatch(app, 'report.monthly', { year: 2021, month: 13 });
  expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
  if (!result.ok) expect(result.message).toContain('月份须为 1–12');
});
