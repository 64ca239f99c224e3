// Merging duplicates two offices made offline (db/services/merges.ts, db/merges.ts), on real
// database files exchanged by real sync files: the merged-away record leaves every list and count,
// what named it names the survivor (also what arrives later), a merge made at both offices in
// opposite directions converges on the latest, and an unmerge brings everything back.
import { afterEach, expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import type { InvestorRecord } from '../../domain/entities';
import type { LedgerPage } from '../../domain/ledger';
import type { MergeResult, UnmergeResult } from '../../domain/merge';
import type { ProjectRecord } from '../../domain/project-input';
import { tempDir } from '../helpers';
import { call, dump, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.app.close();
});

async function pair(): Promise<[Replica, Replica]> {
  const sh = await openReplica('上海', { dir: tempDir('zs-merge-sh-') });
  const bj = await openReplica('北京', { dir: tempDir('zs-merge-bj-') });
  open.push(sh, bj);
  return [sh, bj];
}

const dir = tempDir('zs-merge-files-');
const send = async (from: Replica, to: Replica) => {
  from.clock.ms += 60_000;
  to.clock.ms += 60_000;
  await importInto(to, (await exportTo(from, dir, { for: to.office })).file);
};

const investors = (r: Replica) =>
  call<InvestorRecord[]>(r, 'investor.list', {})
    .map((i) => i.nameZh)
    .sort();
const ledger = (r: Replica) =>
  call<LedgerPage>(r, 'ledger.query', { limit: 100 })
    .rows.map((p) => `${p.name}/${p.investor ?? ''}`)
    .sort();
const investorOf = (r: Replica, projectId: string) =>
  call<ProjectRecord>(r, 'project.get', { id: projectId }).investorId;

test('two offices make 西门子 offline; merged, one investor holds both projects everywhere', async () => {
  const [sh, bj] = await pair();
  const p1 = call<ProjectRecord>(sh, 'project.create', {
    name: '西门子医疗',
    investor: '西门子股份公司',
  });
  const p2 = call<ProjectRecord>(bj, 'project.create', {
    name: '西门子能源',
    investor: '西门子（中国）有限公司',
  });
  call(bj, 'contact.create', { investorId: p2.investorId, name: '王经理' });
  await send(sh, bj);
  await send(bj, sh);
  expect(investors(sh)).toEqual(['西门子股份公司', '西门子（中国）有限公司']);

  const merged = call<MergeResult>(bj, 'record.merge', {
    kind: 'investor',
    keep: p1.investorId,
    other: p2.investorId,
  });
  expect(merged.moved).toEqual({ project: 1, contact: 1 });
  expect(merged.fields).toEqual(['aliases']);
  // 上海 has not seen the merge yet and adds a project to the investor merged away.
  const late = call<ProjectRecord>(sh, 'project.create', {
    name: '西门子数字工厂',
    investorId: p2.investorId,
  });
  await send(bj, sh);
  await send(sh, bj);

  for (const r of [sh, bj]) {
    expect(investors(r)).toEqual(['西门子股份公司']);
    expect(ledger(r)).toEqual([
      '西门子医疗/西门子股份公司',
      '西门子数字工厂/西门子股份公司',
      '西门子能源/西门子股份公司',
    ]);
    expect(investorOf(r, p2.id)).toBe(p1.investorId);
    expect(investorOf(r, late.id)).toBe(p1.investorId);
    const contacts = call<{ name: string }[]>(r, 'contact.list', { investorId: p1.investorId });
    expect(contacts.map((c) => c.name)).toEqual(['王经理']);
  }
  // The survivor is found by the other's name.
  const found = call<InvestorRecord[]>(sh, 'investor.list', { q: '西门子（中国）' });
  expect(found.map((i) => i.id)).toEqual([p1.investorId]);
  expect(dump(sh)).toEqual(dump(bj));

  // Undone at 上海: both investors again, each with its own projects, at both offices.
  const undone = call<UnmergeResult>(sh, 'record.unmerge', { id: p2.investorId });
  expect(undone).toMatchObject({ kind: 'investor', from: p1.investorId });
  expect(undone.restored).toEqual({ project: 2, contact: 1 });
  await send(sh, bj);
  for (const r of [sh, bj]) {
    expect(investors(r)).toEqual(['西门子股份公司', '西门子（中国）有限公司']);
    expect(investorOf(r, p2.id)).toBe(p2.investorId);
    expect(investorOf(r, late.id)).toBe(p2.investorId);
  }
  expect(dump(sh)).toEqual(dump(bj));
  expect(sh.app.sqlite.prepare('SELECT count(*) FROM merge_override').pluck().get()).toBe(0);
});

test('a pair merged both ways at two offices keeps the later merge at both', async () => {
  const [sh, bj] = await pair();
  const a = call<ProjectRecord>(sh, 'project.create', { name: '博世汽车部件', investor: '博世' });
  await send(sh, bj);
  const b = call<ProjectRecord>(bj, 'project.create', { name: '博世汽车部件（苏州）' });
  call(bj, 'arrival.create', {
    projectId: b.id,
    arrivedOn: '2026-03-01',
    amount: 1_000_000,
    currency: 'USD',
    kind: 'fdi',
    outsideCity: false,
  });
  await send(bj, sh);
  // 上海 keeps a, 北京 (a minute later by the clocks) keeps b.
  call(sh, 'record.merge', { kind: 'project', keep: a.id, other: b.id });
  bj.clock.ms += 60_000;
  call(bj, 'record.merge', { kind: 'project', keep: b.id, other: a.id });
  await send(sh, bj);
  await send(bj, sh);
  for (const r of [sh, bj]) {
    expect(ledger(r)).toEqual(['博世汽车部件（苏州）/博世']);
    const arrivals = call<unknown[]>(r, 'arrival.list', { projectId: b.id });
    expect(arrivals).toHaveLength(1);
  }
  expect(dump(sh)).toEqual(dump(bj));
});

test('a merge refuses itself, a missing record and an unknown field; unmerge of a live one', async () => {
  const [sh] = await pair();
  const a = call<ProjectRecord>(sh, 'project.create', { name: '甲项目' });
  const b = call<ProjectRecord>(sh, 'project.create', { name: '乙项目' });
  const fail = (method: string, input: unknown) => {
    const result = dispatchSync(sh.app, method, input);
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.code;
  };
  expect(fail('record.merge', { kind: 'project', keep: a.id, other: a.id })).toBe('MERGE_SAME');
  expect(fail('record.merge', { kind: 'project', keep: a.id, other: 'nope' })).toBe('NOT_FOUND');
  expect(fail('record.merge', { kind: 'project', keep: a.id, other: b.id, take: ['id'] })).toBe(
    'MERGE_FIELD',
  );
  expect(fail('record.unmerge', { id: a.id })).toBe('NOT_MERGED');
  call(sh, 'record.merge', { kind: 'project', keep: a.id, other: b.id, take: ['name'] });
  expect(ledger(sh)).toEqual(['乙项目/']);
  // A merged-away record cannot be merged again, nor be kept.
  expect(fail('record.merge', { kind: 'project', keep: b.id, other: a.id })).toBe('MERGED_AWAY');
});

test('a merged-away name typed again in the project form finds the survivor', async () => {
  const [sh] = await pair();
  const a = call<ProjectRecord>(sh, 'project.create', {
    name: '西门子医疗',
    investor: '西门子股份公司',
  });
  const b = call<ProjectRecord>(sh, 'project.create', {
    name: '西门子能源',
    investor: '西门子（中国）有限公司',
  });
  call(sh, 'record.merge', { kind: 'investor', keep: a.investorId, other: b.investorId });
  const again = call<ProjectRecord>(sh, 'project.create', {
    name: '西门子数字工厂',
    investor: '西门子（中国）有限公司',
  });
  expect(again.investorId).toBe(a.investorId);
  expect(investors(sh)).toEqual(['西门子股份公司']);
});
