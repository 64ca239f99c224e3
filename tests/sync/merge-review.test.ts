// A hostile review of merges, suspects and claims (issue 18), on real database files and real sync
// files: chains and cycles of merges across offices, merges into deleted or merged-away records,
// kind mismatches by API, CLI and forged file, long names, restores racing a merge, claims and
// 本部 decisions that name the wrong thing. Every replica must converge, nothing merged away may
// be counted, every refusal is a Chinese AppError and a refused write leaves nothing behind.
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import type { ClaimList } from '../../domain/claims';
import type { InvestorRecord } from '../../domain/entities';
import type { LedgerPage } from '../../domain/ledger';
import type { MergeResult } from '../../domain/merge';
import type { ProjectRecord } from '../../domain/project-input';
import type { SuspectList } from '../../domain/suspects';
import { tempDir } from '../helpers';
import { buildCli, runCli } from './cli-bundle';
import { call, databaseBytes, dump, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.app.close();
});

async function offices<N extends string[]>(...names: N): Promise<{ [K in keyof N]: Replica }> {
  const list: Replica[] = [];
  for (const name of names) {
    const r = await openReplica(name, { dir: tempDir('zs-merge-review-') });
    open.push(r);
    list.push(r);
  }
  return list as { [K in keyof N]: Replica };
}

const dir = tempDir('zs-merge-review-files-');
const send = async (from: Replica, to: Replica) => {
  from.clock.ms += 60_000;
  to.clock.ms += 60_000;
  return importInto(to, (await exportTo(from, dir, { for: to.office })).file);
};
/** Everyone sends to everyone, twice: every replica has every change. */
const exchange = async (rs: Replica[]) => {
  for (let round = 0; round < 2; round++) {
    for (const from of rs) for (const to of rs) if (from !== to) await send(from, to);
  }
};

/** The refusal's code, with its Chinese message checked; nothing was written. */
function refused(r: Replica, method: string, input: unknown): string {
  const before = databaseBytes(r.app);
  const result = dispatchSync(r.app, method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  expect(result.message).toMatch(/[\u4e00-\u9fff]/);
  expect(databaseBytes(r.app).equals(before)).toBe(true);
  return result.code;
}

const investors = (r: Replica) =>
  call<InvestorRecord[]>(r, 'investor.list', {})
    .map((i) => i.nameZh)
    .sort();
const ledger = (r: Replica) => {
  const page = call<LedgerPage>(r, 'ledger.query', { limit: 100 });
  expect(page.totals.count).toBe(page.rows.length);
  return page.rows.map((p) => `${p.name}/${p.investor ?? ''}`).sort();
};
const investorOf = (r: Replica, projectId: string) =>
  call<ProjectRecord>(r, 'project.get', { id: projectId }).investorId;
const project = (r: Replica, name: string, investor?: string) =>
  call<ProjectRecord>(r, 'project.create', { name, ...(investor ? { investor } : {}) });
const merge = (r: Replica, kind: string, keep: string, other: string, take?: string[]) =>
  call<MergeResult>(r, 'record.merge', { kind, keep, other, ...(take ? { take } : {}) });

const expectConverged = (rs: Replica[]) => {
  for (const r of rs.slice(1)) expect(dump(r)).toEqual(dump(rs[0]!));
};

test('a chain A→B→C made at two offices lands on C; undoing the middle brings B back with A', async () => {
  const [sh, bj] = await offices('上海', '北京');
  const a = project(sh, '甲', '甲公司');
  const b = project(sh, '乙', '乙公司');
  const c = project(sh, '丙', '丙公司');
  await exchange([sh, bj]);
  // Neither office sees the other's merge before the exchange.
  merge(sh, 'investor', b.investorId!, a.investorId!);
  merge(bj, 'investor', c.investorId!, b.investorId!);
  await exchange([sh, bj]);
  for (const r of [sh, bj]) {
    expect(investors(r)).toEqual(['丙公司']);
    expect(ledger(r)).toEqual(['丙/丙公司', '乙/丙公司', '甲/丙公司']);
  }
  expectConverged([sh, bj]);
  // The middle link undone: A still goes to B, which stands again.
  call(sh, 'record.unmerge', { id: b.investorId });
  await exchange([sh, bj]);
  for (const r of [sh, bj]) {
    expect(investors(r)).toEqual(['丙公司', '乙公司']);
    expect(investorOf(r, a.id)).toBe(b.investorId);
    expect(ledger(r)).toEqual(['丙/丙公司', '乙/乙公司', '甲/乙公司']);
  }
  expectConverged([sh, bj]);
  // Unmerge of what was just unmerged is refused, and writes nothing.
  expect(refused(bj, 'record.unmerge', { id: b.investorId })).toBe('NOT_MERGED');
});

test('a cycle of three merges made at three offices keeps the two later ones everywhere', async () => {
  const [sh, bj, sz] = await offices('上海', '北京', '深圳');
  const a = project(sh, '甲', '甲公司');
  const b = project(sh, '乙', '乙公司');
  const c = project(sh, '丙', '丙公司');
  await exchange([sh, bj, sz]);
  merge(sh, 'investor', b.investorId!, a.investorId!); // oldest: set aside
  bj.clock.ms += 1_000;
  merge(bj, 'investor', c.investorId!, b.investorId!);
  sz.clock.ms += 2_000;
  merge(sz, 'investor', a.investorId!, c.investorId!);
  await exchange([sh, bj, sz]);
  for (const r of [sh, bj, sz]) {
    // B → C → A: A alone survives and holds all three projects, each once.
    expect(investors(r)).toEqual(['甲公司']);
    expect(ledger(r)).toEqual(['丙/甲公司', '乙/甲公司', '甲/甲公司']);
  }
  expectConverged([sh, bj, sz]);
});

test('a merge into a deleted, merged-away or other-kind record is refused and writes nothing', async () => {
  const [sh] = await offices('上海');
  const a = project(sh, '甲', '甲公司');
  const b = project(sh, '乙', '乙公司');
  const c = project(sh, '丙', '丙公司');
  call(sh, 'project.delete', { id: c.id });
  call(sh, 'investor.delete', { id: c.investorId });
  expect(
    refused(sh, 'record.merge', { kind: 'investor', keep: c.investorId, other: a.investorId }),
  ).toBe('NOT_FOUND');
  expect(
    refused(sh, 'record.merge', { kind: 'investor', keep: a.investorId, other: c.investorId }),
  ).toBe('NOT_FOUND');
  expect(
    refused(sh, 'record.merge', { kind: 'investor', keep: a.investorId, other: a.investorId }),
  ).toBe('MERGE_SAME');
  // An investor into a project, or a project into an investor.
  expect(refused(sh, 'record.merge', { kind: 'investor', keep: a.investorId, other: b.id })).toBe(
    'MERGE_KIND',
  );
  expect(refused(sh, 'record.merge', { kind: 'project', keep: a.id, other: b.investorId })).toBe(
    'MERGE_KIND',
  );
  expect(refused(sh, 'record.merge', { kind: 'claim', keep: a.id, other: b.id })).toBe(
    'VALIDATION',
  );
  merge(sh, 'investor', a.investorId!, b.investorId!);
  // Into, or out of, the merged-away one: it says which record it now is.
  expect(
    refused(sh, 'record.merge', { kind: 'investor', keep: b.investorId, other: a.investorId }),
  ).toBe('MERGED_AWAY');
  expect(
    dispatchSync(sh.app, 'record.merge', {
      kind: 'investor',
      keep: a.investorId,
      other: b.investorId,
    }),
  ).toMatchObject({ code: 'MERGED_AWAY', message: expect.stringContaining('已并入「甲公司」') });
  // A claim on the merged-away investor, or a "not the same" naming it or an unknown id.
  expect(refused(sh, 'claim.add', { investorId: b.investorId, reported: '首报' })).toBe(
    'MERGED_AWAY',
  );
  expect(
    refused(sh, 'suspects.notDuplicate', { kind: 'investor', a: a.investorId, b: b.investorId }),
  ).toBe('MERGED_AWAY');
  expect(
    refused(sh, 'suspects.notDuplicate', {
      kind: 'investor',
      a: a.investorId,
      b: '01900000-0000-7000-8000-000000000000',
    }),
  ).toBe('NOT_FOUND');
});

test('merging investors with long names keeps every value valid, so other offices import it', async () => {
  const [sh, bj] = await offices('上海', '北京');
  const longZh = '西'.repeat(150);
  const longEn = 'S'.repeat(200);
  const a = call<InvestorRecord>(sh, 'investor.create', { nameZh: '西门子', aliases: [] });
  const b = call<InvestorRecord>(sh, 'investor.create', {
    nameZh: longZh,
    nameEn: longEn,
    aliases: Array.from({ length: 20 }, (_, i) => `别名${i}`),
  });
  merge(sh, 'investor', a.id, b.id);
  const after = call<InvestorRecord>(sh, 'investor.get', { id: a.id });
  expect(after.aliases.length).toBeLessThanOrEqual(20);
  for (const alias of after.aliases) expect(alias.length).toBeLessThanOrEqual(100);
  // The survivor can still be edited, and the file imports at 北京.
  call(sh, 'investor.update', { id: a.id, patch: { notes: '已合并' } });
  await exchange([sh, bj]);
  expect(investors(bj)).toEqual(['西门子']);
  expectConverged([sh, bj]);
});

test('merging a subsidiary into its parent does not make the parent its own parent', async () => {
  const [sh, bj] = await offices('上海', '北京');
  const parent = call<InvestorRecord>(sh, 'investor.create', {
    nameZh: '西门子股份公司',
    aliases: [],
  });
  const child = call<InvestorRecord>(sh, 'investor.create', {
    nameZh: '西门子（中国）有限公司',
    aliases: [],
    parentInvestorId: parent.id,
  });
  const other = call<InvestorRecord>(sh, 'investor.create', { nameZh: '博世', aliases: [] });
  merge(sh, 'investor', parent.id, child.id);
  expect(call<InvestorRecord>(sh, 'investor.get', { id: parent.id }).parentInvestorId).toBeNull();
  // Nor when the parent is chosen field by field.
  const child2 = call<InvestorRecord>(sh, 'investor.create', {
    nameZh: '西门子能源',
    aliases: [],
    parentInvestorId: other.id,
  });
  const grandchild = call<InvestorRecord>(sh, 'investor.create', {
    nameZh: '西门子能源（上海）',
    aliases: [],
    parentInvestorId: child2.id,
  });
  expect(
    refused(sh, 'record.merge', {
      kind: 'investor',
      keep: child2.id,
      other: grandchild.id,
      take: ['parent_investor_id'],
    }),
  ).toBe('PARENT_CYCLE');
  await exchange([sh, bj]);
  expectConverged([sh, bj]);
});

test('an edit, a delete and a restore of the merged-away record made elsewhere leave it merged', async () => {
  const [sh, bj] = await offices('上海', '北京');
  const a = project(sh, '西门子医疗', '西门子股份公司');
  const b = project(sh, '西门子能源', '西门子（中国）有限公司');
  const x = call<InvestorRecord>(sh, 'investor.create', { nameZh: '西门子数字', aliases: [] });
  await exchange([sh, bj]);
  merge(sh, 'investor', a.investorId!, b.investorId!);
  merge(sh, 'investor', a.investorId!, x.id);
  // 北京 has not seen the merges: it renames one, and deletes then restores the other.
  call(bj, 'investor.update', { id: b.investorId, patch: { nameZh: '西门子中国' } });
  call(bj, 'contact.create', { investorId: x.id, name: '李工' });
  call(bj, 'contact.delete', {
    id: call<{ id: string }[]>(bj, 'contact.list', { investorId: x.id })[0]!.id,
  });
  call(bj, 'investor.delete', { id: x.id });
  call(bj, 'record.restore', { kind: 'investor', id: x.id });
  await exchange([sh, bj]);
  for (const r of [sh, bj]) {
    expect(investors(r)).toEqual(['西门子股份公司']);
    expect(ledger(r)).toEqual(['西门子医疗/西门子股份公司', '西门子能源/西门子股份公司']);
  }
  expectConverged([sh, bj]);
  // Undone, the renamed one comes back with 北京's name.
  call(bj, 'record.unmerge', { id: b.investorId });
  await exchange([sh, bj]);
  for (const r of [sh, bj]) {
    expect(investors(r)).toEqual(['西门子中国', '西门子股份公司']);
  }
  expectConverged([sh, bj]);
});

test('a merged-away record cannot be restored from the deleted list: it says to undo the merge', async () => {
  const [sh] = await offices('上海');
  const a = project(sh, '甲', '甲公司');
  const b = project(sh, '乙', '乙公司');
  merge(sh, 'project', a.id, b.id);
  merge(sh, 'investor', a.investorId!, b.investorId!);
  expect(refused(sh, 'record.restore', { kind: 'project', id: b.id })).toBe('MERGED_AWAY');
  expect(refused(sh, 'record.restore', { kind: 'investor', id: b.investorId })).toBe('MERGED_AWAY');
  expect(ledger(sh)).toEqual(['甲/甲公司']);
});

test('the survivor deleted, then the merge undone: the merged-away record comes back alone', async () => {
  const [sh, bj] = await offices('上海', '北京');
  const a = call<InvestorRecord>(sh, 'investor.create', { nameZh: '甲公司', aliases: [] });
  const b = project(sh, '乙', '乙公司');
  await exchange([sh, bj]);
  merge(sh, 'investor', a.id, b.investorId!);
  // The survivor now holds 乙's project, so it cannot be deleted until that project goes.
  expect(refused(sh, 'investor.delete', { id: a.id })).toBe('INVESTOR_HAS_PROJECTS');
  call(sh, 'project.delete', { id: b.id });
  call(sh, 'investor.delete', { id: a.id });
  await exchange([sh, bj]);
  expect(investors(bj)).toEqual([]);
  call(bj, 'record.unmerge', { id: b.investorId });
  await exchange([sh, bj]);
  for (const r of [sh, bj]) {
    expect(investors(r)).toEqual(['乙公司']);
    expect(ledger(r)).toEqual([]);
  }
  expectConverged([sh, bj]);
});

test('forged merges (into another kind, into itself, into nothing, into a deleted one) count nothing twice', async () => {
  const [sh, bj] = await offices('上海', '北京');
  const a = project(sh, '甲', '甲公司');
  const b = project(sh, '乙', '乙公司');
  const c = call<InvestorRecord>(sh, 'investor.create', { nameZh: '丙公司', aliases: [] });
  const gone = call<InvestorRecord>(sh, 'investor.create', { nameZh: '已删公司', aliases: [] });
  call(sh, 'investor.delete', { id: gone.id });
  await exchange([sh, bj]);
  // An altered app at 北京 writes merges the API refuses.
  bj.app.transact((tx) => {
    tx.mutate.update('investor', a.investorId!, { merged_into: b.id }); // a project
    tx.mutate.update('project', a.id, { merged_into: a.id }); // itself
    tx.mutate.update('project', b.id, { merged_into: '01900000-0000-7000-8000-00000000dead' });
    tx.mutate.update('investor', c.id, { merged_into: gone.id }); // a deleted investor
  });
  await exchange([sh, bj]);
  for (const r of [sh, bj]) {
    // Only the merge into the deleted one stands: 丙公司 goes with it, nothing else moves.
    expect(investors(r)).toEqual(['乙公司', '甲公司']);
    expect(ledger(r)).toEqual(['乙/乙公司', '甲/甲公司']);
  }
  expectConverged([sh, bj]);
  // Undone, 丙公司 is back.
  call(sh, 'record.unmerge', { id: c.id });
  await exchange([sh, bj]);
  for (const r of [sh, bj]) expect(investors(r)).toEqual(['丙公司', '乙公司', '甲公司']);
  expectConverged([sh, bj]);
});

test('a 本部 decision naming a claim of another subject, or no claim, moves no holder', async () => {
  const [hq, sh, bj] = await offices('本部', '上海', '北京');
  const a = project(sh, '甲', '甲公司');
  const b = project(sh, '乙', '乙公司');
  await exchange([hq, sh, bj]);
  const onA = call<{ id: string }>(sh, 'claim.add', { investorId: a.investorId, reported: '首报' });
  bj.clock.ms += 60_000;
  const onB = call<{ id: string }>(bj, 'claim.add', { investorId: b.investorId, reported: '首报' });
  const laterOnA = call<{ id: string }>(bj, 'claim.add', {
    investorId: a.investorId,
    reported: '北京也谈过',
  });
  await exchange([hq, sh, bj]);
  expect(call<ClaimList>(hq, 'claim.list', {}).arbitration).toHaveLength(1);
  // A careless or altered 本部 app writes decisions the API would not.
  hq.app.transact((tx) => {
    tx.mutate.put('claim_decision', a.investorId!, { claim_id: onB.id, deleted: 0 });
    tx.mutate.put('claim_decision', b.investorId!, { claim_id: 'no-such-claim', deleted: 0 });
  });
  await exchange([hq, sh, bj]);
  for (const r of [hq, sh, bj]) {
    const list = call<ClaimList>(r, 'claim.list', {});
    const holder = (id: string) => list.holders.find((h) => h.subjectId === id);
    expect(holder(a.investorId!)).toMatchObject({ claimId: onA.id, by: 'first' });
    expect(holder(b.investorId!)).toMatchObject({ claimId: onB.id, by: 'first' });
    // The dispute on 甲公司 is still open.
    expect(list.arbitration.map((c) => c.challengers.map((x) => x.id))).toEqual([[laterOnA.id]]);
  }
  expectConverged([hq, sh, bj]);
  // The API refuses a decision naming an unknown claim.
  expect(refused(hq, 'claim.decide', { claimId: '01900000-0000-7000-8000-000000000000' })).toBe(
    'NOT_FOUND',
  );
});

test('a claim made offline on a record merged elsewhere follows the survivor, held once', async () => {
  const [hq, sh, bj] = await offices('本部', '上海', '北京');
  const a = project(sh, '西门子医疗', '西门子股份公司');
  const b = project(bj, '西门子能源', '西门子（中国）有限公司');
  await exchange([hq, sh, bj]);
  call(sh, 'claim.add', { investorId: a.investorId, reported: '上海首报' });
  merge(sh, 'investor', a.investorId!, b.investorId!);
  bj.clock.ms += 60_000;
  const late = call<{ id: string }>(bj, 'claim.add', {
    investorId: b.investorId,
    reported: '北京首报',
  });
  await exchange([hq, sh, bj]);
  for (const r of [hq, sh, bj]) {
    const list = call<ClaimList>(r, 'claim.list', {});
    expect(list.holders.map((h) => h.subjectId)).toEqual([a.investorId]);
    expect(list.claims.map((c) => c.subjectId)).toEqual([a.investorId, a.investorId]);
    expect(list.arbitration.map((c) => c.challengers.map((x) => x.id))).toEqual([[late.id]]);
  }
  expectConverged([hq, sh, bj]);
});

test('"not the same" rows naming unknown records, forged, list and break nothing', async () => {
  const [sh, bj] = await offices('上海', '北京');
  project(sh, '西门子医疗', '西门子股份公司');
  project(bj, '西门子能源', '西门子股份公司');
  await exchange([sh, bj]);
  const before = call<SuspectList>(bj, 'suspects.list', {});
  expect(before.suspects.length).toBeGreaterThan(0);
  sh.app.transact((tx) => {
    tx.mutate.put('not_duplicate', 'investor:x:y', {
      kind: 'investor',
      a_id: '01900000-0000-7000-8000-000000000001',
      b_id: '01900000-0000-7000-8000-000000000002',
      deleted: 0,
    });
  });
  await exchange([sh, bj]);
  expect(call<SuspectList>(bj, 'suspects.list', {})).toEqual(before);
  expectConverged([sh, bj]);
});

test('contacts of two merged investors merge too; the investor merge undone keeps that merge', async () => {
  const [sh, bj] = await offices('上海', '北京');
  const a = project(sh, '西门子医疗', '西门子股份公司');
  const b = project(bj, '西门子能源', '西门子（中国）有限公司');
  const ca = call<{ id: string }>(sh, 'contact.create', {
    investorId: a.investorId,
    name: '王经理',
  });
  const cb = call<{ id: string }>(bj, 'contact.create', {
    investorId: b.investorId,
    name: '王经理',
    phone: '13800000000',
  });
  await exchange([sh, bj]);
  merge(sh, 'investor', a.investorId!, b.investorId!);
  const merged = merge(sh, 'contact', ca.id, cb.id);
  expect(merged.fields).toEqual(['phone']);
  await exchange([sh, bj]);
  const contacts = (r: Replica, investorId: string) =>
    call<{ name: string; phone: string | null }[]>(r, 'contact.list', { investorId });
  for (const r of [sh, bj]) {
    expect(contacts(r, a.investorId!)).toMatchObject([{ name: '王经理', phone: '13800000000' }]);
  }
  expectConverged([sh, bj]);
  call(bj, 'record.unmerge', { id: b.investorId });
  await exchange([sh, bj]);
  for (const r of [sh, bj]) {
    // The contact stays merged, on 西门子股份公司 where the kept one is.
    expect(contacts(r, a.investorId!)).toHaveLength(1);
    expect(contacts(r, b.investorId!)).toEqual([]);
  }
  expectConverged([sh, bj]);
});

test('the CLI refuses an investor merged into a project, and a merged-away record, in Chinese', async () => {
  const bundle = buildCli('merge-review');
  const db = join(tempDir(), 'merge-review.sqlite');
  const cli = (...args: string[]) => runCli(bundle, ['--db', db, ...args]);
  expect((await cli('init', '--office', '上海', '--user', '张三')).code).toBe(0);
  const add = async (project: object) => {
    const id = (await cli('project', 'add', '--json', JSON.stringify(project))).stdout.trim();
    return JSON.parse((await cli('project', 'get', id, '--json')).stdout) as {
      id: string;
      investorId: string;
    };
  };
  const a = await add({ name: '甲', investor: '甲公司' });
  const b = await add({ name: '乙', investor: '乙公司' });
  const wrong = await cli('merge', 'investor', a.investorId, b.id);
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain(`只能合并同一类记录`);
  expect(wrong.stderr).toContain(`${b.id} 是项目，不是投资方`);
  expect((await cli('merge', 'investor', a.investorId, b.investorId)).code).toBe(0);
  const again = await cli('merge', 'investor', b.investorId, a.investorId);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('已并入「甲公司」');
  const twice = await cli('unmerge', a.investorId);
  expect(twice.stderr).toContain('这条记录没有被合并');
}, 60_000);

test('a claim over the length limit, or with a share over 100, is refused and writes nothing', async () => {
  const [sh] = await offices('上海');
  const a = project(sh, '甲', '甲公司');
  expect(refused(sh, 'claim.add', { investorId: a.investorId, reported: '长'.repeat(2001) })).toBe(
    'VALIDATION',
  );
  expect(
    refused(sh, 'claim.add', {
      projectId: a.id,
      reported: '以商引商',
      role: 'referrer',
      share: 101,
    }),
  ).toBe('VALIDATION');
  expect(
    refused(sh, 'claim.add', { investorId: a.investorId, projectId: a.id, reported: '两个都填' }),
  ).toBe('VALIDATION');
  // Shares of one subject add up to 100% at most.
  const share = (role: string, n: number) => ({
    projectId: a.id,
    reported: '分成',
    role,
    share: n,
  });
  call(sh, 'claim.add', share('referrer', 60));
  expect(refused(sh, 'claim.add', share('agent', 50))).toBe('CLAIM_SHARES');
  call(sh, 'claim.add', share('agent', 40));
  expect(refused(sh, 'claim.add', share('referrer', 1))).toBe('CLAIM_SHARES');
});

test("本部's decision holds after the office that lost it merges the subject into another", async () => {
  const [hq, sh, bj] = await offices('本部', '上海', '北京');
  const x = project(sh, '西门子医疗', '西门子（中国）有限公司');
  const y = project(sh, '西门子能源', '西门子股份公司');
  await exchange([hq, sh, bj]);
  call(sh, 'claim.add', { investorId: x.investorId, reported: '上海首报' });
  bj.clock.ms += 60_000;
  const fromBj = call<{ id: string }>(bj, 'claim.add', {
    investorId: x.investorId,
    reported: '北京首报',
  });
  await exchange([hq, sh, bj]);
  hq.clock.ms += 120_000;
  call(hq, 'claim.decide', { claimId: fromBj.id, note: '北京先行接洽' });
  await exchange([hq, sh, bj]);
  // 上海 merges the decided investor into another one: the decision follows it.
  merge(sh, 'investor', y.investorId!, x.investorId!);
  await exchange([hq, sh, bj]);
  for (const r of [hq, sh, bj]) {
    const list = call<ClaimList>(r, 'claim.list', {});
    expect(list.holders).toEqual([
      expect.objectContaining({ subjectId: y.investorId, claimId: fromBj.id, by: 'decided' }),
    ]);
    expect(list.arbitration).toEqual([]);
  }
  expectConverged([hq, sh, bj]);
  // Undone, the decision is the merged-away investor's again.
  call(sh, 'record.unmerge', { id: x.investorId });
  await exchange([hq, sh, bj]);
  for (const r of [hq, sh, bj]) {
    expect(call<ClaimList>(r, 'claim.list', {}).holders).toEqual([
      expect.objectContaining({ subjectId: x.investorId, claimId: fromBj.id, by: 'decided' }),
    ]);
  }
});

test('one record merged into two different ones at two offices: the later stands, the 冲突 can choose', async () => {
  const [sh, bj] = await offices('上海', '北京');
  const x = project(sh, '西门子医疗', '西门子中国');
  const y = project(sh, '西门子能源', '西门子股份公司');
  const z = project(sh, '西门子数字', '西门子（德国）');
  await exchange([sh, bj]);
  merge(sh, 'investor', y.investorId!, x.investorId!);
  bj.clock.ms += 60_000;
  merge(bj, 'investor', z.investorId!, x.investorId!);
  await exchange([sh, bj]);
  const conflicts = (r: Replica) =>
    call<{ id: string; column: string; rowLabel: string; resolved: boolean }[]>(
      r,
      'sync.conflicts',
      {},
    ).filter((c) => !c.resolved);
  for (const r of [sh, bj]) {
    expect(investors(r)).toEqual(['西门子股份公司', '西门子（德国）']);
    expect(investorOf(r, x.id)).toBe(z.investorId);
    expect(ledger(r)).toHaveLength(3);
    // Both offices are shown the two merges of 西门子中国 as a 冲突 on its merged_into.
    expect(conflicts(r)).toMatchObject([{ column: 'merged_into', rowLabel: '西门子中国' }]);
  }
  expectConverged([sh, bj]);
  // 上海's merge chosen: 西门子中国 and its project go to 西门子股份公司 everywhere.
  call(sh, 'sync.resolve', { id: conflicts(sh)[0]!.id, choose: 'a' });
  await exchange([sh, bj]);
  for (const r of [sh, bj]) {
    expect(investors(r)).toEqual(['西门子股份公司', '西门子（德国）']);
    expect(investorOf(r, x.id)).toBe(y.investorId);
    expect(ledger(r)).toHaveLength(3);
    expect(conflicts(r)).toEqual([]);
  }
  expectConverged([sh, bj]);
});

test("a merged-away investor's name typed after its survivor was deleted makes a live investor", async () => {
  const [sh] = await offices('上海');
  const a = call<InvestorRecord>(sh, 'investor.create', { nameZh: '甲公司', aliases: [] });
  const b = call<InvestorRecord>(sh, 'investor.create', { nameZh: '乙公司', aliases: [] });
  merge(sh, 'investor', a.id, b.id);
  call(sh, 'investor.delete', { id: a.id });
  const p = project(sh, '新项目', '乙公司');
  const investor = call<InvestorRecord>(sh, 'investor.get', { id: p.investorId });
  expect(investor.nameZh).toBe('乙公司');
  expect(ledger(sh)).toEqual(['新项目/乙公司']);
});
