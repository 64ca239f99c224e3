// Deleting with undo in Chromium (issue 16, point 2): a project from its page, after a question that
// states what goes with it and points to 终止, then undone from the 台账 the page left for; a
// follow-up from the 跟进 list and from a project's tab, undone from the bar; the question and the
// bar at 1366×768 and 1280×720, screenshots in tests/artifacts.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ProjectRecord } from '../../domain/project-input';
import type { TaskRecord } from '../../domain/entities';
import type { Harness } from './harness';
import { artifactsDir, startHarness, watchProblems } from './harness';

const longName =
  '西门子年产二十万台高端智能制造装备及工业自动化控制系统研发生产基地暨华东区域总部结算中心建设项目';

let h: Harness;
let target: ProjectRecord;
let other: ProjectRecord;

beforeAll(async () => {
  h = await startHarness({ prefix: 'zs-delete-undo-' });
  target = await h.rpc<ProjectRecord>('project.create', {
    name: longName,
    investor: '西门子（中国）有限公司',
    country: 'DE',
    stage: 'negotiating',
  });
  other = await h.rpc<ProjectRecord>('project.create', {
    name: '三星电子第八代OLED显示面板项目',
    investor: '三星电子',
    country: 'KR',
  });
  for (const title of ['回访确认用地需求', '寄送园区产业政策资料']) {
    await h.rpc('task.create', { projectId: target.id, title, dueOn: '2026-12-20' });
  }
  await h.rpc('task.create', { projectId: other.id, title: '约三星来访考察', dueOn: '2026-12-18' });
  for (const occurredOn of ['2026-11-02', '2026-11-20', '2026-11-28']) {
    await h.rpc('activity.create', { projectId: target.id, kind: 'visit', occurredOn });
  }
  await h.rpc('arrival.create', {
    projectId: target.id,
    arrivedOn: '2026-10-15',
    amount: 5_000_000,
    currency: 'USD',
    kind: 'fdi',
    outsideCity: false,
  });
});
afterAll(() => h?.close());

const dataRows = (page: Page) => page.locator('.ledger-body [role="row"]:not(.placeholder)');
const undoBar = (page: Page) => page.getByRole('status', { name: '撤销删除' });
const overflowsSideways = (page: Page) =>
  page.evaluate(`document.documentElement.scrollWidth > window.innerWidth`);
/** The element's box lies inside the window. A string: tests have no DOM types. */
const insideWindow = (page: Page, selector: string) =>
  page.evaluate(`(() => {
    const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
    return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
  })()`);

async function openLedger(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(h.server.url);
  await expect.poll(() => dataRows(page).count()).toBeGreaterThan(0);
  return { page, problems };
}

describe('delete with undo in the browser', () => {
  it('deletes a project from its page after saying what goes with it; 撤销 on the 台账 brings it all back', async () => {
    for (const [width, height] of [
      [1366, 768],
      [1280, 720],
    ] as const) {
      const context = await h.browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      const { page, problems } = await openLedger(context);
      expect(await dataRows(page).count()).toBe(2);
      await dataRows(page).filter({ hasText: longName }).click();
      await expect.poll(() => page.locator('#project-title').innerText()).toBe(longName);

      // The delete is a quiet link away from 保存, which keeps its place however long the name.
      const remove = page.getByRole('button', { name: '删除项目…' });
      const save = page.getByRole('button', { name: '保存', exact: true });
      const [removeBox, saveBox] = [await remove.boundingBox(), await save.boundingBox()];
      expect(saveBox!.x - (removeBox!.x + removeBox!.width)).toBeGreaterThan(80);
      expect(await insideWindow(page, '.project-head .primary-button')).toBe(true);
      await remove.click();

      const dialog = page.getByRole('dialog', { name: /^删除项目/ });
      await expect.poll(() => dialog.innerText()).toContain('2 条跟进事项');
      const text = await dialog.innerText();
      expect(text).toContain('将一并删除它的 2 条跟进事项、3 条活动记录、1 笔到资记录');
      expect(text).toContain('「终止」');
      expect(text).toContain('撤销');
      // The safe choice has the focus: Enter does not delete.
      expect(
        await dialog
          .getByRole('button', { name: '取消' })
          .evaluate((el) => el === el.ownerDocument.activeElement),
      ).toBe(true);
      expect(await insideWindow(page, 'dialog[open]')).toBe(true);
      expect(await overflowsSideways(page)).toBe(false);
      await page.screenshot({ path: join(artifactsDir, `delete-project-dialog-${width}.png`) });

      // 取消 keeps it; 删除项目 deletes and lands on the 台账, where the bar offers 撤销.
      await dialog.getByRole('button', { name: '取消' }).click();
      expect(await page.getByRole('dialog').count()).toBe(0);
      await remove.click();
      await dialog.getByRole('button', { name: '删除项目' }).click();
      await expect.poll(() => dataRows(page).count()).toBe(1);
      expect(await dataRows(page).innerText()).toContain(other.name);
      await expect.poll(() => undoBar(page).textContent()).toContain(`已删除项目「${longName}」`);
      expect(await undoBar(page).textContent()).toContain(
        '2 条跟进事项、3 条活动记录、1 笔到资记录',
      );
      expect(await insideWindow(page, '.undo-bar')).toBe(true);
      expect(await insideWindow(page, '.undo-bar-button')).toBe(true);
      // The long name is cut, what went with it is not.
      expect(await insideWindow(page, '.undo-bar-fixed:last-child')).toBe(true);
      expect(await overflowsSideways(page)).toBe(false);
      await page.screenshot({ path: join(artifactsDir, `delete-project-undo-bar-${width}.png`) });
      expect(await h.rpc<TaskRecord[]>('task.list', { projectId: target.id })).toEqual([]);

      await undoBar(page).getByRole('button', { name: '撤销' }).click();
      // The project comes back and opens, with its follow-ups, activities and arrival.
      await expect.poll(() => page.locator('#project-title').innerText()).toBe(longName);
      await expect.poll(() => undoBar(page).textContent()).toContain(`已恢复项目「${longName}」`);
      expect(await h.rpc<TaskRecord[]>('task.list', { projectId: target.id })).toHaveLength(2);
      expect(await h.rpc<unknown[]>('activity.list', { projectId: target.id })).toHaveLength(3);
      expect(await h.rpc<unknown[]>('arrival.list', { projectId: target.id })).toHaveLength(1);
      await page.getByRole('button', { name: '← 返回台账' }).click();
      await expect.poll(() => dataRows(page).count()).toBe(2);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('deletes a follow-up from the 跟进 list and from a project tab; 撤销 brings each back', async () => {
    const context = await h.browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
    });
    const { page, problems } = await openLedger(context);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '跟进' })
      .click();
    const titles = () => page.locator('.followups-item-title').allInnerTexts();
    await expect.poll(titles).toHaveLength(3);

    await page.getByRole('button', { name: '删除跟进「约三星来访考察」' }).click();
    await expect.poll(titles).toHaveLength(2);
    expect(await titles()).not.toContain('约三星来访考察');
    await expect
      .poll(() => undoBar(page).textContent())
      .toContain('已删除跟进事项「约三星来访考察」');
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: join(artifactsDir, 'delete-followup-undo-bar.png') });
    await undoBar(page).getByRole('button', { name: '撤销' }).click();
    await expect.poll(titles).toHaveLength(3);
    expect(await titles()).toContain('约三星来访考察');

    // On a project's 跟进事项 tab, the same; the bar goes by itself after a while.
    await page.getByRole('button', { name: longName }).first().click();
    await page.getByRole('tab', { name: '跟进事项' }).click();
    const items = page.getByRole('list', { name: '跟进事项列表' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    await page.getByRole('button', { name: '删除跟进「回访确认用地需求」' }).click();
    await expect.poll(() => items.count()).toBe(1);
    await undoBar(page).getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => items.count()).toBe(2);
    await expect.poll(() => undoBar(page).count(), { timeout: 8_000 }).toBe(0);

    // An activity on its tab goes and comes back the same way.
    await page.getByRole('tab', { name: '活动记录' }).click();
    const entries = page.getByRole('list', { name: '活动时间线' }).getByRole('listitem');
    await expect.poll(() => entries.count()).toBe(3);
    await page.getByRole('button', { name: '删除 2026年11月2日 的拜访记录' }).click();
    await expect.poll(() => entries.count()).toBe(2);
    await undoBar(page).getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => entries.count()).toBe(3);
    expect(problems).toEqual([]);
    await context.close();
  });
});
