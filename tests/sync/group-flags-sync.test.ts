// Issue 16, point 9: a project's group_flags (db/services/project-groups.ts) is a derived column,
// so a flag set or cleared high in an investor group, or a parent deleted in between, must reach
// the projects below it: locally, and on a laptop that receives the change by sync.
//   上海: 集团 ← 中国公司 ← 嘉兴公司 (浙江); project 嘉兴项目 under 嘉兴公司, signed 2021-03-01.
import { afterEach, expect, test } from 'vitest';
import type { Dashboard } from '../../domain/dashboard';
import type { InvestorRecord } from '../../domain/entities';
import type { ProjectRecord } from '../../domain/project-input';
import { groupFlagBit } from '../../db/services/project-groups';
import { tempDir } from '../helpers';
import { call, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.app.close();
});

async function replica(office: string) {
  const r = await openReplica(office);
  open.push(r);
  return r;
}

const groupFlags = (r: Replica, id: string) =>
  r.app.sqlite.prepare('SELECT group_flags FROM project WHERE id = ?').pluck().get(id) as number;

/** 世界500强 on the 看板 and in its drill-down: [signed, pipeline]. */
function fortune500(r: Replica): [number, number] {
  const input = { year: 2021, asOf: '2021-06-30' };
  const row = call<Dashboard>(r, 'dashboard.get', input).breakdowns.find(
    (b) => b.key === 'flag:fortune500',
  )!;
  const drilled = call<unknown[]>(r, 'dashboard.drill', {
    ...input,
    target: { kind: 'breakdown', key: 'flag:fortune500', scope: 'pipeline' },
  });
  expect(drilled.length).toBe(row.pipeline);
  return [row.signed, row.pipeline];
}

async function group(r: Replica) {
  const top = call<InvestorRecord>(r, 'investor.create', { nameZh: '集团', hqCountry: 'DE' });
  const mid = call<InvestorRecord>(r, 'investor.create', { nameZh: '中国公司', parent: top.id });
  const local = call<InvestorRecord>(r, 'investor.create', {
    nameZh: '嘉兴公司',
    parent: mid.id,
    province: '浙江',
    city: '嘉兴市',
  });
  const p = call<ProjectRecord>(r, 'project.create', {
    name: '嘉兴项目',
    investorId: local.id,
    signedOn: '2021-03-01',
    totalInvestmentCny: 100_000_000,
  });
  return { top, mid, p };
}

test('a flag set on the grandparent reaches the grandchild’s project; clearing or deleting removes it', async () => {
  const sh = await replica('上海');
  const { top, mid, p } = await group(sh);
  expect(groupFlags(sh, p.id) & groupFlagBit.fortune500).toBe(0);
  expect(fortune500(sh)).toEqual([0, 0]);

  call(sh, 'investor.update', { id: top.id, patch: { fortune500: true, listed: true } });
  expect(groupFlags(sh, p.id) & (groupFlagBit.fortune500 | groupFlagBit.listed)).toBe(
    groupFlagBit.fortune500 | groupFlagBit.listed,
  );
  expect(fortune500(sh)).toEqual([1, 1]);

  call(sh, 'investor.update', { id: top.id, patch: { fortune500: false } });
  expect(groupFlags(sh, p.id) & groupFlagBit.fortune500).toBe(0);
  expect(groupFlags(sh, p.id) & groupFlagBit.listed).toBe(groupFlagBit.listed);
  expect(fortune500(sh)).toEqual([0, 0]);

  call(sh, 'investor.update', { id: top.id, patch: { fortune500: true } });
  expect(fortune500(sh)).toEqual([1, 1]);
  call(sh, 'investor.delete', { id: mid.id });
  expect(groupFlags(sh, p.id) & (groupFlagBit.fortune500 | groupFlagBit.listed)).toBe(0);
  expect(fortune500(sh)).toEqual([0, 0]);
});

test('the same changes arriving by sync re-derive the receiving laptop’s project', async () => {
  const sh = await replica('上海');
  const hq = await replica('本部');
  const files = tempDir();
  const { top, mid, p } = await group(sh);
  await importInto(hq, (await exportTo(sh, files, { for: '本部' })).file);
  expect(fortune500(hq)).toEqual([0, 0]);

  call(hq, 'investor.update', { id: top.id, patch: { fortune500: true } });
  await importInto(sh, (await exportTo(hq, files, { for: '上海' })).file);
  expect(groupFlags(sh, p.id) & groupFlagBit.fortune500).toBe(groupFlagBit.fortune500);
  expect(fortune500(sh)).toEqual([1, 1]);

  call(hq, 'investor.update', { id: top.id, patch: { fortune500: false } });
  await importInto(sh, (await exportTo(hq, files, { for: '上海' })).file);
  expect(groupFlags(sh, p.id) & groupFlagBit.fortune500).toBe(0);
  expect(fortune500(sh)).toEqual([0, 0]);

  call(hq, 'investor.update', { id: top.id, patch: { fortune500: true } });
  call(hq, 'investor.delete', { id: mid.id });
  await importInto(sh, (await exportTo(hq, files, { for: '上海' })).file);
  expect(groupFlags(sh, p.id) & groupFlagBit.fortune500).toBe(0);
  expect(fortune500(sh)).toEqual([0, 0]);
  expect(fortune500(hq)).toEqual([0, 0]);
});
