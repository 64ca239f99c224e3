// 分类统计 and the 台账's filters by investor-group flag, 长三角 and ownership, on a hand-made data
// set (answers worked out by hand below), through the dispatcher on a real SQLite file.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { BreakdownRow, Dashboard } from '../../domain/dashboard';
import type { InvestorRecord } from '../../domain/entities';
import type { LedgerPage, LedgerRow } from '../../domain/ledger';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const YI = 100_000_000;
const ids: Record<string, string> = {};
const named = (list: readonly string[]) =>
  list.map((id) => Object.keys(ids).find((k) => ids[k] === id) ?? id).sort();

function investor(name: string, fields: Record<string, unknown> = {}): string {
  return (
    expectOk(dispatchSync(app, 'investor.create', { nameZh: name, ...fields })) as InvestorRecord
  ).id;
}

function add(key: string, fields: Record<string, unknown>): void {
  const p = expectOk(
    dispatchSync(app, 'project.create', {
      name: `${key}项目`,
      office: '上海',
      owner: '李明',
      totalInvestmentCny: 2 * YI,
      ...fields,
    }),
  ) as ProjectRecord;
  ids[key] = p.id;
}

/**
 * Investors: 西门子 (世界500强, 上市); 西门子中国, a subsidiary of 西门子 (no flags of its own);
 * 中建 (央企, 国内100强); 小公司 (none).
 * Projects (2021, 2亿 each unless said):
 *   A 西门子中国, DE, signed 03-01, 5亿           → 世界500强, 上市 (through its parent)
 *   B 中建, 江苏, 央企 ownership, signed 04-01      → 央企 flag, 国内100强, 长三角, 央企
 *   C 小公司, 浙江, 民企, signed 05-01              → 长三角, 民企
 *   D 小公司, 广东, 民企, in talks (not signed)     → 民企 (pipeline only)
 *   E 西门子, DE, signed 2020-06-01               → 世界500强, 上市 (pipeline only)
 *   F 中建, 安徽, 地方国企, signed 07-15             → after 06-30: pipeline only then
 *   G 戊公司 (a 浙江 investor, HQ CN), no province of its own, signed 06-01 → 长三角 by its investor
 */
function handMade(): void {
  const siemens = investor('西门子', { fortune500: true, listed: true });
  investor('西门子中国', { parentInvestorId: siemens });
  investor('中建', { centralSoe: true, china100: true });
  investor('小公司');
  add('A', {
    investor: '西门子中国',
    country: 'DE',
    signedOn: '2021-03-01',
    totalInvestmentCny: 5 * YI,
  });
  add('B', {
    investor: '中建',
    province: '江苏',
    ownership: '央企',
    capitalType: '内资',
    signedOn: '2021-04-01',
  });
  add('C', { investor: '小公司', province: '浙江', ownership: '民企', signedOn: '2021-05-01' });
  add('D', { investor: '小公司', province: '广东', ownership: '民企', stage: 'negotiating' });
  add('E', { investor: '西门子', country: 'DE', signedOn: '2020-06-01' });
  add('F', { investor: '中建', province: '安徽', ownership: '地方国企', signedOn: '2021-07-15' });
  investor('戊公司', { hqCountry: 'CN', province: '浙江', city: '杭州市' });
  add('G', { investor: '戊公司', signedOn: '2021-06-01' });
}

describe('分类统计 on the 看板', () => {
  test('as of 2021-06-30', () => {
    handMade();
    const b = expectOk(
      dispatchSync(app, 'dashboard.get', { year: 2021, asOf: '2021-06-30' }),
    ) as Dashboard;
    const row = (key: string) => b.breakdowns.find((r) => r.key === key)!;
    const figures = (r: BreakdownRow) => [
      r.signed,
      r.signedCny / YI,
      r.pipeline,
      r.pipelineCny / YI,
    ];
    // Signed by 06-30: A B C G. Pipeline (alive on 06-30): A B C D E F G (F in talks then).
    expect(figures(row('flag:fortune500'))).toEqual([1, 5, 2, 7]); // A; A E
    expect(figures(row('flag:listed'))).toEqual([1, 5, 2, 7]);
    expect(figures(row('flag:centralSoe'))).toEqual([1, 2, 2, 4]); // B; B F
    expect(figures(row('flag:china100'))).toEqual([1, 2, 2, 4]);
    expect(figures(row('flag:wellKnown'))).toEqual([0, 0, 0, 0]);
    expect(figures(row('yrd'))).toEqual([3, 6, 4, 8]); // B C G; B C F G
    expect(figures(row('ownership:central_soe'))).toEqual([1, 2, 1, 2]);
    expect(figures(row('ownership:private'))).toEqual([1, 2, 2, 4]); // C; C D
    expect(figures(row('ownership:local_soe'))).toEqual([0, 0, 1, 2]);
    expect(row('flag:fortune500')).toMatchObject({ group: 'flag', label: '世界500强' });
    expect(row('yrd')).toMatchObject({ group: 'yrd', label: '长三角' });
    expect(row('ownership:central_soe')).toMatchObject({ group: 'ownership', label: '央企' });

    for (const r of b.breakdowns) {
      for (const scope of ['signed', 'pipeline'] as const) {
        const rows = expectOk(
          dispatchSync(app, 'dashboard.drill', {
            year: 2021,
            asOf: '2021-06-30',
            target: { kind: 'breakdown', key: r.key, scope },
          }),
        ) as LedgerRow[];
        expect(rows.length, `${r.key} ${scope}`).toBe(r[scope]);
      }
    }
  });
});

describe('a group flag', () => {
  test('reaches a subsidiary twelve levels below the flagged parent', () => {
    let parent = investor('顶层集团', { fortune500: true });
    for (let level = 1; level <= 12; level++) {
      parent = investor(`第${level}级子公司`, { parentInvestorId: parent });
    }
    add('deep', { investor: '第12级子公司', country: 'DE', signedOn: '2021-03-01' });
    const b = expectOk(
      dispatchSync(app, 'dashboard.get', { year: 2021, asOf: '2021-06-30' }),
    ) as Dashboard;
    expect(b.breakdowns.find((r) => r.key === 'flag:fortune500')?.signed).toBe(1);
  });
});

describe('台账 filters', () => {
  const ledger = (q: Record<string, unknown>) =>
    named((expectOk(dispatchSync(app, 'ledger.query', q)) as LedgerPage).rows.map((r) => r.id));

  test('by investor-group flag, 长三角 and ownership', () => {
    handMade();
    expect(ledger({ investorFlag: '世界500强' })).toEqual(['A', 'E']);
    expect(ledger({ investorFlag: ['centralSoe', 'fortune500'] })).toEqual(['A', 'B', 'E', 'F']);
    expect(ledger({ yrd: true })).toEqual(['B', 'C', 'F', 'G']);
    expect(ledger({ yrd: false })).toEqual(['A', 'D', 'E']);
    expect(ledger({ ownership: ['央企', 'private'] })).toEqual(['B', 'C', 'D']);
    expect(ledger({ yrd: true, ownership: '民企' })).toEqual(['C']);
    const bad = dispatchSync(app, 'ledger.query', { investorFlag: '五百强' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.message).toContain('投资方类型「五百强」无效');
  });
});
