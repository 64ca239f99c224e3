// How the 看板 shows a figure: amounts in the unit people use for each metric (合同外资 and 实到外资
// in 万美元, 市外内资 and investments in 亿元), counts in 个, rates in %, with grouped digits.
import { formatNumber, usdToWan, yuanToYi } from '../../../domain/money';
import type { TargetUnit } from '../../../domain/targets';

export const unitLabels: Record<TargetUnit, string> = {
  usd: '万美元',
  cny: '亿元',
  count: '个',
  percent: '%',
};

/** A stored value (美元, 元, count, percent) as the number shown in its display unit. */
export function displayNumber(unit: TargetUnit, value: number): number {
  if (unit === 'usd') return usdToWan(value);
  if (unit === 'cny') return yuanToYi(value);
  return value;
}

/** 4_671_935_000 美元 → '467,193.5' (the unit goes beside it). */
export function metricNumber(unit: TargetUnit, value: number | null): string {
  if (value === null) return '—';
  return formatNumber(displayNumber(unit, value), unit === 'count' ? 0 : 2);
}

/** The number with its unit: '467,193.5万美元', '12个', '80%'. */
export function metricText(unit: TargetUnit, value: number | null): string {
  if (value === null) return '—';
  return `${metricNumber(unit, value)}${unitLabels[unit]}`;
}

/** 0.4169 → '41.7%' */
export function percentText(fraction: number | null, digits = 1): string {
  return fraction === null ? '—' : `${formatNumber(fraction * 100, digits)}%`;
}

/** 元 → '12.35' (亿元) */
export function yiText(yuan: number): string {
  return formatNumber(yuanToYi(yuan), 2);
}

/** 美元 → '7,000' (万美元) */
export function wanUsdText(usd: number): string {
  return formatNumber(usdToWan(usd), 2);
}

export function countText(n: number): string {
  return formatNumber(n, 0);
}
