// 开工率, 竣工率, 资金到位率 and 履约率 on a hand-made data set, read the way a 通报 states them
// ("1–6月，当年签约项目 6 个，已开工 3 个，开工率 50%"): each figure and its cohort worked out by hand
// below, checked through the dispatcher on a real SQLite file, with the drill-down of both parts.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { Dashboard, DashboardMetric, DrillTarget } from '../../domain/dashboard';
import type { LedgerRow } from '../../domain/ledger';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const YI = 100_000_000;
const ids: Record<string, string> = {};

function add(key: string, fields: Record<string, unknown>): string {
  const project = expectOk(
    dispatchSync(app, 'project.create', {
      name: `${key}项目`,
      investor: `${key}投资方`,
      country: 'DE',
      office: '上海',
      owner: '李明',
      totalInvestmentCny: 5 * YI,
      ...fields,
    }),
  ) as ProjectRecord;
  ids[key] = project.id;
  return project.id;
}

function arrive(key: string, fields: Record<string, unknown>): void {
  expectOk(dispatchSync(app, 'arrival.create', { projectId: ids[key], kind: 'fdi', ...fields }));
}

function board(asOf: string, office?: string): Dashboard {
  return expectOk(
    dispatchSync(app, 'dashboard.get', {
      year: 2021,
      asOf,
      withProjects: true,
      ...(office ? { office } : {}),
    }),
  ) as Dashboard;
}

const metric = (b: Dashboard, key: string): DashboardMetric =>
  b.metrics.find((m) => m.key === key)!;
const named = (list: string[] | undefined) =>
  (list ?? []).map((id) => Object.keys(ids).find((k) => ids[k] === id) ?? id).sort();

function drill(target: DrillTarget, asOf: string): string[] {
  const rows = expectOk(
    dispatchSync(app, 'dashboard.drill', { year: 2021, asOf, target }),
  ) as LedgerRow[];
  return named(rows.map((r) => r.id));
}

/**
 * The data set (2021; the year's USD rate is 6.4515):
 *   A signed 02-01, 开工 04-01 (planned 04-15), 合同外资 1000万美元, arrivals 03-01 200万美元 and
 *     06-10 645.15万元 (= 100万美元 at 6.4515)
 *   B signed 03-01, 开工 05-20 (planned 05-01, late), 竣工 06-20, 合同外资 500万美元, arrival
 *     07-01 100万美元 (after 06-30)
 *   C signed 03-15, 注册 04-01, planned 开工 06-01 (due, not started), domestic arrival 300万元
 *   D signed 05-10, 开工 07-05 (planned 07-01, late)
 *   E signed 06-30, nothing more
 *   F signed 01-20, 开工 03-01 (planned 03-01, on the day), 合同外资 500万美元, arrival 02-10 100万美元
 *   G signed 04-01, 开工 04-20, 合同外资 1000万美元, arrival 200万美元, 终止 05-01: counts nowhere
 *   H signed 07-02
 *   I signed 2020-11-01, 开工 2021-01-15 (planned 01-31)
 *   J signed 2020-12-01, planned 开工 2020-12-20 (not this year's)
 */
function handMade(): void {
  add('A', {
    signedOn: '2021-02-01',
    startedOn: '2021-04-01',
    plannedStartedOn: '2021-04-15',
    contractedFdiUsd: 10_000_000,
  });
  arrive('A', { arrivedOn: '2021-03-01', amount: 2_000_000, currency: 'USD' });
  arrive('A', { arrivedOn: '2021-06-10', amount: 6_451_500, currency: 'CNY' });
  add('B', {
    signedOn: '2021-03-01',
    startedOn: '2021-05-20',
    plannedStartedOn: '2021-05-01',
    completedOn: '2021-06-20',
    contractedFdiUsd: 5_000_000,
  });
  arrive('B', { arrivedOn: '2021-07-01', amount: 1_000_000, currency: 'USD' });
  add('C', {
    signedOn: '2021-03-15',
    registeredOn: '2021-04-01',
    plannedStartedOn: '2021-06-01',
    country: null,
    province: '江苏',
    capitalType: '内资',
  });
  arrive('C', {
    arrivedOn: '2021-04-10',
    amount: 3_000_000,
    currency: 'CNY',
    kind: 'domestic',
    outsideCity: true,
  });
  add('D', { signedOn: '2021-05-10', startedOn: '2021-07-05', plannedStartedOn: '2021-07-01' });
  add('E', { signedOn: '2021-06-30' });
  add('F', {
    signedOn: '2021-01-20',
    startedOn: '2021-03-01',
    plannedStartedOn: '2021-03-01',
    contractedFdiUsd: 5_000_000,
  });
  arrive('F', { arrivedOn: '2021-02-10', amount: 1_000_000, currency: 'USD' });
  add('G', {
    signedOn: '2021-04-01',
    startedOn: '2021-04-20',
    contractedFdiUsd: 10_000_000,
    stage: 'terminated',
    terminatedOn: '2021-05-01',
    terminationReason: '投资方撤回',
  });
  arrive('G', { arrivedOn: '2021-04-25', amount: 2_000_000, currency: 'USD' });
  add('H', { signedOn: '2021-07-02' });
  add('I', { signedOn: '2020-11-01', startedOn: '2021-01-15', plannedStartedOn: '2021-01-31' });
  add('J', { signedOn: '2020-12-01', plannedStartedOn: '2020-12-20' });
}

describe('开工率, 竣工率, 资金到位率, 履约率 as a 通报 reads them', () => {
  test('1–6月 (as of 2021-06-30)', () => {
    handMade();
    const b = board('2021-06-30');
    // 当年签约 A B C D E F (G terminated, H after as-of, I J last year): 6. Started by 06-30: A B F
    // (D's 开工 is 07-05) → 3/6 = 50%.
    expect(metric(b, 'rate_started')).toMatchObject({
      label: '开工率',
      unit: 'percent',
      actual: 50,
    });
    expect(named(metric(b, 'rate_started').projects)).toEqual(['A', 'B', 'F']);
    expect(named(metric(b, 'rate_started').cohort)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(metric(b, 'rate_started')).toMatchObject({ count: 3, cohortCount: 6 });
    // Completed: B → 1/6 = 16.67%.
    expect(metric(b, 'rate_completed').actual).toBeCloseTo(100 / 6, 10);
    expect(named(metric(b, 'rate_completed').projects)).toEqual(['B']);
    // 合同外资 of the cohort: A 1000 + B 500 + F 500 = 2000万美元. Paid in by 06-30: A 200 + 100
    // (645.15万元 ÷ 6.4515) + F 100 = 400万美元 (B's arrives 07-01) → 20%.
    expect(metric(b, 'rate_funds')).toMatchObject({
      label: '资金到位率',
      actual: 20,
      base: 20_000_000,
      amount: 4_000_000,
      count: 2,
      cohortCount: 3,
    });
    expect(named(metric(b, 'rate_funds').projects)).toEqual(['A', 'F']);
    // 约定开工 due by 06-30, signed by then: A (04-15), B (05-01), C (06-01), F (03-01), I (01-31);
    // not D (07-01), G (terminated), J (2020). On time: A, F (on the day), I → 3/5 = 60%.
    expect(metric(b, 'rate_fulfilled')).toMatchObject({ actual: 60, count: 3, cohortCount: 5 });
    expect(named(metric(b, 'rate_fulfilled').cohort)).toEqual(['A', 'B', 'C', 'F', 'I']);
    // Rates are not read against 序时进度.
    for (const key of ['rate_started', 'rate_completed', 'rate_funds', 'rate_fulfilled'])
      expect(metric(b, key).scheduleGap, key).toBeNull();
  });

  test('the whole year: H signs, D starts late, B’s money arrives', () => {
    handMade();
    const b = board('2021-12-31');
    // Cohort A B C D E F H = 7; started A B D F = 4 → 57.14%.
    expect(metric(b, 'rate_started').actual).toBeCloseTo(400 / 7, 10);
    // 400 + B's 100 = 500 of 2000万美元 → 25%.
    expect(metric(b, 'rate_funds')).toMatchObject({ actual: 25, amount: 5_000_000 });
    expect(named(metric(b, 'rate_funds').projects)).toEqual(['A', 'B', 'F']);
    // D (planned 07-01, started 07-05) is due and late: 3/6 = 50%.
    expect(metric(b, 'rate_fulfilled')).toMatchObject({ actual: 50, cohortCount: 6 });
  });

  test('money paid in euros counts at the year’s euro rate, as 实到外资 does', () => {
    handMade();
    // 2021: 7.7418 元 per 欧元; 1,000,000 欧元 = 7,741,800 元 = 1,200,000 美元 at 6.4515.
    expectOk(dispatchSync(app, 'settings.update', { fxRates: { EUR: { '2021': 7.7418 } } }));
    const before = metric(board('2021-06-30'), 'paid_in_fdi').actual!;
    arrive('F', { arrivedOn: '2021-05-10', amount: 1_000_000, currency: 'EUR' });
    const b = board('2021-06-30');
    // 400 + 120 = 520 of 2000万美元 → 26%; 实到外资 gains the same 120万美元.
    expect(metric(b, 'rate_funds')).toMatchObject({ actual: 26, amount: 5_200_000 });
    expect(metric(b, 'paid_in_fdi').actual).toBe(before + 1_200_000);
  });

  test('before any signing there is no rate, not 0%', () => {
    handMade();
    const b = board('2021-01-10');
    for (const key of ['rate_started', 'rate_completed', 'rate_funds', 'rate_fulfilled']) {
      expect(metric(b, key), key).toMatchObject({ actual: null, count: 0, cohortCount: 0 });
    }
  });

  test('drill-down lists the numerator and the cohort of each rate', () => {
    handMade();
    const asOf = '2021-06-30';
    const b = board(asOf);
    for (const key of ['rate_started', 'rate_completed', 'rate_funds', 'rate_fulfilled'] as const) {
      expect(drill({ kind: 'metric', key }, asOf), key).toEqual(named(metric(b, key).projects));
      expect(drill({ kind: 'cohort', key }, asOf), key).toEqual(named(metric(b, key).cohort));
    }
  });

  test('an office sees the rates of its own projects', () => {
    handMade();
    add('K', { signedOn: '2021-02-02', startedOn: '2021-03-03', office: '北京' });
    expect(metric(board('2021-06-30', '北京'), 'rate_started')).toMatchObject({
      actual: 100,
      cohortCount: 1,
    });
    // The zone: A B F K of A B C D E F K → 4/7.
    expect(metric(board('2021-06-30'), 'rate_started').actual).toBeCloseTo(400 / 7, 10);
  });
});
