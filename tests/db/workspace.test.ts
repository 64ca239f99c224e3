import { writeFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import { dailyBackup } from '../../db/services/backup-daily';
import { backupDir } from '../../db/services/backups';
import type { ProjectRecord } from '../../domain/project-input';
import type { BackupInfo } from '../../domain/backups';
import type { CaptureRecord } from '../../domain/captures';
import type { HistoryEntry } from '../../domain/history';
import type { SimilarInvestor } from '../../domain/search';
import { expectOk, openTempDb, openZonePair, snapshot, tempDir } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const ok = <T = Record<string, unknown>>(method: string, input?: unknown) =>
  expectOk(dispatchSync(app, method, input)) as T;

describe('change history', () => {
  test('lists who changed which field from what to what, newest first, with names for ids', () => {
    const p = ok<ProjectRecord>('project.create', {
      name: '甲项目',
      owner: '李四',
      totalInvestmentCny: 100,
    });
    ok('project.update', {
      id: p.id,
      patch: { name: '乙项目', signedOn: '2021-03-01', stage: 'signed' },
    });
    const history = ok<HistoryEntry[]>('project.history', { id: p.id });
    expect(history[0]!.author).toBe('张三');
    const rename = history.find((h) => h.field === 'name' && h.to === '乙项目');
    expect(rename).toMatchObject({ label: '项目名称', from: '甲项目' });
    expect(history.find((h) => h.field === 'stage')).toMatchObject({
      label: '阶段',
      from: 'lead',
      to: 'signed',
    });
    expect(history.find((h) => h.field === 'ownerId')).toMatchObject({
      label: '招商责任人',
      from: null,
      to: '李四',
    });
    expect(history.findIndex((h) => h === rename)).toBeLessThan(
      history.findIndex((h) => h.field === 'ownerId'),
    );
  });
});

describe('duplicate investors (撞单)', () => {
  test('"西门子（中国）有限公司" resembles the existing "西门子"; unrelated names do not', () => {
    const siemens = ok<{ id: string }>('investor.create', {
      nameZh: '西门子',
      nameEn: 'Siemens AG',
    });
    ok('investor.create', { nameZh: '博世' });
    const similar = ok<SimilarInvestor[]>('investor.similar', { name: '西门子（中国）有限公司' });
    expect(similar).toEqual([
      expect.objectContaining({ id: siemens.id, nameZh: '西门子', matchedOn: '西门子' }),
    ]);
    expect(ok<SimilarInvestor[]>('investor.similar', { name: 'SIEMENS Co., Ltd.' })).toHaveLength(
      1,
    );
    expect(ok<SimilarInvestor[]>('investor.similar', { name: '巴斯夫' })).toEqual([]);
    expect(
      ok<SimilarInvestor[]>('investor.similar', { name: '西门子', excludeId: siemens.id }),
    ).toEqual([]);
  });
});

describe('trade-fair quick capture (展会速记)', () => {
  test('three captures in a row, one triaged into a project with its contact and a fair activity', () => {
    for (const name of ['三星电子', '丰田通商', '雀巢']) {
      ok('capture.create', {
        investorName: name,
        contactName: `${name}联系人`,
        phone: '139****0000',
        fairEdition: '第七届国际经贸洽谈会（2021）',
        interest: '新建工厂',
      });
    }
    const open = ok<CaptureRecord[]>('capture.list', { status: 'new' });
    expect(open).toHaveLength(3);
    const toyota = open.find((c) => c.investorName === '丰田通商')!;
    const project = ok<ProjectRecord>('capture.convert', { id: toyota.id });
    expect(project).toMatchObject({
      investor: '丰田通商',
      channel: '展会',
      fairEdition: '第七届国际经贸洽谈会（2021）',
      stage: 'lead',
    });
    expect(ok<unknown[]>('contact.list', { projectId: project.id })).toEqual([
      expect.objectContaining({ name: '丰田通商联系人' }),
    ]);
    expect(ok<unknown[]>('activity.list', { projectId: project.id })).toEqual([
      expect.objectContaining({ kind: 'fair' }),
    ]);
    expect(ok<CaptureRecord[]>('capture.list', { status: 'new' })).toHaveLength(2);

    const samsung = open.find((c) => c.investorName === '三星电子')!;
    const attached = ok<CaptureRecord>('capture.attach', { id: samsung.id, projectId: project.id });
    expect(attached).toMatchObject({ status: 'attached', projectId: project.id });
    expect(dispatchSync(app, 'capture.convert', { id: samsung.id })).toMatchObject({
      ok: false,
      message: expect.stringContaining('已经处理过'),
    });
  });

  test('an investor name at its full length still makes a project name within the cap', () => {
    const investorName = '甲'.repeat(200);
    const capture = ok<CaptureRecord>('capture.create', { investorName });
    expect(ok<ProjectRecord>('capture.convert', { id: capture.id }).name).toBe(investorName);
    const short = ok<CaptureRecord>('capture.create', { investorName: '乙公司' });
    expect(ok<ProjectRecord>('capture.convert', { id: short.id }).name).toBe('乙公司项目');
  });

  test('a capture without an investor is refused in Chinese', () => {
    expect(dispatchSync(app, 'capture.create', { investorName: ' ' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('请填写投资方'),
    });
  });
});

describe('settings and dictionaries', () => {
  test("changing a year's exchange rate re-tiers that year's USD projects", () => {
    // 160,000,000 USD × 6.4515 = 10.3亿 (10–50亿); at 6.0 it is 9.6亿 (亿元)
    const p = ok<ProjectRecord>('project.create', {
      name: 'usd',
      country: 'US',
      totalInvestmentUsd: 160_000_000,
      signedOn: '2021-05-01',
    });
    expect(p.tier).toBe('t10_50');
    ok('settings.update', { usdRates: { '2021': 6.0 } });
    expect(ok<ProjectRecord>('project.get', { id: p.id }).tier).toBe('t1_10');
    expect(ok<{ usdRates: Record<string, number> }>('settings.get').usdRates['2021']).toBe(6);
  });

  test('user and office change; a bad rate or office is refused and changes nothing', () => {
    expect(ok('settings.update', { user: '王五', office: '深圳' })).toMatchObject({
      user: '王五',
      office: '深圳',
    });
    const before = snapshot(app);
    expect(dispatchSync(app, 'settings.update', { usdRates: { '2021': 0 } })).toMatchObject({
      ok: false,
      message: expect.stringContaining('汇率'),
    });
    expect(dispatchSync(app, 'settings.update', { office: '广州' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('驻点'),
    });
    expect(snapshot(app)).toEqual(before);
  });

  test('dictionary items are added and removed', () => {
    ok('dictionary.add', { kind: 'industry', label: '低空经济' });
    expect(ok<{ industries: string[] }>('dictionary.list').industries).toContain('低空经济');
    ok('dictionary.remove', { kind: 'industry', label: '低空经济' });
    expect(ok<{ industries: string[] }>('dictionary.list').industries).not.toContain('低空经济');
  });
});

describe('quick search and saved views', () => {
  test('search finds projects and investors by Chinese or English name', () => {
    ok('investor.create', { nameZh: '博世', nameEn: 'Robert Bosch GmbH' });
    ok('project.create', { name: '博世新能源项目', investor: '博世' });
    const r = ok<{ projects: { name: string }[]; investors: { nameZh: string }[] }>(
      'search.quick',
      { q: 'bosch' },
    );
    expect(r.projects.map((p) => p.name)).toEqual(['博世新能源项目']);
    expect(r.investors.map((i) => i.nameZh)).toEqual(['博世']);
  });

  test('a saved view keeps its filters, columns and sort; saving the same name replaces it', () => {
    const definition = {
      filters: { region: ['de_jp'] },
      columns: ['name', 'tier'],
      sort: { key: 'totalInvestment', dir: 'desc' },
    };
    ok('view.save', { name: '德日大项目', definition });
    ok('view.save', { name: '德日大项目', definition: { ...definition, columns: ['name'] } });
    const views =
      ok<{ id: string; name: string; definition: { columns: string[] } }[]>('view.list');
    expect(views).toHaveLength(1);
    expect(views[0]!.definition.columns).toEqual(['name']);
    ok('view.delete', { id: views[0]!.id });
    expect(ok<unknown[]>('view.list')).toEqual([]);
  });
});

describe('backups', () => {
  test('a backup is a checked copy that opens with the same projects', async () => {
    ok('project.create', { name: '备份前的项目' });
    const backup = expectOk(await dispatch(app, 'backup.create', {})) as BackupInfo;
    const copy = new Database(backup.file, { readonly: true });
    expect(copy.prepare('SELECT name FROM project').all()).toEqual([{ name: '备份前的项目' }]);
    copy.close();
    expect(
      (expectOk(await dispatch(app, 'backup.list', {})) as BackupInfo[]).map((b) => b.file),
    ).toEqual([backup.file]);
  });

  test('a file that is not one of our databases fails the check with a Chinese message', async () => {
    const bogus = join(tempDir(), 'bogus.sqlite');
    writeFileSync(bogus, 'not a database');
    expect(await dispatch(app, 'backup.check', { file: bogus })).toMatchObject({
      ok: false,
      code: 'BACKUP_INVALID',
      message: expect.stringContaining('备份文件已损坏'),
    });
  });

  test('daily backups: one per day, pruned by age; a copy made by hand stays', async () => {
    const mine = expectOk(await dispatch(app, 'backup.create', {})) as BackupInfo;
    for (let day = 1; day <= 20; day++) await dailyBackup(app, new Date(2021, 5, day));
    expect(await dailyBackup(app, new Date(2021, 5, 20))).toBeNull();
    const names = readdirSync(backupDir(app)).sort();
    // The last 7 days, then one a week: the oldest of each week counted back, kept a week apart.
    const days = [1, 8, 14, 15, 16, 17, 18, 19, 20];
    expect(names).toEqual(
      [
        basename(mine.file),
        ...days.map((d) => `auto-202106${String(d).padStart(2, '0')}.sqlite`),
      ].sort(),
    );
  });
});

describe('restore', () => {
  test('restoring a backup brings its data back, keeps a safety copy, and takes a new site id', async () => {
    ok('project.create', { name: '备份里有' });
    const backup = expectOk(await dispatch(app, 'backup.create', {})) as BackupInfo;
    ok('project.create', { name: '备份之后' });
    const site = app.siteId;
    const restored = expectOk(await dispatch(app, 'backup.restore', { file: backup.file })) as {
      safetyCopy: string;
    };
    const names = ok<{ rows: { name: string }[] }>('ledger.query', {}).rows.map((r) => r.name);
    expect(names).toEqual(['备份里有']);
    expect(app.siteId).not.toBe(site);
    const safety = new Database(restored.safetyCopy, { readonly: true });
    expect(safety.prepare('SELECT count(*) AS n FROM project').get()).toEqual({ n: 2 });
    safety.close();
    ok('project.create', { name: '恢复之后' }); // still writable, through the same dispatcher
  });

  test('a bogus file is refused before anything is replaced', async () => {
    ok('project.create', { name: '原有项目' });
    const bogus = join(tempDir(), 'bogus.sqlite');
    writeFileSync(bogus, 'SQLite format 3\0 but not really');
    expect(await dispatch(app, 'backup.restore', { file: bogus })).toMatchObject({
      ok: false,
      code: 'BACKUP_INVALID',
    });
    expect(ok<{ rows: { name: string }[] }>('ledger.query', {}).rows.map((r) => r.name)).toEqual([
      '原有项目',
    ]);
  });

  test('a laptop of a zone refuses a backup of another zone, naming both', async () => {
    const { hq, office } = await openZonePair();
    const other = await openTempDb({ init: false });
    expectOk(
      dispatchSync(other, 'app.init', { user: '王五', office: '本部', zoneName: '别的分区' }),
    );
    const foreign = expectOk(await dispatch(other, 'backup.create', {})) as BackupInfo;
    const before = snapshot(office);
    const refused = await dispatch(office, 'backup.restore', { file: foreign.file });
    expect(refused).toMatchObject({ ok: false, code: 'ZONE_MISMATCH' });
    expect(refused.ok ? '' : refused.message).toMatch(
      /备份属于「别的分区」.*本机属于「经开区招商」/,
    );
    expect(snapshot(office)).toEqual(before);
    // A backup of its own zone restores.
    const own = expectOk(await dispatch(hq, 'backup.create', {})) as BackupInfo;
    expect(await dispatch(office, 'backup.restore', { file: own.file })).toMatchObject({
      ok: true,
    });
    for (const app of [hq, office, other]) app.close();
  });
});
