// Spreadsheet files as plain grids of cell values: .xlsx through exceljs (formulas read as their
// results, merged cells as their top-left value, rich text as its text), .csv in UTF-8 or the GBK
// that Excel writes on Chinese Windows. Old binary .xls and WPS .et files get a clear message.
// Runs in the workbook worker (workbook-read.ts): the file is untrusted, and the caps of
// workbook-limits.ts are checked before exceljs parses it.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../domain/errors';
import { cellKey } from '../../../domain/excel/cell-values';
import type { CellValue, SheetGrid } from '../../../domain/excel/cell-values';
import { decodeCsv } from './csv-text';
import {
  MAX_SHEET_ROWS,
  MAX_UNCOMPRESSED_BYTES,
  checkSheetColumn,
  checkSheetRow,
  mebibytes,
  tooLarge,
} from './workbook-limits';
import { checkWorkbookZip } from './workbook-scan';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Parts of a worksheet the import never reads and exceljs would expand: a data validation (a
 * drop-down list) over whole columns becomes an entry per cell, a million per column.
 */
const IGNORED_NODES = ['dataValidations'];

export async function parseSheets(fileName: string, bytes: Uint8Array): Promise<SheetGrid[]> {
  const lower = fileName.toLowerCase();
  if (bytes.length === 0) throw new AppError('SHEET_UNREADABLE', '文件是空的');
  if (/\.(xls|et|ett|wps)$/.test(lower) || startsWith(bytes, OLE2_MAGIC)) {
    throw new AppError('SHEET_OLD_FORMAT');
  }
  if (bytes.length > MAX_UNCOMPRESSED_BYTES) {
    throw tooLarge(`文件超过 ${mebibytes(MAX_UNCOMPRESSED_BYTES)} 的上限`);
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return [await readCsv(fileName, bytes)];
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new AppError('SHEET_UNREADABLE', '不是 .xlsx 工作簿，也不是 .csv 文件');
  }
  await checkWorkbookZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      { ignoreNodes: IGNORED_NODES },
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

/** The sheet's rows and cells that exist and hold a value, never its whole dimension. */
function gridOf(sheet: ExcelJS.Worksheet): { rows: CellValue[][]; copies: Set<string> } {
  const rows: CellValue[][] = [];
  const copies = new Set<string>();
  sheet.eachRow((row, r) => {
    checkSheetRow(r);
    const cells: CellValue[] = [];
    row.eachCell((cell, c) => {
      checkSheetColumn(c);
      if (cell.isMerged && cell.master !== cell) copies.add(cellKey(r, c));
      cells[c - 1] = plain(cell.value);
    });
    rows[r - 1] = Array.from(cells, (value) => value ?? null);
  });
  return { rows: Array.from(rows, (cells) => cells ?? []), copies };
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

/** Comma, semicolon (European Excel) or tab, whichever the first lines use most. */
function delimiterOf(text: string): string {
  const head = text.split(/\r?\n/, 5).join('\n');
  const count = (c: string) => head.split(c).length - 1;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best));
}

async function readCsv(fileName: string, bytes: Uint8Array): Promise<SheetGrid> {
  const name = fileName.replace(/\.[^.]+$/, '');
  const text = decodeCsv(bytes);
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet;
  try {
    // Every cell stays text: the ledger parsers read numbers and dates in the users' styles.
    sheet = await workbook.csv.read(Readable.from([text]), {
      map: (value: string) => (value === '' ? null : value),
      sheetName: name,
      dateFormats: [],
      // One row past the cap is enough to refuse the file.
      parserOptions: { delimiter: delimiterOf(text), maxRows: MAX_SHEET_ROWS + 1 },
    });
  } catch {
    throw new AppError('SHEET_UNREADABLE', 'CSV 文件格式有误');
  }
  checkSheetRow(sheet.rowCount);
  return { name, hidden: false, ...gridOf(sheet) };
}
