// 项目代码 in the Excel 台账 (issue 18, point 6), on real .xlsx and SQLite files: the export carries
// the column 项目代码 (last, so older columns keep their letters) and the file re-imports unchanged; an office's sheet with a
// 项目代码 column sets it (full-width digits normalised), and a malformed code rejects its row with
// the message that names the wrong position, leaving the other rows to import.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import type { FileResult } from '../../domain/excel/calls';
import type { ProjectRecord } from '../../domain/project-input';
import { excelCalls } from './excel-calls';
import { openTempDb, snapshot, tempDir } from '../helpers';

let app: AppDatabase;
let dir: string;
beforeEach(async () => {
  app = await openTempDb();
  dir = tempDir('zs-excel-code-');
});
afterEach(() => app.close());

const { call, sync, preview, commit } = excelCalls(() => app);
const codeOf = (name: string) =>
  app.sqlite.prepare('SELECT project_code FROM project WHERE name = ?').pluck().get(name);

test('the export carries 项目代码 and the file re-imports unchanged', async () => {
  sync<ProjectRecord>('project.create', {
    name: '华为嘉兴研发中心',
    projectCode: '2020-451421-88-03-016343',
  });
  sync<ProjectRecord>('project.create', { name: '无代码项目' });
  const file = join(dir, '台账.xlsx');
  await call<FileResult>('ledger.export', { out: file });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
  expect(header.at(-1)).toBe('项目代码');
  const codes: unknown[] = [];
  sheet.eachRow((row, n) => {
    if (n > 3) codes.push(row.getCell(header.length).value);
  });
  expect(codes).toContain('2020-451421-88-03-016343');

  const before = snapshot(app);
  const result = await preview(file);
  expect(result.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2, rejected: 0 });
  await commit(result);
  expect(snapshot(app)).toEqual(before);
});

test("an office's 项目代码 column is normalised, and a malformed code rejects its row", async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['项目名称', '投资项目代码', '总投资（万元）']);
  sheet.addRow(['甲项目', '２０２０－３３０３２７－４８－０１－１６７３６０', 50_000]);
  sheet.addRow(['乙项目', '2020-330327-48-01-16736', 30_000]);
  const file = join(dir, '驻点台账.xlsx');
  await workbook.xlsx.writeFile(file);
  const result = await preview(file);
  expect(result.counts).toMatchObject({ new: 1, rejected: 1 });
  const rejected = result.rows.find((r) => r.errors.length > 0)!;
  expect(rejected.name).toBe('乙项目');
  expect(rejected.errors.join('')).toContain('项目代码应为 24 位');
  await commit(result);
  expect(codeOf('甲项目')).toBe('2020-330327-48-01-167360');
  expect(codeOf('乙项目')).toBeUndefined();
});
