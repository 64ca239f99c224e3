// Target values as people type them: 万美元 for USD amounts, 亿元 for RMB amounts, whole numbers for
// counts and percents; stored as integer 美元 / 元 / count / percent.
import { wanToUnits, yiToYuan } from '../../../domain/money';
import type { TargetUnit } from '../../../domain/targets';

export const inputUnitLabels: Record<TargetUnit, string> = {
  usd: '万美元',
  cny: '亿元',
  count: '个',
  percent: '%',
};

/** A stored value as the text of its input ('' for none). */
export function toInput(unit: TargetUnit, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (unit === 'usd') return String(Math.round((value / 10_000) * 10_000) / 10_000);
  if (unit === 'cny') return String(Math.round((value / 100_000_000) * 1_000_000) / 1_000_000);
  return String(value);
}

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

/** Typed text as a stored value; empty text is "no value". */
export function fromInput(unit: TargetUnit, text: string): Parsed {
  const trimmed = text.trim().replace(/[,，]/g, '');
  if (trimmed === '') return { ok: true, value: null };
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return { ok: false, message: '请输入数字' };
  if (n < 0) return { ok: false, message: '不能为负数' };
  if (unit === 'usd') return { ok: true, value: wanToUnits(n) };
  if (unit === 'cny') return { ok: true, value: yiToYuan(n) };
  if (!Number.isInteger(n))
    return { ok: false, message: unit === 'count' ? '个数须为整数' : '百分比须为整数' };
  return { ok: true, value: n };
}

/** Units whose office allocations should add up to the zone's figure (not rates). */
export function isAdditive(unit: TargetUnit): boolean {
  return unit !== 'percent';
}

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

const asTyped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });

/** A stored value as read-only text, grouped, in its input unit ('70,000'); '—' for none. */
export function valueText(unit: TargetUnit, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return asTyped.format(Number(toInput(unit, value)));
}

/** A stored value with its unit, for sums and checks: '70,000万美元'. */
export function unitText(unit: TargetUnit, value: number): string {
  const shown = unit === 'usd' ? value / 10_000 : unit === 'cny' ? value / 100_000_000 : value;
  return `${grouped.format(shown)}${inputUnitLabels[unit]}`;
}
