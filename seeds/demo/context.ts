// What every generator shares: the random source, the as-of day and the window signings fall in,
// the calendar that writes days out, and the id maker.
import { Calendar, dayNumber, weekEndOf } from './calendar';
import { idMaker } from './ids';
import { Rng } from './random';

export interface DemoContext {
  readonly rng: Rng;
  /** The day the data is "as of": nothing actual happens after it. */
  readonly asOf: number;
  /**
   * Signing dates spread to asOf from 2019, or from a year and a half back, but from no more than
   * three years back: an as-of date of today shows this year's signings.
   */
  readonly windowStart: number;
  /** The first day any row may be dated. */
  readonly calendarStart: number;
  /** The Sunday ending asOf's week. */
  readonly weekEnd: number;
  readonly calendar: Calendar;
  /** A new row id dated on a day. */
  readonly newId: (day: number) => string;
}

export function demoContext(seed: number, asOfIso: string, enteredAtMs?: number): DemoContext {
  const rng = new Rng(seed);
  const asOf = dayNumber(asOfIso);
  const windowStart = Math.max(asOf - 1095, Math.min(dayNumber('2019-01-01'), asOf - 540));
  const calendarStart = windowStart - 1500;
  return {
    rng,
    asOf,
    windowStart,
    calendarStart,
    weekEnd: weekEndOf(asOf),
    calendar: new Calendar(calendarStart, asOf + 4000 - calendarStart),
    newId: idMaker(rng, enteredAtMs),
  };
}
