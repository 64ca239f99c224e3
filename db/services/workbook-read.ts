// Spreadsheet files as plain grids of cell values: .xlsx through exceljs (formulas read as their
// results, merged cells as their top-left value, rich text as its text), .csv in UTF-8 or the GBK
// that Excel writes on Chinese Windows. Old binary .xls and WPS .et files get a clear message.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors';
import type { CellValue } from '../../domain/sheet-values';

export interface SheetGrid {
  name: string;
  hidden: boolean;
  /** rows[0] is the sheet's row 1; cells[0] its column A. */
  rows: CellValue[][];
  /** Cells that repeat a merged cell's value (all of its cells but the top-left one). */
  copies: Set<string>;
}

/** The key of a cell in SheetGrid.copies: 1-based row and column. */
export const cellKey = (row: number, column: number) => `${row}:${column}`;

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function readSheets(fileName: string, bytes: Uint8Array): Promise<SheetGrid[]> {
  const lower = fileName.toLowerCase();
  if (bytes.length === 0) throw new AppError('SHEET_UNREADABLE', '文件是空的');
  if (/\.(xls|et|ett|wps)$/.test(lower) || startsWith(bytes, OLE2_MAGIC)) {
    throw new AppError('SHEET_OLD_FORMAT');
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return [await readCsv(fileName, bytes)];
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new AppError('SHEET_UNREADABLE', '不是 .xlsx 工作簿，也不是 .csv 文件');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new AppError('SHEET_UNREADABLE', '工作簿已损坏或不是 Excel 文件');
  }
  return workbook.worksheets.map((sheet) =>
    sheet.state === 'visible'
      ? { name: sheet.name, hidden: false, ...gridOf(sheet) }
      : { name: sheet.name, hidden: true, rows: [], copies: new Set<string>() },
  );
}

function gridOf(sheet: ExcelJS.Worksheet): { rows: CellValue[][]; copies: Set<string> } {
  const rows: CellValue[][] = [];
  const copies = new Set<string>();
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: CellValue[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) copies.add(cellKey(r, c));
      cells.push(plain(cell.value));
    }
    rows.push(cells);
  }
  return { rows, copies };
}

/** exceljs's value shapes reduced to what a ledger cell means. */
function plain(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    // A formula never calculated (written by a program, not Excel) has no value to import.
    return result === undefined || result === null ? '#公式未计算' : plain(result);
  }
  if ('hyperlink' in value) return plain(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error); // #N/A, #DIV/0! …: the row reports it
  return null;
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 (a superset of GBK). */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Comma, semicolon (European Excel) or tab, whichever the first lines use most. */
function delimiterOf(text: string): string {
  const head = text.split(/\r?\n/, 5).join('\n');
  const count = (c: string) => head.split(c).length - 1;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best));
}

async function readCsv(fileName: string, bytes: Uint8Array): Promise<SheetGrid> {
  const workbook = new ExcelJS.Workbook();
  try {
    // Every cell stays text: the ledger parsers read numbers and dates in the users' styles.
    const name = fileName.replace(/\.[^.]+$/, '');
    const text = decodeText(bytes);
    const sheet = await workbook.csv.read(Readable.from([text]), {
      map: (value: string) => value,
      sheetName: name,
      dateFormats: [],
      parserOptions: { delimiter: delimiterOf(text) },
    });
    return { name, hidden: false, ...gridOf(sheet) };
  } catch {
    throw new AppError('SHEET_UNREADABLE', 'CSV 文件格式有误');
  }
}
