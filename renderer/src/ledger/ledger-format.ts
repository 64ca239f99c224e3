// How ledger cells and totals show amounts: the number in the column's unit (亿元, 万美元; the unit
// is in the header), always two decimals so the column lines up, and the full amount as a tooltip.
import { formatWanUsd, formatYiYuan, usdToWan, yuanToYi } from '../../../domain/money';

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
