// 序时 basis, 红黄绿灯 and 补差 on small hand-made data sets whose answers were worked out by hand
// (in the comments): a mid-month as-of on both bases, January by months, a future year, a closed
// year viewed a year later, lights at the threshold edges, and the 补差 lists.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { Dashboard, DashboardMetric, DrillTarget, GapProject } from '../../domain/dashboard';
import { setTodayForTests } from '../../domain/dates';
import type { LedgerRow } from '../../domain/ledger';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => {
  setTodayForTests(null);
  app.close();
});

const YI = 100_000_000;

function add(fields: Record<string, unknown>): string {
  const project = expectOk(
    dispatchSync(app, 'project.create', {
      investor: `${String(fields.name)}投资方`,
      country: 'DE',
      office: '上海',
      owner: '李明',
      industrial: false,
      ...fields,
    }),
  ) as ProjectRecord;
  return project.id;
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

const settings = (input: Record<string, unknown>) =>
  expectOk(dispatchSync(app, 'settings.update', input));

function target(key: string, label: string, unit: string, guarantee: number): void {
  expectOk(
    dispatchSync(app, 'target.upsert', {
      year: 2021,
      key,
      label,
      unit,
      mode: 'computed',
      guarantee,
      strive: null,
    }),
  );
}

describe('序时 basis: months (default) and days', () => {
  test('mid-month: by months the figures stop at the last month end, by days at as-of', () => {
    const april = add({
      name: '四月签约',
      totalInvestmentCny: 20 * YI,
      contractedFdiUsd: 280_000_000,
      stage: 'signed',
      signedOn: '2021-04-10',
    });
    const may = add({
      name: '五月签约',
      totalInvestmentCny: 5 * YI,
      contractedFdiUsd: 70_000_000,
      stage: 'signed',
      signedOn: '2021-05-10',
    });

    // By months on 2021-05-20: April is the last complete month, 序时 4/12 = 33.33%; 合同外资
    // counts April's 2.8亿美元 of 确保 7亿 = 40%: 6.67 points ahead, green.
    const months = board({ asOf: '2021-05-20' });
    expect(months).toMatchObject({
      basis: 'months',
      yearStatus: 'in_progress',
      schedule: 4 / 12,
      actualsThrough: '2021-04-30',
      asOf: '2021-05-20',
    });
    expect(metric(months, 'contracted_fdi')).toMatchObject({
      actual: 280_000_000,
      projects: [april],
      guaranteeCompletion: 0.4,
      scheduleGap: 6.67,
      light: 'green',
    });
    // The ranking, the trend and the drill-down read the same month end.
    expect(months.ranking.offices.find((o) => o.id === 'shanghai')?.signed).toBe(1);
    expect(months.trend[4]!.signed).toBe(0);
    expect(drill({ kind: 'metric', key: 'contracted_fdi' }, { asOf: '2021-05-20' })).toHaveLength(
      1,
    );
    // The pipeline is read on as-of itself: both signings are 签约 on the funnel.
    expect(months.funnel.find((f) => f.stage === 'signed')?.count).toBe(2);

    // By days: 2021-05-20 is day 140 of 365, 序时 38.36%; 3.5亿 of 7亿 = 50%: 11.64 ahead.
    settings({ scheduleBasis: 'days' });
    const days = board({ asOf: '2021-05-20' });
    expect(days).toMatchObject({
      basis: 'days',
      schedule: 140 / 365,
      actualsThrough: '2021-05-20',
    });
    expect(metric(days, 'contracted_fdi')).toMatchObject({
      actual: 350_000_000,
      guaranteeCompletion: 0.5,
      scheduleGap: 11.64,
      light: 'green',
    });
    expect(new Set(metric(days, 'contracted_fdi').projects)).toEqual(new Set([april, may]));
    expect(days.trend[4]!.signed).toBe(1);
    expect(drill({ kind: 'metric', key: 'contracted_fdi' }, { asOf: '2021-05-20' })).toHaveLength(
      2,
    );
  });

  test('January by months: no month complete, nothing counts, 序时 0, level', () => {
    add({
      name: '一月签约',
      totalInvestmentCny: 20 * YI,
      contractedFdiUsd: 100_000_000,
      stage: 'signed',
      signedOn: '2021-01-10',
    });
    const b = board({ asOf: '2021-01-20' });
    expect(b).toMatchObject({ schedule: 0, actualsThrough: null });
    expect(metric(b, 'contracted_fdi')).toMatchObject({
      actual: 0,
      scheduleGap: 0,
      light: 'green',
    });
    expect(metric(board({ asOf: '2021-01-31' }), 'contracted_fdi').actual).toBe(100_000_000);
  });

  test('a manual metric by months takes the last complete month’s value', () => {
    const id = 'target:2021:zone:talents';
    expectOk(dispatchSync(app, 'target.setActual', { targetId: id, month: 4, value: 40 }));
    expectOk(dispatchSync(app, 'target.setActual', { targetId: id, month: 5, value: 90 }));
    expect(metric(board({ asOf: '2021-05-20' }), 'talents').actual).toBe(40);
    settings({ scheduleBasis: 'days' });
    expect(metric(board({ asOf: '2021-05-20' }), 'talents').actual).toBe(90);
  });

  test('a future year has not started: no 序时, no gap, no lights', () => {
    setTodayForTests('2021-12-04');
    expectOk(dispatchSync(app, 'target.copyYear', { from: 2021, to: 2022 }));
    add({
      name: '明年计划签约',
      totalInvestmentCny: 12 * YI,
      contractedFdiUsd: 1_000_000,
      plannedSignedOn: '2022-03-01',
    });
    for (const basis of ['months', 'days'] as const) {
      settings({ scheduleBasis: basis });
      // As-of left out: today, which is before 2022.
      const b = board({ year: 2022 });
      expect(b).toMatchObject({
        asOf: '2021-12-04',
        basis,
        yearStatus: 'not_started',
        schedule: null,
        actualsThrough: null,
      });
      const fdi = metric(b, 'contracted_fdi');
      expect(fdi).toMatchObject({ guarantee: 700_000_000, actual: 0 });
      for (const m of b.metrics) {
        expect(m.scheduleGap, m.key).toBeNull();
        expect(m.light, m.key).toBeNull();
      }
      // What is planned for the year is still listed.
      expect(b.gap.tier_10_50yi?.map((g) => g.on)).toEqual(['2022-03-01']);
    }
  });

  test('a closed year viewed a year later reads as at its year end unless a later as-of is chosen', () => {
    setTodayForTests('2022-12-04');
    // A 省市县长工程 signed in 2021, registered (landed) in 2022, terminated later in 2022.
    add({
      name: '去年签约',
      totalInvestmentCny: 12 * YI,
      leaderProject: true,
      stage: 'terminated',
      terminationReason: '投资方放弃',
      signedOn: '2021-06-01',
      registeredOn: '2022-02-01',
      terminatedOn: '2022-05-10',
    });
    add({ name: '今年签约', totalInvestmentCny: 12 * YI, stage: 'signed', signedOn: '2022-01-05' });
    for (const basis of ['months', 'days'] as const) {
      settings({ scheduleBasis: basis });
      // Default as-of for a past year: its last day. Signed, alive, not landed then: 0 of 1.
      const closed = board();
      expect(closed).toMatchObject({
        asOf: '2021-12-31',
        yearStatus: 'ended',
        schedule: 1,
        actualsThrough: '2021-12-31',
      });
      expect(metric(closed, 'tier_10_50yi').actual).toBe(1);
      expect(metric(closed, 'leader_projects').actual).toBe(1);
      expect(metric(closed, 'landing_rate')).toMatchObject({ actual: 0, cohortCount: 1 });
      // Every list is empty: nothing of 2021 is left to come.
      expect(Object.values(closed.gap).flat()).toEqual([]);
      // The leader chose to read 2021 as things stand on 2022-12-04: the project was terminated
      // (2022-05-10), so it counts nowhere; 2022's signing never counts in 2021.
      const later = board({ asOf: '2022-12-04' });
      expect(later).toMatchObject({ yearStatus: 'ended', actualsThrough: '2021-12-31' });
      expect(metric(later, 'tier_10_50yi').actual).toBe(0);
      expect(metric(later, 'landing_rate').cohortCount).toBe(0);
    }
  });
});

describe('红黄绿灯 at the threshold edges', () => {
  beforeEach(() => {
    // Targets chosen so that on 2021-06-30 by months (序时 6/12 = 50%) the gaps fall on the edges.
    target('contracted_fdi', '合同外资', 'usd', 10_000_000);
    target('leader_projects', '新引进“省市县长工程”项目', 'count', 5);
    target('tier_1yi_industrial', '亿元以上产业项目', 'count', 5);
    target('paid_in_fdi', '实到外资', 'usd', 10_000_000);
    const a = add({
      name: '产业项目',
      totalInvestmentCny: 2 * YI,
      industrial: true,
      contractedFdiUsd: 4_001_000,
      stage: 'signed',
      signedOn: '2021-02-01',
    });
    for (const signedOn of ['2021-03-01', '2021-04-01']) {
      add({
        name: `市长工程${signedOn}`,
        totalInvestmentCny: 12 * YI,
        leaderProject: true,
        stage: 'signed',
        signedOn,
      });
    }
    expectOk(
      dispatchSync(app, 'arrival.create', {
        projectId: a,
        arrivedOn: '2021-05-05',
        amount: 1_999_000,
        currency: 'USD',
        kind: 'fdi',
      }),
    );
  });

  const lights = (b: Dashboard) =>
    Object.fromEntries(
      ['contracted_fdi', 'leader_projects', 'tier_1yi_industrial', 'paid_in_fdi'].map((k) => [
        k,
        [metric(b, k).scheduleGap, metric(b, k).light],
      ]),
    );

  test('default 10/30: 9.99 behind green, 10 and 30 yellow, 30.01 red', () => {
    const b = board({ asOf: '2021-06-30' });
    expect(b.lightThresholds).toEqual({ yellow: 10, red: 30 });
    // 40.01% / 40% (2 of 5) / 20% (1 of 5) / 19.99% against 50%.
    expect(lights(b)).toEqual({
      contracted_fdi: [-9.99, 'green'],
      leader_projects: [-10, 'yellow'],
      tier_1yi_industrial: [-30, 'yellow'],
      paid_in_fdi: [-30.01, 'red'],
    });
    // Not read against 序时: no light. 10–50亿 (力争 3, 2 signed: 66.67%) is ahead: green.
    expect(metric(b, 'landing_rate').light).toBeNull();
    expect(metric(b, 'stalled_zero').light).toBeNull();
    expect(metric(b, 'tier_10_50yi')).toMatchObject({ scheduleGap: 16.67, light: 'green' });
    // A metric without a target has none either.
    expect(metric(b, 'annual_projects').light).toBeNull();
  });

  test('thresholds set in 设置 (5/15) and the days basis move the lights', () => {
    settings({ lightThresholds: { yellow: 5, red: 15 } });
    expect(lights(board({ asOf: '2021-06-30' }))).toEqual({
      contracted_fdi: [-9.99, 'yellow'],
      leader_projects: [-10, 'yellow'],
      tier_1yi_industrial: [-30, 'red'],
      paid_in_fdi: [-30.01, 'red'],
    });
    // By days 2021-06-30 is day 181 of 365 (49.59%): 40.01 − 49.59 = −9.58, 40 − 49.59 = −9.59,
    // 20 − 49.59 = −29.59, 19.99 − 49.59 = −29.6; under 10/30 green, green, yellow, yellow.
    settings({ scheduleBasis: 'days', lightThresholds: { yellow: 10, red: 30 } });
    expect(lights(board({ asOf: '2021-06-30' }))).toEqual({
      contracted_fdi: [-9.58, 'green'],
      leader_projects: [-9.59, 'green'],
      tier_1yi_industrial: [-29.59, 'yellow'],
      paid_in_fdi: [-29.6, 'yellow'],
    });
  });

  test('thresholds are checked: yellow below red, 1–100 points', () => {
    for (const bad of [
      { yellow: 30, red: 10 },
      { yellow: 10, red: 10 },
      { yellow: 0, red: 30 },
      { yellow: 10, red: 101 },
    ]) {
      const r = dispatchSync(app, 'settings.update', { lightThresholds: bad });
      expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    const r = dispatchSync(app, 'settings.update', { lightThresholds: { yellow: 30, red: 10 } });
    expect(!r.ok && r.message).toContain('黄灯阈值须小于红灯阈值');
    const basis = dispatchSync(app, 'settings.update', { scheduleBasis: 'weeks' });
    expect(!basis.ok && basis.message).toContain('序时口径无效');
  });
});

describe('补差: what could still count this year', () => {
  function pipeline() {
    const ids = {
      // Planned to sign in July: 15亿, industrial, a 省市县长工程, 500万美元 合同外资.
      s1: add({
        name: '计划七月签约',
        totalInvestmentCny: 15 * YI,
        industrial: true,
        leaderProject: true,
        contractedFdiUsd: 5_000_000,
        plannedSignedOn: '2021-07-15',
      }),
      // Signed on 05-10, after the months basis' 04-30: it counts from May's end.
      s2: add({
        name: '五月已签',
        totalInvestmentCny: 60 * YI,
        stage: 'signed',
        signedOn: '2021-05-10',
        plannedSignedOn: '2021-05-01',
      }),
      // Planned for next year, planned in the past and not signed, terminated: none listed.
      s3: add({ name: '明年计划', totalInvestmentCny: 12 * YI, plannedSignedOn: '2022-01-10' }),
      s4: add({ name: '逾期未签', totalInvestmentCny: 12 * YI, plannedSignedOn: '2021-03-01' }),
      s5: add({
        name: '已终止',
        totalInvestmentCny: 12 * YI,
        stage: 'terminated',
        terminationReason: '投资方放弃',
        plannedSignedOn: '2021-08-01',
      }),
      // Signed, 3亿, to start in September; its 竣工 is planned for next year.
      s6: add({
        name: '计划九月开工',
        totalInvestmentCny: 3 * YI,
        stage: 'signed',
        signedOn: '2021-02-01',
        plannedStartedOn: '2021-09-01',
        plannedCompletedOn: '2022-06-01',
      }),
      // Started in March (counted), to complete in November.
      s7: add({
        name: '计划十一月竣工',
        totalInvestmentCny: 2 * YI,
        stage: 'started',
        signedOn: '2020-05-01',
        startedOn: '2021-03-01',
        plannedCompletedOn: '2021-11-30',
      }),
      // Under 1亿: not an 亿元 开工.
      s8: add({
        name: '小项目',
        totalInvestmentCny: 0.5 * YI,
        stage: 'signed',
        signedOn: '2021-01-05',
        plannedStartedOn: '2021-08-01',
      }),
      // 北京's: in the zone's list, not in 上海's.
      s9: add({
        name: '北京计划签约',
        office: '北京',
        owner: '赵六',
        totalInvestmentCny: 12 * YI,
        plannedSignedOn: '2021-10-01',
      }),
    };
    return ids;
  }

  const listed = (list: GapProject[] | undefined) =>
    (list ?? []).map((g) => [g.name, g.on, g.reached, g.adds]);

  test('by months on 2021-05-20: planned dates after 04-30 by year end, and May’s signing', () => {
    const ids = pipeline();
    const b = board({ asOf: '2021-05-20' });
    expect(listed(b.gap.contracted_fdi)).toEqual([
      ['计划七月签约', '2021-07-15', false, 5_000_000],
    ]);
    expect(listed(b.gap.tier_100yi)).toEqual([]);
    expect(listed(b.gap.tier_50_100yi)).toEqual([['五月已签', '2021-05-10', true, 1]]);
    expect(listed(b.gap.tier_10_50yi)).toEqual([
      ['计划七月签约', '2021-07-15', false, 1],
      ['北京计划签约', '2021-10-01', false, 1],
    ]);
    expect(listed(b.gap.tier_1yi_industrial)).toEqual([['计划七月签约', '2021-07-15', false, 1]]);
    expect(listed(b.gap.leader_projects)).toEqual([['计划七月签约', '2021-07-15', false, 1]]);
    expect(listed(b.gap.started_1yi)).toEqual([['计划九月开工', '2021-09-01', false, 1]]);
    expect(listed(b.gap.completed_1yi)).toEqual([['计划十一月竣工', '2021-11-30', false, 1]]);
    expect(b.gap.tier_10_50yi?.[1]).toMatchObject({
      projectId: ids.s9,
      office: 'beijing',
      owner: '赵六',
    });
    // The figure itself does not count May's signing yet.
    expect(metric(b, 'tier_50_100yi').actual).toBe(0);
  });

  test('by days May’s signing is counted, not listed; an office lists its own', () => {
    pipeline();
    settings({ scheduleBasis: 'days' });
    const b = board({ asOf: '2021-05-20' });
    expect(listed(b.gap.tier_50_100yi)).toEqual([]);
    expect(metric(b, 'tier_50_100yi').actual).toBe(1);
    expect(listed(b.gap.tier_10_50yi).map(([name]) => name)).toEqual([
      '计划七月签约',
      '北京计划签约',
    ]);
    const shanghai = board({ asOf: '2021-05-20', office: '上海' });
    expect(listed(shanghai.gap.tier_10_50yi).map(([name]) => name)).toEqual(['计划七月签约']);
    // On 2021-10-15 the July plan is past (not signed: overdue, not listed); 10-01 is past too.
    expect(listed(board({ asOf: '2021-10-15' }).gap.tier_10_50yi)).toEqual([]);
  });
});
