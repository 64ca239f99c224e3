import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb, snapshot } from '../helpers';

let app: AppDatabase;
let project: ProjectRecord;
beforeEach(async () => {
  app = await openTempDb();
  project = expectOk(
    dispatchSync(app, 'project.create', {
      name: '西门子高端装备',
      investor: '西门子',
      country: 'DE',
    }),
  ) as ProjectRecord;
});
afterEach(() => app.close());

const ok = (method: string, input: unknown) =>
  expectOk(dispatchSync(app, method, input)) as { id: string } & Record<string, unknown>;

describe('contacts, activities, tasks and capital arrivals', () => {
  test('contacts are created, edited, listed by investor and project, and soft-deleted', () => {
    const c = ok('contact.create', {
      investorId: project.investorId,
      projectId: project.id,
      name: '王经理',
      title: '中国区总裁',
      wechat: 'wang_sh',
    });
    ok('contact.update', { id: c.id, patch: { phone: '13900001234' } });
    expect(ok('contact.list', { investorId: project.investorId! }) as unknown as unknown[]).toEqual(
      [expect.objectContaining({ name: '王经理', phone: '13900001234', projectId: project.id })],
    );
    ok('contact.delete', { id: c.id });
    expect(ok('contact.list', { projectId: project.id }) as unknown as unknown[]).toEqual([]);
  });

  test('activities carry who logged them and list newest first', () => {
    ok('activity.create', {
      projectId: project.id,
      kind: 'visit',
      occurredOn: '2021-03-01',
      people: '张三、王经理',
    });
    ok('activity.create', {
      projectId: project.id,
      kind: 'video',
      occurredOn: '2021-04-15',
      notes: '云招商洽谈',
    });
    const list = ok('activity.list', { projectId: project.id }) as unknown as {
      occurredOn: string;
      author: string;
    }[];
    expect(list.map((a) => a.occurredOn)).toEqual(['2021-04-15', '2021-03-01']);
    expect(list.every((a) => a.author === '张三')).toBe(true);
  });

  test('tasks list open ones first by due date and filter by state and due date', () => {
    const late = ok('task.create', { projectId: project.id, title: '回访', dueOn: '2021-05-01' });
    ok('task.create', { projectId: project.id, title: '报送材料', dueOn: '2021-06-10' });
    ok('task.update', { id: late.id, patch: { done: true, doneOn: '2021-05-02' } });
    const open = ok('task.list', { done: false }) as unknown as { title: string }[];
    expect(open.map((t) => t.title)).toEqual(['报送材料']);
    const due = ok('task.list', { dueBefore: '2021-06-01' }) as unknown as {
      title: string;
      done: boolean;
    }[];
    expect(due).toEqual([expect.objectContaining({ title: '回访', done: true })]);
  });

  test('capital arrivals are kept per project in date order', () => {
    ok('arrival.create', {
      projectId: project.id,
      arrivedOn: '2021-06-30',
      amount: 20_000_000,
      currency: 'USD',
      kind: 'fdi',
    });
    ok('arrival.create', {
      projectId: project.id,
      arrivedOn: '2021-02-01',
      amount: 5_000_000,
      currency: 'USD',
      kind: 'fdi',
    });
    const list = ok('arrival.list', { projectId: project.id }) as unknown as {
      arrivedOn: string;
      outsideCity: boolean;
    }[];
    expect(list.map((a) => a.arrivedOn)).toEqual(['2021-02-01', '2021-06-30']);
  });

  test.each([
    [
      'activity.create',
      { projectId: 'p', kind: 'party', occurredOn: '2021-01-01' },
      '活动类型无效',
    ],
    [
      'activity.create',
      { projectId: 'p', kind: 'visit', occurredOn: '2021-02-29' },
      '不是存在的日期',
    ],
    ['task.create', { title: '', dueOn: '2021-01-01' }, '跟进事项不能为空'],
    [
      'arrival.create',
      { projectId: 'p', arrivedOn: '2021-01-01', amount: 0, currency: 'USD', kind: 'fdi' },
      '须大于零',
    ],
    [
      'arrival.create',
      { projectId: 'p', arrivedOn: '2021-01-01', amount: 5, currency: 'XAU', kind: 'fdi' },
      '币种',
    ],
    ['contact.create', { name: '李', email: 'not-an-email' }, '邮箱格式不正确'],
    ['contact.update', { id: 'missing', patch: { name: '李' } }, '记录不存在'],
  ])('%s rejects bad input with a Chinese message and writes nothing', (method, input, message) => {
    const before = snapshot(app);
    const result = dispatchSync(app, method, input);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining(message) });
    expect(snapshot(app)).toEqual(before);
  });
});

describe('investors', () => {
  test('are listed and found by Chinese name, English name or alias, with their project count', () => {
    ok('investor.create', {
      nameZh: '三星电子',
      nameEn: 'Samsung Electronics',
      aliases: ['三星', 'SEC'],
    });
    const find = (q: string) =>
      (ok('investor.list', { q }) as unknown as { nameZh: string }[]).map((i) => i.nameZh);
    expect(find('samsung')).toEqual(['三星电子']);
    expect(find('sec')).toEqual(['三星电子']);
    expect(ok('investor.get', { id: project.investorId })).toMatchObject({
      nameZh: '西门子',
      projectCount: 1,
    });
  });
});

describe('projects, more edges', () => {
  test('clearing the other currency keeps the amount; clearing its own currency clears it', () => {
    const p = ok('project.create', { name: 'x', totalInvestmentCny: 2_000_000_000 });
    expect(ok('project.update', { id: p.id, patch: { totalInvestmentUsd: null } })).toMatchObject({
      totalInvestmentCny: 2_000_000_000,
      tier: 't10_50',
    });
    expect(
      ok('project.update', { id: p.id, patch: { totalInvestmentUsd: 100_000_000 } }),
    ).toMatchObject({ totalInvestmentCny: null, totalInvestmentUsd: 100_000_000 });
    expect(ok('project.update', { id: p.id, patch: { totalInvestmentUsd: null } })).toMatchObject({
      totalInvestmentUsd: null,
      tier: null,
    });
  });

  test('a terminated project cannot lose its reason', () => {
    const p = ok('project.create', {
      name: 'x',
      stage: 'terminated',
      terminationReason: '环评未通过',
    });
    expect(
      dispatchSync(app, 'project.update', { id: p.id, patch: { terminationReason: null } }),
    ).toMatchObject({ ok: false, message: expect.stringContaining('终止原因') });
  });

  test('a domestic project entered with a province and no country is 境内', () => {
    expect(
      ok('project.create', { name: '中建材', province: '江苏', capitalType: '内资' }),
    ).toMatchObject({ region: 'domestic' });
  });

  test('project codes keep counting past 9999 and ignore hand-made codes', () => {
    const year = new Date().getFullYear();
    ok('project.create', { name: 'a', office: '上海', code: `SH${year}-9999` });
    ok('project.create', { name: 'b', office: '上海', code: `SH${year}-abc` });
    expect(ok('project.create', { name: 'c', office: '上海' })).toMatchObject({
      code: `SH${year}-10000`,
    });
  });

  test('loading the same demo data twice says so in Chinese and adds nothing', () => {
    ok('app.demo', { projects: 5, seed: 3 });
    const before = snapshot(app);
    expect(dispatchSync(app, 'app.demo', { projects: 5, seed: 3 })).toMatchObject({
      ok: false,
      code: 'DEMO_EXISTS',
      message: expect.stringContaining('随机种子'),
    });
    expect(snapshot(app)).toEqual(before);
  });
});

describe('my follow-ups', () => {
  test('a new task belongs to the current user; "mine" leaves out other people\'s', () => {
    const p = (
      expectOk(dispatchSync(app, 'project.create', { name: '任务项目' })) as { id: string }
    ).id;
    const lisi = (
      expectOk(dispatchSync(app, 'project.create', { name: 'x', owner: '李四' })) as {
        ownerId: string;
      }
    ).ownerId;
    expectOk(
      dispatchSync(app, 'task.create', { projectId: p, title: '我的', dueOn: '2021-06-01' }),
    );
    expectOk(
      dispatchSync(app, 'task.create', {
        projectId: p,
        title: '李四的',
        dueOn: '2021-06-01',
        assigneeId: lisi,
      }),
    );
    const mine = expectOk(dispatchSync(app, 'task.list', { mine: true })) as {
      title: string;
      projectName: string;
    }[];
    expect(mine).toEqual([expect.objectContaining({ title: '我的', projectName: '任务项目' })]);
  });
});
