// Total investment in any currency (issue 17, point 7): project.create/update take totalInvestment
// with investmentCurrency besides the old 元/美元 keys; the amount converts at its signing year's
// rate into the 看板's tiers and the 台账's 万元, and a year without that rate is named on the 看板.
// Hand-made amounts on a real SQLite file through the dispatcher.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { Dashboard } from '../../domain/dashboard';
import type { LedgerRow } from '../../domain/ledger';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
  // 2021: 1 欧元 = 7.8 元, 1 日元 = 0.06 元; 2022: 1 欧元 = 7.1 元. No 2023 EUR rate.
  expectOk(
    dispatchSync(app, 'settings.update', {
      usdRates: { '2021': 6.5, '2022': 6.8, '2023': 7 },
      fxRates: { EUR: { '2021': 7.8, '2022': 7.1 }, JPY: { '2021': 0.06 } },
    }),
  );
});
afterEach(() => app.close());

const YI = 100_000_000;

function create(fields: Record<string, unknown>): ProjectRecord {
  return expectOk(
    dispatchSync(app, 'project.create', {
      name: `项目${Math.random()}`,
      office: '上海',
      ...fields,
    }),
  ) as ProjectRecord;
}
function refused(method: string, input: unknown): string {
  const r = dispatchSync(app, method, input);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
}
const board = (year: number) =>
  expectOk(dispatchSync(app, 'dashboard.get', { year, asOf: `${year}-12-31` })) as Dashboard;
const metric = (b: Dashboard, key: string) => b.metrics.find((m) => m.key === key)!;
const ledgerRow = (id: string) =>
  (expectOk(dispatchSync(app, 'ledger.query', {})) as { rows: LedgerRow[] }).rows.find(
    (r) => r.id === id,
  )!;

test('EUR and JPY totals convert at the signing year’s rate into tiers, 看板 and 台账', () => {
  // 2亿欧元 signed 2021: 200,000,000 × 7.8 = 1,560,000,000 元 (15.6亿元) → 10–50亿.
  const eur = create({
    country: 'DE',
    signedOn: '2021-03-01',
    totalInvestment: 200_000_000,
    investmentCurrency: 'EUR',
  });
  expect(eur).toMatchObject({
    totalInvestment: 200_000_000,
    investmentCurrency: 'EUR',
    totalInvestmentCny: null,
    totalInvestmentUsd: null,
    totalInvestmentCnyEquivalent: 1_560_000_000,
    tier: 't10_50',
  });
  // 50亿日元 signed 2021: 5,000,000,000 × 0.06 = 300,000,000 元 (3亿元) → 亿元 tier.
  const jpy = create({
    country: 'JP',
    industrial: true,
    signedOn: '2021-06-01',
    totalInvestment: 5_000_000_000,
    investmentCurrency: 'JPY',
  });
  expect(jpy).toMatchObject({
    investmentCurrency: 'JPY',
    totalInvestmentCnyEquivalent: 300_000_000,
    tier: 't1_10',
  });
  // 5000亿日元 is within bounds (500,000,000,000 × 0.06 = 30,000,000,000 元, 300亿元 → 百亿).
  const big = create({
    country: 'JP',
    signedOn: '2021-07-01',
    totalInvestment: 500_000_000_000,
    investmentCurrency: 'JPY',
  });
  expect(big.totalInvestmentCnyEquivalent).toBe(30_000_000_000);
  expect(big.tier).toBe('t100');

  // The 看板 of 2021: one 10–50亿 (EUR), one 百亿 (JPY 5000亿), one 亿元以上产业项目 (JPY 50亿).
  const b = board(2021);
  expect(b.missingRates).toEqual([]);
  expect(metric(b, 'tier_10_50yi').actual).toBe(1);
  expect(metric(b, 'tier_100yi').actual).toBe(1);
  expect(metric(b, 'tier_1yi_industrial').actual).toBe(1);

  // The 台账 shows the 元 equivalent (its 万元 column is this ÷ 10,000 = 156,000) and the original.
  expect(ledgerRow(eur.id)).toMatchObject({
    totalInvestmentCny: 1_560_000_000,
    totalInvestment: 200_000_000,
    investmentCurrency: 'EUR',
  });
  expect(ledgerRow(jpy.id).totalInvestmentCny).toBe(300_000_000);
});

test('update: the pair changes currency and amount; the old keys still work', () => {
  const p = create({ signedOn: '2022-05-01', totalInvestmentCny: 5 * YI });
  // 1亿欧元 in 2022: 100,000,000 × 7.1 = 710,000,000 元.
  const eur = expectOk(
    dispatchSync(app, 'project.update', {
      id: p.id,
      patch: { totalInvestment: 100_000_000, investmentCurrency: 'EUR' },
    }),
  ) as ProjectRecord;
  expect(eur).toMatchObject({
    totalInvestment: 100_000_000,
    investmentCurrency: 'EUR',
    totalInvestmentCny: null,
    totalInvestmentCnyEquivalent: 710_000_000,
  });
  // Clearing 人民币 leaves a EUR amount alone; setting 美元 replaces it (1000万美元 × 6.8).
  const kept = expectOk(
    dispatchSync(app, 'project.update', { id: p.id, patch: { totalInvestmentCny: null } }),
  ) as ProjectRecord;
  expect(kept.totalInvestment).toBe(100_000_000);
  const usd = expectOk(
    dispatchSync(app, 'project.update', { id: p.id, patch: { totalInvestmentUsd: 10_000_000 } }),
  ) as ProjectRecord;
  expect(usd).toMatchObject({
    totalInvestment: 10_000_000,
    investmentCurrency: 'USD',
    totalInvestmentUsd: 10_000_000,
    totalInvestmentCnyEquivalent: 68_000_000,
  });
  const cleared = expectOk(
    dispatchSync(app, 'project.update', { id: p.id, patch: { totalInvestment: null } }),
  ) as ProjectRecord;
  expect(cleared).toMatchObject({ totalInvestment: null, investmentCurrency: null });
});

test('refusals: mixing keys, half a pair, unknown currency, absurd amounts', () => {
  expect(
    refused('project.create', {
      name: '混填',
      totalInvestment: 1,
      investmentCurrency: 'EUR',
      totalInvestmentCny: 1,
    }),
  ).toContain('不要同时填写 totalInvestmentCny 或 totalInvestmentUsd');
  expect(refused('project.create', { name: '缺币种', totalInvestment: 100 })).toContain(
    '总投资（totalInvestment）与总投资币种（investmentCurrency）须同时填写',
  );
  expect(refused('project.create', { name: '缺金额', investmentCurrency: 'EUR' })).toContain(
    '须同时填写',
  );
  expect(
    refused('project.create', { name: '币种', totalInvestment: 1, investmentCurrency: 'XYZ' }),
  ).toContain('总投资币种须为 CNY（人民币）、USD（美元）、EUR（欧元）');
  // 2亿亿日元 (2 × 10^16) is no project; the ceiling is 10万亿 (10^13) units of any currency.
  expect(
    refused('project.create', {
      name: '天文数字',
      totalInvestment: 2e16,
      investmentCurrency: 'JPY',
    }),
  ).toContain('总投资超出范围');
  expect(
    refused('project.create', { name: '负数', totalInvestment: -1, investmentCurrency: 'EUR' }),
  ).toContain('总投资不能为负数');
});

test('a EUR project of a year without the EUR rate is named on the 看板, not converted', () => {
  // 2023 has a USD rate but no EUR rate: no 元 amount, no tier, and the 看板 says so.
  const p = create({
    country: 'FR',
    signedOn: '2023-04-01',
    totalInvestment: 300_000_000,
    investmentCurrency: 'EUR',
  });
  expect(p).toMatchObject({ totalInvestmentCnyEquivalent: null, tier: null });
  const b = board(2023);
  expect(b.missingRates.map((m) => [m.currency, m.projects, m.arrivals])).toEqual([['EUR', 1, 0]]);
  expect(b.missingRates[0]!.message).toContain('2023年未设置欧元汇率：1 个项目的总投资');
  expect(metric(b, 'tier_10_50yi').actual).toBe(0);
  expect(ledgerRow(p.id).totalInvestmentCny).toBeNull();
  // With the rate set (7.5): 300,000,000 × 7.5 = 2,250,000,000 元 → 10–50亿.
  expectOk(dispatchSync(app, 'settings.update', { fxRates: { EUR: { '2023': 7.5 } } }));
  expect(metric(board(2023), 'tier_10_50yi').actual).toBe(1);
  expect(ledgerRow(p.id).totalInvestmentCny).toBe(2_250_000_000);
});
