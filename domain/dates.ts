// Calendar dates as ISO yyyy-mm-dd strings: validation, Chinese display, and a "today" tests can set.
import { format, parseISO } from 'date-fns';
import { zhCN } from 'date-fns/locale';

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const HYPHEN = 45;

/** The number written by the ASCII digits of s[from, to), or NaN if any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * True for a yyyy-mm-dd string naming a day that exists (2020-02-29 yes, 2021-02-29 no). Read digit
 * by digit and checked by the Gregorian rule rather than parsed and formatted, which takes
 * microseconds: sync import checks every date of every change (a test holds it to date-fns).
 */
export function isRealIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== HYPHEN || s.charCodeAt(7) !== HYPHEN) return false;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  // NaN fails every comparison below.
  if (!(year >= 1 && month >= 1 && month <= 12 && day >= 1)) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= daysInMonth[month - 1]! + (leap ? 1 : 0);
}

function checkedDay(iso: string): string {
  if (!isRealIsoDate(iso)) throw new RangeError(`Not a yyyy-mm-dd date: ${iso}`);
  return iso;
}

function parseDay(iso: string): Date {
  return parseISO(checkedDay(iso));
}

/** The year of a real yyyy-mm-dd date: its first four digits (deriving reads one per project). */
export function yearOf(iso: string): number {
  return Number(checkedDay(iso).slice(0, 4));
}

/** 2021-06-12 → 2021年6月12日 */
export function formatDateZh(iso: string): string {
  return format(parseDay(iso), 'PPP', { locale: zhCN });
}

let fixedToday: string | null = null;

/** Today as yyyy-mm-dd in local time, unless a test fixed it. */
export function todayIso(): string {
  return fixedToday ?? format(new Date(), 'yyyy-MM-dd');
}

/** Fixes todayIso() to a date; null restores the real clock. */
export function setTodayForTests(iso: string | null): void {
  if (iso !== null) parseDay(iso);
  fixedToday = iso;
}
