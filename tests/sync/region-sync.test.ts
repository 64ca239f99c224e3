// Issue 17 across laptops, with real sync files: a change high in an investor group (the top
// parent's HQ, an arm's city) that arrives by sync re-derives the region and 市外内资 of every
// project below it on the receiving laptop, exactly as on the sender.
//   上海: 博世集团 (DE) ← 博世（中国）← 博世嘉兴 (浙江 嘉兴市); project 博世储能 under 博世嘉兴, 内资,
//   with a 2亿 domestic arrival in 2021. Both laptops: region 德日, 市外内资 0 (嘉兴).
//   本部 then moves 博世集团's HQ to US and 博世嘉兴 to 杭州市 → on 上海 after import: 欧美 (group
//   country US) and 市外内资 2亿. A 1亿 arrival of a 上海市 investor's project, made on 上海, counts
//   on 本部 once imported: 3亿.
import { afterEach, expect, test } from 'vitest';
import type { Dashboard } from '../../domain/dashboard';
import type { InvestorRecord } from '../../domain/entities';
import type { ProjectRecord } from '../../domain/project-input';
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

const domesticCapital = (r: Replica) =>
  call<Dashboard>(r, 'dashboard.get', { year: 2021 }).metrics.find(
    (m) => m.key === 'domestic_capital',
  )!.actual;

test('a parent’s HQ and an arm’s city changed on 本部 re-derive 上海’s projects on import', async () => {
  const sh = await replica('上海');
  const hq = await replica('本部');
  const files = tempDir();
  const top = call<InvestorRecord>(sh, 'investor.create', { nameZh: '博世集团', hqCountry: 'DE' });
  const mid = call<InvestorRecord>(sh, 'investor.create', {
    nameZh: '博世（中国）',
    parent: top.id,
    hqCountry: 'CN',
  });
  const local = call<InvestorRecord>(sh, 'investor.create', {
    nameZh: '博世嘉兴',
    parent: mid.id,
    province: '浙江',
    city: '嘉兴市',
  });
  const p = call<ProjectRecord>(sh, 'project.create', {
    name: '博世储能',
    investorId: local.id,
    capitalType: '内资',
  });
  call(sh, 'arrival.create', {
    projectId: p.id,
    arrivedOn: '2021-05-10',
    amount: 200_000_000,
    currency: 'CNY',
  });
  await importInto(hq, (await exportTo(sh, files, { for: '本部' })).file);
  for (const r of [sh, hq]) {
    expect(call<ProjectRecord>(r, 'project.get', { id: p.id })).toMatchObject({
      region: 'de_jp',
      groupCountry: 'DE',
    });
    expect(domesticCapital(r)).toBe(0);
  }

  call(hq, 'investor.update', { id: top.id, patch: { hqCountry: 'US' } });
  call(hq, 'investor.update', { id: local.id, patch: { city: '杭州市' } });
  expect(call<ProjectRecord>(hq, 'project.get', { id: p.id }).region).toBe('eu_us');
  expect(domesticCapital(hq)).toBe(200_000_000);

  await importInto(sh, (await exportTo(hq, files, { for: '上海' })).file);
  expect(call<ProjectRecord>(sh, 'project.get', { id: p.id })).toMatchObject({
    region: 'eu_us',
    groupCountry: 'US',
    outsideCityDerived: true,
  });
  expect(domesticCapital(sh)).toBe(200_000_000);

  // An arrival that arrives by sync counts as its project's city says: + 1亿 from 上海市.
  const shInvestor = call<InvestorRecord>(sh, 'investor.create', {
    nameZh: '上海某公司',
    province: '上海',
    city: '上海市',
  });
  const q = call<ProjectRecord>(sh, 'project.create', {
    name: '上海项目',
    investorId: shInvestor.id,
  });
  call(sh, 'arrival.create', {
    projectId: q.id,
    arrivedOn: '2021-06-01',
    amount: 100_000_000,
    currency: 'CNY',
  });
  await importInto(hq, (await exportTo(sh, files, { for: '本部' })).file);
  expect(domesticCapital(hq)).toBe(300_000_000);
});
