// Suspected duplicates (db/services/suspects.ts) on a real database file: the same investor under
// two names, an alias, the same 统一社会信用代码 under different names, projects alike in name and in
// something else, contacts with one phone; a subsidiary linked to its parent is not listed, nor a
// common project name shared by many; "not the same" and a merge both take a pair off the list.
import { expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import type { InvestorRecord } from '../../domain/entities';
import type { ProjectRecord } from '../../domain/project-input';
import type { SuspectList } from '../../domain/suspects';
import { expectOk, openTempDb } from '../helpers';

const HUAWEI = '914403001922038216';

test('the review list finds what looks alike and forgets what was judged', async () => {
  const app = await openTempDb();
  const call = <T>(method: string, input?: unknown) =>
    expectOk(dispatchSync(app, method, input)) as T;
  const investor = (input: object) => call<InvestorRecord>('investor.create', input);
  const siemens = investor({ nameZh: '西门子股份公司', nameEn: 'Siemens AG' });
  const siemensCn = investor({ nameZh: '西门子（中国）有限公司' });
  const bosch = investor({ nameZh: '博世', aliases: ['罗伯特·博世'] });
  const robert = investor({ nameZh: '罗伯特·博世有限公司' });
  const hw1 = investor({ nameZh: '华为技术有限公司', creditCode: HUAWEI });
  const hw2 = investor({ nameZh: '深圳华为', creditCode: HUAWEI });
  // A subsidiary linked to its parent is another company.
  const sub = investor({ nameZh: '西门子有限公司', parent: siemens.id });
  const project = (input: object) => call<ProjectRecord>('project.create', input);
  const p1 = project({ name: '西门子医疗项目', investorId: siemens.id, totalInvestmentCny: 5e8 });
  const p2 = project({ name: '西门子医疗项目', investorId: siemensCn.id, totalInvestmentCny: 5e8 });
  // The same name and nothing else in common: not suspected.
  project({ name: '厂房扩建', investorId: bosch.id });
  project({ name: '厂房扩建', investorId: robert.id });
  const c1 = call<{ id: string }>('contact.create', { name: '王经理', phone: '138-0000-1111' });
  const c2 = call<{ id: string }>('contact.create', { name: '王总', phone: '13800001111' });

  const list = call<SuspectList>('suspects.list', {});
  const pairs = list.suspects.map((s) => [s.kind, [s.a.id, s.b.id].sort().join('+'), s.reasons]);
  const pair = (a: string, b: string) => [a, b].sort().join('+');
  // A certain match first; then investors, projects, contacts.
  expect(pairs[0]).toEqual(['investor', pair(hw1.id, hw2.id), ['creditCode']]);
  expect(pairs.slice(1, 4).sort()).toEqual(
    [
      ['investor', pair(siemens.id, siemensCn.id), ['name']],
      // Not the subsidiary and its parent: only the subsidiary and the other 西门子.
      ['investor', pair(siemensCn.id, sub.id), ['name']],
      ['investor', pair(bosch.id, robert.id), ['alias']],
    ].sort(),
  );
  expect(pairs.slice(4)).toEqual([
    ['project', pair(p1.id, p2.id), ['amount']],
    ['contact', pair(c1.id, c2.id), ['phone']],
  ]);
  expect(list.truncated).toBe(false);
  const first = list.suspects[0]!;
  expect([first.a.name, first.b.name].sort()).toEqual(['华为技术有限公司', '深圳华为']);

  // Judged not the same (either way round): gone, and the judgment is a synced row.
  call('suspects.notDuplicate', { kind: 'investor', a: robert.id, b: bosch.id });
  // Merged: gone too.
  call('record.merge', { kind: 'investor', keep: siemens.id, other: siemensCn.id });
  const after = call<SuspectList>('suspects.list', { kind: 'investor' });
  // The merged-away 西门子（中国） leaves both its pairs.
  expect(after.suspects.map((s) => s.reasons)).toEqual([['creditCode']]);
  const judged = app.sqlite.prepare('SELECT kind, a_id, b_id FROM not_duplicate').all();
  expect(judged).toEqual([
    {
      kind: 'investor',
      ...Object.fromEntries([bosch.id, robert.id].sort().map((id, i) => [i ? 'b_id' : 'a_id', id])),
    },
  ]);
  const refused = dispatchSync(app, 'suspects.notDuplicate', {
    kind: 'investor',
    a: hw1.id,
    b: hw1.id,
  });
  expect(refused.ok ? '' : refused.code).toBe('MERGE_SAME');
  app.close();
});
