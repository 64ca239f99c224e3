// Money shown to people: integer 元 / 美元 in storage, 亿元 / 万元 / 万美元 on screen and in sheets,
// and the conversions back when a user types an amount in those units.
import { YI } from './classify';

const WAN = 10_000;

const formatters = new Map<number, Intl.NumberFormat>();

/** Grouped zh-CN number with at most `digits` decimals; trailing zeros are dropped. */
export function formatNumber(value: number, digits: number): string {
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits });
    formatters.set(digits, formatter);
  }
  return formatter.format(value);
}

export function yuanToYi(yuan: number): number {
  return yuan / YI;
}

export function yuanToWan(yuan: number): number {
  return yuan / WAN;
}

export function usdToWan(usd: number): number {
  return usd / WAN;
}

/** 1_234_500_000 → '12.35亿元' */
export function formatYiYuan(yuan: number, digits = 2): string {
  return `${formatNumber(yuanToYi(yuan), digits)}亿元`;
}

/** 12_345_000 → '1,234.5万元' */
export function formatWanYuan(yuan: number, digits = 2): string {
  return `${formatNumber(yuanToWan(yuan), digits)}万元`;
}

/** 70_000_000 → '7,000万美元' */
export function formatWanUsd(usd: number, digits = 2): string {
  return `${formatNumber(usdToWan(usd), digits)}万美元`;
}

/** An amount typed in 亿元, as whole 元. */
export function yiToYuan(yi: number): number {
  return Math.round(yi * YI);
}

/** An amount typed in 万 (万元 or 万美元), as whole 元 or 美元. */
export function wanToUnits(wan: number): number {
  return Math.round(wan * WAN);
}
