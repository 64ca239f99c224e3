// Search that forgives (issue 16, point 6), on a real database file through the dispatcher: the
// 台账 filter, the quick search and the investor list find full-width and half-width forms alike,
// take spaces as AND between words and ignore legal-form words; a database whose search text was
// made by the older rules is refreshed once when it opens.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { InvestorRecord } from '../../domain/entities';
import type { LedgerPage } from '../../domain/ledger';
import type { QuickSearchResult } from '../../domain/search';
import { searchTerms } from '../../domain/search-text';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
const ok = <T>(method: string, input?: unknown) => expectOk(dispatchSync(app, method, input)) as T;
const ledger = (q: string) =>
  ok<LedgerPage>('ledger.query', { q })
    .rows.map((r) => r.name)
    .sort();

beforeEach(async () => {
  app = await openTempDb();
  for (const [name, investor] of [
    ['三井物产华东物流中心', '三井物产（中国）有限公司'],
    ['三井物产化工新材料', '三井物产(中国)有限公司'],
    ['三井物产食品加工', '三井物产株式会社'],
    ['新能源汽车电驱系统', '博世（中国）投资有限公司'],
    ['汽车零部件与新能源电池', 'Bosch GmbH'],
    ['新能源储能电站', '宁德时代新能源科技股份有限公司'],
    ['ＡＢＣ精密制造（二期）', 'ABC Co., Ltd.'],
  ] as const) {
    ok('project.create', { name, investor });
  }
});
afterEach(() => app.close());

describe('the 台账 search', () => {
  test('half-width and full-width brackets find the same projects', () => {
    const full = ledger('三井物产（中国）');
    expect(full).toHaveLength(3);
    expect(ledger('三井物产(中国)')).toEqual(full);
  });

  test('spaces mean AND, in either order', () => {
    expect(ledger('新能源 汽车')).toEqual(['新能源汽车电驱系统', '汽车零部件与新能源电池']);
    expect(ledger('汽车　新能源')).toEqual(ledger('新能源 汽车')); // an ideographic space too
    expect(ledger('新能源')).toHaveLength(3);
  });

  test('legal-form words are ignored; a query of legal forms only is searched as typed', () => {
    expect(ledger('三井物产有限公司')).toHaveLength(3);
    expect(ledger('Bosch GmbH')).toEqual(['汽车零部件与新能源电池']);
    expect(ledger('abc co., ltd')).toEqual(['ＡＢＣ精密制造（二期）']);
    expect(ledger('有限公司')).toHaveLength(4);
  });

  test('full-width Latin and digits in a name are found by what a keyboard types', () => {
    expect(ledger('abc 精密')).toEqual(['ＡＢＣ精密制造（二期）']);
    expect(ledger('ABC(二期)')).toEqual(['ＡＢＣ精密制造（二期）']);
  });

  test('punctuation separates words; a query of punctuation only filters nothing', () => {
    expect(ledger('新能源,汽车')).toEqual(ledger('新能源 汽车'));
    expect(ledger('%_')).toHaveLength(7);
  });
});

test('the quick search and the investor list forgive the same way', () => {
  const quick = ok<QuickSearchResult>('search.quick', { q: '三井物产(中国)', limit: 20 });
  expect(quick.projects).toHaveLength(3);
  expect(quick.investors.map((i) => i.nameZh).sort()).toEqual([
    '三井物产(中国)有限公司',
    '三井物产株式会社',
    '三井物产（中国）有限公司',
  ]);
  const both = ok<QuickSearchResult>('search.quick', { q: '新能源 电池' });
  expect(both.projects.map((p) => p.name)).toEqual(['汽车零部件与新能源电池']);
  const investors = ok<InvestorRecord[]>('investor.list', { q: 'bosch gmbh' });
  expect(investors.map((i) => i.nameZh)).toEqual(['Bosch GmbH']);
  expect(ok<InvestorRecord[]>('investor.list', { q: '博世（中国）' })).toHaveLength(1);
});

test('searchTerms: width-folded words without legal forms', () => {
  expect(searchTerms('三井物产（中国）有限公司')).toEqual(['三井物产']);
  expect(searchTerms(' 新能源  汽车 ')).toEqual(['新能源', '汽车']);
  expect(searchTerms('Siemens AG')).toEqual(['siemens']);
  expect(searchTerms('有限公司')).toEqual(['有限公司']);
  expect(searchTerms('Ｔｏｙｏｔａ')).toEqual(['toyota']);
});

test('a database whose search text older rules made is refreshed once at open', async () => {
  const file = app.file;
  app.close();
  // As the rules before this change left it: lower-cased, not folded, no derived version.
  const raw = new Database(file);
  raw.exec(
    `UPDATE project SET search_text = lower(name || ' ' || coalesce(investor_name, ''));
     DELETE FROM sync_meta WHERE key = 'derived_version';`,
  );
  const stale = raw.prepare('SELECT count(*) FROM project WHERE search_text LIKE ?').pluck();
  expect(stale.get('%三井物产 中国%')).toBe(0);
  raw.close();
  app = await openAppDatabase(file);
  expect(ledger('三井物产(中国)')).toHaveLength(3);
  const refreshed = app.sqlite.prepare('SELECT count(*) FROM project WHERE search_text LIKE ?');
  expect(refreshed.pluck().get('%三井物产 中国%')).toBe(2);
});
