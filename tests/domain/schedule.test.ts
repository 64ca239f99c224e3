import { describe, expect, it } from 'vitest';
import {
  defaultLightThresholds,
  describeGap,
  lightOf,
  ratio,
  readYear,
  scheduleGapPoints,
  scheduleLight,
  scheduleProgress,
} from '../../domain/schedule';

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

describe('readYear: 序时 and the date the figures are read at', () => {
  it('by months, mid-month: actuals through the last completed month against n/12', () => {
    // 2021-05-20: April is the last completed month, so 4/12 and figures as at 04-30.
    expect(readYear(2021, '2021-05-20', 'months')).toEqual({
      basis: 'months',
      status: 'in_progress',
      schedule: 4 / 12,
      figuresAsOf: '2021-04-30',
      actualsThrough: '2021-04-30',
    });
    // On a month's last day that month is complete.
    expect(readYear(2021, '2021-05-31', 'months')).toMatchObject({
      schedule: 5 / 12,
      figuresAsOf: '2021-05-31',
    });
  });

  it('by months in January: no month is complete, nothing counts yet, 序时 0', () => {
    expect(readYear(2021, '2021-01-20', 'months')).toEqual({
      basis: 'months',
      status: 'in_progress',
      schedule: 0,
      figuresAsOf: '2020-12-31',
      actualsThrough: null,
    });
  });

  it('by days: actuals to as-of against elapsed days ÷ days in the year', () => {
    // 2021-05-20 is day 140 of 365; 2020-05-20 is day 141 of the leap year's 366.
    expect(readYear(2021, '2021-05-20', 'days')).toEqual({
      basis: 'days',
      status: 'in_progress',
      schedule: 140 / 365,
      figuresAsOf: '2021-05-20',
      actualsThrough: '2021-05-20',
    });
    expect(readYear(2020, '2020-05-20', 'days').schedule).toBe(141 / 366);
    expect(readYear(2021, '2021-01-01', 'days').schedule).toBe(1 / 365);
  });

  it('a future year has not started: no 序时 and nothing counted', () => {
    for (const basis of ['months', 'days'] as const) {
      expect(readYear(2027, '2026-12-04', basis)).toEqual({
        basis,
        status: 'not_started',
        schedule: null,
        figuresAsOf: '2026-12-04',
        actualsThrough: null,
      });
    }
  });

  it('a closed year: the whole year counts, read at as-of (its last day or a later one)', () => {
    for (const basis of ['months', 'days'] as const) {
      expect(readYear(2021, '2021-12-31', basis)).toMatchObject({
        status: 'ended',
        schedule: 1,
        figuresAsOf: '2021-12-31',
        actualsThrough: '2021-12-31',
      });
      expect(readYear(2021, '2022-12-15', basis)).toMatchObject({
        status: 'ended',
        schedule: 1,
        figuresAsOf: '2022-12-15',
        actualsThrough: '2021-12-31',
      });
    }
  });
});

describe('红黄绿灯', () => {
  const t = defaultLightThresholds;
  it('green under 10 points behind, yellow from 10 to 30 behind, red beyond 30', () => {
    expect(lightOf(5, t)).toBe('green');
    expect(lightOf(0, t)).toBe('green');
    expect(lightOf(-9.99, t)).toBe('green');
    expect(lightOf(-10, t)).toBe('yellow');
    expect(lightOf(-30, t)).toBe('yellow');
    expect(lightOf(-30.01, t)).toBe('red');
    expect(lightOf(null, t)).toBeNull();
  });

  it('follows other thresholds', () => {
    expect(lightOf(-5, { yellow: 5, red: 15 })).toBe('yellow');
    expect(lightOf(-15.01, { yellow: 5, red: 15 })).toBe('red');
  });

  it('reads a completion against 序时 as the gap rounds it (a key project, say)', () => {
    // 序时 6/12 = 50%; 40% done is 10 points behind (yellow), 40.01% is 9.99 (green).
    expect(scheduleLight(0.4, 0.5, t)).toBe('yellow');
    expect(scheduleLight(0.4001, 0.5, t)).toBe('green');
    expect(scheduleLight(0.2, 0.5, t)).toBe('yellow');
    expect(scheduleLight(0.1999, 0.5, t)).toBe('red');
    expect(scheduleLight(0.3, null, t)).toBeNull();
    expect(scheduleLight(null, 0.5, t)).toBeNull();
  });
});
