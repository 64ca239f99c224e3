// How ledger cells and totals show amounts: the number in the column's unit (亿元, 万美元; the unit
// is in the header), always two decimals so the column lines up, and the full amount as a tooltip.
import {
  formatWanUsd,
  formatWanYuan,
  formatYiYuan,
  usdToWan,
  yuanToWan,
  yuanToYi,
} from '../../../domain/money';

const fixed2 = new Intl.NumberFormat('zh-CN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** How an amount column shows its amounts: the cell in the column's unit, the tooltip in full. */
export interface AmountUnit {
  cell: (amount: number | null) => string;
  title: (amount: number | null) => string | undefined;
}

function amountUnit(
  inUnit: (amount: number) => number,
  full: (amount: number, digits: number) => string,
): AmountUnit {
  return {
    cell: (amount) => (amount === null ? '' : fixed2.format(inUnit(amount))),
    title: (amount) => (amount === null ? undefined : full(amount, 4)),
  };
}

/** 1_234_500_000 元 → '12.35' (亿元) */
export const yiUnit = amountUnit(yuanToYi, formatYiYuan);
/** 70_000_000 美元 → '7,000.00' (万美元) */
export const wanUsdUnit = amountUnit(usdToWan, formatWanUsd);
/** 30_000_000 元 → '3,000.00' (万元) */
export const wanYuanUnit = amountUnit(yuanToWan, formatWanYuan);

const area = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** 用地 in 亩, as typed: 120.5 → '120.5' */
export function areaCell(mu: number | null): string {
  return mu === null ? '' : area.format(mu);
}

/** A timestamp as the day it was on this computer: '2026-12-04'. */
export function dayOf(timestamp: string | null): string | null {
  if (!timestamp) return null;
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const count = new Intl.NumberFormat('zh-CN');

export function countText(n: number): string {
  return count.format(n);
}
