// `project add --json` with a total in 欧元 or 日元 (issue 17, point 7), through the bundled CLI on a
// real database file: the general pair is taken, mixing is refused in Chinese, and `dashboard
// --json` names the missing EUR rate until `call settings.update` sets it.
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { Dashboard } from '../../domain/dashboard';
import { tempDir } from '../helpers';
import { cli } from './run-cli';

let db: string;
beforeAll(async () => {
  db = join(tempDir(), 'currency-cli.sqlite');
  expect(await cli(db, 'init', '--office', '上海', '--user', '张三')).toMatchObject({ code: 0 });
});

const board = async () =>
  JSON.parse((await cli(db, 'dashboard', '--year', '2021', '--json')).stdout) as Dashboard;

test('project add takes 欧元 and 日元; the 看板 converts at the year’s rate once set', async () => {
  const add = (fields: Record<string, unknown>) =>
    cli(
      db,
      'project',
      'add',
      '--json',
      JSON.stringify({ office: '上海', signedOn: '2021-04-01', ...fields }),
    );
  const eur = await add({
    name: '德资欧元项目',
    country: 'DE',
    totalInvestment: 200_000_000,
    investmentCurrency: 'EUR',
  });
  expect(eur.code).toBe(0);
  const id = eur.stdout.trim();
  const jpy = await add({
    name: '日资日元项目',
    country: 'JP',
    totalInvestment: 5_000_000_000,
    investmentCurrency: 'JPY',
  });
  expect(jpy.code).toBe(0);

  // No 2021 EUR or JPY rate yet: no 元 figure, and the 看板 names both rates.
  const before = JSON.parse((await cli(db, 'project', 'get', id, '--json')).stdout) as Record<
    string,
    unknown
  >;
  expect(before).toMatchObject({
    totalInvestment: 200_000_000,
    investmentCurrency: 'EUR',
    totalInvestmentCnyEquivalent: null,
    tier: null,
  });
  const missing = (await board()).missingRates.map((m) => [m.currency, m.projects]);
  expect(missing).toEqual([
    ['EUR', 1],
    ['JPY', 1],
  ]);

  // 2021: 1 欧元 = 7.8 元 → 200,000,000 × 7.8 = 1,560,000,000 元 (10–50亿);
  // 1 日元 = 0.06 元 → 5,000,000,000 × 0.06 = 300,000,000 元 (亿元).
  const set = await cli(
    db,
    'call',
    'settings.update',
    '--json',
    JSON.stringify({ fxRates: { EUR: { '2021': 7.8 }, JPY: { '2021': 0.06 } } }),
  );
  expect(set.code).toBe(0);
  const after = JSON.parse((await cli(db, 'project', 'get', id, '--json')).stdout) as Record<
    string,
    unknown
  >;
  expect(after).toMatchObject({ totalInvestmentCnyEquivalent: 1_560_000_000, tier: 't10_50' });
  const b = await board();
  expect(b.missingRates).toEqual([]);
  expect(b.metrics.find((m) => m.key === 'tier_10_50yi')!.actual).toBe(1);
});

test('project add refuses mixing the pair with the old keys, in Chinese, writing nothing', async () => {
  const run = await cli(
    db,
    'project',
    'add',
    '--json',
    '{"name":"混填","totalInvestment":1,"investmentCurrency":"EUR","totalInvestmentUsd":1}',
  );
  expect(run.code).not.toBe(0);
  expect(run.stderr).toContain('不要同时填写');
  expect(run.stdout).toBe('');
  const half = await cli(db, 'project', 'add', '--json', '{"name":"半对","totalInvestment":1}');
  expect(half.stderr).toContain('须同时填写');
});
