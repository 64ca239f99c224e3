import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { YI, tierAtLeast, tierLabels, tierOf, tierOrder, toCny } from '../../domain/classify';

describe('tierOf', () => {
  it('puts exactly 100亿元 in 百亿', () => {
    expect(tierOf(100 * YI)).toBe('t100');
    expect(tierOf(100 * YI - 1)).toBe('t50_100');
  });

  it('puts exactly 50亿元 in 50–100亿', () => {
    expect(tierOf(50 * YI)).toBe('t50_100');
    expect(tierOf(50 * YI - 1)).toBe('t10_50');
  });

  it('puts exactly 10亿元 in 10–50亿', () => {
    expect(tierOf(10 * YI)).toBe('t10_50');
    expect(tierOf(10 * YI - 1)).toBe('t1_10');
  });

  it('puts exactly 1亿元 in 亿元', () => {
    expect(tierOf(YI)).toBe('t1_10');
  });

  it('gives 0.99亿元 and nothing no tier', () => {
    expect(tierOf(99_000_000)).toBe('none');
    expect(tierOf(0)).toBe('none');
  });

  it('never gives a larger amount a smaller tier (monotone)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(tierAtLeast(tierOf(high), tierOf(low))).toBe(true);
        },
      ),
    );
  });
});

describe('a US-dollar amount is tiered at the year’s rate', () => {
  it('160,000,000 USD is 10亿+ at 6.4515 but under 10亿 at 6.0', () => {
    expect(tierOf(toCny(160_000_000, 'USD', 6.4515))).toBe('t10_50');
    expect(tierOf(toCny(160_000_000, 'USD', 6.0))).toBe('t1_10');
  });

  it('155,000,000 USD at 6.4515 is 999,982,500元, just under 10亿', () => {
    expect(toCny(155_000_000, 'USD', 6.4515)).toBe(999_982_500);
    expect(tierOf(toCny(155_000_000, 'USD', 6.4515))).toBe('t1_10');
  });
});

describe('toCny', () => {
  it('rounds to whole 元', () => {
    expect(toCny(1, 'USD', 6.4515)).toBe(6);
    expect(toCny(3, 'USD', 6.4515)).toBe(19);
    expect(Number.isInteger(toCny(123_457, 'USD', 6.4515))).toBe(true);
  });

  it('leaves RMB as it is, whatever the rate', () => {
    expect(toCny(1_234_567, 'CNY', 0)).toBe(1_234_567);
  });

  it('rejects a rate that is not positive', () => {
    expect(() => toCny(100, 'USD', 0)).toThrow(RangeError);
    expect(() => toCny(100, 'USD', Number.NaN)).toThrow(RangeError);
  });
});

describe('tierAtLeast', () => {
  it('counts larger tiers toward a smaller floor', () => {
    expect(tierAtLeast('t100', 't1_10')).toBe(true);
    expect(tierAtLeast('t10_50', 't10_50')).toBe(true);
    expect(tierAtLeast('t1_10', 't10_50')).toBe(false);
    expect(tierAtLeast('none', 't1_10')).toBe(false);
    expect(tierAtLeast('none', 'none')).toBe(true);
  });
});

it('labels the tiers largest first', () => {
  expect(tierOrder.map((t) => tierLabels[t])).toEqual([
    '百亿',
    '50–100亿',
    '10–50亿',
    '亿元',
    '无',
  ]);
});
