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

  it('rejects other shapes', () => {
    for (const s of ['2021-1-1', '20210101', '2021/01/01', '2021-01-01T00:00', ' 2021-01-01', '']) {
      expect(isRealIsoDate(s), s).toBe(false);
    }
  });
});

describe('yearOf and formatDateZh', () => {
  it('reads the year', () => {
    expect(yearOf('2021-12-31')).toBe(2021);
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
