// Reading the values people type into ledger spreadsheets: amounts with units (1,200 / 1.2亿 /
// 3000万美元), dates in the styles seen in Chinese offices (2021年3月5日, 2021.3.5, Excel serials), and
// yes/no marks. Each parser returns a value or a Chinese reason; none of them throws.
import { isRealIsoDate } from '../dates';

/** A cell as read from .xlsx or .csv: formulas already replaced by their results. */
export type CellValue = string | number | boolean | Date | null;

export type Parsed<T> = { value: T } | { error: string };

/** A sheet as an import reads it: its cell values, and which of them repeat a merged cell's. */
export interface SheetGrid {
  name: string;
  hidden: boolean;
  /** rows[0] is the sheet's row 1; cells[0] its column A. Rows end at their last value. */
  rows: CellValue[][];
  /** Cells that repeat a merged cell's value (all of its cells but the top-left one). */
  copies: Set<string>;
}

/** The key of a cell in SheetGrid.copies: 1-based row and column. */
export const cellKey = (row: number, column: number) => `${row}:${column}`;

export type AmountUnit = '元' | '万元' | '亿元' | '美元' | '万美元' | '亿美元';
export type Currency = 'CNY' | 'USD';

const unitFactors: Record<AmountUnit, number> = {
  元: 1,
  万元: 1e4,
  亿元: 1e8,
  美元: 1,
  万美元: 1e4,
  亿美元: 1e8,
};

export const currencyOf = (unit: AmountUnit): Currency => (unit.endsWith('美元') ? 'USD' : 'CNY');
export const amountUnits = Object.keys(unitFactors) as AmountUnit[];

/** 10,000 万元 → 100,000,000 元: a sheet's number in `unit`, as whole 元 or 美元. */
export function toBaseUnits(value: number, unit: AmountUnit): number {
  return Math.round(value * unitFactors[unit]);
}

/** 100,000,000 元 → 10,000 (万元): the exact number a sheet shows under `unit`. */
export function fromBaseUnits(amount: number, unit: AmountUnit): number {
  return amount / unitFactors[unit];
}

const emptyMarks = new Set(['', '-', '—', '--', '——', '/', '无', '暂无', '空']);

export function isEmptyCell(value: CellValue): boolean {
  if (value === null) return true;
  return typeof value === 'string' && emptyMarks.has(value.trim());
}

const suffixUnits: [string, number, Currency | null][] = [
  ['亿美元', 1e8, 'USD'],
  ['万美元', 1e4, 'USD'],
  ['美元', 1, 'USD'],
  ['亿元', 1e8, 'CNY'],
  ['万元', 1e4, 'CNY'],
  ['元', 1, 'CNY'],
  ['亿', 1e8, null],
  ['万', 1e4, null],
];

/**
 * An amount in a column whose header gives `unit`: a number, or text such as "1,200", "1.2亿" or
 * "3000万美元" (a unit in the text overrides the header's, but not its currency). Whole 元 / 美元.
 */
export function parseAmount(value: CellValue, unit: AmountUnit, label: string): Parsed<number> {
  if (typeof value === 'number') return { value: toBaseUnits(value, unit) };
  if (typeof value !== 'string') return { error: `${label}须为数字` };
  const text = value.normalize('NFKC').replace(/[\s,，]/g, '');
  const match = /^([-+]?\d+(?:\.\d+)?)(.*)$/.exec(text);
  if (!match) return { error: `${label}「${value}」不是数字` };
  const number = Number(match[1]);
  const suffix = match[2] ?? '';
  if (suffix === '') return { value: toBaseUnits(number, unit) };
  const found = suffixUnits.find(([name]) => name === suffix);
  if (!found) return { error: `${label}「${value}」的单位无法识别` };
  const [, factor, currency] = found;
  if (currency && currency !== currencyOf(unit)) {
    return { error: `${label}「${value}」的币种与表头（${unit}）不一致` };
  }
  return { value: Math.round(number * factor) };
}

/** A plain number such as 用地（亩）; text "1,200.5" is read too. */
export function parseNumber(value: CellValue, label: string): Parsed<number> {
  if (typeof value === 'number') return { value };
  if (typeof value !== 'string') return { error: `${label}须为数字` };
  const text = value.normalize('NFKC').replace(/[\s,，]/g, '');
  return /^[-+]?\d+(?:\.\d+)?$/.test(text)
    ? { value: Number(text) }
    : { error: `${label}「${value}」不是数字` };
}

// Excel counts days from 1899-12-30 (the 1900 leap-year bug folded in); serials in this range are
// 1954–2119, far from any amount or count that could sit in a date column by mistake.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const MIN_SERIAL = 20_000;
const MAX_SERIAL = 80_000;

const isoOf = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A calendar day as yyyy-mm-dd: a date cell, an Excel serial, or 2021年3月5日 / 2021.3.5 / 2021-03-05. */
export function parseDate(value: CellValue, label: string): Parsed<string> {
  let iso: string;
  if (value instanceof Date) {
    // xlsx stores days without a zone; exceljs reads them as UTC midnight.
    if (Number.isNaN(value.getTime())) return { error: `${label}不是有效日期` };
    iso = isoOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  } else if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < MIN_SERIAL || value > MAX_SERIAL) {
      return { error: `${label}「${value}」不是日期` };
    }
    const date = new Date(EXCEL_EPOCH_MS + value * DAY_MS);
    iso = isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  } else if (typeof value === 'string') {
    const text = value.normalize('NFKC').trim();
    const parts =
      /^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(
        text,
      ) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    if (!parts)
      return { error: `${label}「${value}」不是可识别的日期（如 2021-03-05、2021年3月5日）` };
    iso = isoOf(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  } else {
    return { error: `${label}不是日期` };
  }
  return isRealIsoDate(iso)
    ? { value: iso }
    : { error: `${label}「${String(value)}」不是存在的日期` };
}

const yes = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '对']);
const no = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '不是']);

export function parseFlag(value: CellValue, label: string): Parsed<boolean> {
  if (typeof value === 'boolean') return { value };
  const text = String(value).normalize('NFKC').trim().toLowerCase();
  if (yes.has(text)) return { value: true };
  if (no.has(text)) return { value: false };
  return { error: `${label}「${String(value)}」须为是或否` };
}

/** Text as typed: numbers keep their digits (a code 1001 stays "1001"), dates become yyyy-mm-dd. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) {
    const parsed = parseDate(value, '');
    return 'value' in parsed ? parsed.value : '';
  }
  return String(value).trim();
}
