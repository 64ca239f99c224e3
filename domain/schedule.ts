// 序时进度 (the share of the year elapsed, by completed months or by days), the date a year's figures
// are read at under that basis, the gap of a completion rate against it, the 红黄绿灯 that gap earns,
// and the plain ratios leaders read: 落地率, 开工率, 竣工率, 资金到位率.
import {
  format,
  getDayOfYear,
  getDaysInYear,
  isLastDayOfMonth,
  parseISO,
  startOfMonth,
  subDays,
} from 'date-fns';
import { isRealIsoDate } from './dates';

/**
 * How 序时 is read. 'months' (the 通报's): actuals through the end of the last completed month
 * against n/12. 'days': actuals through as-of against the days elapsed ÷ the days in the year.
 */
export const scheduleBases = ['months', 'days'] as const;
export type ScheduleBasis = (typeof scheduleBases)[number];
export const defaultScheduleBasis: ScheduleBasis = 'months';
export const scheduleBasisLabels: Record<ScheduleBasis, string> = {
  months: '按月（截至上月末）',
  days: '按日（截至所选日期）',
};

/** Where the as-of date stands in the year: before it, inside it, or on or after its last day. */
export type YearStatus = 'not_started' | 'in_progress' | 'ended';

export interface YearReading {
  basis: ScheduleBasis;
  status: YearStatus;
  /** 序时进度 as a fraction; null before the year starts (未开始). */
  schedule: number | null;
  /**
   * The date the year's figures are read at: events count up to it (within the year) and the
   * state (终止, 落地) is taken on it. As-of itself, except inside the year on the months basis:
   * the last completed month's end (the day before the year on its first month).
   */
  figuresAsOf: string;
  /** The year's last day whose events count; null while none does (未开始, or its first month by months). */
  actualsThrough: string | null;
}

const isoDay = (date: Date) => format(date, 'yyyy-MM-dd');
const pad4 = (year: number) => String(year).padStart(4, '0');

/** How the figures of `year` are read on `asOf` under `basis`. */
export function readYear(year: number, asOf: string, basis: ScheduleBasis): YearReading {
  if (!isRealIsoDate(asOf)) throw new RangeError(`Not a yyyy-mm-dd date: ${asOf}`);
  const start = `${pad4(year)}-01-01`;
  const end = `${pad4(year)}-12-31`;
  if (asOf < start) {
    return {
      basis,
      status: 'not_started',
      schedule: null,
      figuresAsOf: asOf,
      actualsThrough: null,
    };
  }
  if (asOf >= end) {
    return { basis, status: 'ended', schedule: 1, figuresAsOf: asOf, actualsThrough: end };
  }
  if (basis === 'days') {
    const date = parseISO(asOf);
    const schedule = getDayOfYear(date) / getDaysInYear(date);
    return { basis, status: 'in_progress', schedule, figuresAsOf: asOf, actualsThrough: asOf };
  }
  // The last completed month's end: as-of itself on a month's last day, else the day before its
  // month began (the year before's last day in January).
  const date = parseISO(asOf);
  const figuresAsOf = isLastDayOfMonth(date) ? asOf : isoDay(subDays(startOfMonth(date), 1));
  return {
    basis,
    status: 'in_progress',
    schedule: scheduleProgress(asOf),
    figuresAsOf,
    actualsThrough: figuresAsOf < start ? null : figuresAsOf,
  };
}

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

/** 红黄绿灯 of a figure read against 序时. */
export type Light = 'green' | 'yellow' | 'red';
export const lightLabels: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

/** Points behind 序时 from which a figure shows yellow, and beyond which red. */
export interface LightThresholds {
  yellow: number;
  red: number;
}
export const defaultLightThresholds: LightThresholds = { yellow: 10, red: 30 };

/**
 * The light of a gap to 序时 in points (scheduleGapPoints; negative when behind): green when less
 * than `yellow` points behind, yellow from `yellow` to `red` points behind (both included), red
 * beyond `red`; null without a gap (no target, not read against 序时, or the year not started).
 */
export function lightOf(gapPoints: number | null, thresholds: LightThresholds): Light | null {
  if (gapPoints === null) return null;
  const behind = -gapPoints;
  if (behind > thresholds.red) return 'red';
  if (behind >= thresholds.yellow) return 'yellow';
  return 'green';
}

/**
 * The light of a completion (a fraction, actual ÷ goal) against 序时 (a fraction, or null before
 * the year starts): for any figure read against the schedule, a target or a key project's yearly
 * planned investment.
 */
export function scheduleLight(
  completion: number | null,
  schedule: number | null,
  thresholds: LightThresholds,
): Light | null {
  if (completion === null || schedule === null) return null;
  return lightOf(scheduleGapPoints(completion, schedule), thresholds);
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
