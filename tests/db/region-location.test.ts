// Issue 17 points 1 and 2 on hand-made data, answers worked out by hand: a project's region follows
// its investor group's ultimate parent (three levels), its own country overrides (flagged when it
// differs), a change high in the group re-derives every project below; 中国香港/台湾/澳门 are never
// provinces; 市外内资 counts domestic money whose investor or project is not in 嘉兴市, with the
// arrival's override; an old database file (schema 008) is migrated.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { migrationProvider } from '../../db/migrations/index';
import { regionMismatches } from '../../db/services/region-checks';
import type { Dashboard } from '../../domain/dashboard';
import type { ArrivalRecord, InvestorRecord } from '../../domain/entities';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb, tempDir } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const investor = (fields: Record<string, unknown>) =>
  expectOk(dispatchSync(app, 'investor.create', fields)) as InvestorRecord;
const updateInvestor = (id: string, patch: Record<string, unknown>) =>
  dispatchSync(app, 'investor.update', { id, patch });
const project = (fields: Record<string, unknown>) =>
  expectOk(dispatchSync(app, 'project.create', fields)) as ProjectRecord;
const get = (id: string) => expectOk(dispatchSync(app, 'project.get', { id })) as ProjectRecord;
const arrive = (projectId: string, fields: Record<string, unknown>) =>
  expectOk(dispatchSync(app, 'arrival.create', { projectId, ...fields })) as ArrivalRecord;
const domesticCapital = () => {
  const board = expectOk(dispatchSync(app, 'dashboard.get', { year: 2021 })) as Dashboard;
  return board.metrics.find((m) => m.key === 'domestic_capital')!.actual;
};

describe('region by the investor group’s ultimate parent', () => {
  // 西门子股份公司 (DE) ← 西门子（中国）(CN) ← 西门子能源嘉兴 (no HQ): three levels, top is German.
  function group() {
    const top = investor({ nameZh: '西门子股份公司', hqCountry: 'DE' });
    const china = investor({ nameZh: '西门子（中国）有限公司', hqCountry: 'CN', parent: top.id });
    const local = investor({
      nameZh: '西门子能源嘉兴有限公司',
      parent: '西门子（中国）有限公司',
      province: '浙江',
      city: '嘉兴市',
    });
    return { top, china, local };
  }

  test('three levels: the region is the top parent’s HQ (德日), not the arm’s (CN)', () => {
    const { top, local } = group();
    expect(local.parentInvestorId).not.toBeNull();
    const p = project({ name: '储能项目', investorId: local.id });
    expect(get(p.id)).toMatchObject({
      region: 'de_jp',
      regionSource: 'group',
      groupCountry: 'DE',
      groupCountryName: '德国',
      groupParent: top.nameZh,
      country: null,
      regionMismatch: false,
    });
  });

  test('the project’s own country overrides; a country other than the group’s is flagged', () => {
    const { local } = group();
    const us = project({ name: '美国团队项目', investorId: local.id, country: 'US' });
    const de = project({ name: '德国团队项目', investorId: local.id, country: 'DE' });
    expect(get(us.id)).toMatchObject({
      region: 'eu_us',
      regionSource: 'override',
      groupCountry: 'DE',
      regionMismatch: true,
    });
    expect(get(de.id)).toMatchObject({ region: 'de_jp', regionSource: 'override' });
    expect(get(de.id).regionMismatch).toBe(false);
    // The data-quality view's query lists the one that differs.
    const listed = app.transact((tx) => regionMismatches(tx), { write: false });
    expect(listed).toEqual([
      { id: us.id, name: '美国团队项目', country: 'US', groupCountry: 'DE' },
    ]);
  });

  test('a change at the top or in the middle re-derives every project below', () => {
    const { top, china, local } = group();
    const p = project({ name: '储能项目', investorId: local.id });
    const q = project({ name: '中国区项目', investorId: china.id });
    expectOk(updateInvestor(top.id, { hqCountry: 'US' }));
    expect([get(p.id).region, get(q.id).region]).toEqual(['eu_us', 'eu_us']);
    // Cut the middle from the top: 西门子（中国） is now its own top, headquartered in China.
    expectOk(updateInvestor(china.id, { parent: null }));
    expect(get(p.id)).toMatchObject({ region: 'domestic', groupCountry: 'CN' });
    expect(get(q.id)).toMatchObject({ region: 'domestic', groupParent: null });
  });

  test('the form’s 母公司 by name links the investor on record; another name stays text', () => {
    const { top } = group();
    const arm = investor({ nameZh: '博世（苏州）', parentName: '西门子股份公司' });
    expect(arm).toMatchObject({ parentInvestorId: top.id, parentName: '西门子股份公司' });
    const p = project({ name: '苏州项目', investorId: arm.id });
    expect(get(p.id)).toMatchObject({ region: 'de_jp', groupParent: '西门子股份公司' });
    const other = investor({ nameZh: '某公司', parentName: '未录入的集团' });
    expect(other).toMatchObject({ parentInvestorId: null, parentName: '未录入的集团' });
    // Renamed to text only: the link goes, the region falls back to the investor itself.
    expectOk(updateInvestor(arm.id, { parentName: '另一个集团' }));
    expect(get(p.id)).toMatchObject({ region: null, groupParent: null });
  });

  test('a parent below the investor itself is refused; an unknown parent too', () => {
    const { top, local } = group();
    const cycle = updateInvestor(top.id, { parent: local.id });
    expect(cycle).toMatchObject({ ok: false, code: 'PARENT_CYCLE' });
    const unknown = dispatchSync(app, 'investor.create', { nameZh: '甲', parent: '不存在的集团' });
    expect(unknown).toMatchObject({ ok: false, code: 'PARENT_NOT_FOUND' });
  });

  test('a cycle that arrives anyway (by sync) does not hang the walk', () => {
    const a = investor({ nameZh: '甲集团', hqCountry: 'JP' });
    const b = investor({ nameZh: '乙公司', parent: a.id });
    const p = project({ name: '环形项目', investorId: b.id });
    // Two offices each set the other's parent: written as sync would, past the service's check.
    app.transact((tx) => tx.mutate.update('investor', a.id, { parent_investor_id: b.id }));
    // The walk from 乙 goes 乙 → 甲 and stops before 乙 again: 甲 (JP) is the top.
    expect(get(p.id)).toMatchObject({ region: 'de_jp', groupCountry: 'JP' });
  });
});

describe('中国香港, 中国台湾 and 中国澳门', () => {
  test('are refused as provinces, with where to write them instead', () => {
    for (const [province, name] of [
      ['香港', '中国香港'],
      ['台湾', '中国台湾'],
      ['澳门特别行政区', '中国澳门'],
    ]) {
      const r = dispatchSync(app, 'project.create', { name: 'x', province });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(`${name}不是省份`);
      const i = dispatchSync(app, 'investor.create', { nameZh: 'y', province });
      expect(i.ok).toBe(false);
    }
  });

  test('are countries/regions of 韩新港台, as a project’s country or a group’s HQ', () => {
    expect(get(project({ name: '澳门项目', country: 'MO' }).id).region).toBe('kr_sg_hk_tw');
    expect(get(project({ name: '香港项目', country: 'HK' }).id).region).toBe('kr_sg_hk_tw');
    const tw = investor({ nameZh: '台积电', hqCountry: 'TW' });
    const arm = investor({ nameZh: '台积电（中国）', parent: tw.id, hqCountry: 'CN' });
    expect(get(project({ name: '台资项目', investorId: arm.id }).id)).toMatchObject({
      region: 'kr_sg_hk_tw',
      groupCountryName: '中国台湾',
    });
  });
});

describe('市外内资 by city', () => {
  // 嘉兴本地集团 (浙江 嘉兴市) and 上海某集团 (上海 上海市), one domestic project each, arrivals in 2021:
  //   嘉兴 project: 3亿 (derived 市内: not counted) + 0.5亿 ticked 市外 (override: counted)
  //   上海 project: 2亿 (derived 市外: counted)   + 0.1亿 ticked 市内 (override: not counted)
  // 市外内资 2021 = 2亿 + 0.5亿 = 250,000,000 元.
  function data() {
    const jx = investor({ nameZh: '嘉兴本地集团', province: '浙江', city: '嘉兴市' });
    const sh = investor({ nameZh: '上海某集团', province: '上海', city: '上海市' });
    const pj = project({ name: '嘉兴项目', investorId: jx.id, capitalType: '内资' });
    const ps = project({ name: '上海项目', investorId: sh.id, capitalType: '内资' });
    const a = arrive(pj.id, { arrivedOn: '2021-05-10', amount: 300_000_000, currency: 'CNY' });
    arrive(pj.id, {
      arrivedOn: '2021-06-01',
      amount: 50_000_000,
      currency: 'CNY',
      outsideCity: true,
    });
    const b = arrive(ps.id, { arrivedOn: '2021-06-01', amount: 200_000_000, currency: 'CNY' });
    arrive(ps.id, {
      arrivedOn: '2021-07-01',
      amount: 10_000_000,
      currency: 'CNY',
      outsideCity: false,
    });
    return { jx, sh, pj, ps, a, b };
  }

  test('only the non-嘉兴 investor’s money and the ticked override count', () => {
    const { pj, ps, a, b } = data();
    expect(a).toMatchObject({ kind: 'domestic', outsideCity: null, outsideCounted: false });
    expect(b).toMatchObject({ kind: 'domestic', outsideCity: null, outsideCounted: true });
    expect(get(pj.id).outsideCityDerived).toBe(false);
    expect(get(ps.id).outsideCityDerived).toBe(true);
    expect(domesticCapital()).toBe(250_000_000);
  });

  test('the investor moving out of 嘉兴 re-derives its arrivals; a project city of its own wins', () => {
    const { jx, pj } = data();
    expectOk(updateInvestor(jx.id, { province: '浙江', city: '杭州市' }));
    // + the 3亿 arrival: 250,000,000 + 300,000,000.
    expect(domesticCapital()).toBe(550_000_000);
    // The project itself is in 嘉兴 (海宁市 is a county-level city of 嘉兴): back to 市内.
    expectOk(dispatchSync(app, 'project.update', { id: pj.id, patch: { city: '海宁市' } }));
    expect(domesticCapital()).toBe(250_000_000);
    // The project's own override 市外 counts it again, whatever its city.
    expectOk(dispatchSync(app, 'project.update', { id: pj.id, patch: { outsideCity: true } }));
    expect(domesticCapital()).toBe(550_000_000);
  });

  test('an arrival’s kind follows the project: 外资 → 实到外资', () => {
    const de = investor({ nameZh: '博世', hqCountry: 'DE' });
    const p = project({ name: '博世项目', investorId: de.id, capitalType: '外资' });
    const a = arrive(p.id, { arrivedOn: '2021-03-01', amount: 1_000_000, currency: 'USD' });
    expect(a).toMatchObject({ kind: 'fdi', outsideCounted: false });
  });
});

describe('an old database file (schema 008) is migrated', () => {
  test('province 香港 becomes country HK; arrivals left unticked follow the city', async () => {
    const file = join(tempDir(), 'old.sqlite');
    const sqlite = new Database(file);
    const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const { error } = await new Migrator({ db: kysely, provider: migrationProvider }).migrateTo(
      '008-import-log-manifest',
    );
    expect(error).toBeUndefined();
    // Rows as version 008 wrote them: 香港 as a province, the 市外 box ticked or left unticked.
    sqlite.exec(`
      INSERT INTO project (id, name, province, capital_type, region, deleted)
        VALUES ('p-hk', '港资项目', 'hongkong', 'domestic', 'domestic', 0),
               ('p-tw', '台资项目', 'taiwan', NULL, 'domestic', 0),
               ('p-sh', '上海项目', 'shanghai', 'domestic', 'domestic', 0),
               ('p-zj', '浙江项目', 'zhejiang', 'domestic', 'domestic', 0);
      INSERT INTO capital_arrival (id, project_id, arrived_on, amount, currency, kind, outside_city, deleted)
        VALUES ('a1', 'p-sh', '2021-03-01', 100000000, 'CNY', 'domestic', 0, 0),
               ('a2', 'p-zj', '2021-03-01', 40000000, 'CNY', 'domestic', 1, 0),
               ('a3', 'p-zj', '2021-04-01', 7000000, 'CNY', 'domestic', 0, 0);`);
    sqlite.close();
    const old = await openAppDatabase(file);
    try {
      expectOk(dispatchSync(old, 'app.init', { user: '张三', office: '本部' }));
      const hk = expectOk(dispatchSync(old, 'project.get', { id: 'p-hk' })) as ProjectRecord;
      expect(hk).toMatchObject({ country: 'HK', province: null, region: 'kr_sg_hk_tw' });
      const tw = expectOk(dispatchSync(old, 'project.get', { id: 'p-tw' })) as ProjectRecord;
      expect(tw).toMatchObject({ country: 'TW', countryName: '中国台湾', region: 'kr_sg_hk_tw' });
      // a1: 上海 project, box unticked → derived 市外: counts. a2: ticked → counts (an override).
      // a3: 浙江 without a city → cannot tell → not counted. 100,000,000 + 40,000,000.
      const board = expectOk(dispatchSync(old, 'dashboard.get', { year: 2021 })) as Dashboard;
      expect(board.metrics.find((m) => m.key === 'domestic_capital')!.actual).toBe(140_000_000);
      const a2 = (
        expectOk(dispatchSync(old, 'arrival.list', { projectId: 'p-zj' })) as ArrivalRecord[]
      ).find((a) => a.id === 'a2');
      expect(a2).toMatchObject({ outsideCity: true, outsideCounted: true });
    } finally {
      old.close();
    }
  });
});
