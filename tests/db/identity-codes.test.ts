// Identity codes on a real database file through the dispatcher (issue 18, point 6): an investor's
// 统一社会信用代码 and a project's 项目代码 are normalised and checked where they are typed, the
// same credit code is a certain duplicate whatever the names, and both codes find their records in
// the investor list, Ctrl+K, the 台账 free text and `search`. An investor's stored search text is
// rebuilt at open when it was made by older rules.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { InvestorRecord } from '../../domain/entities';
import type { LedgerPage } from '../../domain/ledger';
import type { ProjectRecord } from '../../domain/project-input';
import type { QuickSearchResult, SearchResults, SimilarInvestor } from '../../domain/search';
import { expectOk, openTempDb } from '../helpers';
import { migrateDownTo } from '../migrate-down';

let app: AppDatabase;
const ok = <T>(method: string, input?: unknown) => expectOk(dispatchSync(app, method, input)) as T;
const refusal = (method: string, input: unknown) => {
  const result = dispatchSync(app, method, input);
  if (result.ok) throw new Error(`${method} was not refused`);
  return result.message;
};

const HUAWEI = '914403001922038216';
const TENCENT = '9144030071526726XG';
const CODE = '2020-451421-88-03-016343';

beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

test('a credit code is stored normalised, and a wrong one refused naming the character', () => {
  const huawei = ok<InvestorRecord>('investor.create', {
    nameZh: '华为技术有限公司',
    creditCode: ' ９１４４０３００１９２２０３８２１６ ',
  });
  expect(huawei.creditCode).toBe(HUAWEI);
  expect(refusal('investor.create', { nameZh: '甲公司', creditCode: '914403001922038217' })).toBe(
    '输入有误：统一社会信用代码第 18 位校验码应为「6」，实为「7」，请逐位核对',
  );
  expect(
    refusal('investor.update', { id: huawei.id, patch: { creditCode: '9144030019220382I6' } }),
  ).toContain('第 17 位「I」不是有效字符');
  const cleared = ok<InvestorRecord>('investor.update', {
    id: huawei.id,
    patch: { creditCode: '' },
  });
  expect(cleared.creditCode).toBeNull();
});

test('a project code is stored normalised and refused when malformed', () => {
  const project = ok<ProjectRecord>('project.create', {
    name: '华为嘉兴研发中心',
    projectCode: '２０２０－４５１４２１－８８－０３－０１６３４３',
  });
  expect(project.projectCode).toBe(CODE);
  expect(project.code).toMatch(/^SH\d{4}-/);
  expect(
    refusal('project.update', {
      id: project.id,
      patch: { projectCode: '2020-451421-88-03-01634' },
    }),
  ).toContain('项目代码应为 24 位');
});

test('the same credit code is a certain duplicate whatever the names', () => {
  const tencent = ok<InvestorRecord>('investor.create', {
    nameZh: '深圳市腾讯计算机系统有限公司',
    creditCode: TENCENT,
  });
  ok('investor.create', { nameZh: '腾讯科技（上海）有限公司' });
  const similar = ok<SimilarInvestor[]>('investor.similar', {
    name: '企鹅公司',
    creditCode: TENCENT.toLowerCase(),
  });
  expect(similar).toEqual([
    expect.objectContaining({ id: tencent.id, sameCreditCode: true, matchedOn: TENCENT }),
  ]);
  // Without the code, names alone: 企鹅公司 resembles nobody; the record itself is excluded.
  expect(ok<SimilarInvestor[]>('investor.similar', { name: '企鹅公司' })).toEqual([]);
  expect(
    ok<SimilarInvestor[]>('investor.similar', {
      name: '企鹅公司',
      creditCode: TENCENT,
      excludeId: tencent.id,
    }),
  ).toEqual([]);
});

test('both codes find their records in every search', () => {
  const huawei = ok<InvestorRecord>('investor.create', {
    nameZh: '华为技术有限公司',
    creditCode: HUAWEI,
  });
  ok<InvestorRecord>('investor.create', { nameZh: '华鑫证券有限责任公司' });
  const project = ok<ProjectRecord>('project.create', {
    name: '嘉兴研发中心',
    investorId: huawei.id,
    projectCode: CODE,
  });
  ok('project.create', { name: '华鑫嘉兴分部', investor: '华鑫证券有限责任公司' });
  const listed = (q: string) => ok<InvestorRecord[]>('investor.list', { q }).map((i) => i.nameZh);
  expect(listed(HUAWEI)).toEqual(['华为技术有限公司']);
  expect(listed(HUAWEI.slice(0, 10))).toEqual(['华为技术有限公司']);
  expect(listed('hwjs')).toEqual(['华为技术有限公司']);
  expect(ok<QuickSearchResult>('search.quick', { q: CODE }).projects.map((p) => p.id)).toEqual([
    project.id,
  ]);
  const ledger = ok<LedgerPage>('ledger.query', { q: CODE });
  expect(ledger.rows.map((r) => r.name)).toEqual(['嘉兴研发中心']);

  const found = ok<SearchResults>('search.all', { q: HUAWEI.toLowerCase() });
  expect(found.results).toEqual([
    {
      kind: 'investor',
      id: huawei.id,
      name: '华为技术有限公司',
      office: null,
      code: null,
      projectCode: null,
      creditCode: HUAWEI,
      investor: null,
      match: 'code',
    },
  ]);
  const byProjectCode = ok<SearchResults>('search.all', { q: CODE });
  expect(byProjectCode.results.map((r) => [r.kind, r.name, r.match])).toEqual([
    ['project', '嘉兴研发中心', 'code'],
  ]);
  const byOwnCode = ok<SearchResults>('search.all', { q: project.code!.toLowerCase() });
  expect(byOwnCode.results[0]).toMatchObject({ kind: 'project', id: project.id, match: 'code' });
});

test("an investor's search text made by older rules is rebuilt once at open", async () => {
  ok('investor.create', { nameZh: '华为技术有限公司', creditCode: HUAWEI });
  const file = app.file;
  app.close();
  const raw = new Database(file);
  raw.exec(
    `UPDATE investor SET search_text = NULL;
     UPDATE sync_meta SET value = '4' WHERE key = 'derived_version';`,
  );
  raw.close();
  app = await openAppDatabase(file);
  const text = app.sqlite.prepare('SELECT search_text FROM investor').pluck().get() as string;
  expect(text).toContain(HUAWEI.toLowerCase());
  expect(text).toContain('huaweijishu');
  expect(ok<InvestorRecord[]>('investor.list', { q: 'hwjs' }).map((i) => i.nameZh)).toEqual([
    '华为技术有限公司',
  ]);
});

test('migration 016 goes down and up again; the search text is rebuilt at the next open', async () => {
  ok('investor.create', { nameZh: '华为技术有限公司', creditCode: HUAWEI });
  const file = app.file;
  app.close();
  await migrateDownTo(file, '014-foreign-amount-indexes');
  const raw = new Database(file);
  const columns = (table: string) =>
    (raw.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  expect(columns('investor')).not.toContain('credit_code');
  expect(columns('investor')).not.toContain('search_text');
  expect(columns('project')).not.toContain('project_code');
  raw.close();
  app = await openAppDatabase(file);
  expect(app.sqlite.prepare('SELECT search_text FROM investor').pluck().get()).toContain(
    'huaweijishu',
  );
});
