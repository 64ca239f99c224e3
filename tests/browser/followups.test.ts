// 跟进 in Chromium at 1366×768 through the browser harness, with the page's clock fixed on
// Wednesday 2026-06-10: open follow-ups across projects grouped 今天到期 / 已逾期 / 本周 / 以后;
// 「完成」 closes one and offers the next follow-up and an activity that lands on the project's
// timeline; 「新建跟进」 needs a project found by search; an empty list says what to do.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { WebServer } from '../../web/server';
import type { ActivityRecord, TaskRecord } from '../../domain/entities';
import type { ProjectRecord } from '../../domain/project-input';
import {
  artifactsDir,
  newLaptopContext,
  startHarness,
  startServer,
  watchProblems,
} from './harness';
import type { Harness } from './harness';

/** A Wednesday: the week runs Monday 6-08 to Sunday 6-14. */
const TODAY = '2026-06-10';
const longProject =
  '西门子年产二十万台高端智能制造装备及工业自动化控制系统研发生产基地暨华东区域总部结算中心建设项目';

let harness: Harness;
let emptyServer: WebServer;
const project: Record<'siemens' | 'samsung' | 'crc', ProjectRecord> = {} as never;

const rpc = <T>(method: string, input: unknown) => harness.rpc<T>(method, input);

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-followups-' });
  project.siemens = await rpc('project.create', {
    name: longProject,
    investor: '西门子（中国）有限公司',
    country: 'DE',
    stage: 'negotiating',
  });
  project.samsung = await rpc('project.create', {
    name: '三星电子第八代OLED显示面板项目',
    investor: '三星电子',
    country: 'KR',
    stage: 'lead',
  });
  project.crc = await rpc('project.create', {
    name: '华润微电子功率半导体封测基地',
    investor: '华润微电子有限公司',
    country: 'CN',
    stage: 'lead',
  });
  const tasks = [
    { projectId: project.siemens.id, title: '回访确认用地需求和环评进度', dueOn: '2026-06-07' },
    { projectId: project.samsung.id, title: '发送园区产业政策资料', dueOn: TODAY },
    { projectId: project.crc.id, title: '约华润微电子来访考察', dueOn: '2026-06-12' },
    { projectId: project.crc.id, title: '准备投资协议初稿', dueOn: '2026-07-01' },
    { projectId: project.samsung.id, title: '已办完的旧事项', dueOn: '2026-06-01', done: true },
  ];
  for (const task of tasks) await rpc('task.create', task);
  emptyServer = await startServer({ prefix: 'zs-followups-empty-' });
});

afterAll(async () => {
  await harness?.close();
  await emptyServer?.close();
});

async function openFollowups(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newLaptopContext(harness.browser);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${TODAY}T09:00:00`));
  return { context, page };
}

async function goToFollowups(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '跟进' })
    .click();
}

const group = (page: Page, label: string) =>
  page.getByRole('region', { name: new RegExp(`^${label}\\s*\\d+$`) });
const titles = (where: Locator) => where.locator('.followups-item-title').allInnerTexts();

describe('跟进 in the browser', () => {
  it('groups open follow-ups by due date; 完成 closes one and schedules the next; activities reach the project', async () => {
    const { context, page } = await openFollowups();
    const problems = watchProblems(page);
    await goToFollowups(page, harness.server.url);

    await expect.poll(() => titles(group(page, '今天到期'))).toEqual(['发送园区产业政策资料']);
    expect(await titles(group(page, '已逾期'))).toEqual(['回访确认用地需求和环评进度']);
    expect(await titles(group(page, '本周'))).toEqual(['约华润微电子来访考察']);
    expect(await titles(group(page, '以后'))).toEqual(['准备投资协议初稿']);
    expect(await page.getByText('已办完的旧事项').count()).toBe(0);

    const overdue = group(page, '已逾期').getByRole('listitem');
    expect(await overdue.innerText()).toContain('6月7日 周日');
    expect(await overdue.innerText()).toContain('逾期 3 天');
    expect(await group(page, '本周').innerText()).toContain('6月12日 周五');

    // The long project name is cut with … and whole in its tooltip.
    const projectLink = overdue.getByRole('button', { name: longProject });
    expect(await projectLink.getAttribute('title')).toBe(longProject);
    expect(await projectLink.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

    // 完成 on the overdue one: gone from the open tasks, done today on the server.
    await overdue.getByRole('button', { name: '完成' }).click();
    await expect.poll(() => titles(group(page, '已逾期'))).toEqual([]);
    expect(await group(page, '已逾期').innerText()).toContain('没有逾期的跟进');
    const open = await rpc<TaskRecord[]>('task.list', { done: false });
    expect(open.map((t) => t.title)).not.toContain('回访确认用地需求和环评进度');
    const done = await rpc<TaskRecord[]>('task.list', { projectId: project.siemens.id });
    expect(done).toMatchObject([{ done: true, doneOn: TODAY }]);

    // The next follow-up on the same project, due a week on unless changed.
    const after = page.getByRole('region', { name: /^已完成：/ });
    const next = after.getByRole('form', { name: '安排下一次跟进' });
    expect(await next.getByLabel('截止日期').inputValue()).toBe('2026-06-17');
    await next.getByRole('button', { name: '安排' }).click();
    await expect.poll(() => next.getByText('跟进事项不能为空').count()).toBe(1);
    await next.getByLabel('事项').fill('约西门子华东区总部再次拜访');
    await next.getByRole('button', { name: '安排' }).click();
    await expect
      .poll(() => titles(group(page, '以后')))
      .toEqual(['约西门子华东区总部再次拜访', '准备投资协议初稿']);
    expect(await group(page, '以后').innerText()).toContain('6月17日 周三');
    const scheduled = await rpc<TaskRecord[]>('task.list', {
      projectId: project.siemens.id,
      done: false,
    });
    expect(scheduled).toMatchObject([{ title: '约西门子华东区总部再次拜访', dueOn: '2026-06-17' }]);

    // An activity logged here lands on the project's timeline.
    const activity = after.getByRole('form', { name: '记录活动' });
    expect(await activity.getByLabel('日期').inputValue()).toBe(TODAY);
    await activity.getByLabel('类型').selectOption({ label: '来访' });
    await activity.getByLabel('参与人员').fill('王海涛（西门子）、李明');
    await activity.getByLabel('记录').fill('对方确认二期用地 80 亩，环评已委托。');
    await activity.getByRole('button', { name: '保存活动' }).click();
    await expect.poll(() => activity.getByText('已记入').count()).toBe(1);
    const timeline = await rpc<ActivityRecord[]>('activity.list', {
      projectId: project.siemens.id,
    });
    expect(timeline).toMatchObject([
      {
        kind: 'reception',
        occurredOn: TODAY,
        people: '王海涛（西门子）、李明',
        notes: '对方确认二期用地 80 亩，环评已委托。',
      },
    ]);

    const overflow = await page.evaluate(
      `document.documentElement.scrollWidth > window.innerWidth`,
    );
    expect(overflow).toBe(false);
    await page.screenshot({ path: join(artifactsDir, 'followups.png') });

    // A project name opens the project (its page lives under 台账).
    await group(page, '今天到期')
      .getByRole('button', { name: '三星电子第八代OLED显示面板项目' })
      .click();
    await expect
      .poll(() =>
        page
          .getByRole('navigation', { name: '主导航' })
          .getByRole('button', { name: '台账' })
          .getAttribute('aria-current'),
      )
      .toBe('page');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('新建跟进 requires a project, found by search', async () => {
    const { context, page } = await openFollowups();
    const problems = watchProblems(page);
    await goToFollowups(page, harness.server.url);
    await expect.poll(() => titles(group(page, '今天到期'))).toEqual(['发送园区产业政策资料']);

    await page.getByRole('button', { name: '新建跟进' }).click();
    const form = page.getByRole('form', { name: '新建跟进' });
    expect(await form.getByLabel('截止日期').inputValue()).toBe('2026-06-17');
    await form.getByLabel('事项').fill('寄送样品检测报告');
    await form.getByLabel('截止日期').fill('2026-06-11');
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => form.getByText('请选择项目').count()).toBe(1);
    expect(await rpc<TaskRecord[]>('task.list', { done: false })).toHaveLength(4);

    await form.getByLabel('项目').fill('三星');
    await form.getByRole('option', { name: /三星电子第八代OLED显示面板项目/ }).click();
    await expect.poll(() => form.getByText('请选择项目').count()).toBe(0);
    await form.getByRole('button', { name: '保存' }).click();

    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '已新建跟进' }).count())
      .toBe(1);
    await expect
      .poll(() => titles(group(page, '本周')))
      .toEqual(['寄送样品检测报告', '约华润微电子来访考察']);
    const samsung = await rpc<TaskRecord[]>('task.list', {
      projectId: project.samsung.id,
      done: false,
    });
    expect(samsung.map((t) => t.title)).toContain('寄送样品检测报告');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('says what to do when there is nothing to follow up', async () => {
    const { context, page } = await openFollowups();
    const problems = watchProblems(page);
    await goToFollowups(page, emptyServer.url);
    await expect.poll(() => page.getByRole('heading', { name: '没有待办的跟进' }).count()).toBe(1);
    expect(await page.locator('.empty-state').innerText()).toContain('新建跟进');
    await page.screenshot({ path: join(artifactsDir, 'followups-empty.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
