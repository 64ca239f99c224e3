// The follow-up list's sense of time, all relative to todayIso(): which group a due date falls in
// (今天到期, 已逾期, 本周 with weeks from Monday, 以后), how a day reads (6月12日 周五), and the
// default due date of the next follow-up (a week on).
import { addDays, differenceInCalendarDays, endOfWeek, format, parseISO } from 'date-fns';
import { zhCN } from 'date-fns/locale';

export type DueGroup = 'today' | 'overdue' | 'week' | 'later';

export const dueGroups: readonly { key: DueGroup; label: string }[] = [
  { key: 'today', label: '今天到期' },
  { key: 'overdue', label: '已逾期' },
  { key: 'week', label: '本周' },
  { key: 'later', label: '以后' },
];

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

export function dueGroupOf(dueOn: string, today: string): DueGroup {
  if (dueOn === today) return 'today';
  if (dueOn < today) return 'overdue';
  const sunday = iso(endOfWeek(parseISO(today), { weekStartsOn: 1 }));
  return dueOn <= sunday ? 'week' : 'later';
}

/** '2021-06-12' → '6月12日 周六'; another year than today's gets its year: '2022年1月3日 周一'. */
export function dayText(day: string, today: string): string {
  const pattern = day.slice(0, 4) === today.slice(0, 4) ? 'M月d日 EEE' : 'yyyy年M月d日 EEE';
  return format(parseISO(day), pattern, { locale: zhCN });
}

/** 逾期 3 天 / 今天 / 明天 / 还有 5 天 */
export function relativeText(day: string, today: string): string {
  const days = differenceInCalendarDays(parseISO(day), parseISO(today));
  if (days < 0) return `逾期 ${-days} 天`;
  if (days === 0) return '今天';
  if (days === 1) return '明天';
  return `还有 ${days} 天`;
}

export function daysAfter(day: string, days: number): string {
  return iso(addDays(parseISO(day), days));
}
