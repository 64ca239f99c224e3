// 首报首谈 across offices (issue 18, point 4): the first holder claim by the zone clock holds the
// subject at every replica whatever order files arrive in; a later claim by another office waits in
// 本部's arbitration list; 本部's decision syncs and wins; an office cannot decide, and a forged
// decision in its file is refused; a claim on a merged-away investor moves to the survivor.
import { afterAll, describe, expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import type { ClaimList } from '../../domain/claims';
import type { SyncImportReport } from '../../domain/sync';
import { tempDir } from '../helpers';
import { call, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterAll(() => open.forEach((r) => r.app.close()));

async function replica(office: string) {
  const r = await openReplica(office);
  open.push(r);
  return r;
}

const claims = (r: Replica) => call<ClaimList>(r, 'claim.list', {});
const holderOf = (r: Replica, subjectId: string) =>
  claims(r).holders.find((h) => h.subjectId === subjectId);

describe('首报首谈 claims', () => {
  test('the first claim by zone clock holds everywhere; 本部 decides; offices cannot', async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    const bj = await replica('北京');
    const dir = tempDir();
    const investorId = call<{ id: string }>(hq, 'investor.create', { nameZh: '某某集团' }).id;
    const full = (await exportTo(hq, dir, { full: true })).file;
    await importInto(sh, full);
    await importInto(bj, full);

    sh.clock.ms += 60_000;
    bj.clock.ms += 120_000;
    const first = call<{ id: string }>(sh, 'claim.add', {
      investorId,
      reported: '投资意向：新建工厂，约 2 亿美元',
    }).id;
    const later = call<{ id: string }>(bj, 'claim.add', {
      investorId,
      reported: '联系人：王总',
    }).id;
    const fromSh = (await exportTo(sh, dir, { for: '本部' })).file;
    const fromBj = (await exportTo(bj, dir, { for: '本部' })).file;
    // Opposite orders at 本部 and at the two offices.
    await importInto(hq, fromBj);
    await importInto(hq, fromSh);
    await importInto(sh, fromBj);
    await importInto(bj, fromSh);
    for (const r of [hq, sh, bj]) {
      expect(holderOf(r, investorId)).toMatchObject({
        claimId: first,
        officeId: 'shanghai',
        by: 'first',
      });
    }
    const [dispute] = claims(hq).arbitration;
    expect(dispute).toMatchObject({
      subjectId: investorId,
      holder: { id: first, officeId: 'shanghai', reported: '投资意向：新建工厂，约 2 亿美元' },
      challengers: [{ id: later, officeId: 'beijing', projects: 0, activities: 0 }],
    });
    expect(call<unknown[]>(bj, 'claim.arbitration')).toHaveLength(1);

    // An office cannot decide; a forged decision (the local check bypassed) is refused by 本部.
    expect(dispatchSync(sh.app, 'claim.decide', { claimId: first })).toMatchObject({
      ok: false,
      code: 'HQ_ONLY',
    });
    const sz = await replica('深圳');
    await importInto(sz, (await exportTo(hq, dir, { full: true })).file);
    sz.app.setMeta('zone_role', 'hq');
    call(sz, 'claim.decide', { claimId: first, note: '深圳自定' });
    sz.app.setMeta('zone_role', 'office');
    const forged: SyncImportReport = await importInto(
      hq,
      (await exportTo(sz, dir, { for: '本部' })).file,
    );
    expect(forged.refused).toBe(1);
    expect(hq.app.sqlite.prepare('SELECT COUNT(*) FROM claim_decision').pluck().get()).toBe(0);

    // 本部 decides for 北京: the decision syncs and wins, and the dispute is closed.
    hq.clock.ms += 180_000;
    call(hq, 'claim.decide', { claimId: later, note: '北京先行接洽' });
    await importInto(bj, (await exportTo(hq, dir, { for: '北京' })).file);
    await importInto(sh, (await exportTo(hq, dir, { for: '上海' })).file);
    for (const r of [hq, sh, bj]) {
      expect(holderOf(r, investorId)).toMatchObject({ claimId: later, by: 'decided' });
      expect(claims(r).arbitration).toEqual([]);
    }

    // A claim made after the decision reopens arbitration.
    sh.clock.ms += 240_000;
    call(sh, 'claim.add', { investorId, reported: '又一次洽谈' });
    await importInto(hq, (await exportTo(sh, dir, { for: '本部' })).file);
    expect(claims(hq).arbitration).toHaveLength(1);
    expect(holderOf(hq, investorId)).toMatchObject({ claimId: later, by: 'decided' });
  });

  test('a claim on a merged-away investor moves to the survivor', async () => {
    const hq = await replica('本部');
    const keep = call<{ id: string }>(hq, 'investor.create', { nameZh: '西门子股份公司' }).id;
    const other = call<{ id: string }>(hq, 'investor.create', { nameZh: '西门子（中国）' }).id;
    const id = call<{ id: string }>(hq, 'claim.add', {
      investorId: other,
      reported: '首次接洽',
    }).id;
    call(hq, 'record.merge', { kind: 'investor', keep, other });
    const list = claims(hq);
    expect(list.claims.find((c) => c.id === id)?.subjectId).toBe(keep);
    expect(holderOf(hq, keep)?.claimId).toBe(id);
  });

  test('refusals: no subject, both subjects, a share missing', async () => {
    const hq = await replica('本部');
    const investorId = call<{ id: string }>(hq, 'investor.create', { nameZh: '某集团' }).id;
    for (const input of [
      { reported: 'x' },
      { investorId, projectId: investorId, reported: 'x' },
      { investorId, reported: 'x', role: 'referrer' },
      { investorId: 'nope', reported: 'x' },
    ]) {
      expect(dispatchSync(hq.app, 'claim.add', input)).toMatchObject({ ok: false });
    }
  });
});

test('projects over 本部 thresholds without a holder claim; only 本部 sets the thresholds', async () => {
  const hq = await replica('本部');
  const sh = await replica('上海');
  expect(
    dispatchSync(sh.app, 'claim.setThresholds', { industrialCny: 1, foreignUsd: 1 }),
  ).toMatchObject({
    ok: false,
    code: 'HQ_ONLY',
  });
  const big = call<{ id: string }>(hq, 'project.create', {
    name: '大项目',
    industrial: true,
    totalInvestment: 2_000_000_000,
    investmentCurrency: 'CNY',
  }).id;
  call(hq, 'project.create', {
    name: '小项目',
    industrial: true,
    totalInvestment: 5_000_000,
    investmentCurrency: 'CNY',
  });
  const unclaimed = () => call<{ id: string }[]>(hq, 'claim.unclaimed').map((p) => p.id);
  expect(unclaimed()).toEqual([big]);
  call(hq, 'claim.setThresholds', { industrialCny: 3_000_000_000, foreignUsd: 10_000_000 });
  expect(unclaimed()).toEqual([]);
  call(hq, 'claim.setThresholds', { industrialCny: 1_000_000_000, foreignUsd: 10_000_000 });
  call(hq, 'claim.add', { projectId: big, reported: '首次接洽' });
  expect(unclaimed()).toEqual([]);
});
