import { describe, expect, it } from 'vitest';
import {
  formatWanUsd,
  formatWanYuan,
  formatYiYuan,
  usdToWan,
  wanToUnits,
  yiToYuan,
  yuanToYi,
} from '../../domain/money';

describe('formatting', () => {
  it('shows 元 in 亿元 with two decimals at most', () => {
    expect(formatYiYuan(1_234_500_000)).toBe('12.35亿元');
    expect(formatYiYuan(1_200_000_000)).toBe('12亿元');
    expect(formatYiYuan(1_234_500_000, 1)).toBe('12.3亿元');
    expect(formatYiYuan(123_456_000_000)).toBe('1,234.56亿元');
  });

  it('shows 元 in 万元 with grouping', () => {
    expect(formatWanYuan(12_345_000)).toBe('1,234.5万元');
    expect(formatWanYuan(0)).toBe('0万元');
  });

  it('shows 美元 in 万美元', () => {
    expect(formatWanUsd(70_000_000)).toBe('7,000万美元');
  });

  it('keeps the minus sign of a negative amount', () => {
    expect(formatWanYuan(-50_000)).toBe('-5万元');
  });
});

describe('conversions', () => {
  it('turns stored integers into display units', () => {
    expect(yuanToYi(8_000_000_000)).toBe(80);
    expect(usdToWan(700_000_000)).toBe(70_000);
  });

  it('turns typed 亿 and 万 into whole 元 / 美元 despite binary fractions', () => {
    expect(yiToYuan(0.29)).toBe(29_000_000);
    expect(yiToYuan(12.345)).toBe(1_234_500_000);
    expect(wanToUnits(1234.5678)).toBe(12_345_678);
    expect(wanToUnits(0.00004)).toBe(0);
  });

  it('round-trips 亿元 typed with up to 8 decimals', () => {
    for (const yi of [0.01, 1.1, 3.3, 220, 99.99999999]) {
      expect(yuanToYi(yiToYuan(yi))).toBeCloseTo(yi, 8);
    }
  });
});
