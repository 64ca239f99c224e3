// The 台账 export writes its data rows as XML itself (db/services/excel/sheet-rows-xml.ts) instead of
// through exceljs's Row and Cell objects. The file must be the one exceljs writes: the same rows,
// written both ways into real .xlsx files, give the same bytes in every part but the timestamps,
// and read back with exceljs to the same values and number formats.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { SheetRowsXml } from '../../db/services/excel/sheet-rows-xml';
import type { RowValue } from '../../db/services/excel/sheet-rows-xml';
import type { TextStyle } from '../../db/services/excel/xlsx-text';
import { tempDir } from '../helpers';

const amount: TextStyle = { numFmt: '#,##0.00' };
const date: TextStyle = { numFmt: 'yyyy-mm-dd' };
const plain: TextStyle = {};
const quoted: TextStyle = { quotePrefix: true };
const columns = [plain, plain, amount, date, plain, amount, date];

/** Values as the 台账 holds them, and the edges: markup, control characters, empty text, -0. */
const rows: RowValue[][] = [
  [1, '宏达精密轴承项目', 2.61, new Date(Date.UTC(2026, 11, 5)), '是', null, null],
  [2, 'A & B <"quoted"> \'x\'', 0, new Date(Date.UTC(1999, 0, 1)), null, -1234.5, null],
  [3, '\tabc\u0001\u007f', -0, null, '', 1e21, new Date(Date.UTC(2100, 1, 28))],
  [null, null, null, null, null, null, null],
  [5, '𠀋汉字 emoji 🎉', 123456789.123, null, '下'.repeat(100), null, null],
  [6, '=HYPERLINK("x")', null, null, null, null, null],
];
/** Each cell's style: the column's, or its quoted twin where the text looks like a formula. */
const styleOf = (row: RowValue[], i: number) =>
  i === 1 && typeof row[i] === 'string' && row[i].startsWith('=') ? quoted : columns[i]!;

async function writeBook(file: string, fast: boolean): Promise<void> {
  const at = new Date(Date.UTC(2026, 0, 1));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.created = at;
  workbook.modified = at;
  const sheet = workbook.addWorksheet('台账', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  sheet.columns = columns.map(() => ({ width: 12 }));
  const header = sheet.getRow(1);
  header.values = [
    '序号',
    '项目名称',
    '总投资（亿元）',
    '签约日期',
    '产业项目',
    '合同外资',
    '开工',
  ];
  header.font = { bold: true };
  header.commit();
  if (fast) {
    const writer = new SheetRowsXml(sheet, columns.length);
    rows.forEach((row, n) => {
      writer.add(
        row,
        row.map((_, i) => styleOf(row, i)),
      );
      if (n === 2) writer.flush();
    });
    writer.flush();
  } else {
    for (const row of rows) {
      const added = sheet.addRow(row);
      row.forEach((_, i) => (added.getCell(i + 1).style = styleOf(row, i)));
      added.commit();
    }
  }
  const totals = sheet.getRow(rows.length + 2);
  totals.getCell(3).value = { formula: 'SUM(C2:C7)', result: 123456792.843 };
  totals.commit();
  sheet.commit();
  await workbook.commit();
}

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    out.set(name, await zip.file(name)!.async('string'));
  }
  return out;
}

describe('rows written as XML', () => {
  test('give the bytes exceljs writes, and read back to the same values and formats', async () => {
    const dir = tempDir('zs-sheet-rows-');
    const viaExceljs = join(dir, 'exceljs.xlsx');
    const viaXml = join(dir, 'xml.xlsx');
    await writeBook(viaExceljs, false);
    await writeBook(viaXml, true);

    const expected = await parts(viaExceljs);
    const actual = await parts(viaXml);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [name, text] of expected) expect(actual.get(name), name).toBe(text);
    const sheetXml = actual.get('xl/worksheets/sheet1.xml')!;
    expect(sheetXml).toContain('<c r="B3" t="str"><v>A &amp; B &lt;&quot;quoted&quot;&gt;');
    expect(sheetXml).not.toContain('<row r="5"'); // a row without a value is not written

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(viaXml);
    const sheet = book.getWorksheet('台账')!;
    expect(sheet.getCell('B2').value).toBe('宏达精密轴承项目');
    expect(sheet.getCell('C2').value).toBe(2.61);
    expect(sheet.getCell('C2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('D2').value).toEqual(new Date(Date.UTC(2026, 11, 5)));
    expect(sheet.getCell('D2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('F2').numFmt).toBe('#,##0.00'); // an empty amount keeps its format
    expect(sheet.getCell('B6').value).toBe('𠀋汉字 emoji 🎉');
    expect(sheet.getCell('B7').value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell('C8').value).toEqual({ formula: 'SUM(C2:C7)', result: 123456792.843 });
  });
});
