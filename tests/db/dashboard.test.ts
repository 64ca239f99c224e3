// The 看板 on small hand-made data sets whose answers were worked out by hand: which projects count
// in 2021, tiers at the year's rate, arrivals by their own date, cumulative tier counts, 序时进度,
// 落地率 under each definition, each default 五未 rule on its boundary day, office scope, and a
// drill-down list of exactly the projects each figure counts.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { Dashboard, DashboardMetric, DrillTarget } from '../../domain/dashboard';
import { computedMetricKeys, rateMetricKeys } from '../../domain/dashboard';
import type { LedgerRow } from '../../domain/ledger';
import type { ProjectRecord } from '../../domain/project-input';
import type { Settings } from '../../domain/settings';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const YI = 100_000_000;

function add(fields: Record<string, unknown>): string {
  const project = expectOk(
    dispatchSync(app, 'project.create', {
      investor: `${String(fields.name)}投资方`,
      country: 'DE',
      office: '上海',
      owner: '李明',
      ...fields,
    }),
  ) as ProjectRecord;
  return project.id;
}

function arrive(projectId: string, fields: Record<string, unknown>): void {
  expectOk(dispatchSync(app, 'arrival.create', { projectId, ...fields }));
}

function board(input: Record<string, unknown> = {}): Dashboard {
  return expectOk(
    dispatchSync(app, 'dashboard.get', { year: 2021, withProjects: true, ...input }),
  ) as Dashboard;
}

function metric(b: Dashboard, key: string): DashboardMetric {
  const m = b.metrics.find((x) => x.key === key);
  if (!m) throw new Error(`no metric ${key}`);
  return m;
}

function drill(target: DrillTarget, input: Record<string, unknown> = {}): LedgerRow[] {
  return expectOk(
    dispatchSync(app, 'dashboard.drill', { year: 2021, ...input, target }),
  ) as LedgerRow[];
}

describe('看板: which projects count in the year', () => {
  test('a project signed on 2020-12-31 does not count in 2021; one signed 2021-01-01 does', () => {
    add({ name: '年末签约', totalInvestmentCny: 12 * YI, stage: 'signed', signedOn: '2020-12-31' });
    const jan = add({
      name: '年初签约',
      totalInvestmentCny: 12 * YI,
      stage: 'signed',
      signedOn: '2021-01-01',
      contractedFdiUsd: 3_000_000,
    });
    const b = board({ asOf: '2021-12-31' });
    expect(metric(b, 'tier_10_50yi')).toMatchObject({ actual: 1, projects: [jan] });
    expect(metric(b, 'contracted_fdi')).toMatchObject({ actual: 3_000_000, projects: [jan] });
    expect(board({ year: 2020, asOf: '2020-12-31' }).metrics[5]).toMatchObject({
      key: 'tier_10_50yi',
      actual: 1,
    });
  });

  test('a project signed after as-of has not been signed yet', () => {
    add({ name: '七月签约', totalInvestmentCny: 12 * YI, stage: 'signed', signedOn: '2021-07-01' });
    expect(metric(board({ asOf: '2021-06-30' }), 'tier_10_50yi').actual).toBe(0);
    // By months (the default) July counts once it is complete; by days on its first day.
    expect(metric(board({ asOf: '2021-07-30' }), 'tier_10_50yi').actual).toBe(0);
    expect(metric(board({ asOf: '2021-07-31' }), 'tier_10_50yi').actual).toBe(1);
    expectOk(dispatchSync(app, 'settings.update', { scheduleBasis: 'days' }));
    expect(metric(board({ asOf: '2021-07-01' }), 'tier_10_50yi').actual).toBe(1);
  });

  test('a terminated project counts in no target, list or ranking', () => {
    const id = add({
      name: '终止项目',
      totalInvestmentCny: 120 * YI,
      contractedFdiUsd: 50_000_000,
      industrial: true,
      leaderProject: true,
      stage: 'started',
      signedOn: '2021-02-01',
      startedOn: '2021-03-01',
    });
    arrive(id, { arrivedOn: '2021-04-01', amount: 5_000_000, currency: 'USD', kind: 'fdi' });
    const before = board({ asOf: '2021-12-31' });
    expect(metric(before, 'tier_100yi').actual).toBe(1);
    expect(metric(before, 'paid_in_fdi').actual).toBe(5_000_000);

    expectOk(
      dispatchSync(app, 'project.update', {
        id,
        patch: { stage: 'terminated', terminationReason: '投资方战略调整' },
      }),
    );
    const after = board({ asOf: '2021-12-31' });
    for (const key of computedMetricKeys) {
      const m = metric(after, key);
      expect(m.projects, key).toEqual([]);
      // A rate over an empty cohort has no value; every other figure is 0.
      if ((rateMetricKeys as readonly string[]).includes(key)) expect(m.actual, key).toBeNull();
      else expect(m.actual, key).toBe(0);
    }
    expect(after.ranking.offices.every((o) => o.signed === 0)).toBe(true);
    expect(after.funnel.reduce((sum, s) => sum + s.count, 0)).toBe(0);
    expect(after.stalled).toEqual([]);
  });
});

describe('看板: amounts and tiers', () => {
  test('a USD investment is tiered at the rate of its signing year', () => {
    // 2021 rate 6.4515: 1.56亿美元 = 10.06亿元 (10–50亿); 1.54亿美元 = 9.94亿元 (亿元档).
    const over = add({
      name: '美元过线',
      country: 'US',
      totalInvestmentUsd: 156_000_000,
      stage: 'signed',
      signedOn: '2021-05-01',
      industrial: true,
    });
    const under = add({
      name: '美元未过线',
      country: 'US',
      totalInvestmentUsd: 154_000_000,
      stage: 'signed',
      signedOn: '2021-05-01',
      industrial: true,
    });
    const b = board({ asOf: '2021-12-31' });
    expect(b.usdCnyRate).toBe(6.4515);
    expect(metric(b, 'tier_10_50yi').projects).toEqual([over]);
    expect(metric(b, 'tier_1yi_industrial').projects?.sort()).toEqual([over, under].sort());
    // At 6.4 the same 1.56亿美元 is 9.98亿元: below the line.
    expectOk(dispatchSync(app, 'settings.update', { usdRates: { '2021': 6.4 } }));
    expect(metric(board({ asOf: '2021-12-31' }), 'tier_10_50yi').actual).toBe(0);
  });

  test('tier counts are exact bands, and 亿元以上产业项目 counts every industrial tier from 1亿 up', () => {
    const signed = { stage: 'signed', signedOn: '2021-03-03' };
    add({ name: '百亿产业', totalInvestmentCny: 100 * YI, industrial: true, ...signed });
    add({ name: '五十亿产业', totalInvestmentCny: 50 * YI, industrial: true, ...signed });
    add({ name: '十亿非产业', totalInvestmentCny: 10 * YI, industrial: false, ...signed });
    add({ name: '一亿产业', totalInvestmentCny: YI, industrial: true, ...signed });
    add({ name: '不足一亿', totalInvestmentCny: YI - 1, industrial: true, ...signed });
    const b = board({ asOf: '2021-12-31' });
    expect(metric(b, 'tier_100yi').actual).toBe(1);
    expect(metric(b, 'tier_50_100yi').actual).toBe(1);
    expect(metric(b, 'tier_10_50yi').actual).toBe(1);
    expect(metric(b, 'tier_1yi_industrial').actual).toBe(3);
    expect(b.regions.signed.find((r) => r.region === 'de_jp')?.count).toBe(5);
  });

  test('arrivals count by their own date, whatever year the project was signed', () => {
    const old = add({
      name: '老项目',
      totalInvestmentCny: 5 * YI,
      stage: 'signed',
      signedOn: '2019-06-01',
    });
    arrive(old, { arrivedOn: '2020-12-31', amount: 1_000_000, currency: 'USD', kind: 'fdi' });
    arrive(old, { arrivedOn: '2021-01-01', amount: 2_000_000, currency: 'USD', kind: 'fdi' });
    arrive(old, { arrivedOn: '2021-08-01', amount: 4_000_000, currency: 'USD', kind: 'fdi' });
    // CNY counted in 美元 at the year's rate: 6,451,500 元 = 1,000,000 美元.
    arrive(old, { arrivedOn: '2021-03-01', amount: 6_451_500, currency: 'CNY', kind: 'fdi' });
    const domestic = add({
      name: '内资项目',
      country: 'CN',
      province: '上海',
      totalInvestmentCny: 3 * YI,
      stage: 'signed',
      signedOn: '2021-02-02',
    });
    arrive(domestic, {
      arrivedOn: '2021-04-01',
      amount: 70_000_000,
      currency: 'CNY',
      kind: 'domestic',
      outsideCity: true,
    });
    arrive(domestic, {
      arrivedOn: '2021-04-02',
      amount: 9_000_000,
      currency: 'CNY',
      kind: 'domestic',
      outsideCity: false,
    });
    const june = board({ asOf: '2021-06-30' });
    expect(metric(june, 'paid_in_fdi')).toMatchObject({ actual: 3_000_000, projects: [old] });
    expect(metric(june, 'domestic_capital')).toMatchObject({
      actual: 70_000_000,
      projects: [domestic],
    });
    expect(metric(board({ asOf: '2021-12-31' }), 'paid_in_fdi').actual).toBe(7_000_000);
    expect(june.trend[0]).toMatchObject({ month: 1, paidInFdiUsd: 2_000_000 });
    expect(june.trend[2]).toMatchObject({ month: 3, paidInFdiUsd: 1_000_000 });
    expect(june.trend[7]).toMatchObject({ month: 8, paidInFdiUsd: 0 });
    expect(
      drill({ kind: 'trend', month: 4, series: 'domestic_capital' }, { asOf: '2021-06-30' }),
    ).toHaveLength(1);
  });
});

describe('看板: 序时进度 and the gap to it', () => {
  test('on 2021-05-31 the schedule is 5/12; the gap is in percentage points', () => {
    add({
      name: '合同外资项目',
      totalInvestmentCny: 20 * YI,
      contractedFdiUsd: 350_000_000,
      stage: 'signed',
      signedOn: '2021-04-01',
    });
    const b = board({ asOf: '2021-05-31' });
    expect(b.schedule).toBe(5 / 12);
    expect(board({ asOf: '2021-05-30' }).schedule).toBe(4 / 12);
    // 3.5亿 of 确保 7亿 = 50%, 5/12 = 41.67%: ahead by 8.33 points.
    const fdi = metric(b, 'contracted_fdi');
    expect(fdi.guaranteeCompletion).toBe(0.5);
    expect(fdi.striveCompletion).toBe(350 / 800);
    expect(fdi.scheduleGap).toBe(8.33);
    // Rates and the 五未 count are not read against the schedule.
    expect(metric(b, 'landing_rate').scheduleGap).toBeNull();
    expect(metric(b, 'stalled_zero').scheduleGap).toBeNull();
  });

  test('seen from outside its year, the year is all to come (未开始) or all past', () => {
    expect(board({ asOf: '2020-12-31' })).toMatchObject({
      yearStatus: 'not_started',
      schedule: null,
    });
    expect(board({ asOf: '2022-01-15' })).toMatchObject({ yearStatus: 'ended', schedule: 1 });
  });

  test('a manual metric shows the value typed for the latest month up to as-of', () => {
    const id = 'target:2021:zone:talents';
    expectOk(dispatchSync(app, 'target.setActual', { targetId: id, month: 3, value: 40 }));
    expectOk(dispatchSync(app, 'target.setActual', { targetId: id, month: 7, value: 150 }));
    expect(metric(board({ asOf: '2021-02-28' }), 'talents').actual).toBeNull();
    expect(metric(board({ asOf: '2021-06-30' }), 'talents')).toMatchObject({
      actual: 40,
      mode: 'manual',
      striveCompletion: 40 / 260,
    });
    expect(metric(board({ asOf: '2021-12-31' }), 'talents').actual).toBe(150);
  });
});

describe('看板: 落地率 under each definition', () => {
  function leaderProjects() {
    const leader = { leaderProject: true, totalInvestmentCny: 15 * YI };
    return {
      // Signed 2021, registered 2021-05: landed under 注册, not under 开工.
      registered: add({
        name: '注册项目',
        ...leader,
        stage: 'registered',
        signedOn: '2021-02-01',
        registeredOn: '2021-05-01',
      }),
      // Signed 2021, started without a recorded 注册 date: landed under both.
      started: add({
        name: '开工项目',
        ...leader,
        stage: 'started',
        signedOn: '2021-03-01',
        startedOn: '2021-09-01',
      }),
      // Signed 2021, nothing after.
      waiting: add({ name: '签约项目', ...leader, stage: 'signed', signedOn: '2021-04-01' }),
      // Signed 2020, registered 2021: the previous-year cohort.
      lastYear: add({
        name: '上年项目',
        ...leader,
        stage: 'registered',
        signedOn: '2020-06-01',
        registeredOn: '2021-01-15',
      }),
      // Below 10亿元: not a 省市县长工程 for the plan.
      small: add({
        name: '小项目',
        leaderProject: true,
        totalInvestmentCny: 9 * YI,
        stage: 'registered',
        signedOn: '2021-02-01',
        registeredOn: '2021-03-01',
      }),
    };
  }

  test('default: landed = 注册, cohort = signed in the year', () => {
    const p = leaderProjects();
    const rate = metric(board({ asOf: '2021-12-31' }), 'landing_rate');
    expect(rate.cohort?.sort()).toEqual([p.registered, p.started, p.waiting].sort());
    expect(rate.projects?.sort()).toEqual([p.registered, p.started].sort());
    expect(rate.actual).toBeCloseTo((2 / 3) * 100, 10);
    expect(metric(board({ asOf: '2021-12-31' }), 'leader_projects').actual).toBe(3);
    // On 2021-06-30 the 开工 of September has not happened: 1 of 3.
    expect(metric(board({ asOf: '2021-06-30' }), 'landing_rate').actual).toBeCloseTo(100 / 3, 10);
    expect(drill({ kind: 'cohort', key: 'landing_rate' }, { asOf: '2021-12-31' })).toHaveLength(3);
  });

  test('with no 省市县长工程 in the cohort there is no rate, not 0%', () => {
    const rate = metric(board({ asOf: '2021-12-31' }), 'landing_rate');
    expect(rate).toMatchObject({ actual: null, count: 0, cohortCount: 0 });
    expect(rate.guaranteeCompletion).toBeNull();
  });

  test('landed = 开工', () => {
    const p = leaderProjects();
    expectOk(
      dispatchSync(app, 'settings.update', {
        // 2021's own rule (this year's would leave the closed year 2021 alone).
        landingRules: { '2021': { milestone: 'started', cohort: 'signed_in_year' } },
      }),
    );
    const rate = metric(board({ asOf: '2021-12-31' }), 'landing_rate');
    expect(rate.projects).toEqual([p.started]);
    expect(rate.actual).toBeCloseTo(100 / 3, 10);
  });

  test('cohort = signed the year before', () => {
    const p = leaderProjects();
    expectOk(
      dispatchSync(app, 'settings.update', {
        landingRules: { '2021': { milestone: 'registered', cohort: 'signed_in_previous_year' } },
      }),
    );
    const rate = metric(board({ asOf: '2021-12-31' }), 'landing_rate');
    expect(rate.cohort).toEqual([p.lastYear]);
    expect(rate.projects).toEqual([p.lastYear]);
    expect(rate.actual).toBe(100);
  });
});

describe('看板: the default 五未 rules on their boundary days', () => {
  // Each rule: the project's milestone dates, the deadline day (not yet stalled) and the day after.
  const cases = [
    {
      rule: 'signed_not_registered',
      fields: { stage: 'signed', signedOn: '2021-01-01' },
      deadline: '2021-04-01', // + 90 days
    },
    {
      rule: 'registered_not_land_supplied',
      fields: { stage: 'registered', signedOn: '2020-12-01', registeredOn: '2021-01-01' },
      deadline: '2021-06-30', // + 180 days
    },
    {
      rule: 'land_supplied_not_started',
      fields: {
        stage: 'land_supplied',
        signedOn: '2020-10-01',
        registeredOn: '2020-11-01',
        landSuppliedOn: '2021-01-01',
      },
      deadline: '2021-06-30',
    },
    {
      rule: 'started_not_completed',
      fields: {
        stage: 'started',
        signedOn: '2020-06-01',
        startedOn: '2020-09-01',
        plannedCompletedOn: '2021-08-15',
      },
      deadline: '2021-08-15', // the planned 竣工 date
    },
    {
      rule: 'completed_not_producing',
      fields: {
        stage: 'completed',
        signedOn: '2019-06-01',
        startedOn: '2020-01-01',
        completedOn: '2021-01-01',
      },
      deadline: '2021-04-01',
    },
  ];

  test.each(cases)('$rule: not on its deadline day, 1 day overdue the day after', (c) => {
    const id = add({
      name: c.rule,
      totalInvestmentCny: 2 * YI,
      problems: '土地指标未落实',
      ...c.fields,
    });
    expect(board({ asOf: c.deadline }).stalled).toEqual([]);
    const next = new Date(`${c.deadline}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const dayAfter = next.toISOString().slice(0, 10);
    const b = board({ asOf: dayAfter });
    expect(b.stalled).toEqual([
      expect.objectContaining({
        projectId: id,
        ruleKey: c.rule,
        overdueDays: 1,
        owner: '李明',
        office: '上海',
        problems: '土地指标未落实',
      }),
    ]);
    expect(metric(b, 'stalled_zero')).toMatchObject({ actual: 1, projects: [id] });
    expect(drill({ kind: 'stalled', ruleKey: c.rule }, { asOf: dayAfter })).toHaveLength(1);
  });
});

describe('看板: 开工未竣工 without a planned 竣工 date falls back to 730 days from 开工', () => {
  // All three started 2019-07-01; + 730 days = 2021-06-30 (2019-07-01 → 2020-07-01 is 366 days,
  // with 2020-02-29; then 364 more). On 2021-07-01 (day 731) the two without a planned date are
  // 1 day overdue: `none`, settled, and `late`, whose 竣工 on 2021-08-01 is not known yet then
  // (the unsettled statement). `planned` waits for its own date, 2022-06-30, even on day 800.
  function started() {
    const base = { stage: 'started', signedOn: '2019-01-01', startedOn: '2019-07-01' };
    return {
      none: add({ name: '无计划竣工', totalInvestmentCny: 2 * YI, ...base }),
      late: add({
        name: '迟报竣工',
        totalInvestmentCny: 2 * YI,
        ...base,
        stage: 'completed',
        completedOn: '2021-08-01',
      }),
      planned: add({
        name: '计划明年竣工',
        totalInvestmentCny: 2 * YI,
        ...base,
        plannedCompletedOn: '2022-06-30',
      }),
    };
  }
  const listed = (b: Dashboard) =>
    b.stalled.map((s) => `${s.projectId} ${s.ruleKey} ${s.overdueDays}`);

  test('in the list from day 731, not on day 729 or 730; the count and drill-down agree', () => {
    const p = started();
    for (const asOf of ['2021-06-29', '2021-06-30']) {
      const b = board({ asOf });
      expect(b.stalled, asOf).toEqual([]);
      expect(metric(b, 'stalled_zero').actual, asOf).toBe(0);
      expect(drill({ kind: 'stalled' }, { asOf }), asOf).toEqual([]);
    }

    const b = board({ asOf: '2021-07-01' });
    expect(listed(b).sort()).toEqual(
      [`${p.none} started_not_completed 1`, `${p.late} started_not_completed 1`].sort(),
    );
    expect(b.stalledCount).toBe(2);
    expect(b.stalledByRule).toEqual([
      { ruleKey: 'started_not_completed', rule: '开工未竣工', count: 2 },
    ]);
    expect(metric(b, 'stalled_zero')).toMatchObject({ actual: 2 });
    expect([...metric(b, 'stalled_zero').projects!].sort()).toEqual([p.none, p.late].sort());
    for (const target of [
      { kind: 'stalled' },
      { kind: 'stalled', ruleKey: 'started_not_completed' },
    ] as DrillTarget[]) {
      const ids = drill(target, { asOf: '2021-07-01' }).map((r) => r.id);
      expect(ids.sort()).toEqual([p.none, p.late].sort());
    }

    // Day 800: `late` has its 竣工, `planned` its date still ahead; `none` is 70 days overdue.
    const later = board({ asOf: '2021-09-08' });
    expect(listed(later)).toEqual([`${p.none} started_not_completed 70`]);
    expect(metric(later, 'stalled_zero')).toMatchObject({ actual: 1, projects: [p.none] });
    expect(drill({ kind: 'stalled' }, { asOf: '2021-09-08' }).map((r) => r.id)).toEqual([p.none]);
  });

  test("the fallback is the rule's days, optional with a planned date, required without", () => {
    const p = started();
    const rules = (expectOk(dispatchSync(app, 'settings.get', undefined)) as Settings).stalledRules;
    const withDays = (days: number | null, usePlannedDate = true) =>
      rules.map((r) => (r.key === 'started_not_completed' ? { ...r, days, usePlannedDate } : r));

    // 365 days: 2019-07-01 + 365 = 2020-06-30, so 2021-07-01 is 366 days past it.
    expectOk(dispatchSync(app, 'settings.update', { stalledRules: withDays(365) }));
    expect(listed(board({ asOf: '2021-07-01' })).sort()).toEqual(
      [`${p.none} started_not_completed 366`, `${p.late} started_not_completed 366`].sort(),
    );
    // No days: only the planned date judges, so neither is listed even after 800 days.
    expectOk(dispatchSync(app, 'settings.update', { stalledRules: withDays(null) }));
    expect(board({ asOf: '2021-09-08' }).stalled).toEqual([]);
    // Without the planned date, days are required.
    const refused = dispatchSync(app, 'settings.update', { stalledRules: withDays(null, false) });
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(!refused.ok && refused.message).toContain('请填写天数，或改为按计划日期判断');
  });
});

describe('看板: office scope, funnel, ranking and drill-down', () => {
  function mixedOffices() {
    const s = { stage: 'signed', signedOn: '2021-02-02' };
    add({ name: '上海一', office: '上海', owner: '李明', totalInvestmentCny: 60 * YI, ...s });
    add({ name: '上海二', office: '上海', owner: '王芳', totalInvestmentCny: 2 * YI, ...s });
    add({ name: '北京一', office: '北京', owner: '赵强', totalInvestmentCny: 20 * YI, ...s });
    add({ name: '北京线索', office: '北京', owner: '赵强', stage: 'lead' });
    add({ name: '深圳在谈', office: '深圳', owner: '陈静', stage: 'negotiating', country: 'KR' });
    add({
      name: '深圳注册',
      office: '深圳',
      owner: '陈静',
      stage: 'registered',
      signedOn: '2021-01-10',
      registeredOn: '2021-03-01',
      totalInvestmentCny: 3 * YI,
    });
  }

  test('an office sees its own projects and its own allocated targets', () => {
    mixedOffices();
    const zone = board({ asOf: '2021-12-31' });
    const shanghai = board({ asOf: '2021-12-31', office: '上海' });
    expect(shanghai.office).toBe('shanghai');
    expect(metric(zone, 'tier_50_100yi').actual).toBe(1);
    expect(metric(shanghai, 'tier_50_100yi').actual).toBe(1);
    expect(metric(board({ asOf: '2021-12-31', office: '北京' }), 'tier_50_100yi').actual).toBe(0);
    // No allocation for 上海 yet: no target.
    expect(metric(shanghai, 'contracted_fdi').guarantee).toBeNull();
    expectOk(
      dispatchSync(app, 'target.upsert', {
        year: 2021,
        key: 'contracted_fdi',
        scope: 'shanghai',
        label: '合同外资',
        guarantee: 200_000_000,
        strive: null,
        unit: 'usd',
        mode: 'computed',
      }),
    );
    expect(metric(board({ asOf: '2021-12-31', office: '上海' }), 'contracted_fdi').guarantee).toBe(
      200_000_000,
    );
    expect(shanghai.ranking.offices.map((o) => o.name)).toEqual(['上海']);
    expect(shanghai.ranking.promoters.map((p) => p.name)).toEqual(['李明', '王芳']);
  });

  test('the funnel counts stages on as-of with conversion between them; rankings order by amount', () => {
    mixedOffices();
    const b = board({ asOf: '2021-12-31' });
    const stage = (s: string) => b.funnel.find((f) => f.stage === s)!;
    expect(stage('lead')).toMatchObject({ count: 1, reached: 6, conversion: null });
    expect(stage('negotiating')).toMatchObject({ count: 1, reached: 5, conversion: 5 / 6 });
    expect(stage('signed')).toMatchObject({ count: 3, reached: 4, conversion: 4 / 5 });
    expect(stage('registered')).toMatchObject({ count: 1, reached: 1, conversion: 1 / 4 });
    expect(stage('land_supplied')).toMatchObject({ count: 0, reached: 0, conversion: 0 });
    expect(stage('started').conversion).toBeNull();
    // On 2021-02-15 the 深圳 project had not registered yet.
    const feb = board({ asOf: '2021-02-15' });
    expect(feb.funnel.find((f) => f.stage === 'signed')?.count).toBe(4);

    expect(b.ranking.offices.map((o) => [o.name, o.signed, o.totalCny])).toEqual([
      ['上海', 2, 62 * YI],
      ['北京', 1, 20 * YI],
      ['深圳', 1, 3 * YI],
      ['本部', 0, 0],
    ]);
    expect(b.ranking.offices[0]!.byTier).toEqual({ t100: 0, t50_100: 1, t10_50: 0, t1_10: 1 });
    expect(b.ranking.offices.find((o) => o.name === '深圳')?.landed).toBe(1);
    expect(b.regions.pipeline.find((r) => r.region === 'kr_sg_hk_tw')?.count).toBe(1);
  });

  test('every figure drills down to exactly the projects it counts', () => {
    mixedOffices();
    const old = add({
      name: '老项目',
      totalInvestmentCny: 5 * YI,
      stage: 'signed',
      signedOn: '2020-01-05',
    });
    arrive(old, { arrivedOn: '2021-05-01', amount: 1_000_000, currency: 'USD', kind: 'fdi' });
    add({ name: '超期', stage: 'signed', signedOn: '2021-01-02', totalInvestmentCny: 2 * YI });
    for (const input of [{ asOf: '2021-12-31' }, { asOf: '2021-12-31', office: '上海' }]) {
      const b = board(input);
      for (const m of b.metrics.filter((x) => x.mode === 'computed')) {
        const rows = drill(
          { kind: 'metric', key: m.key as (typeof computedMetricKeys)[number] },
          input,
        );
        expect(rows.map((r) => r.id).sort(), m.key).toEqual([...(m.projects ?? [])].sort());
        if (m.unit === 'count') expect(rows.length, m.key).toBe(m.actual);
      }
      for (const f of b.funnel) {
        expect(drill({ kind: 'funnel', stage: f.stage }, input), f.stage).toHaveLength(f.count);
      }
      for (const scope of ['pipeline', 'signed'] as const) {
        for (const r of b.regions[scope]) {
          expect(drill({ kind: 'region', scope, region: r.region }, input)).toHaveLength(r.count);
        }
      }
      for (const o of b.ranking.offices) {
        expect(drill({ kind: 'ranking', by: 'office', id: o.id }, input)).toHaveLength(o.signed);
        for (const tier of ['t100', 't50_100', 't10_50', 't1_10'] as const) {
          const rows = drill({ kind: 'ranking', by: 'office', id: o.id, tier }, input);
          expect(rows, `${o.name} ${tier}`).toHaveLength(o.byTier[tier]);
        }
        const landed = drill({ kind: 'ranking', by: 'office', id: o.id, landed: true }, input);
        expect(landed, `${o.name} landed`).toHaveLength(o.landed);
      }
      for (const p of b.ranking.promoters) {
        expect(drill({ kind: 'ranking', by: 'promoter', id: p.id }, input)).toHaveLength(p.signed);
      }
      for (const t of b.trend) {
        expect(drill({ kind: 'trend', month: t.month, series: 'signed' }, input)).toHaveLength(
          t.signed,
        );
      }
      expect(drill({ kind: 'stalled' }, input)).toHaveLength(
        new Set(b.stalled.map((s) => s.projectId)).size,
      );
    }
  });

  test('without withProjects the figures carry counts, not id lists', () => {
    mixedOffices();
    const full = board({ asOf: '2021-12-31' });
    const lean = expectOk(
      dispatchSync(app, 'dashboard.get', { year: 2021, asOf: '2021-12-31', stalledLimit: 1 }),
    ) as Dashboard;
    for (const m of lean.metrics) {
      const f = metric(full, m.key);
      expect(m.projects, m.key).toBeUndefined();
      expect(m.actual, m.key).toEqual(f.actual);
      if (m.count !== null) expect(m.count, m.key).toBe(f.projects?.length);
    }
    expect(metric(lean, 'landing_rate').cohortCount).toBe(
      metric(full, 'landing_rate').cohort?.length,
    );
    expect(lean.stalled.length).toBeLessThanOrEqual(1);
    expect(lean.stalledCount).toBe(full.stalled.length);
    // Per-rule counts cover the whole list, not just the items described.
    expect(lean.stalledByRule.reduce((n, r) => n + r.count, 0)).toBe(lean.stalledCount);
  });

  test('rules this version cannot read (a newer office sent them) fall back to the defaults', () => {
    const sql = app.sqlite;
    // As a sync import would write it: through the mutation layer, bypassing the settings schema.
    app.transact((tx) => {
      tx.mutate.put('setting', 'stalled.rules', {
        value: JSON.stringify([
          { key: 'x', label: '新规则', from: 'approved', to: 'signed', days: 9 },
        ]),
      });
      tx.mutate.put('setting', 'landing.rule', { value: '{"milestone":"licensed"}' });
    });
    expect(
      sql.prepare("SELECT count(*) AS n FROM setting WHERE id = 'stalled.rules'").get(),
    ).toEqual({ n: 1 });
    const b = board({ asOf: '2021-12-31' });
    expect(b.landingRule).toEqual({ milestone: 'registered', cohort: 'signed_in_year' });
    const settings = expectOk(dispatchSync(app, 'settings.get', undefined)) as {
      stalledRules: { key: string }[];
    };
    expect(settings.stalledRules.map((r) => r.key)).toContain('signed_not_registered');
  });

  test('bad input gets a Chinese message', () => {
    const bad = dispatchSync(app, 'dashboard.get', { year: 2021, asOf: '2021-02-30' });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(!bad.ok && bad.message).toContain('截至日期');
    const office = dispatchSync(app, 'dashboard.get', { year: 2021, office: '广州' });
    expect(!office.ok && office.message).toContain('驻点「广州」无效');
  });
});
