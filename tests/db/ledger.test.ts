import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { readLedgerRows } from '../../db/services/ledger';
import type { LedgerPage } from '../../domain/ledger';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
const ids: Record<string, string> = {};
const query = (input: unknown) => expectOk(dispatchSync(app, 'ledger.query', input)) as LedgerPage;
const names = (page: LedgerPage) => page.rows.map((r) => r.name);

beforeAll(async () => {
  app = await openTempDb();
  const projects = [
    {
      name: '西门子智能制造',
      investor: '西门子',
      country: 'DE',
      totalInvestmentCny: 12_000_000_000,
      office: '上海',
      owner: '甲',
      industry: '高端装备制造',
      channel: '驻点招商',
      signedOn: '2021-03-01',
      contractedFdiUsd: 100_000_000,
    },
    {
      name: '三星半导体封装',
      investor: '三星电子',
      country: 'KR',
      totalInvestmentUsd: 800_000_000,
      office: '深圳',
      owner: '乙',
      industry: '集成电路',
      channel: '展会',
      fairEdition: '第七届',
      signedOn: '2020-12-31',
      contractedFdiUsd: 300_000_000,
    },
    {
      name: '中建材新材料',
      investor: '中国建材集团',
      country: 'CN',
      totalInvestmentCny: 300_000_000,
      office: '北京',
      owner: '丙',
      industry: '新材料',
      channel: '以商引商',
      referrer: '某某',
    },
    {
      name: 'Nestlé 食品二期',
      investor: '雀巢',
      country: 'CH',
      totalInvestmentCny: 50_000_000,
      office: '本部',
      owner: '甲',
      industry: '高端食品',
    },
  ];
  for (const p of projects)
    ids[p.name] = (expectOk(dispatchSync(app, 'project.create', p)) as { id: string }).id;
  expectOk(
    dispatchSync(app, 'investor.update', {
      id: (
        expectOk(dispatchSync(app, 'project.get', { id: ids['西门子智能制造'] })) as {
          investorId: string;
        }
      ).investorId,
      patch: { nameEn: 'Siemens AG' },
    }),
  );
});
afterAll(() => app.close());

describe('ledger.query', () => {
  test('filters by region, tier, stage, office, owner, industry, channel and signing year', () => {
    expect(names(query({ region: 'de_jp' }))).toEqual(['西门子智能制造']);
    expect(names(query({ tier: 't50_100' }))).toEqual(['三星半导体封装']); // 8亿美元 × 6.8976 (2020) = 55.2亿
    expect(names(query({ stage: 'lead', sort: { key: 'name' } }))).toEqual([
      'Nestlé 食品二期',
      '中建材新材料',
    ]);
    expect(names(query({ office: '北京' }))).toEqual(['中建材新材料']);
    expect(names(query({ owner: '甲', sort: { key: 'name' } }))).toEqual([
      'Nestlé 食品二期',
      '西门子智能制造',
    ]);
    expect(names(query({ industry: '集成电路' }))).toEqual(['三星半导体封装']);
    expect(names(query({ channel: '以商引商' }))).toEqual(['中建材新材料']);
    expect(names(query({ signingYear: 2021 }))).toEqual(['西门子智能制造']); // 2020-12-31 is not 2021
    expect(names(query({ region: ['domestic', 'kr_sg_hk_tw'], sort: { key: 'name' } }))).toEqual([
      '三星半导体封装',
      '中建材新材料',
    ]);
  });

  test('free text matches Chinese and English names of the project and its investor', () => {
    expect(names(query({ q: '三星' }))).toEqual(['三星半导体封装']);
    expect(names(query({ q: 'SIEMENS' }))).toEqual(['西门子智能制造']);
    expect(names(query({ q: 'nestlé' }))).toEqual(['Nestlé 食品二期']);
    expect(names(query({ q: '100%' }))).toEqual([]);
  });

  test('sorts by amount in 元 across currencies, pages, and totals the whole filter', () => {
    const all = query({ sort: { key: 'totalInvestment', dir: 'desc' } });
    expect(names(all)).toEqual([
      '西门子智能制造',
      '三星半导体封装',
      '中建材新材料',
      'Nestlé 食品二期',
    ]);
    expect(all.totals).toEqual({
      count: 4,
      totalInvestmentCny: 12_000_000_000 + 5_518_080_000 + 300_000_000 + 50_000_000,
      contractedFdiUsd: 400_000_000,
    });
    const page2 = query({ sort: { key: 'totalInvestment', dir: 'desc' }, offset: 2, limit: 1 });
    expect(names(page2)).toEqual(['中建材新材料']);
    expect(page2.totals.count).toBe(4);
  });

  test('empty values sort last in both directions, and pages line up across that boundary', () => {
    const asc = names(query({ sort: { key: 'signedOn', dir: 'asc' } }));
    expect(asc.slice(0, 2)).toEqual(['三星半导体封装', '西门子智能制造']); // 2020-12-31, 2021-03-01
    expect(names(query({ sort: { key: 'signedOn', dir: 'desc' } })).slice(0, 2)).toEqual([
      '西门子智能制造',
      '三星半导体封装',
    ]);
    const oneByOne = [0, 1, 2, 3].flatMap((offset) =>
      names(query({ sort: { key: 'signedOn', dir: 'asc' }, offset, limit: 1 })),
    );
    expect(oneByOne).toEqual(asc);
    const pairs = [0, 2].flatMap((offset) =>
      names(query({ sort: { key: 'signedOn', dir: 'asc' }, offset, limit: 2 })),
    );
    expect(pairs).toEqual(asc);
    expect(query({ sort: { key: 'signedOn', dir: 'asc' }, offset: 4 }).rows).toEqual([]);
  });

  test('reads rows by more rowids than SQLite takes variables (a drill-down of 40,000)', () => {
    const rowids = Array.from({ length: 40_000 }, (_, i) => 40_000 - i);
    const rows = app.transact((tx) => readLedgerRows(tx, rowids), { write: false });
    const all = query({ limit: 1000 }).totals.count;
    expect(rows).toHaveLength(all);
    // In the order asked: descending rowids.
    const order = rows.map(
      (r) =>
        app.sqlite.prepare('SELECT rowid AS r FROM project WHERE id = ?').get(r.id) as {
          r: number;
        },
    );
    expect(order.map((o) => o.r)).toEqual([...order.map((o) => o.r)].sort((a, b) => b - a));
  });

  test('rows carry every 台账 column; the other sums come only when asked, over the whole filter', () => {
    const siemens = ids['西门子智能制造']!;
    expectOk(
      dispatchSync(app, 'project.update', {
        id: siemens,
        patch: {
          landAreaMu: 120.5,
          platform: '智能制造产业园',
          problems: '等待环评',
          startedOn: '2021-09-01',
        },
      }),
    );
    expectOk(
      dispatchSync(app, 'project.update', { id: ids['中建材新材料']!, patch: { landAreaMu: 30 } }),
    );
    const arrive = (amount: number, currency: string, kind: string, outsideCity?: boolean) =>
      expectOk(
        dispatchSync(app, 'arrival.create', {
          projectId: siemens,
          arrivedOn: '2021-06-30',
          amount,
          currency,
          kind,
          ...(outsideCity === undefined ? {} : { outsideCity }),
        }),
      );
    arrive(2_000_000, 'USD', 'fdi');
    arrive(5_000_000, 'CNY', 'domestic', true);
    arrive(1_000_000, 'CNY', 'domestic', false); // from inside the city: not 市外内资

    const row = query({ q: '西门子' }).rows[0]!;
    expect(row).toMatchObject({
      landAreaMu: 120.5,
      platform: '智能制造产业园',
      problems: '等待环评',
      startedOn: '2021-09-01',
      channel: '驻点招商',
      paidInFdiUsd: 2_000_000,
      domesticCapitalCny: 5_000_000,
      investmentCurrency: 'CNY',
      totalInvestment: 12_000_000_000,
    });
    const samsung = query({ q: '三星' }).rows[0]!;
    expect(samsung).toMatchObject({
      fairEdition: '第七届',
      investmentCurrency: 'USD',
      totalInvestment: 800_000_000,
      paidInFdiUsd: null,
      domesticCapitalCny: null,
    });

    expect(Object.keys(query({}).totals).sort()).toEqual([
      'contractedFdiUsd',
      'count',
      'totalInvestmentCny',
    ]);
    const sums = ['totalInvestmentUsd', 'paidInFdiUsd', 'domesticCapitalCny', 'landAreaMu'];
    const expected = {
      count: 4,
      totalInvestmentUsd: 800_000_000,
      paidInFdiUsd: 2_000_000,
      domesticCapitalCny: 5_000_000,
      landAreaMu: 150.5,
    };
    expect(query({ sums }).totals).toMatchObject(expected);
    expect(query({ sums, office: ['上海', '深圳', '北京', '本部'] }).totals).toMatchObject(
      expected,
    );
    // Free text takes its own path to the totals.
    expect(query({ sums, q: '西门子' }).totals).toMatchObject({
      count: 1,
      totalInvestmentUsd: 0,
      paidInFdiUsd: 2_000_000,
      domesticCapitalCny: 5_000_000,
      landAreaMu: 120.5,
    });
    expect(query({ sums: ['landAreaMu'] }).totals).not.toHaveProperty('paidInFdiUsd');
    // Later pages leave the sums to the first one (the screen keeps them as it scrolls).
    expect(query({ sums, offset: 1, limit: 1 }).totals).toEqual({
      count: 4,
      totalInvestmentCny: expect.any(Number),
      contractedFdiUsd: expect.any(Number),
    });

    // A deleted project's arrivals count nowhere, in the whole ledger or a filter.
    const gone = expectOk(
      dispatchSync(app, 'project.create', {
        name: '已删除项目',
        investor: '某投资方',
        office: '上海',
      }),
    ) as { id: string };
    expectOk(
      dispatchSync(app, 'arrival.create', {
        projectId: gone.id,
        arrivedOn: '2021-06-30',
        amount: 9_000_000,
        currency: 'USD',
        kind: 'fdi',
      }),
    );
    expect(query({ sums }).totals.paidInFdiUsd).toBe(11_000_000);
    expectOk(dispatchSync(app, 'project.delete', { id: gone.id }));
    expect(query({ sums }).totals).toMatchObject(expected);
    expect(query({ sums, office: '上海' }).totals.paidInFdiUsd).toBe(2_000_000);
  });

  test('rejects an unknown filter value with a Chinese message', () => {
    expect(dispatchSync(app, 'ledger.query', { tier: 'huge' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: expect.stringContaining('规模档次'),
    });
    expect(dispatchSync(app, 'ledger.query', { office: '广州' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('驻点'),
    });
  });
});
