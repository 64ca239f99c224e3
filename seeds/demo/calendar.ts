// Calendar for the demo: dates are day numbers (days since 1970-01-01) while rows are planned, and
// are written out through a table of every day's 'YYYY-MM-DD'. The calendar arithmetic is Date's in
// UTC, not date-fns (which counts in local time): a local calendar lacks days in some time zones
// (Samoa skipped 2011-12-30), and the demo must be the same on every machine.

export const MS_PER_DAY = 86_400_000;

const dateOf = (day: number) => new Date(day * MS_PER_DAY);

/** The day number of a yyyy-mm-dd date (a date-only ISO string parses as UTC). */
export function dayNumber(iso: string): number {
  return Date.parse(iso) / MS_PER_DAY;
}

/** The day number of the Sunday ending the (Monday-first) week of a day. */
export function weekEndOf(day: number): number {
  return day + ((7 - dateOf(day).getUTCDay()) % 7);
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** 'YYYY-MM-DD' and the year of every day in [first, first + count). */
export class Calendar {
  private readonly iso: string[];
  private readonly years: Int16Array;

  constructor(
    readonly first: number,
    count: number,
  ) {
    this.iso = new Array<string>(count);
    this.years = new Int16Array(count);
    for (let i = 0; i < count; i++) {
      const date = dateOf(first + i);
      const year = date.getUTCFullYear();
      this.iso[i] = `${year}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
      this.years[i] = year;
    }
  }

  iso8601(day: number): string {
    const s = this.iso[day - this.first];
    if (s === undefined) throw new RangeError(`Demo day ${day} outside the calendar`);
    return s;
  }

  /** Negative days stand for "no date" (-1 while planning). */
  isoOrNull(day: number): string | null {
    return day >= 0 ? this.iso8601(day) : null;
  }

  year(day: number): number {
    return this.years[day - this.first] as number;
  }
}
