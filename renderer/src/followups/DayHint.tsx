// The day a follow-up form's date input stands for, in words (6月17日 周三), beside the input.
import { isRealIsoDate } from '../../../domain/dates';
import { dayText } from './followup-dates';

/** The Chinese day of a date input's value (6月17日 周三), whatever format the input shows. */
export function DayHint({ day, today }: { day: string; today: string }) {
  if (!isRealIsoDate(day)) return null;
  return <span className="followups-day-hint">{dayText(day, today)}</span>;
}
