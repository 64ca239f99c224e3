// Rules by year (issue 17, point 7), on hand-made data through the dispatcher on real SQLite files:
// the 落地率 rule of a closed year stays when this year's changes; a year without an exchange rate is
// an error on the 看板 (no nearest year, no 6.5); EUR and JPY amounts convert at their year's rate.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { Dashboard } from '../../domain/dashboard';
import { yearOf, todayIso } from '../../domain/dates';
import type { ProjectRecord } from '../../domain/project-input';
import type { Settings } from '../../domain/settings';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const YI = 100_000_000;
const thisYear = yearOf(todayIso());

function project(fields: Record<string, unknown>): string {
  return (
    expectOk(
      dispatchSync(app, 'project.create', {
        name: `项目${Math.random()}`,
        office: '上海',
        ...fields,
      }),
    ) as ProjectRecord
  ).id;
}

function board(year: number): Dashboard {
  return expectOk(dispatchSync(app, 'dashboard.get', { year, asOf: `${year}-12-31` })) as Dashboard;
}
const metric = (b: Dashboard, key: string) => b.metrics.find((m) => m.key === key)!;
const settings = () => expectOk(dispatchSync(app, 'settings.get', undefined)) as Settings;
const update = (input: unknown) => expectOk(dispatchSync(app, 'settings.update', input));

test("a closed year keeps its 落地率 rule when this year's rule changes", () => {
  // 2021: two 省市县长工程 (≥10亿元) signed in 2021; A registered in May, B only signed. Default rule
  // (注册, 当年签约): landed A only → 1/2 = 50%; under 开工 neither → 0%.
  const leader = { leaderProject: true, totalInvestmentCny: 20 * YI };
  project({ ...leader, signedOn: '2021-03-01', registeredOn: '2021-05-01' });
  project({ ...leader, signedOn: '2021-04-01' });
  expect(metric(board(2021), 'landing_rate').actual).toBe(50);

  // This year's rule becomes 开工: 2021 is closed and keeps 注册, still 50% (0% under 开工).
  update({ landingRule: { milestone: 'started', cohort: 'signed_in_year' } });
  const closed = board(2021);
  expect(metric(closed, 'landing_rate').actual).toBe(50);
  expect(closed.landingRule).toEqual({ milestone: 'registered', cohort: 'signed_in_year' });
  expect(board(thisYear).landingRule).toEqual({ milestone: 'started', cohort: 'signed_in_year' });
  expect(settings().landingRule).toEqual({ milestone: 'started', cohort: 'signed_in_year' });

  // Setting 2021's own rule on purpose (开工) does change 2021: 0/2 = 0%.
  update({ landingRules: { '2021': { milestone: 'started', cohort: 'signed_in_year' } } });
  expect(metric(board(2021), 'landing_rate').actual).toBe(0);
  // 2022 has no rule of its own: the latest earlier year's (2021's) holds until this year's.
  expect(board(2022).landingRule.milestone).toBe('started');
  expect(board(2020).landingRule.milestone).toBe('registered');
  expect(board(thisYear).landingRule.milestone).toBe('started');
});

test('a year without a rate is an error on the 看板, not the nearest year or 6.5', () => {
  // The seed has USD rates 2019–2025 only. 2030: one USD arrival of 1,000,000 美元 and one EUR
  // project; no rate of 2030 for either.
  const p = project({ signedOn: '2030-02-01', country: 'DE', totalInvestmentCny: YI });
  expectOk(
    dispatchSync(app, 'arrival.create', {
      projectId: p,
      arrivedOn: '2030-03-01',
      amount: 1_000_000,
      currency: 'EUR',
      kind: 'fdi',
    }),
  );
  const b = board(2030);
  expect(b.usdCnyRate).toBeNull();
  expect(b.missingRates.map((m) => [m.currency, m.arrivals])).toEqual([
    ['USD', 0],
    ['EUR', 1],
  ]);
  expect(b.missingRates[1]!.message).toContain('2030年未设置欧元汇率');
  // Not converted at any made-up rate: the arrival does not count until the rates are set.
  expect(metric(b, 'paid_in_fdi').actual).toBe(0);

  update({ usdRates: { '2030': 7 }, fxRates: { EUR: { '2030': 7.7 } } });
  const fixed = board(2030);
  expect(fixed.missingRates).toEqual([]);
  // 1,000,000 欧元 × 7.7 = 7,700,000 元 ÷ 7 = 1,100,000 美元.
  expect(metric(fixed, 'paid_in_fdi').actual).toBe(1_100_000);
});

test('EUR and JPY amounts convert at their own year’s rate', () => {
  update({
    usdRates: { '2021': 6.5, '2022': 6.8 },
    fxRates: { EUR: { '2021': 7.8, '2022': 7.1 }, JPY: { '2021': 0.06, '2022': 0.05 } },
  });
  const p = project({ signedOn: '2021-02-01', country: 'JP', totalInvestmentCny: YI });
  const arrive = (arrivedOn: string, amount: number, currency: string) =>
    expectOk(
      dispatchSync(app, 'arrival.create', {
        projectId: p,
        arrivedOn,
        amount,
        currency,
        kind: 'fdi',
      }),
    );
  arrive('2021-05-01', 1_000_000, 'EUR'); // 7,800,000 元 ÷ 6.5 = 1,200,000 美元
  arrive('2021-06-01', 130_000_000, 'JPY'); // 7,800,000 元 ÷ 6.5 = 1,200,000 美元
  arrive('2022-05-01', 1_000_000, 'EUR'); // 7,100,000 元 ÷ 6.8 = 1,044,117.6… → 1,044,118 美元
  arrive('2022-06-01', 136_000_000, 'JPY'); // 6,800,000 元 ÷ 6.8 = 1,000,000 美元
  expect(metric(board(2021), 'paid_in_fdi').actual).toBe(2_400_000);
  expect(metric(board(2022), 'paid_in_fdi').actual).toBe(2_044_118);
  // 台账 sums each arrival at its own year's rates: 2,400,000 + 2,044,118.
  const row = expectOk(dispatchSync(app, 'project.get', { id: p })) as ProjectRecord;
  expect(row.id).toBe(p);
  const ledger = expectOk(dispatchSync(app, 'ledger.query', {})) as {
    rows: { id: string; paidInFdiUsd: number | null }[];
  };
  expect(ledger.rows.find((r) => r.id === p)?.paidInFdiUsd).toBe(4_444_118);
});

test('settings refuse a rate outside its currency’s range or an unknown currency', () => {
  const refused = (input: unknown) => {
    const r = dispatchSync(app, 'settings.update', input);
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.message;
  };
  expect(refused({ fxRates: { JPY: { '2021': 6.5 } } })).toContain(
    '2021年日元汇率须在 0.01–0.2 元之间',
  );
  expect(refused({ fxRates: { XYZ: { '2021': 1 } } })).toContain('币种无效');
  expect(refused({ fxRates: { EUR: { '21': 7 } } })).toContain('年份无效');
});
