// Size tiers (规模档次) of a project by total investment in RMB, and the currency conversion they rest on.

export type Tier = 't100' | 't50_100' | 't10_50' | 't1_10' | 'none';

export const tierLabels: Record<Tier, string> = {
  t100: '百亿',
  t50_100: '50–100亿',
  t10_50: '10–50亿',
  t1_10: '亿元',
  none: '无',
};

/** Largest first. */
export const tierOrder: readonly Tier[] = ['t100', 't50_100', 't10_50', 't1_10', 'none'];

export type Currency = 'CNY' | 'USD';

/** 元 in one 亿. */
export const YI = 100_000_000;

/** 省市县长工程 (leader project) total investment floor: 10亿元. */
export const LEADER_PROJECT_MIN_CNY = 10 * YI;

/** Converts an amount (元 or 美元) to whole 元 at the given USD→CNY rate. */
export function toCny(amount: number, currency: Currency, usdCnyRate: number): number {
  if (currency === 'CNY') return Math.round(amount);
  if (!(usdCnyRate > 0)) throw new RangeError(`USD/CNY rate must be positive, got ${usdCnyRate}`);
  return Math.round(amount * usdCnyRate);
}

// Lower bounds in 亿元, inclusive, largest first.
const tierFloors: readonly (readonly [Tier, number])[] = [
  ['t100', 100],
  ['t50_100', 50],
  ['t10_50', 10],
  ['t1_10', 1],
];

export function tierOf(totalCny: number): Tier {
  for (const [tier, floorYi] of tierFloors) {
    if (totalCny >= floorYi * YI) return tier;
  }
  return 'none';
}

/** True when `tier` is `floor` or larger: a 百亿 project also counts as a 亿元 project. */
export function tierAtLeast(tier: Tier, floor: Tier): boolean {
  return tierOrder.indexOf(tier) <= tierOrder.indexOf(floor);
}
