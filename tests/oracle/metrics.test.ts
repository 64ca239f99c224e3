import { describe, expect, it } from 'vitest';
import type { LandingRule } from '../../domain/lifecycle';
import type { Arrival, MetricProject } from './metrics';
import {
  completionRate,
  contractedFdi,
  fundsRate,
  landingRate,
  leaderLandingRate,
  leaderProjects,
  milestoneCount,
  paidIn,
  signedInYear,
  stalledProjects,
  startRate,
  tierCounts,
} from './metrics';
import { defaultLandingRule, defaultStalledRules } from '../../seeds/dictionaries';

const YI = 100_000_000;

function project(id: string, fields: Partial<MetricProject> = {}): MetricProject {
  return {
    id,
    stage: 'signed',
    industrial: false,
    leaderProject: false,
    totalCny: null,
    contractedFdiUsd: null,
    signedOn: null,
    registeredOn: null,
    landSuppliedOn: null,
    startedOn: null,
    completedOn: null,
    producingOn: null,
    ...fields,
  };
}

function arrival(projectId: string, arrivedOn: string, fields: Partial<Arrival> = {}): Arrival {
  return {
    projectId,
    arrivedOn,
    amount: 1_000_000,
    currency: 'USD',
    kind: 'fdi',
    outsideCity: false,
    ...fields,
  };
}

describe('signedInYear', () => {
  it('does not count a project signed on 2020-12-31 in 2021', () => {
    const p = project('p', { signedOn: '2020-12-31' });
    expect(signedInYear(p, { year: 2021 })).toBe(false);
    expect(signedInYear(p, { year: 2020 })).toBe(true);
  });

  it('counts the first and last day of the year', () => {
    expect(signedInYear(project('a', { signedOn: '2021-01-01' }), { year: 2021 })).toBe(true);
    expect(signedInYear(project('b', { signedOn: '2021-12-31' }), { year: 2021 })).toBe(true);
    expect(signedInYear(project('c', { signedOn: '2022-01-01' }), { year: 2021 })).toBe(false);
  });

  it('treats a missing or empty signing date as unsigned', () => {
    expect(signedInYear(project('a', { stage: 'negotiating' }), { year: 2021 })).toBe(false);
    expect(signedInYear(project('b', { signedOn: '' }), { year: 2021 })).toBe(false);
  });

  it('ignores a signing after as-of', () => {
    const p = project('p', { signedOn: '2021-07-01' });
    expect(signedInYear(p, { year: 2021, asOf: '2021-06-30' })).toBe(false);
    expect(signedInYear(p, { year: 2021, asOf: '2021-07-01' })).toBe(true);
  });

  it('leaves out a terminated project, unless its 终止 date is after as-of', () => {
    const undated = project('a', { stage: 'terminated', signedOn: '2021-03-01' });
    const dated = project('b', {
      stage: 'terminated',
      signedOn: '2021-03-01',
      terminatedOn: '2021-09-01',
    });
    expect(signedInYear(undated, { year: 2021 })).toBe(false);
    expect(signedInYear(dated, { year: 2021 })).toBe(false);
    expect(signedInYear(dated, { year: 2021, asOf: '2021-08-31' })).toBe(true);
    expect(signedInYear(dated, { year: 2021, asOf: '2021-09-01' })).toBe(false);
  });

  it('rejects an as-of that is not a real date', () => {
    const p = project('p', { signedOn: '2021-03-01' });
    expect(() => signedInYear(p, { year: 2021, asOf: '2021-02-30' })).toThrow(RangeError);
    expect(() => signedInYear(p, { year: 2021.5 })).toThrow(RangeError);
  });
});

describe('a terminated project counts in no target', () => {
  const dead = project('dead', {
    stage: 'terminated',
    terminatedOn: '2021-11-30',
    industrial: true,
    leaderProject: true,
    totalCny: 120 * YI,
    contractedFdiUsd: 50_000_000,
    signedOn: '2021-01-10',
    registeredOn: '2021-02-10',
    startedOn: '2021-03-10',
    completedOn: '2021-04-10',
  });
  const arrivals = [
    arrival('dead', '2021-06-01', { amount: 3_000_000 }),
    arrival('dead', '2021-06-01', {
      kind: 'domestic',
      currency: 'CNY',
      outsideCity: true,
      amount: 9_000_000,
    }),
  ];
  const period = { year: 2021, asOf: '2021-12-31' };

  it('in counts and sums', () => {
    expect(tierCounts([dead], period)).toEqual({
      tier_100yi: 0,
      tier_50_100yi: 0,
      tier_10_50yi: 0,
      tier_1yi_industrial: 0,
    });
    expect(contractedFdi([dead], period)).toBe(0);
    expect(leaderProjects([dead], period)).toEqual([]);
    expect(milestoneCount([dead], { ...period, milestone: 'started' })).toBe(0);
    expect(milestoneCount([dead], { ...period, milestone: 'completed' })).toBe(0);
  });

  it('in paid-in money', () => {
    expect(paidIn(arrivals, { ...period, kind: 'fdi', projects: [dead] })).toBe(0);
    expect(paidIn(arrivals, { ...period, kind: 'domestic', projects: [dead] })).toBe(0);
  });

  it('in no cohort and on no 五未 list', () => {
    const rule: LandingRule = { milestone: 'registered', cohort: 'signed_in_year' };
    expect(landingRate([dead], { ...period, rule })).toEqual({
      cohort: [],
      landed: [],
      rate: null,
    });
    expect(leaderLandingRate([dead], { ...period, rule }).cohort).toEqual([]);
    expect(startRate([dead], period).cohort).toEqual([]);
    expect(completionRate([dead], period).cohort).toEqual([]);
    expect(stalledProjects([dead], { rules: defaultStalledRules, asOf: '2021-12-31' })).toEqual([]);
  });

  it('but did count before its 终止 date', () => {
    const before = { year: 2021, asOf: '2021-11-29' };
    expect(contractedFdi([dead], before)).toBe(50_000_000);
    expect(paidIn(arrivals, { ...before, kind: 'fdi', projects: [dead] })).toBe(3_000_000);
    // Completed 2021-04-10: 竣工未投产 deadline 2021-07-09 (+90 days), 143 days before 2021-11-29.
    expect(stalledProjects([dead], { rules: defaultStalledRules, asOf: '2021-11-29' })).toEqual([
      { projectId: 'dead', ruleKey: 'completed_not_producing', overdueDays: 143 },
    ]);
  });
});

describe('tierCounts', () => {
  // Every project signed in 2021 unless said otherwise.
  const signed = '2021-05-01';
  const projects = [
    project('a', { totalCny: 120 * YI, industrial: true, signedOn: signed }),
    project('b', { totalCny: 100 * YI, industrial: false, signedOn: signed }),
    project('c', { totalCny: 100 * YI - 1, industrial: true, signedOn: signed }),
    project('d', { totalCny: 50 * YI, industrial: true, signedOn: signed }),
    project('e', { totalCny: 10 * YI, industrial: false, signedOn: signed }),
    project('f', { totalCny: 10 * YI - 1, industrial: true, signedOn: signed }),
    project('g', { totalCny: 1 * YI, industrial: true, signedOn: signed }),
    project('h', { totalCny: 1 * YI - 1, industrial: true, signedOn: signed }),
    project('i', { totalCny: 5 * YI, industrial: false, signedOn: signed }),
    project('j', { totalCny: null, industrial: true, signedOn: signed }),
    project('k', { totalCny: 200 * YI, industrial: true, signedOn: '2020-12-31' }),
    project('l', { totalCny: 30 * YI, industrial: true, signedOn: '2021-07-01' }),
  ];

  it('counts the three large tiers as exact bands and 亿元产业 cumulatively upward', () => {
    // 百亿: a, b. 50–100亿: c, d. 10–50亿: e, l. 亿元以上产业: a, c, d, f, g, l (industrial ≥ 1亿).
    expect(tierCounts(projects, { year: 2021 })).toEqual({
      tier_100yi: 2,
      tier_50_100yi: 2,
      tier_10_50yi: 2,
      tier_1yi_industrial: 6,
    });
  });

  it('as of mid-year leaves out the July signing', () => {
    expect(tierCounts(projects, { year: 2021, asOf: '2021-06-30' })).toEqual({
      tier_100yi: 2,
      tier_50_100yi: 2,
      tier_10_50yi: 1,
      tier_1yi_industrial: 5,
    });
  });

  it('counts the project signed on 2020-12-31 in 2020 only', () => {
    expect(tierCounts(projects, { year: 2020 })).toEqual({
      tier_100yi: 1,
      tier_50_100yi: 0,
      tier_10_50yi: 0,
      tier_1yi_industrial: 1,
    });
  });
});

describe('contractedFdi', () => {
  it('sums contracted FDI of the projects signed in the year, null as zero', () => {
    const projects = [
      project('a', { signedOn: '2021-02-01', contractedFdiUsd: 30_000_000 }),
      project('b', { signedOn: '2021-08-01', contractedFdiUsd: 12_500_000 }),
      project('c', { signedOn: '2021-03-01', contractedFdiUsd: null }),
      project('d', { signedOn: '2020-12-31', contractedFdiUsd: 99_000_000 }),
      project('e', { signedOn: null, contractedFdiUsd: 7_000_000 }),
    ];
    expect(contractedFdi(projects, { year: 2021 })).toBe(42_500_000);
    expect(contractedFdi(projects, { year: 2021, asOf: '2021-07-31' })).toBe(30_000_000);
    expect(contractedFdi(projects, { year: 2020 })).toBe(99_000_000);
  });
});

describe('paidIn', () => {
  const projects = [
    project('old', { signedOn: '2019-04-01' }),
    project('new', { signedOn: '2021-03-01' }),
    project('next', { signedOn: '2022-01-05' }),
  ];
  const arrivals: Arrival[] = [
    arrival('old', '2021-01-01', { amount: 2_000_000 }),
    arrival('new', '2021-06-30', { amount: 3_000_000 }),
    arrival('new', '2021-07-01', { amount: 4_000_000 }),
    arrival('new', '2020-12-31', { amount: 8_000_000 }),
    arrival('old', '2022-01-01', { amount: 16_000_000 }),
    arrival('old', '2021-05-01', {
      kind: 'domestic',
      currency: 'CNY',
      outsideCity: true,
      amount: 50_000_000,
    }),
    arrival('new', '2021-08-01', {
      kind: 'domestic',
      currency: 'CNY',
      outsideCity: false,
      amount: 7_000_000,
    }),
    arrival('new', '2021-09-01', {
      kind: 'domestic',
      currency: 'CNY',
      outsideCity: true,
      amount: 20_000_000,
    }),
  ];

  it('counts arrivals by their own date, whatever the signing year', () => {
    // old (signed 2019) 2_000_000 + new 3_000_000 + 4_000_000; not 2020-12-31 nor 2022-01-01.
    expect(paidIn(arrivals, { year: 2021, kind: 'fdi', projects })).toBe(9_000_000);
    expect(paidIn(arrivals, { year: 2020, kind: 'fdi', projects })).toBe(8_000_000);
    // Paid in 2022 for a project signed 2019, in a year whose only signing is 'next'.
    expect(paidIn(arrivals, { year: 2022, kind: 'fdi', projects })).toBe(16_000_000);
  });

  it('counts only outside-city arrivals as 市外内资', () => {
    expect(paidIn(arrivals, { year: 2021, kind: 'domestic', projects })).toBe(70_000_000);
  });

  it('ignores arrivals after as-of', () => {
    expect(paidIn(arrivals, { year: 2021, asOf: '2021-06-30', kind: 'fdi', projects })).toBe(
      5_000_000,
    );
    expect(paidIn(arrivals, { year: 2021, asOf: '2021-08-31', kind: 'domestic', projects })).toBe(
      50_000_000,
    );
  });

  it('converts an arrival in the other currency at the given rate, and needs one', () => {
    const mixed = [
      arrival('new', '2021-04-01', { currency: 'CNY', amount: 6_450_000 }),
      arrival('new', '2021-04-01', { amount: 1_000_000 }),
      arrival('new', '2021-04-01', {
        kind: 'domestic',
        currency: 'USD',
        outsideCity: true,
        amount: 100,
      }),
    ];
    expect(paidIn(mixed, { year: 2021, kind: 'fdi', projects, usdCnyRate: 6.45 })).toBe(2_000_000);
    expect(paidIn(mixed, { year: 2021, kind: 'domestic', projects, usdCnyRate: 6.45 })).toBe(645);
    expect(() => paidIn(mixed, { year: 2021, kind: 'fdi', projects })).toThrow(RangeError);
  });
});

describe('fundsRate (资金到位率)', () => {
  it('is paid-in ÷ contracted, null with nothing contracted', () => {
    expect(fundsRate(8_000_000, 2_000_000)).toBe(0.25);
    expect(fundsRate(0, 2_000_000)).toBeNull();
  });
});

describe('milestoneCount', () => {
  const projects = [
    project('a', { totalCny: 1 * YI, signedOn: '2019-01-01', startedOn: '2021-02-01' }),
    project('b', { totalCny: 1 * YI - 1, signedOn: '2021-01-01', startedOn: '2021-03-01' }),
    project('c', { totalCny: 30 * YI, signedOn: '2020-01-01', startedOn: '2020-12-31' }),
    project('d', {
      totalCny: 30 * YI,
      signedOn: '2020-01-01',
      startedOn: '2020-06-01',
      completedOn: '2021-09-01',
    }),
    project('e', { totalCny: 2 * YI, signedOn: '2021-01-01', startedOn: '2021-08-01' }),
    project('f', { totalCny: null, signedOn: '2021-01-01', startedOn: '2021-04-01' }),
  ];

  it('counts 开工 dates in the year of projects of ≥ 1亿元, whatever the signing year', () => {
    // a (exactly 1亿, signed 2019), e; not b (< 1亿), c (2020-12-31), f (no total).
    expect(milestoneCount(projects, { year: 2021, milestone: 'started' })).toBe(2);
    expect(milestoneCount(projects, { year: 2020, milestone: 'started' })).toBe(2);
  });

  it('counts 竣工 dates the same way', () => {
    expect(milestoneCount(projects, { year: 2021, milestone: 'completed' })).toBe(1);
  });

  it('ignores dates after as-of and takes another floor', () => {
    expect(milestoneCount(projects, { year: 2021, asOf: '2021-07-31', milestone: 'started' })).toBe(
      1,
    );
    expect(
      milestoneCount(projects, { year: 2021, milestone: 'started', minTotalCny: 2 * YI }),
    ).toBe(1);
  });
});

describe('landingRate', () => {
  const projects = [
    // Signed 2021.
    project('p1', { signedOn: '2021-03-01', registeredOn: '2021-05-01' }),
    project('p2', {
      signedOn: '2021-04-01',
      registeredOn: '2021-07-01',
      landSuppliedOn: '2021-08-01',
    }),
    project('p3', {
      signedOn: '2021-05-01',
      registeredOn: '2021-06-01',
      landSuppliedOn: '2021-09-01',
      startedOn: '2021-10-01',
    }),
    project('p4', { signedOn: '2021-06-01' }),
    project('p5', { signedOn: '2021-02-01', registeredOn: '2022-01-15' }),
    // Signed 2020; q1 has a 开工 date but no 供地 date.
    project('q1', { signedOn: '2020-06-01', registeredOn: '2020-09-01', startedOn: '2021-03-01' }),
    project('q2', { signedOn: '2020-11-01' }),
    project('q3', { signedOn: '2020-12-31', registeredOn: '2021-01-10' }),
  ];
  const inYear = (milestone: LandingRule['milestone']): LandingRule => ({
    milestone,
    cohort: 'signed_in_year',
  });
  const inPrevious = (milestone: LandingRule['milestone']): LandingRule => ({
    milestone,
    cohort: 'signed_in_previous_year',
  });

  it('cohort signed in the year, landed = 注册 / 供地 / 开工 by year end', () => {
    const cohort = ['p1', 'p2', 'p3', 'p4', 'p5'];
    expect(landingRate(projects, { year: 2021, rule: inYear('registered') })).toEqual({
      cohort,
      landed: ['p1', 'p2', 'p3'],
      rate: 3 / 5,
    });
    expect(landingRate(projects, { year: 2021, rule: inYear('land_supplied') })).toEqual({
      cohort,
      landed: ['p2', 'p3'],
      rate: 2 / 5,
    });
    expect(landingRate(projects, { year: 2021, rule: inYear('started') })).toEqual({
      cohort,
      landed: ['p3'],
      rate: 1 / 5,
    });
  });

  it('uses the seeded default rule (注册, signed in the year)', () => {
    expect(landingRate(projects, { year: 2021, rule: defaultLandingRule })).toEqual(
      landingRate(projects, { year: 2021, rule: inYear('registered') }),
    );
  });

  it('cohort signed in the previous year; a later milestone also lands an earlier one', () => {
    const cohort = ['q1', 'q2', 'q3'];
    expect(landingRate(projects, { year: 2021, rule: inPrevious('registered') })).toEqual({
      cohort,
      landed: ['q1', 'q3'],
      rate: 2 / 3,
    });
    expect(landingRate(projects, { year: 2021, rule: inPrevious('land_supplied') })).toEqual({
      cohort,
      landed: ['q1'],
      rate: 1 / 3,
    });
    expect(landingRate(projects, { year: 2021, rule: inPrevious('started') })).toEqual({
      cohort,
      landed: ['q1'],
      rate: 1 / 3,
    });
  });

  it('judges landing on as-of, not at year end or at any time', () => {
    // p5 registers 2022-01-15: not landed for 2021 by year end, landed seen from 2022-03-31.
    expect(
      landingRate(projects, { year: 2021, asOf: '2022-03-31', rule: inYear('registered') }),
    ).toEqual({
      cohort: ['p1', 'p2', 'p3', 'p4', 'p5'],
      landed: ['p1', 'p2', 'p3', 'p5'],
      rate: 0.8,
    });
    // On 2021-06-30 p2's 2021-07-01 注册 has not happened yet.
    expect(
      landingRate(projects, { year: 2021, asOf: '2021-06-30', rule: inYear('registered') }),
    ).toEqual({ cohort: ['p1', 'p2', 'p3', 'p4', 'p5'], landed: ['p1', 'p3'], rate: 2 / 5 });
    // On 2021-04-30 the cohort is p1, p2, p5 and none has registered.
    expect(
      landingRate(projects, { year: 2021, asOf: '2021-04-30', rule: inYear('registered') }),
    ).toEqual({ cohort: ['p1', 'p2', 'p5'], landed: [], rate: 0 });
    // q1 starts 2021-03-01: on 2021-02-28 the 2020 cohort has no 开工 yet.
    expect(
      landingRate(projects, { year: 2021, asOf: '2021-02-28', rule: inPrevious('started') }),
    ).toEqual({ cohort: ['q1', 'q2', 'q3'], landed: [], rate: 0 });
  });

  it('gives rate null for an empty cohort', () => {
    expect(landingRate(projects, { year: 2023, rule: inYear('registered') })).toEqual({
      cohort: [],
      landed: [],
      rate: null,
    });
    expect(landingRate([], { year: 2021, rule: inPrevious('started') }).rate).toBeNull();
  });
});

describe('leader projects (省市县长工程)', () => {
  const projects = [
    project('l1', { leaderProject: true, totalCny: 10 * YI, signedOn: '2021-03-01' }),
    project('l2', {
      leaderProject: true,
      totalCny: 40 * YI,
      signedOn: '2021-05-01',
      registeredOn: '2021-08-01',
    }),
    project('l3', {
      leaderProject: true,
      totalCny: 15 * YI,
      signedOn: '2021-09-01',
      registeredOn: '2021-10-01',
    }),
    project('small', {
      leaderProject: true,
      totalCny: 10 * YI - 1,
      signedOn: '2021-03-01',
      registeredOn: '2021-04-01',
    }),
    project('plain', { totalCny: 50 * YI, signedOn: '2021-03-01', registeredOn: '2021-04-01' }),
    project('l0', {
      leaderProject: true,
      totalCny: 20 * YI,
      signedOn: '2020-12-31',
      registeredOn: '2021-02-01',
    }),
  ];

  it('are leader projects of ≥ 10亿元 signed in the year', () => {
    expect(leaderProjects(projects, { year: 2021 })).toEqual(['l1', 'l2', 'l3']);
    expect(leaderProjects(projects, { year: 2021, asOf: '2021-08-31' })).toEqual(['l1', 'l2']);
    expect(leaderProjects(projects, { year: 2020 })).toEqual(['l0']);
  });

  it('have their own 落地率, over that cohort', () => {
    expect(leaderLandingRate(projects, { year: 2021, rule: defaultLandingRule })).toEqual({
      cohort: ['l1', 'l2', 'l3'],
      landed: ['l2', 'l3'],
      rate: 2 / 3,
    });
    expect(
      leaderLandingRate(projects, {
        year: 2021,
        rule: { milestone: 'registered', cohort: 'signed_in_previous_year' },
      }),
    ).toEqual({ cohort: ['l0'], landed: ['l0'], rate: 1 });
    expect(
      leaderLandingRate(projects, { year: 2021, asOf: '2021-07-31', rule: defaultLandingRule }),
    ).toEqual({ cohort: ['l1', 'l2'], landed: [], rate: 0 });
    expect(leaderLandingRate(projects, { year: 2019, rule: defaultLandingRule }).rate).toBeNull();
  });
});

describe('startRate (开工率) and completionRate (竣工率)', () => {
  const projects = [
    project('a', { signedOn: '2021-01-10', startedOn: '2021-04-01', completedOn: '2021-11-01' }),
    project('b', { signedOn: '2021-02-10', registeredOn: '2021-03-01', startedOn: '2021-08-01' }),
    project('c', { signedOn: '2021-03-10' }),
    project('d', { signedOn: '2021-04-10', registeredOn: '2021-05-01' }),
    project('e', { signedOn: '2020-05-01', startedOn: '2020-10-01', completedOn: '2021-06-01' }),
  ];

  it('divide started and completed by signed over the cohort', () => {
    expect(startRate(projects, { year: 2021 })).toEqual({
      cohort: ['a', 'b', 'c', 'd'],
      started: ['a', 'b'],
      rate: 0.5,
    });
    expect(completionRate(projects, { year: 2021 })).toEqual({
      cohort: ['a', 'b', 'c', 'd'],
      completed: ['a'],
      rate: 0.25,
    });
    expect(completionRate(projects, { year: 2021, cohort: 'signed_in_previous_year' })).toEqual({
      cohort: ['e'],
      completed: ['e'],
      rate: 1,
    });
  });

  it('ignore dates after as-of; empty cohort gives null', () => {
    expect(startRate(projects, { year: 2021, asOf: '2021-06-30' })).toEqual({
      cohort: ['a', 'b', 'c', 'd'],
      started: ['a'],
      rate: 0.25,
    });
    expect(completionRate(projects, { year: 2021, asOf: '2021-06-30' }).rate).toBe(0);
    expect(startRate(projects, { year: 2021, asOf: '2020-12-31' })).toEqual({
      cohort: [],
      started: [],
      rate: null,
    });
  });
});

describe('stalledProjects (五未)', () => {
  const rule = (key: string) => {
    const found = defaultStalledRules.find((r) => r.key === key);
    if (!found) throw new Error(`no default rule ${key}`);
    return found;
  };

  // From a milestone on 2021-01-01: +90 days = 2021-04-01, +180 days = 2021-06-30 (counted by hand:
  // 31 + 28 + 31 = 90; 90 + 30 + 31 + 29 = 180). The 开工未竣工 deadline is the planned 竣工 date.
  const cases: [string, Partial<MetricProject>, string, string][] = [
    ['signed_not_registered', { signedOn: '2021-01-01' }, '2021-04-01', '2021-04-02'],
    [
      'registered_not_land_supplied',
      { signedOn: '2020-12-01', registeredOn: '2021-01-01' },
      '2021-06-30',
      '2021-07-01',
    ],
    [
      'land_supplied_not_started',
      { signedOn: '2020-11-01', registeredOn: '2020-12-01', landSuppliedOn: '2021-01-01' },
      '2021-06-30',
      '2021-07-01',
    ],
    [
      'started_not_completed',
      { signedOn: '2020-01-01', startedOn: '2021-01-01', plannedCompletedOn: '2021-09-30' },
      '2021-09-30',
      '2021-10-01',
    ],
    [
      'completed_not_producing',
      { signedOn: '2019-01-01', startedOn: '2020-01-01', completedOn: '2021-01-01' },
      '2021-04-01',
      '2021-04-02',
    ],
  ];

  it('has the five default rules covered here', () => {
    expect(cases.map(([key]) => key)).toEqual(defaultStalledRules.map((r) => r.key));
  });

  it.each(cases)('%s: not overdue on day N, overdue by 1 on day N+1', (key, dates, dayN, next) => {
    const p = project('p', dates);
    const rules = defaultStalledRules;
    expect(stalledProjects([p], { rules, asOf: dayN })).toEqual([]);
    expect(stalledProjects([p], { rules, asOf: next })).toEqual([
      { projectId: 'p', ruleKey: key, overdueDays: 1 },
    ]);
    expect(stalledProjects([p], { rules: [rule(key)], asOf: next })).toHaveLength(1);
  });

  it('ignores the next milestone when it is dated after as-of', () => {
    const p = project('p', { signedOn: '2021-01-01', registeredOn: '2021-04-05' });
    const rules = defaultStalledRules;
    expect(stalledProjects([p], { rules, asOf: '2021-04-03' })).toEqual([
      { projectId: 'p', ruleKey: 'signed_not_registered', overdueDays: 2 },
    ]);
    expect(stalledProjects([p], { rules, asOf: '2021-04-05' })).toEqual([]);
  });

  it('leaves out terminated projects and lists the others in order', () => {
    const projects = [
      project('x', { stage: 'terminated', signedOn: '2021-01-01' }),
      project('y', { signedOn: '2021-01-01' }),
      project('z', { signedOn: '2020-12-31' }),
      project('w', { signedOn: '2021-01-01', startedOn: '2021-02-01' }),
    ];
    // w started 68 days ago with no planned 竣工 date: within the 730-day fallback, not stalled.
    expect(stalledProjects(projects, { rules: defaultStalledRules, asOf: '2021-04-10' })).toEqual([
      { projectId: 'y', ruleKey: 'signed_not_registered', overdueDays: 9 },
      { projectId: 'z', ruleKey: 'signed_not_registered', overdueDays: 10 },
    ]);
  });

  it('judges 开工未竣工 by 730 days from 开工 when there is no planned 竣工 date', () => {
    // 2019-07-01 + 730 days = 2021-06-30 (2019-07-01 → 2020-07-01 is 366 days, with 2020-02-29).
    const projects = [
      project('none', { stage: 'started', signedOn: '2019-01-01', startedOn: '2019-07-01' }),
      project('later', {
        stage: 'started',
        signedOn: '2019-01-01',
        startedOn: '2019-07-01',
        plannedCompletedOn: '2022-06-30',
      }),
    ];
    const on = (asOf: string) =>
      stalledProjects(projects, { rules: defaultStalledRules, asOf }).map(
        (e) => `${e.projectId} ${e.ruleKey} ${e.overdueDays}`,
      );
    expect(on('2021-06-29')).toEqual([]); // day 729
    expect(on('2021-06-30')).toEqual([]); // day 730: the deadline itself
    expect(on('2021-07-01')).toEqual(['none started_not_completed 1']); // day 731
    // Day 800 (2021-09-08): the planned date, still ahead, wins over the fallback.
    expect(on('2021-09-08')).toEqual(['none started_not_completed 70']);
  });

  it('rejects an as-of that is not a real date', () => {
    expect(() => stalledProjects([], { rules: defaultStalledRules, asOf: '2021-13-01' })).toThrow(
      RangeError,
    );
  });
});
