// Calendar dates as ISO yyyy-mm-dd strings: validation, Chinese display, and a "today" tests can set.
import { format, isValid, parseISO } from 'date-fns';
import { zhCN } from 'date-fns/locale';

const isoShape = /^\d{4}-\d{2}-\d{2}$/;

/** True for a yyyy-mm-dd string naming a day that exists (2020-02-29 yes, 2021-02-29 no). */
export function isRealIsoDate(s: string): boolean {
  if (!isoShape.test(s)) return false;
  const date = parseISO(s);
  return isValid(date) && format(date, 'yyyy-MM-dd') === s;
}

function parseDay(iso: string): Date {
  if (!isRealIsoDate(iso)) throw new RangeError(`Not a yyyy-mm-dd date: ${iso}`);
  return parseISO(iso);
}

export function yearOf(iso: string): number {
  return parseDay(iso).getFullYear();
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
