// Ledger export to .xlsx in the layout leaders read: a merged title row with the as-of date, headers
// with units, real dates and numbers, a frozen header, widths, a totals row (live SUM formulas with
// their values), and one sheet per office on request. Written with exceljs's streaming writer, rows
// read in chunks between which the event loop runs, so 100k rows neither freeze the window nor
// sit in memory twice; the data rows go in as the XML exceljs would write (sheet-rows-xml.ts), at a
// fraction of its per-cell cost. Amounts are written whole (亿元 with all decimals), shown with two.
import { createWriteStream, renameSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { todayIso } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import type { FileResult, ledgerExportInput } from '../../../domain/excel/calls';
import {
  amountFormat,
  ledgerColumns,
  screenColumnOf,
  sheetTitle,
} from '../../../domain/excel/sheet-layout';
import { identifyingColumns } from '../../../domain/ledger-columns';
import type { LedgerColumnKey } from '../../../domain/ledger-columns';
import { ledgerQuery } from '../../../domain/ledger';
import { labelOf, offices } from '../../../domain/vocabulary';
import type { AppDatabase } from '../../app-database';
import { withProgress } from '../../job-progress';
import { removeQuietly } from '../../durable-file';
import { checkOutputFile, writeFailure } from '../../output-file';
import { demoFilePrefix } from '../app';
import type { ReportProgress } from '../../job-progress';
import { ratesByYear } from '../arrival-sums';
import { matchingRowids } from '../ledger';
import { officesOf, readerFor, readExportRows } from './export-rows';
import type { Reader, Row } from './export-rows';
import { originalTotalReaders } from './original-total';
import { columnLetter, SheetRowsXml } from './sheet-rows-xml';
import type { RowValue } from './sheet-rows-xml';
import { fitToCell, startsLikeFormula } from './xlsx-text';

type Input = z.output<typeof ledgerExportInput>;

const CHUNK = 2_000;
const HEADER_ROW = 3;
const NO_OFFICE = '未分配驻点';

export async function exportLedger(app: AppDatabase, input: Input): Promise<FileResult> {
  const asOf = todayIso();
  const name = `${demoFilePrefix(app)}招商项目台账-${asOf}.xlsx`;
  if (input.out) checkOutputFile(app.file, input.out);
  return withProgress(app, '导出台账', async (report) => {
    const filter = ledgerQuery.parse({ ...input.filter, offset: 0, limit: 1 });
    const rowids = app.transact((tx) => matchingRowids(tx, filter), { write: false });
    const collected: Buffer[] = [];
    // Written under a temporary name and renamed when whole: a failure leaves the old file.
    const temp = input.out ? `${input.out}.${process.pid}.tmp` : null;
    const stream: Writable = temp ? createWriteStream(temp) : new PassThrough();
    if (!temp) stream.on('data', (chunk: Buffer) => collected.push(chunk));
    try {
      const layout = input.columns ? layoutOf(input.columns) : fullLayout;
      await writeWorkbook(app, stream, rowids, layout, input.byOffice, asOf, report);
      if (temp) {
        await finished(stream);
        renameSync(temp, input.out!);
      }
    } catch (error) {
      stream.destroy();
      if (temp) removeQuietly(temp);
      if (error instanceof AppError) throw error;
      throw new AppError('LEDGER_EXPORT_FAILED', writeFailure(error));
    }
    return {
      name,
      file: input.out ?? null,
      dataBase64: input.out ? null : Buffer.concat(collected).toString('base64'),
      rows: rowids.length,
    };
  });
}

async function writeWorkbook(
  app: AppDatabase,
  stream: Writable,
  rowids: number[],
  layout: Layout,
  byOffice: boolean,
  asOf: string,
  report: ReportProgress,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '招商项目管理';
  const rates = app.transact((tx) => ratesByYear(tx.sql, asOf), { write: false });
  // Sheet by sheet: the zip takes its entries one after another, so it compresses each finished
  // sheet while the next is written, instead of holding all but the first sheet to the end.
  const bySheet = sheetsOf(app, rowids, byOffice);
  const sheets = [...bySheet].map(
    ([key, ids]) =>
      [
        new SheetWriter(workbook.addWorksheet(key, sheetOptions(layout)), layout, asOf),
        ids,
      ] as const,
  );
  let done = 0;
  for (const [sheet, ids] of sheets) {
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      const rows = app.transact((tx) => readExportRows(tx.sql, chunk, rates), { write: false });
      for (const row of rows) sheet.add(row);
      sheet.flush();
      done += chunk.length;
      report('写出行', done, rowids.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    sheet.finish();
  }
  report('生成文件', rowids.length, rowids.length);
  await workbook.commit();
}

/**
 * The sheets' names, each with its rows in the order asked: one sheet per office (every office in
 * its usual order, even if empty, then any other as first met), or one 台账.
 */
function sheetsOf(app: AppDatabase, rowids: number[], byOffice: boolean): Map<string, number[]> {
  const keyOf = (office: string | null) =>
    byOffice ? (office ? labelOf(offices, office) : NO_OFFICE) : '台账';
  const sheets = new Map<string, number[]>();
  if (byOffice) for (const office of offices) sheets.set(keyOf(office.key), []);
  const officeOf = byOffice
    ? app.transact((tx) => officesOf(tx.sql, rowids), { write: false })
    : new Map<number, string | null>();
  for (const rowid of rowids) {
    const key = keyOf(officeOf.get(rowid) ?? null);
    const ids = sheets.get(key);
    if (ids) ids.push(rowid);
    else sheets.set(key, [rowid]);
  }
  if (sheets.size === 0) sheets.set(keyOf(null), []);
  return sheets;
}

/** A4 landscape, every column on the page's width: how leaders print a ledger or a 月报. */
export const a4Landscape: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  paperSize: 9,
};

/** Frozen through 项目名称, so the name stays in view while the row scrolls sideways. */
const sheetOptions = (layout: Layout): Partial<ExcelJS.AddWorksheetOptions> => ({
  views: [
    {
      state: 'frozen',
      xSplit: layout.columns.findIndex((c) => c.source === 'name') + 1,
      ySplit: HEADER_ROW,
    },
  ],
  pageSetup: a4Landscape,
});

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const dateStyle: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd' };
const amountStyle: Partial<ExcelJS.Style> = { numFmt: amountFormat };
const areaStyle: Partial<ExcelJS.Style> = { numFmt: '#,##0.##' };
const plainStyle: Partial<ExcelJS.Style> = {};
type LedgerColumn = (typeof ledgerColumns)[number];
const styleOf = (c: LedgerColumn) =>
  c.unit === '亩'
    ? areaStyle
    : c.unit || c.source === 'totalOriginal'
      ? amountStyle
      : c.source.endsWith('On') || c.source === 'updatedAt'
        ? dateStyle
        : plainStyle;
/** The same, for text Excel would take for a formula (xlsx-text.ts). */
const quotedStyles = new Map(
  [amountStyle, areaStyle, dateStyle, plainStyle].map((s) => [s, { ...s, quotePrefix: true }]),
);

/** The columns a workbook writes, with how each reads its value and its style. */
interface Layout {
  columns: LedgerColumn[];
  readers: Reader[];
  styles: Partial<ExcelJS.Style>[];
  quotedStyles: Partial<ExcelJS.Style>[];
}

function layoutFor(columns: LedgerColumn[]): Layout {
  const styles = columns.map(styleOf);
  return {
    columns,
    readers: columns.map((c) => originalTotalReaders[c.source] ?? readerFor(c.source, c.unit)),
    styles,
    quotedStyles: styles.map((s) => quotedStyles.get(s)!),
  };
}

/**
 * 序号, then the columns of a 台账 view in its order (a view's column may be two in the sheet:
 * 国别/地区 and 来源地区), with 项目编号, 项目名称 and 投资方 put first when the view lacks them.
 */
function layoutOf(keys: readonly LedgerColumnKey[]): Layout {
  const chosen = [...new Set(keys)];
  const order = [...identifyingColumns.filter((k) => !chosen.includes(k)), ...chosen];
  const columns = [
    ...ledgerColumns.filter((c) => c.source === 'seq'),
    ...order.flatMap((key) => ledgerColumns.filter((c) => screenColumnOf(c) === key)),
  ];
  return layoutFor(columns);
}

/** One worksheet: title, header, rows as they come, totals at the end. */
class SheetWriter {
  private count = 0;
  private readonly sums = new Map<number, number>();
  private readonly rows: SheetRowsXml;
  /** The row being added: its values and each cell's style (reused from row to row). */
  private readonly values: RowValue[];
  private readonly cellStyles: Partial<ExcelJS.Style>[];

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly layout: Layout,
    asOf: string,
  ) {
    const { columns } = layout;
    sheet.columns = columns.map((c) => ({ width: c.width }));
    const title = sheet.getRow(1);
    title.getCell(1).value = sheetTitle(asOf);
    title.getCell(1).font = { bold: true, size: 16 };
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    title.height = 30;
    sheet.mergeCells(1, 1, 1, columns.length);
    title.commit();
    const note = sheet.getRow(2);
    note.getCell(1).value =
      `金额单位见各列表头；导出日期 ${asOf}；由招商项目管理导出，可改后重新导入`;
    note.getCell(1).font = { color: { argb: 'FF666666' } };
    sheet.mergeCells(2, 1, 2, columns.length);
    note.commit();
    const header = sheet.getRow(HEADER_ROW);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
      cell.border = thin;
    });
    header.height = 32;
    header.commit();
    this.rows = new SheetRowsXml(sheet, columns.length);
    this.values = new Array<RowValue>(columns.length).fill(null);
    this.cellStyles = [...layout.styles];
  }

  add(row: Row): void {
    this.count++;
    const { columns, readers, styles, quotedStyles } = this.layout;
    const { values, cellStyles } = this;
    for (let i = 0; i < readers.length; i++) {
      let value = readers[i]!(row, this.count);
      if (typeof value === 'number' && columns[i]!.unit) {
        this.sums.set(i, (this.sums.get(i) ?? 0) + value);
      }
      // One shared style object per column: exceljs registers a style once per object it has seen.
      cellStyles[i] = styles[i]!;
      if (typeof value === 'string') {
        value = fitToCell(value);
        if (startsLikeFormula(value)) cellStyles[i] = quotedStyles[i]!;
      }
      values[i] = value;
    }
    this.rows.add(values, cellStyles);
  }

  /** Hands the rows added so far to the file. */
  flush(): void {
    this.rows.flush();
  }

  finish(): void {
    this.rows.flush();
    const first = HEADER_ROW + 1;
    const last = HEADER_ROW + this.count;
    const totals = this.sheet.getRow(last + 1);
    const { columns } = this.layout;
    totals.getCell(columns.findIndex((c) => c.source === 'name') + 1).value =
      `合计（${this.count} 个项目）`;
    columns.forEach((c, i) => {
      if (!c.unit) return;
      const letter = columnLetter(i + 1);
      totals.getCell(i + 1).value = {
        formula: this.count ? `SUM(${letter}${first}:${letter}${last})` : '0',
        result: this.sums.get(i) ?? 0,
      };
    });
    totals.font = { bold: true };
    totals.commit();
    this.sheet.commit();
  }
}

const fullLayout = layoutFor(ledgerColumns);
