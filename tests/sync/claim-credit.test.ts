// 首报首谈 credit in the ranking (issue 18, point 4): with no claim the credit is the signings
// themselves; a holder claim on the investor moves its projects' credit to the holder's office and
// promoter and reorders the ranking while the signing counts stay; 以商引商 and 委托招商 shares made
// offline at two offices that add up to over 100% are scaled to 100 at every replica, the holder
// left nothing.
import { afterAll, describe, expect, test } from 'vitest';
import type { Dashboard, RankingRow } from '../../domain/dashboard';
import { tempDir } from '../helpers';
import { call, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const YI = 100_000_000;
const open: Replica[] = [];
afterAll(() => open.forEach((r) => r.app.close()));

async function replica(office: string) {
  const r = await openReplica(office);
  open.push(r);
  return r;
}

const ranking = (r: Replica) =>
  call<Dashboard>(r, 'dashboard.get', { year: 2021, asOf: '2021-12-31' }).ranking;
const row = (rows: RankingRow[], id: string) => rows.find((x) => x.id === id)!;
const promoterId = (r: Replica, name: string) =>
  r.app.sqlite.prepare('SELECT id FROM promoter WHERE name = ?').pluck().get(name) as string;

function signed(
  r: Replica,
  name: string,
  investor: string,
  office: string,
  owner: string,
  yi: number,
) {
  return call<{ id: string; investorId: string }>(r, 'project.create', {
    name,
    investor,
    country: 'DE',
    office,
    owner,
    totalInvestmentCny: yi * YI,
    stage: 'signed',
    signedOn: '2021-03-01',
  });
}

describe('首报首谈 credit in the ranking', () => {
  test('holder and shares move credit, not counts; shares over 100% scale alike everywhere', async () => {
    const hq = await replica('本部');
    const sh = await replica('上海');
    const bj = await replica('北京');
    const dir = tempDir();
    const a = signed(hq, '甲项目', '甲集团', '上海', '李明', 10);
    signed(hq, '乙项目', '乙集团', '北京', '王芳', 2);
    signed(hq, '丙项目', '丙集团', '上海', '李明', 5);

    // No claim: the credit is the signings.
    let { offices, promoters } = ranking(hq);
    for (const r of [...offices, ...promoters]) {
      expect(r.credit).toEqual({
        signed: r.signed,
        totalCny: r.totalCny,
        contractedFdiUsd: r.contractedFdiUsd,
      });
    }
    expect(offices.slice(0, 2).map((o) => o.id)).toEqual(['shanghai', 'beijing']);

    // 北京's 王芳 holds 甲集团 first: 甲项目's credit goes to her, the counts stay with 上海.
    const full = (await exportTo(hq, dir, { full: true })).file;
    await importInto(sh, full);
    await importInto(bj, full);
    const li = promoterId(hq, '李明');
    const wang = promoterId(hq, '王芳');
    bj.clock.ms += 60_000;
    call(bj, 'claim.add', {
      investorId: a.investorId,
      promoterId: wang,
      reported: '投资意向：新建工厂',
    });
    await importInto(hq, (await exportTo(bj, dir, { for: '本部' })).file);
    ({ offices, promoters } = ranking(hq));
    expect(row(offices, 'shanghai')).toMatchObject({
      signed: 2,
      totalCny: 15 * YI,
      credit: { signed: 1, totalCny: 5 * YI },
    });
    expect(row(offices, 'beijing')).toMatchObject({
      signed: 1,
      credit: { signed: 2, totalCny: 12 * YI },
    });
    expect(offices[0]!.id).toBe('beijing');
    expect(row(promoters, wang).credit).toMatchObject({ signed: 2, totalCny: 12 * YI });
    expect(row(promoters, li).credit).toMatchObject({ signed: 1, totalCny: 5 * YI });

    // Offline, 上海 takes a 60% 以商引商 share of 甲项目 and 北京 a 60% 委托招商 share: each is
    // within 100% where it is made, 120% together, scaled to 50% each; the holder keeps nothing.
    sh.clock.ms += 120_000;
    call(sh, 'claim.add', {
      projectId: a.id,
      promoterId: li,
      reported: '引荐',
      role: 'referrer',
      share: 60,
    });
    bj.clock.ms += 120_000;
    call(bj, 'claim.add', {
      projectId: a.id,
      promoterId: wang,
      reported: '委托',
      role: 'agent',
      share: 60,
    });
    const fromSh = (await exportTo(sh, dir, { for: '本部' })).file;
    const fromBj = (await exportTo(bj, dir, { for: '本部' })).file;
    await importInto(hq, fromSh);
    await importInto(hq, fromBj);
    await importInto(sh, fromBj);
    await importInto(bj, fromSh);
    for (const r of [hq, sh, bj]) {
      offices = ranking(r).offices;
      expect(row(offices, 'shanghai').credit).toEqual({
        signed: 1.5,
        totalCny: 10 * YI,
        contractedFdiUsd: 0,
      });
      expect(row(offices, 'beijing').credit).toEqual({
        signed: 1.5,
        totalCny: 7 * YI,
        contractedFdiUsd: 0,
      });
      expect(row(offices, 'shanghai').signed).toBe(2);
      expect(offices[0]!.id).toBe('shanghai');
    }
  });

  test('a referrer with no signings of their own ranks by their share', async () => {
    const hq = await replica('本部');
    const p = signed(hq, '丁项目', '丁集团', '上海', '李明', 4);
    signed(hq, '戊项目', '戊集团', '深圳', '赵强', 1);
    const zhou = call<{ id: string }>(hq, 'project.create', {
      name: '周某跟进的意向项目',
      investor: '己集团',
      country: 'DE',
      office: '北京',
      owner: '周伟',
    });
    expect(zhou.id).toBeTruthy();
    call(hq, 'claim.add', {
      projectId: p.id,
      officeId: 'beijing',
      promoterId: promoterId(hq, '周伟'),
      reported: '以商引商：由丙集团引荐',
      role: 'referrer',
      share: 25,
    });
    const { offices, promoters } = ranking(hq);
    expect(row(promoters, promoterId(hq, '周伟'))).toMatchObject({
      signed: 0,
      office: 'beijing',
      credit: { signed: 0.25, totalCny: 1 * YI },
    });
    expect(row(promoters, promoterId(hq, '李明')).credit).toMatchObject({
      signed: 0.75,
      totalCny: 3 * YI,
    });
    expect(row(offices, 'beijing').credit.totalCny).toBe(1 * YI);
    expect(row(offices, 'shenzhen').credit.totalCny).toBe(1 * YI);
  });
});
