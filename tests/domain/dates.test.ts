import { format, isValid, parseISO } from 'date-fns';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDateZh,
  isRealIsoDate,
  setTodayForTests,
  todayIso,
  yearOf,
} from '../../domain/dates';

describe('isRealIsoDate', () => {
  it('accepts days that exist', () => {
    expect(isRealIsoDate('2021-06-12')).toBe(true);
    expect(isRealIsoDate('2020-02-29')).toBe(true);
    expect(isRealIsoDate('2021-12-31')).toBe(true);
  });

  it('rejects days that do not exist', () => {
    expect(isRealIsoDate('2021-02-29')).toBe(false);
    expect(isRealIsoDate('2021-02-30')).toBe(false);
    expect(isRealIsoDate('2021-04-31')).toBe(false);
    expect(isRealIsoDate('2021-13-01')).toBe(false);
    expect(isRealIsoDate('2021-00-10')).toBe(false);
  });

  it('agrees with parsing and formatting by date-fns on every month and day of many years', () => {
    const byDateFns = (s: string) => {
      const date = parseISO(s);
      return isValid(date) && format(date, 'yyyy-MM-dd') === s;
    };
    const years = [0, 1, 4, 100, 400, 1582, 1899, 1900, 9996, 9999];
    for (let y = 1990; y <= 2110; y++) years.push(y);
    const two = (n: number) => String(n).padStart(2, '0');
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const s = `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
          expect(isRealIsoDate(s), s).toBe(byDateFns(s));
        }
      }
    }
  });

  it('rejects other shapes', () => {
    for (const s of [
      '2021-1-1',
      '20210101',
      '2021/01/01',
      '2021-01-01T00:00',
      ' 2021-01-01',
      '2021-01-1 ',
      '2021-0a-01',
      '+021-01-01',
      '２０２１-01-01',
      '2021-01-0１',
      '',
    ]) {
      expect(isRealIsoDate(s), s).toBe(false);
    }
  });
});

describe('yearOf and formatDateZh', () => {
  it('reads the year', () => {
    expect(yearOf('2021-12-31')).toBe(2021);
    expect(yearOf('0099-01-01')).toBe(99);
  });

  it('reads the year a calendar gives the day, for every real date', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const day = fc
      .tuple(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
      )
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    let beforeYear1000 = 0;
    fc.assert(
      fc.property(day, (iso) => {
        fc.pre(isRealIsoDate(iso));
        if (iso < '1000') beforeYear1000 += 1;
        expect(yearOf(iso)).toBe(parseISO(iso).getFullYear());
      }),
      { numRuns: 2000 },
    );
    // Years written with leading zeros really occurred.
    expect(beforeYear1000).toBeGreaterThan(20);
    expect(yearOf('2020-02-29')).toBe(2020);
  });

  it('writes the date the Chinese way', () => {
    expect(formatDateZh('2021-06-12')).toBe('2021年6月12日');
    expect(formatDateZh('2021-01-01')).toBe('2021年1月1日');
  });

  it('throws for a malformed date', () => {
    expect(() => yearOf('2021-13-01')).toThrow(RangeError);
    expect(() => formatDateZh('yesterday')).toThrow(RangeError);
  });
});

describe('todayIso', () => {
  afterEach(() => setTodayForTests(null));

  it('returns a real date by default', () => {
    expect(isRealIsoDate(todayIso())).toBe(true);
  });

  it('can be fixed by a test and restored', () => {
    const real = todayIso();
    setTodayForTests('2021-05-31');
    expect(todayIso()).toBe('2021-05-31');
    setTodayForTests(null);
    expect(todayIso()).toBe(real);
  });

  it('refuses to be fixed to a date that does not exist', () => {
    expect(() => setTodayForTests('2021-02-30')).toThrow(RangeError);
  });
});
