import { describe, expect, it } from 'vitest';
import {
  defaultLandingRule,
  defaultStalledRules,
  defaultUsdCnyRates,
  fairEditions,
  industries,
  platforms,
} from '../../seeds/dictionaries';

describe('starting dictionaries', () => {
  it('list the five landing platforms of the plan', () => {
    expect(platforms).toEqual([
      '高端食品和智能制造高能级产业生态园',
      '高铁新城',
      '浙江中德（嘉兴）产业园',
      '运河新区',
      '姚家荡区域',
    ]);
  });

  it('list the plan’s industries first, without duplicates', () => {
    expect(industries.slice(0, 7)).toEqual([
      '集成电路',
      '5G通信',
      '人工智能',
      '高端装备制造',
      '高端食品',
      '数字经济',
      '生产性服务业',
    ]);
    expect(new Set(industries).size).toBe(industries.length);
  });

  it('list seven fair editions, the seventh in 2021', () => {
    expect(fairEditions).toHaveLength(7);
    expect(fairEditions[6]).toBe('第七届国际经贸洽谈会（2021）');
  });

  it('carry the 2021 USD/CNY rate and a plausible rate for every year 2019–2025', () => {
    expect(defaultUsdCnyRates[2021]).toBe(6.4515);
    for (let year = 2019; year <= 2025; year++) {
      expect(defaultUsdCnyRates[year]).toBeGreaterThan(6);
      expect(defaultUsdCnyRates[year]).toBeLessThan(7.5);
    }
  });
});

describe('default 五未 rules', () => {
  it('are the five transitions with their windows', () => {
    expect(
      defaultStalledRules.map((r) => [r.label, r.from, r.to, r.days, r.usePlannedDate]),
    ).toEqual([
      ['签约未注册', 'signed', 'registered', 90, false],
      ['注册未供地', 'registered', 'land_supplied', 180, false],
      ['供地未开工', 'land_supplied', 'started', 180, false],
      ['开工未竣工', 'started', 'completed', 730, true],
      ['竣工未投产', 'completed', 'producing', 90, false],
    ]);
    expect(new Set(defaultStalledRules.map((r) => r.key)).size).toBe(5);
  });

  it('count landing as registration among projects signed in the year', () => {
    expect(defaultLandingRule).toEqual({ milestone: 'registered', cohort: 'signed_in_year' });
  });
});
