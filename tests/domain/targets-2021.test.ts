import { describe, expect, it } from 'vitest';
import { targets2021 } from '../../seeds/targets-2021';

const byKey = new Map(targets2021.map((t) => [t.key, t]));

// [key, 确保, 力争, unit, mode] as in the 2021 plan (seeds/targets-2021.ts).
const expected = [
  ['contracted_fdi', 700_000_000, 800_000_000, 'usd', 'computed'],
  ['paid_in_fdi', 500_000_000, 600_000_000, 'usd', 'computed'],
  ['domestic_capital', 8_000_000_000, 10_000_000_000, 'cny', 'computed'],
  ['tier_100yi', null, 2, 'count', 'computed'],
  ['tier_50_100yi', null, 2, 'count', 'computed'],
  ['tier_10_50yi', null, 3, 'count', 'computed'],
  ['tier_1yi_industrial', null, 20, 'count', 'computed'],
  ['leader_projects', 5, null, 'count', 'computed'],
  ['landing_rate', 80, null, 'percent', 'computed'],
  ['started_1yi', 25, null, 'count', 'computed'],
  ['completed_1yi', 20, null, 'count', 'computed'],
  ['stalled_zero', null, 0, 'count', 'computed'],
  ['annual_projects', 100, null, 'count', 'computed'],
  ['key_projects_investment', 22_000_000_000, null, 'cny', 'computed'],
  ['city_projects', 41, null, 'count', 'computed'],
  ['city_projects_investment', 3_300_000_000, null, 'cny', 'computed'],
  ['tech_renovation', null, 100, 'count', 'computed'],
  ['tech_renovation_growth', null, 12, 'percent', 'manual'],
  ['talents', null, 260, 'count', 'manual'],
  ['talents_national', null, 20, 'count', 'manual'],
  ['high_tech', 15, null, 'count', 'manual'],
  ['high_tech_total', 110, null, 'count', 'manual'],
  ['listings', 2, null, 'count', 'manual'],
  ['listings_star', 1, null, 'count', 'manual'],
  ['gdp_growth', 8, null, 'percent', 'manual'],
  ['fixed_asset_growth', 10, null, 'percent', 'manual'],
  ['budget_revenue_growth', 8, null, 'percent', 'manual'],
  ['energy_intensity', null, null, 'percent', 'manual'],
] as const;

describe('2021 targets', () => {
  it.each(expected)('%s: 确保 %s, 力争 %s, in %s, %s', (key, guarantee, strive, unit, mode) => {
    expect(byKey.get(key)).toMatchObject({ guarantee, strive, unit, mode });
  });

  it('hold exactly these keys, each once', () => {
    expect(targets2021.map((t) => t.key)).toEqual(expected.map(([key]) => key));
  });

  it('are all zone-wide targets of 2021 with a Chinese label', () => {
    for (const t of targets2021) {
      expect(t).toMatchObject({ year: 2021, scope: 'zone' });
      expect(t.label).toMatch(/\p{Script=Han}/u);
    }
  });

  it('give every sub-key a parent that exists', () => {
    for (const key of ['city_projects', 'tech_renovation', 'talents', 'high_tech', 'listings']) {
      const children = targets2021.filter((t) => t.key.startsWith(`${key}_`));
      expect(children.length, key).toBeGreaterThan(0);
      expect(byKey.has(key)).toBe(true);
    }
  });

  it('keep the energy target as the plan’s words, without a number', () => {
    expect(byKey.get('energy_intensity')?.note).toBe('完成市下达目标任务');
  });

  it('store money as whole 元 / 美元', () => {
    for (const t of targets2021.filter((t) => t.unit === 'usd' || t.unit === 'cny')) {
      for (const v of [t.guarantee, t.strive])
        if (v !== null) expect(Number.isInteger(v)).toBe(true);
    }
  });
});
