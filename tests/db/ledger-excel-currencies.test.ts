// Totals in 欧元, 日元 … in the Excel 台账 (issue 17, point 7): the export writes the 元 equivalent
// under 总投资（亿元）and the amount as entered under 总投资币种 + 原币总投资（万）; a real xlsx
// comes back with 0 changes; a promoter's own sheet with a 币种 column of 欧元 imports in 欧元.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { FileResult } from '../../domain/excel/calls';
import type { ProjectRecord } from '../../domain/project-input';
import { excelCalls } from './excel-calls';
import { expectOk, openTempDb, snapshot, tempDir } from '../helpers';

let app: AppDatabase;
let dir: string;
beforeEach(async () => {
  app = await openTempDb();
  dir = tempDir('zs-fx-excel-');
  // 2021: 1 欧元 = 7.8 元, 1 日元 = 0.06 元. No EUR rate for 2023.
  expectOk(
    dispatchSync(app, 'settings.update', {
      usdRates: { '2021': 6.5, '2023': 7 },
      fxRates: { EUR: { '2021': 7.8 }, JPY: { '2021': 0.06 } },
    }),
  );
});
afterEach(() => app.close());

const { call, preview, commit } = excelCalls(() => app);

function create(name: string, fields: Record<string, unknown>): ProjectRecord {
  return expectOk(
    dispatchSync(app, 'project.create', {
      name,
      investor: `${name}投资方`,
      office: '上海',
      owner: '李明',
      signedOn: '2021-03-01',
      ...fields,
    }),
  ) as ProjectRecord;
}
function byName(name: string): ProjectRecord {
  const { id } = app.sqlite
    .prepare('SELECT id FROM project WHERE deleted = 0 AND name = ?')
    .get(name) as { id: string };
  return expectOk(dispatchSync(app, 'project.get', { id })) as ProjectRecord;
}

test('export writes 元 equivalent, 币种 and 原币; the xlsx comes back with 0 changes', async () => {
  create('欧元项目', { country: 'DE', totalInvestment: 200_000_000, investmentCurrency: 'EUR' });
  create('日元项目', { country: 'JP', totalInvestment: 5_000_000_000, investmentCurrency: 'JPY' });
  create('人民币项目', { totalInvestmentCny: 300_000_000 });
  create('美元项目', { country: 'US', totalInvestmentUsd: 10_000_000 });
  create('无汇率欧元项目', {
    country: 'FR',
    signedOn: '2023-02-01',
    totalInvestment: 50_000_000,
    investmentCurrency: 'EUR',
  });
  const out = join(dir, '台账.xlsx');
  await call<FileResult>('ledger.export', { out });

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(3).values as unknown[]).map((v) => (v ?? '') as string);
  const col = (h: string) => header.indexOf(h);
  expect(col('总投资币种')).toBeGreaterThan(col('总投资（万美元）'));
  expect(col('原币总投资（万）')).toBe(col('总投资币种') + 1);
  const rows = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row) => {
    const name = row.getCell(col('项目名称')).value;
    if (typeof name === 'string') rows.set(name, row);
  });
  const cells = (name: string) =>
    ['总投资（亿元）', '总投资（万美元）', '总投资币种', '原币总投资（万）'].map(
      (h) => rows.get(name)!.getCell(col(h)).value,
    );
  // 20,000万欧元 × 7.8 = 156,000万元 = 15.6亿元; 500,000万日元 × 0.06 = 30,000万元 = 3亿元.
  expect(cells('欧元项目')).toEqual([15.6, null, '欧元', 20_000]);
  expect(cells('日元项目')).toEqual([3, null, '日元', 500_000]);
  // 元 and 美元 stay in their own columns (1000万美元 × 6.5 = 6500万元 = 0.65亿元).
  expect(cells('人民币项目')).toEqual([3, null, null, null]);
  expect(cells('美元项目')).toEqual([0.65, 1000, null, null]);
  // 2023 has no EUR rate: no 元 figure is made up; the original amount travels.
  expect(cells('无汇率欧元项目')).toEqual([null, null, '欧元', 5000]);
  // The totals row sums the 元 column only, never a mix of 欧元 and 日元.
  const totals = sheet.getRow(sheet.rowCount);
  expect(totals.getCell(col('原币总投资（万）')).value).toBeNull();

  const before = snapshot(app);
  const result = await preview(out);
  expect(result.counts).toMatchObject({ new: 0, updated: 0, unchanged: 5, rejected: 0 });
  await commit(result);
  expect(snapshot(app)).toEqual(before);
});

test("a promoter's sheet with a 币种 column imports 欧元 and 日元 amounts as such", async () => {
  const existing = create('德企扩建项目', {
    country: 'DE',
    totalInvestment: 100_000_000,
    investmentCurrency: 'EUR',
  });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('外资台账');
  sheet.addRow(['项目名称', '投资方', '国别', '签约日期', '总投资（万元）', '币种']);
  // 5000 under 万元 with 币种 欧元 is 5000万欧元: 50,000,000 × 7.8 = 390,000,000 元.
  sheet.addRow(['汽车零部件项目', '博世', '德国', '2021-05-01', 5000, '欧元']);
  // "20亿" with 币种 JPY: 2,000,000,000 日元 × 0.06 = 120,000,000 元.
  sheet.addRow(['精密轴承项目', '日本精工', '日本', '2021-06-01', '20亿', 'JPY']);
  // 元 written out: stays 元 (800万元).
  sheet.addRow(['本地配套项目', '嘉兴配套', '中国', '2021-07-01', 800, '人民币']);
  // 美元 beside a 万元 header: the header's currency stands (the 币种 may mean 合同外资): 600万元.
  sheet.addRow(['美资配套项目', '美国某公司', '美国', '2021-07-02', 600, '美元']);
  // The existing EUR project grows from 1亿欧元 to 1.5亿欧元: one change, 总投资.
  sheet.addRow(['德企扩建项目', '德企扩建项目投资方', '德国', '2021-03-01', 15000, '欧元']);
  sheet.addRow(['卢布项目', '某公司', '俄罗斯', '2021-08-01', 100, '卢布']);
  const file = join(dir, '手工台账.xlsx');
  await workbook.xlsx.writeFile(file);

  const result = await preview(file);
  expect(result.counts).toMatchObject({ new: 4, updated: 1, rejected: 1 });
  const rejected = result.rows.find((r) => r.name === '卢布项目')!;
  expect(rejected.errors.join()).toContain('总投资币种「卢布」无法识别');
  const update = result.rows.find((r) => r.name === '德企扩建项目')!;
  expect(update).toMatchObject({ action: 'update', projectId: existing.id, changes: ['总投资'] });
  await commit(result);

  expect(byName('汽车零部件项目')).toMatchObject({
    totalInvestment: 50_000_000,
    investmentCurrency: 'EUR',
    totalInvestmentCnyEquivalent: 390_000_000,
    tier: 't1_10',
  });
  expect(byName('精密轴承项目')).toMatchObject({
    totalInvestment: 2_000_000_000,
    investmentCurrency: 'JPY',
    totalInvestmentCnyEquivalent: 120_000_000,
  });
  expect(byName('本地配套项目')).toMatchObject({
    totalInvestmentCny: 8_000_000,
    investmentCurrency: 'CNY',
  });
  expect(byName('美资配套项目')).toMatchObject({
    totalInvestmentCny: 6_000_000,
    investmentCurrency: 'CNY',
  });
  // 150,000,000 欧元 × 7.8 = 1,170,000,000 元 → 10–50亿.
  expect(byName('德企扩建项目')).toMatchObject({
    totalInvestment: 150_000_000,
    investmentCurrency: 'EUR',
    totalInvestmentCnyEquivalent: 1_170_000_000,
    tier: 't10_50',
  });

  // The same sheet again (without the refused row) changes nothing.
  sheet.spliceRows(7, 1);
  await workbook.xlsx.writeFile(file);
  const again = await preview(file);
  expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 5, rejected: 0 });
});

test('原币总投资 without a 币种 is refused with the reason', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['项目名称', '原币总投资（亿）']);
  sheet.addRow(['无币种项目', 2]);
  const file = join(dir, '无币种.xlsx');
  await workbook.xlsx.writeFile(file);
  const result = await preview(file);
  expect(result.counts).toMatchObject({ rejected: 1 });
  expect(result.rows[0]!.errors).toContain('填写了原币总投资，但未填写总投资币种');
});
