import { describe, expect, it } from 'vitest';
import { describeGap, ratio, scheduleGapPoints, scheduleProgress } from '../../domain/schedule';

describe('scheduleProgress (序时进度)', () => {
  it('is 5/12 at the end of May', () => {
    expect(scheduleProgress('2021-05-31')).toBe(5 / 12);
  });

  it('does not count May until its last day', () => {
    expect(scheduleProgress('2021-05-30')).toBe(4 / 12);
  });

  it('is 0 on New Year’s Day and 1 on New Year’s Eve', () => {
    expect(scheduleProgress('2021-01-01')).toBe(0);
    expect(scheduleProgress('2021-12-31')).toBe(1);
  });

  it('counts February on its last day in leap and common years', () => {
    expect(scheduleProgress('2021-02-28')).toBe(2 / 12);
    expect(scheduleProgress('2020-02-28')).toBe(1 / 12);
    expect(scheduleProgress('2020-02-29')).toBe(2 / 12);
  });

  it('rejects a date that does not exist', () => {
    expect(() => scheduleProgress('2021-02-30')).toThrow(RangeError);
  });
});

describe('scheduleGapPoints', () => {
  it('reports 41.69% at end of May as 0.02 points ahead', () => {
    expect(scheduleGapPoints(0.4169, 5 / 12)).toBe(0.02);
  });

  it('reports 125.64% at end of October as 42.31 points ahead', () => {
    expect(scheduleGapPoints(1.2564, 10 / 12)).toBe(42.31);
  });

  it('is negative when behind, rounded the same way as ahead', () => {
    expect(scheduleGapPoints(0.3867, 5 / 12)).toBe(-3);
    expect(scheduleGapPoints(0.39, 5 / 12)).toBe(-2.67);
  });

  it('is exactly 0 when level', () => {
    expect(Object.is(scheduleGapPoints(5 / 12, 5 / 12), 0)).toBe(true);
  });
});

describe('ratio', () => {
  it('divides', () => {
    expect(ratio(222, 247)).toBeCloseTo(0.8988, 4);
    expect(ratio(0, 5)).toBe(0);
  });

  it('is null for an empty denominator', () => {
    expect(ratio(3, 0)).toBeNull();
  });
});

describe('describeGap', () => {
  it('says ahead, behind or level in the leaders’ words', () => {
    expect(describeGap(2.5)).toBe('领先序时 2.5 个百分点');
    expect(describeGap(-3)).toBe('落后序时 3 个百分点');
    expect(describeGap(0)).toBe('与序时持平');
    expect(describeGap(0.02)).toBe('领先序时 0.02 个百分点');
  });

  it('calls a gap that rounds to 0.00 level', () => {
    expect(describeGap(-0.001)).toBe('与序时持平');
  });
});
