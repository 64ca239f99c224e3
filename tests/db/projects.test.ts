import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb, snapshot } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const create = (input: unknown) => dispatchSync(app, 'project.create', input);

describe('project.create', () => {
  test("takes the user's 驻点 and name when none are given, and numbers it by the office", () => {
    const year = new Date().getFullYear();
    const mine = expectOk(create({ name: '默认项目' })) as ProjectRecord;
    expect(mine).toMatchObject({ office: '上海', owner: '张三' });
    expect(mine.code).toMatch(new RegExp(`^SH${year}-\\d+$`));
    // Named or cleared on purpose: kept as given.
    const theirs = expectOk(create({ name: '北京项目', office: '北京', owner: '赵六' }));
    expect(theirs).toMatchObject({ office: '北京', owner: '赵六' });
    expect((theirs as ProjectRecord).code).toMatch(new RegExp(`^BJ${year}-`));
    const none = expectOk(create({ name: '无驻点项目', office: null, owner: null }));
    expect(none).toMatchObject({ office: null, owner: null });
    expect((none as ProjectRecord).code).toMatch(new RegExp(`^ZS${year}-`));
  });

  test("a fair capture turned into a project lands in the user's office", () => {
    const capture = expectOk(
      dispatchSync(app, 'capture.create', {
        investorName: '丰田通商',
        contactName: '田中',
        fairEdition: '2021进博会',
      }),
    ) as { id: string };
    const project = expectOk(
      dispatchSync(app, 'capture.convert', { id: capture.id }),
    ) as ProjectRecord;
    expect(project).toMatchObject({ office: '上海', owner: '张三', channel: '展会' });
    expect(project.code).toMatch(/^SH\d{4}-/);
  });

  test('a 10亿元 German project is tier t10_50 in region de_jp', () => {
    const p = expectOk(
      create({
        name: '博世新能源项目',
        investor: '博世',
        country: 'DE',
        totalInvestmentCny: 1_000_000_000,
        office: '上海',
        owner: '李四',
      }),
    ) as ProjectRecord;
    expect(p).toMatchObject({
      tier: 't10_50',
      region: 'de_jp',
      investor: '博世',
      office: '上海',
      owner: '李四',
      stage: 'lead',
    });
    expect(p.code).toMatch(/^SH\d{4}-0001$/);
  });

  test("a USD investment is tiered at the signing year's rate", () => {
    // 160,000,000 USD × 6.4515 (2021) = 10.32亿元 → 10–50亿
    const p = expectOk(
      create({
        name: 'USD',
        country: 'US',
        totalInvestmentUsd: 160_000_000,
        signedOn: '2021-03-01',
      }),
    ) as ProjectRecord;
    expect(p.totalInvestmentCnyEquivalent).toBe(1_032_240_000);
    expect(p).toMatchObject({ tier: 't10_50', region: 'eu_us', stage: 'signed' });
  });

  test('links an existing investor by English name instead of creating a second one', () => {
    const inv = expectOk(
      dispatchSync(app, 'investor.create', { nameZh: '西门子', nameEn: 'Siemens AG' }),
    ) as { id: string };
    const p = expectOk(create({ name: '西门子项目', investor: 'siemens ag' })) as ProjectRecord;
    expect(p.investorId).toBe(inv.id);
  });

  test.each([
    ['negative amount', { name: 'x', totalInvestmentCny: -1 }, '不能为负数'],
    ['unknown stage', { name: 'x', stage: 'won' }, '未知阶段'],
    ['unknown country', { name: 'x', country: 'XX' }, '未知的国别/地区代码'],
    ['both currencies', { name: 'x', totalInvestmentCny: 1, totalInvestmentUsd: 1 }, '其中一种'],
    ['a date that does not exist', { name: 'x', signedOn: '2021-02-30' }, '不是存在的日期'],
    ['a fractional amount', { name: 'x', totalInvestmentCny: 1.5 }, '整数'],
    ['a missing name', { country: 'DE' }, '项目名称'],
    ['an unknown field', { name: 'x', colour: 'red' }, '未知字段'],
    ['stage signed without a signing date', { name: 'x', stage: 'signed' }, '须填写签约日期'],
    [
      'stage lead with a start date',
      { name: 'x', stage: 'lead', startedOn: '2021-05-01' },
      '阶段不能为线索',
    ],
    ['termination without a reason', { name: 'x', stage: 'terminated' }, '终止原因'],
    ['an unknown office', { name: 'x', office: '广州' }, '驻点/责任单位'],
  ])('rejects %s with a Chinese message and writes nothing', (_, input, message) => {
    const before = snapshot(app);
    const result = create(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('VALIDATION');
      expect(result.message).toContain(message);
    }
    expect(snapshot(app)).toEqual(before);
  });
});

describe('project.update / delete / get', () => {
  test('setting a signing date moves the stage; clearing the amount clears the tier', () => {
    const p = expectOk(
      create({ name: 'p', country: 'JP', totalInvestmentCny: 5_000_000_000 }),
    ) as ProjectRecord;
    expect(p.tier).toBe('t50_100');
    const signed = expectOk(
      dispatchSync(app, 'project.update', {
        id: p.id,
        patch: { signedOn: '2021-06-01', stage: 'signed' },
      }),
    ) as ProjectRecord;
    expect(signed.stage).toBe('signed');
    const cleared = expectOk(
      dispatchSync(app, 'project.update', { id: p.id, patch: { totalInvestmentCny: null } }),
    ) as ProjectRecord;
    expect(cleared.tier).toBeNull();
  });

  test('a deleted project is gone from get and the ledger but its row survives', () => {
    const p = expectOk(create({ name: 'gone' })) as ProjectRecord;
    expectOk(dispatchSync(app, 'project.delete', { id: p.id }));
    const get = dispatchSync(app, 'project.get', { id: p.id });
    expect(get).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(app.sqlite.prepare('SELECT deleted, name FROM project WHERE id = ?').get(p.id)).toEqual({
      deleted: 1,
      name: 'gone',
    });
  });

  test('renaming the investor updates the free-text search of its projects', () => {
    const p = expectOk(create({ name: '某项目', investor: '巴斯夫' })) as ProjectRecord;
    expectOk(
      dispatchSync(app, 'investor.update', { id: p.investorId, patch: { nameEn: 'BASF SE' } }),
    );
    const page = expectOk(dispatchSync(app, 'ledger.query', { q: 'basf' })) as {
      rows: { id: string }[];
    };
    expect(page.rows.map((r) => r.id)).toEqual([p.id]);
  });
});

describe('dispatcher', () => {
  test('an unknown method and an uninitialised database get their own codes', async () => {
    expect(dispatchSync(app, 'project.explode', {})).toMatchObject({
      ok: false,
      code: 'UNKNOWN_METHOD',
    });
    const fresh = await openTempDb({ init: false });
    expect(dispatchSync(fresh, 'ledger.query', {})).toMatchObject({
      ok: false,
      code: 'NOT_INITIALIZED',
      message: expect.stringContaining('初始化'),
    });
    fresh.close();
  });
});
