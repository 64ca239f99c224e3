// The 月报's 序时 parts on a hand-made data set: the basis in the title, the 红黄绿灯 column, and the
// 补差清单 sheet listing, per target, what is left and the projects planned for the rest of the year.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import { expectOk, openTempDb, tempDir } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const YI = 100_000_000;

function add(fields: Record<string, unknown>): void {
  expectOk(
    dispatchSync(app, 'project.create', {
      investor: `${String(fields.name)}集团`,
      country: 'DE',
      office: '上海',
      owner: '李明',
      ...fields,
    }),
  );
}

test('月报 for May 2021: basis, lights and the 补差清单 sheet', async () => {
  // 新引进“省市县长工程” 确保 5: one signed by May = 20% against 序时 5/12 = 41.67%: 21.67 behind,
  // yellow; 3 still to 确保 (4 left), two planned: 九月 (12亿, 上海) and 十月 (15亿, 北京).
  add({
    name: '已签市长工程',
    totalInvestmentCny: 12 * YI,
    leaderProject: true,
    stage: 'signed',
    signedOn: '2021-03-01',
  });
  add({
    name: '九月市长工程',
    totalInvestmentCny: 12 * YI,
    leaderProject: true,
    plannedSignedOn: '2021-09-15',
  });
  add({
    name: '十月市长工程',
    totalInvestmentCny: 15 * YI,
    leaderProject: true,
    plannedSignedOn: '2021-10-08',
    office: '北京',
    owner: '赵六',
  });
  const out = join(tempDir('zs-report-'), '月报.xlsx');
  expectOk(await dispatch(app, 'report.monthly', { year: 2021, month: 5, out }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);

  const targets = workbook.getWorksheet('目标完成情况')!;
  expect(String(targets.getCell('A1').value)).toContain(
    '截至 2021-05-31，序时进度 41.67%，按月（截至上月末）',
  );
  expect(targets.getCell('J2').value).toBe('灯');
  let leader: ExcelJS.Row | undefined;
  targets.eachRow((row) => {
    if (row.getCell(1).value === '新引进“省市县长工程”项目') leader = row;
  });
  expect(leader!.getCell(9).value).toBe('落后序时 21.67 个百分点');
  expect(leader!.getCell(10).value).toBe('黄灯');

  const gap = workbook.getWorksheet('补差清单')!;
  const rows: unknown[][] = [];
  gap.eachRow((row, n) => {
    // Column D, the project's code, is numbered by the app.
    if (n > 2)
      rows.push(
        Array.from(row.values as unknown[])
          .slice(1)
          .filter((_, i) => i !== 3),
      );
  });
  const start = rows.findIndex((r) => r[0] === '新引进“省市县长工程”项目（个）');
  const _ = undefined;
  expect(rows.slice(start, start + 3)).toEqual([
    ['新引进“省市县长工程”项目（个）', '黄灯', 4, '年内 2 个项目计划中，合计可增加', _, _, _, 2],
    [_, _, _, '九月市长工程', '上海', '李明', '计划9月15日签约', 1],
    [_, _, _, '十月市长工程', '北京', '赵六', '计划10月8日签约', 1],
  ]);

  // 10–50亿 (力争 3): the signed 12亿 one counts (1 of 3), 2 left, the same two planned.
  const band = rows.findIndex((r) => r[0] === '10–50亿元项目（个）');
  expect(rows[band]).toEqual(
    expect.arrayContaining(['10–50亿元项目（个）', 2, '年内 2 个项目计划中，合计可增加']),
  );
});
