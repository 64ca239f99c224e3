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

/** 1_234_500_000 元 → '12.35' (亿元) */
export function yiCell(yuan: number | null): string {
  return yuan === null ? '' : fixed2.format(yuanToYi(yuan));
}

/** 70_000_000 美元 → '7,000.00' (万美元) */
export function wanUsdCell(usd: number | null): string {
  return usd === null ? '' : fixed2.format(usdToWan(usd));
}

/** 30_000_000 元 → '3,000.00' (万元) */
export function wanYuanCell(yuan: number | null): string {
  return yuan === null ? '' : fixed2.format(yuanToWan(yuan));
}

export function wanYuanTitle(yuan: number | null): string | undefined {
  return yuan === null ? undefined : formatWanYuan(yuan, 4);
}

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

export function yiTitle(yuan: number | null): string | undefined {
  return yuan === null ? undefined : formatYiYuan(yuan, 4);
}

export function wanUsdTitle(usd: number | null): string | undefined {
  return usd === null ? undefined : formatWanUsd(usd, 4);
}

const count = new Intl.NumberFormat('zh-CN');

export function countText(n: number): string {
  return count.format(n);
}
