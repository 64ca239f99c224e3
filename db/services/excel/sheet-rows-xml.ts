// Data rows of an exceljs streaming worksheet, written as the XML exceljs itself writes for them.
// exceljs builds a Row, a Cell and a value object per cell, merges, prepares and renders each
// through its XML stream: about 0.8 µs a cell, 3.6 s of the 4.5 million cells of a 100k-row 台账.
// Here a row is one template string: the same <row>/<c> elements, attributes and order, style ids
// from exceljs's own style registry (asked once per style object, as its cache answers), text
// escaped and dates converted by exceljs's own functions. Title, header, totals, columns, views,
// merges and the zip stay exceljs's; tests/db/sheet-rows-xml.test.ts compares both outputs byte
// for byte. It relies on WorksheetWriter's internals of exceljs 4.4.0 (pinned in package.json).
import type ExcelJS from 'exceljs';
import type { StylesXform } from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import exceljsUtils from 'exceljs/lib/utils/utils.js';

export type RowValue = string | number | Date | null;

/** What this module uses of exceljs's WorksheetWriter (lib/stream/xlsx/worksheet-writer.js). */
interface WorksheetWriterInternals {
  _rows: unknown[] | null;
  _rowZero: number;
  startedData: boolean;
  stream: { write(data: Buffer): unknown };
  _workbook: { styles: StylesXform };
  _writeColumns(): void;
  _writeOpenSheetData(): void;
}

// exceljs's Enums.ValueType, the cell type its style registry is told (a date without a number
// format gets one).
const NUMBER = 2;
const STRING = 3;
const DATE = 4;

/**
 * Rows go to the sheet's stream some 16k characters at a time: one row at a time costs twice as
 * much in calls, and joining a chunk's thousands of rows first costs several times more (V8
 * flattens the long concatenation, in two-byte characters for Chinese text).
 */
const ENCODE_CHARS = 16_384;

export class SheetRowsXml {
  private readonly sheet: WorksheetWriterInternals;
  private readonly styles: StylesXform;
  private readonly styleIds = new Map<object, number>();
  /** `<c r="B` for each column, the row number to follow. */
  private readonly cellStarts: string[];
  private readonly span: string;
  /** Rows not yet written. */
  private text = '';

  /** For a sheet whose earlier rows are all committed, writing cells in `columns` columns. */
  constructor(sheet: ExcelJS.Worksheet, columns: number) {
    this.sheet = sheet as unknown as WorksheetWriterInternals;
    if (this.sheet._rows?.length !== 0) throw new Error('SheetRowsXml: uncommitted rows before');
    this.styles = this.sheet._workbook.styles;
    this.cellStarts = Array.from({ length: columns }, (_, i) => `<c r="${columnLetter(i + 1)}`);
    this.span = `" spans="1:${columns}" x14ac:dyDescent="0.25">`;
  }

  /**
   * The next row: as `sheet.addRow(values)`, each cell given `styles[i]` (one shared object per
   * style, as exceljs's cache wants), then committed. Written some rows at a time, and by flush().
   */
  add(values: readonly RowValue[], styles: readonly Partial<ExcelJS.Style>[]): void {
    const number = this.sheet._rowZero++;
    let xml = '';
    let hasValues = false;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const style = styles[i]!;
      if (value === null || value === undefined) {
        const id = this.styleIds.get(style) ?? this.styleId(style, NUMBER);
        if (id) xml += `${this.cellStarts[i]}${number}" s="${id}"/>`;
        continue;
      }
      hasValues = true;
      if (typeof value === 'string') {
        const id = this.styleIds.get(style) ?? this.styleId(style, STRING);
        xml += `${this.cellStarts[i]}${number}"${id ? ` s="${id}"` : ''} t="str"><v>${exceljsUtils.xmlEncode(value)}</v></c>`;
      } else {
        const isDate = value instanceof Date;
        const id = this.styleIds.get(style) ?? this.styleId(style, isDate ? DATE : NUMBER);
        const v = isDate ? exceljsUtils.dateToExcel(value, false) : value;
        xml += `${this.cellStarts[i]}${number}"${id ? ` s="${id}"` : ''}><v>${v}</v></c>`;
      }
    }
    // exceljs writes no row without a value (nor height).
    if (!hasValues) return;
    this.text += `<row r="${number}${this.span}${xml}</row>`;
    if (this.text.length >= ENCODE_CHARS) this.flush();
  }

  /** Hands the rows held so far to the sheet's stream. */
  flush(): void {
    if (this.text === '') return;
    const sheet = this.sheet;
    if (!sheet.startedData) {
      sheet._writeColumns();
      sheet._writeOpenSheetData();
      sheet.startedData = true;
    }
    sheet.stream.write(Buffer.from(this.text));
    this.text = '';
  }

  /** The style's id, registered on its first use with the type of that cell, as exceljs does. */
  private styleId(style: object, cellType: number): number {
    const id = this.styles.addStyleModel(style, cellType);
    this.styleIds.set(style, id);
    return id;
  }
}

/** A, B … Z, AA … */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
