// The 月报's new sheets read back with exceljs: 开工率等 (the four rates with numerator, cohort and
// definition), 重点项目 (the 区重点 and 市级 lists against the plan and each key project's light)
// and 分类统计. Hand-made June 2021 (序时 50%): 甲 signed 03-01 and started 04-01 (planned 04-15),
// 合同外资 1000万美元 with 250万 paid in, on the 区重点 list with an 8亿 plan and 2亿 done in Jan–Jun
// (25%: 25 points behind, 黄灯); 乙 (江苏, 央企 ownership) signed 05-01, planned 开工 06-01, not
// started, 市级 with a 1亿 plan and 5000万 in June (50%: on 序时, 绿灯). So 开工率 1/2 = 50%,
// 竣工率 0/2, 资金到位率 250/1000 = 25%, 履约率 1/2 = 50%; 区重点 1 个 2亿 of 220亿.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb, tempDir } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const YI = 100_000_000;
const WAN = 10_000;

function add(fields: Record<string, unknown>): string {
  return (
    expectOk(
      dispatchSync(app, 'project.create', {
        office: '上海',
        owner: '李明',
        totalInvestmentCny: 5 * YI,
        ...fields,
      }),
    ) as ProjectRecord
  ).id;
}

const months = (wan: Record<number, number>) =>
  Array.from({ length: 12 }, (_, i) => (wan[i + 1] === undefined ? null : wan[i + 1]! * WAN));

function rows(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) out.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? null));
  });
  return out;
}

test('月报 June 2021: rates, key projects and 分类统计 sheets', async () => {
  const a = add({
    name: '甲项目',
    investor: '甲集团',
    country: 'DE',
    contractedFdiUsd: 10_000_000,
    signedOn: '2021-03-01',
    startedOn: '2021-04-01',
    plannedStartedOn: '2021-04-15',
  });
  const b = add({
    name: '乙项目',
    investor: '乙集团',
    province: '江苏',
    ownership: '央企',
    capitalType: '内资',
    signedOn: '2021-05-01',
    plannedStartedOn: '2021-06-01',
  });
  expectOk(
    dispatchSync(app, 'arrival.create', {
      projectId: a,
      arrivedOn: '2021-05-01',
      amount: 2_500_000,
      currency: 'USD',
      kind: 'fdi',
    }),
  );
  expectOk(
    dispatchSync(app, 'keyInvestment.set', {
      projectId: a,
      year: 2021,
      district: true,
      planned: 8 * YI,
      completed: months({ 1: 2000, 2: 2000, 3: 4000, 4: 4000, 5: 4000, 6: 4000 }),
    }),
  );
  expectOk(
    dispatchSync(app, 'keyInvestment.set', {
      projectId: b,
      year: 2021,
      city: true,
      planned: YI,
      completed: months({ 6: 5000 }),
    }),
  );

  const out = join(tempDir('zs-report-key-'), '月报.xlsx');
  expectOk(await dispatch(app, 'report.monthly', { year: 2021, month: 6, out }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);

  const rates = workbook.getWorksheet('开工率等')!;
  expect(rows(rates).map((r) => r.slice(0, 4))).toEqual([
    ['开工率', 0.5, 1, 2],
    ['竣工率', 0, 0, 2],
    ['资金到位率', 0.25, 250, 1000],
    ['履约率', 0.5, 1, 2],
  ]);
  expect(rates.getCell('B3').numFmt).toBe('0.0%');

  const key = workbook.getWorksheet('重点项目')!;
  expect(String(key.getCell('A1').value)).toContain('完成投资截至 2021-06-30');
  const keyRows = rows(key);
  expect(keyRows[0]).toEqual([
    null,
    '区重点项目 1 个（目标 100 个）',
    '合计',
    80_000,
    20_000,
    20_000 / 2_200_000,
    '落后序时 49.09 个百分点',
    '红灯',
  ]);
  expect(keyRows[1]?.slice(1, 5)).toEqual(['市级项目 1 个（目标 41 个）', '合计', 10_000, 5_000]);
  expect(keyRows[2]?.[1]).toBe('新批技改项目 0 个');
  // Furthest behind first: 甲 25% (−25, 黄灯), then 乙 50% (on 序时, 绿灯).
  expect(keyRows.slice(3).map((r) => r.slice(1))).toEqual([
    ['甲项目', '区重点', 80_000, 20_000, 0.25, '落后序时 25 个百分点', '黄灯'],
    ['乙项目', '市级', 10_000, 5_000, 0.5, '与序时持平', '绿灯'],
  ]);

  const groups = rows(workbook.getWorksheet('分类统计')!);
  expect(groups.find((r) => r[1] === '长三角')).toEqual(['地区', '长三角', 1, 5, 1, 5]);
  expect(groups.find((r) => r[0] === '企业性质' && r[1] === '央企')).toEqual([
    '企业性质',
    '央企',
    1,
    5,
    1,
    5,
  ]);
  expect(groups).toHaveLength(10);
});
