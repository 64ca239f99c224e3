// What every sheet of the 月报 shares: a titled sheet with its header row, amounts in the unit a
// metric is stated in, and the fill of a 红黄绿灯 cell.
import type ExcelJS from 'exceljs';
import type { DashboardMetric } from '../../../domain/dashboard';
import { fromBaseUnits } from '../../../domain/excel/cell-values';
import type { Light } from '../../../domain/schedule';
import { a4Landscape } from './export';

/** A sheet with a merged title over `widths.length` columns and a bold header on row 2. */
export function sheetWith(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  headers: string[],
  widths: number[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: a4Landscape,
  });
  sheet.columns = widths.map((width) => ({ width }));
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(1, 1, 1, headers.length);
  const header = sheet.getRow(2);
  headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
  });
  return sheet;
}

export const unitLabel: Record<DashboardMetric['unit'], string> = {
  usd: '万美元',
  cny: '亿元',
  count: '个',
  percent: '%',
};

export function inUnit(value: number | null, unit: DashboardMetric['unit']): number | null {
  if (value === null) return null;
  if (unit === 'usd') return fromBaseUnits(value, '万美元');
  if (unit === 'cny') return fromBaseUnits(value, '亿元');
  return value;
}

const lightColors: Record<Light, string> = {
  green: 'FFC6EFCE',
  yellow: 'FFFFEB9C',
  red: 'FFFFC7CE',
};

export const lightFill = (light: Light): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: lightColors[light] },
});
