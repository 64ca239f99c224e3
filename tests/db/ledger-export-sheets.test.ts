// The 台账 export with one sheet per office writes sheet after sheet (so the zip compresses each
// while the next is written): every sheet must still hold exactly its office's rows, in the order
// of the whole 台账, numbered from 1 and totalled, with the offices in their usual order and the
// projects without an office on a sheet of their own, last.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import type { ApiResult } from '../../domain/errors';
import type { FileResult } from '../../domain/excel/calls';
import { expectOk, openTempDb, tempDir } from '../helpers';

let app: AppDatabase;
let dir: string;
beforeEach(async () => {
  app = await openTempDb();
  dir = tempDir('zs-export-sheets-');
});
afterEach(() => app.close());

async function exported(byOffice: boolean): Promise<ExcelJS.Workbook> {
  const out = join(dir, `台账-${byOffice}.xlsx`);
  expectOk((await dispatch(app, 'ledger.export', { out, byOffice })) as ApiResult<FileResult>);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  return workbook;
}

/** Each data row's 序号, 项目名称, 驻点 and 总投资, then the totals row's text and sum. */
function rowsOf(sheet: ExcelJS.Worksheet) {
  const header = (sheet.getRow(3).values as unknown[]).slice(1);
  const col = (name: string) => header.findIndex((h) => String(h).startsWith(name)) + 1;
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n <= 3) return;
    rows.push(
      [col('序号'), col('项目名称'), col('驻点'), col('总投资（亿元）')].map((c) => {
        const value = row.getCell(c).value;
        // A total's value (exceljs reads a result of 0 back as none).
        return value && typeof value === 'object' && 'formula' in value
          ? (value.result ?? 0)
          : value;
      }),
    );
  });
  return rows;
}

test('each office sheet holds its rows in the 台账 order, numbered and totalled', async () => {
  const offices = ['北京', '上海', null, '深圳', '上海', '北京', null, '上海'];
  offices.forEach((office, i) =>
    expectOk(
      dispatchSync(app, 'project.create', {
        name: `分表核对项目${i + 1}`,
        investor: `分表核对投资方${i + 1}`,
        office,
        totalInvestmentCny: (i + 1) * 1e8,
      }),
    ),
  );
  const whole = rowsOf((await exported(false)).worksheets[0]!);
  const data = whole.slice(0, -1);
  expect(data).toHaveLength(offices.length);

  const book = await exported(true);
  expect(book.worksheets.map((s) => s.name)).toEqual([
    '本部',
    '上海',
    '北京',
    '深圳',
    '未分配驻点',
  ]);
  for (const sheet of book.worksheets) {
    const office = sheet.name === '未分配驻点' ? null : sheet.name;
    const expected = data
      .filter((row) => row[2] === office)
      .map((row, i) => [i + 1, row[1], row[2], row[3]]);
    const rows = rowsOf(sheet);
    expect(rows.slice(0, -1), sheet.name).toEqual(expected);
    const total = expected.reduce((sum, row) => sum + (row[3] as number), 0);
    expect(rows.at(-1)!.slice(1, 4), sheet.name).toEqual([
      `合计（${expected.length} 个项目）`,
      null,
      total,
    ]);
  }
});
