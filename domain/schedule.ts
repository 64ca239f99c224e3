// 序时进度 (the share of the year elapsed, by whole months), the gap of a completion rate against it,
// and the plain ratios leaders read: 落地率, 开工率, 竣工率, 资金到位率.
import { isLastDayOfMonth, parseISO } from 'date-fns';
import { isRealIsoDate } from './dates';

/** Whole months of asOf's year elapsed ÷ 12; a month counts once its last day is reached. */
export function scheduleProgress(asOf: string): number {
  if (!isRealIsoDate(asOf)) throw new RangeError(`Not a yyyy-mm-dd date: ${asOf}`);
  const date = parseISO(asOf);
  const monthsElapsed = date.getMonth() + (isLastDayOfMonth(date) ? 1 : 0);
  return monthsElapsed / 12;
}

/**
 * Percentage points by which a completion rate (a fraction, 0.4169 = 41.69%) leads the schedule
 * (a fraction), rounded to 2 decimals; negative when behind.
 */
export function scheduleGapPoints(completion: number, schedule: number): number {
  const hundredths = Math.round(Math.abs(completion - schedule) * 10_000);
  const points = (Math.sign(completion - schedule) * hundredths) / 100;
  return points === 0 ? 0 : points;
}

/** numerator ÷ denominator as a fraction, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** 领先序时 2.5 个百分点 / 落后序时 3 个百分点 / 与序时持平 */
export function describeGap(points: number): string {
  const rounded = Math.round(Math.abs(points) * 100) / 100;
  if (rounded === 0) return '与序时持平';
  return `${points > 0 ? '领先' : '落后'}序时 ${rounded} 个百分点`;
}
