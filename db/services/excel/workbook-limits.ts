// What an imported workbook or CSV file may hold. Everything beyond is refused with SHEET_TOO_LARGE
// before exceljs builds its model, which costs about 470 bytes of heap per cell. The largest real
// use is the app's own 台账 export of 100,000 projects (far more than a zone has): 100,004 rows by
// 38 columns, 3.3 million cell and row elements, 124 MiB of XML; it stays under every cap:
// - 200,000 rows and 200 columns per sheet, counting the cells that hold a value and merged ranges;
// - 200 MiB uncompressed: the sum of a workbook's entries as declared and as they really inflate,
//   or a CSV file's size;
// - 5,000,000 cells in a workbook: every row and cell element, and every cell of a merged range
//   (exceljs makes an object for each);
// - 10,000 merged ranges per sheet: exceljs compares each new one with all before it (20,000
//   took 90 s on a busy two-core machine).
// Parsing runs in a worker whose heap may grow to 3 GiB (the 100k export reads with 2 GiB); a
// file that still fills it ends that worker only.
import { AppError } from '../../../domain/errors';

export const MAX_SHEET_ROWS = 200_000;
export const MAX_SHEET_COLUMNS = 200;
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
export const MAX_CELLS = 5_000_000;
export const MAX_MERGED_RANGES = 10_000;
export const WORKER_HEAP_MB = 3072;

/** Excel's own grid: a reference beyond it is no Excel file. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export const mebibytes = (bytes: number) =>
  `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;

/** The refusal of a file past a cap; `detail` names the cap. */
export const tooLarge = (detail: string) =>
  new AppError('SHEET_TOO_LARGE', `${detail}；请拆分为较小的文件后再导入`);

/** 200000 → '200,000', as the refusals write counts. */
export const countText = (n: number) => n.toLocaleString('en-US');

/** Refuses a value in a row past MAX_SHEET_ROWS (1-based). */
export function checkSheetRow(row: number): void {
  if (row > MAX_SHEET_ROWS) {
    throw tooLarge(
      `有数据位于第 ${countText(row)} 行，超过每张工作表 ${countText(MAX_SHEET_ROWS)} 行的上限`,
    );
  }
}

/** Refuses a value in a column past MAX_SHEET_COLUMNS (1-based). */
export function checkSheetColumn(column: number): void {
  if (column > MAX_SHEET_COLUMNS) {
    throw tooLarge(
      `有数据位于第 ${countText(column)} 列，超过每张工作表 ${countText(MAX_SHEET_COLUMNS)} 列的上限`,
    );
  }
}
