// Find anything (issue 18, point 5), on a real database file through the dispatcher: a Chinese
// name is found by its pinyin and initials, traditional and simplified characters fold together,
// English names ignore case, accents and legal forms — in Ctrl+K, the 台账 free text, the investor
// list and the 撞单 warning; a database made by the older rules gains pinyin once at open.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { queryTerms, searchTextOf } from '../../db/search-fold';
import type { InvestorRecord } from '../../domain/entities';
import type { LedgerPage } from '../../domain/ledger';
import type { QuickSearchResult, SimilarInvestor } from '../../domain/search';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
const ok = <T>(method: string, input?: unknown) => expectOk(dispatchSync(app, method, input)) as T;
const ledger = (q: string) =>
  ok<LedgerPage>('ledger.query', { q })
    .rows.map((r) => r.name)
    .sort();
const quick = (q: string) => ok<QuickSearchResult>('search.quick', { q, limit: 20 });
const investors = (q: string) =>
  ok<InvestorRecord[]>('investor.list', { q })
    .map((i) => i.nameZh)
    .sort();
const similar = (name: string) =>
  ok<SimilarInvestor[]>('investor.similar', { name }).map((i) => i.nameZh);

beforeEach(async () => {
  app = await openTempDb();
  for (const [name, investor] of [
    ['西门子智能电网研发中心', '西门子（中国）有限公司'],
    ['台积电先进封装', '台积电（南京）有限公司'],
    ['鴻海精密電子', '鴻海精密工業股份有限公司'],
    ['雀巢营养品工厂', 'Nestlé S.A.'],
    ['宁德时代储能电站', '宁德时代新能源科技股份有限公司'],
  ] as const) {
    ok('project.create', { name, investor });
  }
});
afterEach(() => app.close());

describe('pinyin and initials', () => {
  test('"ximenzi" and "xmz" find 西门子 in Ctrl+K, the 台账 and the investor list', () => {
    for (const q of ['ximenzi', 'xmz', 'XMZ', 'XiMenZi']) {
      expect(quick(q).projects.map((p) => p.name)).toEqual(['西门子智能电网研发中心']);
      expect(quick(q).investors.map((i) => i.nameZh)).toEqual(['西门子（中国）有限公司']);
      expect(ledger(q)).toEqual(['西门子智能电网研发中心']);
      expect(investors(q)).toEqual(['西门子（中国）有限公司']);
    }
  });

  test('a project is found by the pinyin of its own name and with other words (AND)', () => {
    expect(ledger('zndw')).toEqual(['西门子智能电网研发中心']);
    expect(ledger('chuneng')).toEqual(['宁德时代储能电站']);
    expect(ledger('ndsd 电站')).toEqual(['宁德时代储能电站']);
    expect(ledger('ndsd 研发')).toEqual([]);
  });

  test('a traditional name is spelled as its simplified form', () => {
    expect(ledger('honghai')).toEqual(['鴻海精密電子']);
    expect(investors('hhjm')).toEqual(['鴻海精密工業股份有限公司']);
  });
});

describe('traditional and simplified characters', () => {
  test('「臺積電」 finds 台积电 and 「鸿海」 finds 鴻海', () => {
    expect(ledger('臺積電')).toEqual(['台积电先进封装']);
    expect(quick('臺積電').investors.map((i) => i.nameZh)).toEqual(['台积电（南京）有限公司']);
    expect(investors('台積電')).toEqual(['台积电（南京）有限公司']);
    expect(ledger('鸿海 电子')).toEqual(['鴻海精密電子']);
    expect(investors('鸿海精密')).toEqual(['鴻海精密工業股份有限公司']);
  });

  test('the 撞单 warning flags 「西門子」 against 西门子 and 鸿海 against 鴻海', () => {
    expect(similar('西門子')).toEqual(['西门子（中国）有限公司']);
    expect(similar('西門子（中國）有限公司')).toEqual(['西门子（中国）有限公司']);
    expect(similar('鸿海精密工业')).toEqual(['鴻海精密工業股份有限公司']);
    expect(similar('臺積電')).toEqual(['台积电（南京）有限公司']);
  });
});

describe('English names', () => {
  test('"NESTLE" and "nestlé sa" find Nestlé S.A.', () => {
    for (const q of ['NESTLE', 'nestle', 'Nestlé', 'nestle s.a.']) {
      expect(ledger(q)).toEqual(['雀巢营养品工厂']);
      expect(investors(q)).toEqual(['Nestlé S.A.']);
      expect(quick(q).investors.map((i) => i.nameZh)).toEqual(['Nestlé S.A.']);
    }
  });

  test('the 撞单 warning takes Nestle SA for Nestlé S.A.', () => {
    expect(similar('NESTLE SA')).toEqual(['Nestlé S.A.']);
  });
});

test('the stored text: simplified, folded, then the pinyin and initials of Chinese parts', () => {
  expect(searchTextOf(['西門子（中國）有限公司', 'Siemens AG'])).toBe(
    '西门子 中国 有限公司 siemens ag ximenzi xmz',
  );
  expect(searchTextOf(['ÉLAN Ｃｏ．'])).toBe('elan co');
  expect(searchTextOf(['重庆长安汽车'])).toBe('重庆长安汽车 chongqingchanganqiche cqcaqc');
  expect(queryTerms('臺灣 Nestlé')).toEqual(['台湾', 'nestle']);
});

test('a database made by the older rules gains pinyin once at open', async () => {
  const file = app.file;
  app.close();
  const raw = new Database(file);
  raw.exec(
    `UPDATE project SET search_text = lower(name || ' ' || coalesce(investor_name, ''));
     UPDATE sync_meta SET value = '3' WHERE key = 'derived_version';`,
  );
  raw.close();
  app = await openAppDatabase(file);
  expect(ledger('xmz')).toEqual(['西门子智能电网研发中心']);
  expect(ledger('臺積電')).toEqual(['台积电先进封装']);
});
