// No edit is lost (issue 16, point 1), in Chromium through the browser harness: a project with
// unsaved edits is left through the left navigation, Ctrl+K to another project, Ctrl+N and
// 「← 返回台账」; each way asks in one dialog — 留在此页 keeps the edit, 不保存 loses it, 保存并离开
// saves it — and a save that finds errors stays on the page showing why. Closing the page while
// dirty raises beforeunload; a reload finds the draft kept and offers 「恢复未保存的修改」 with when
// it was written, for an existing project and for Ctrl+N's new one. 新建投资方, 新建跟进, 展会速记,
// a project tab's entry form and the 设置 forms are guarded the same way. Screenshots of the
// dialog at 1366×768 and 1280×720 and of the restore offer. No console error, no CSP violation.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { artifactsDir, newLaptopContext, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

const nameA = '宁德时代动力电池华东生产基地项目';
const nameB = '特斯拉储能超级工厂二期项目';

let harness: Harness;
let idA: string;
let idB: string;

interface Project {
  id: string;
  name: string;
  problems: string | null;
  totalInvestmentCny: number | null;
}
const project = (id: string) => harness.rpc<Project>('project.get', { id });
const projectCount = async () =>
  (await harness.rpc<{ totals: { count: number } }>('ledger.query', { limit: 1 })).totals.count;

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-leave-guard-' });
  const base = { country: 'CN', stage: 'lead', office: '上海', totalInvestmentCny: 500_000_000 };
  idA = (await harness.rpc<Project>('project.create', { ...base, name: nameA })).id;
  idB = (await harness.rpc<Project>('project.create', { ...base, name: nameB })).id;
});

afterAll(async () => {
  await harness?.close();
});

const label = (page: Page, text: string) => page.getByLabel(text, { exact: true });
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const leaveDialog = (page: Page) => page.getByRole('dialog', { name: '有未保存的修改' });
const choose = (page: Page, answer: '留在此页' | '不保存' | '保存并离开') =>
  leaveDialog(page).getByRole('button', { name: answer }).click();
const navTo = (page: Page, screen: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: screen }).click();
const dataRows = (page: Page) => page.locator('.ledger-body [role="row"]:not(.placeholder)');
/** The kept drafts in this page's localStorage. A string: tests have no DOM types. */
const keptKeys = (page: Page) =>
  page.evaluate(
    `Object.keys(localStorage).filter((k) => k.startsWith('zhaoshang.projectDraft.')).sort()`,
  ) as Promise<string[]>;

async function openLedger(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(harness.server.url);
  await expect.poll(() => dataRows(page).count()).toBeGreaterThan(0);
  return { page, problems };
}

async function openProject(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: '快速搜索' });
  await palette.getByRole('combobox').fill(name);
  await expect.poll(() => palette.getByRole('option').first().innerText()).toContain(name);
  await page.keyboard.press('Enter');
}

async function onProject(page: Page, name: string): Promise<void> {
  await expect.poll(() => heading(page)).toBe(name);
  await expect.poll(() => label(page, '项目名称').inputValue()).toBe(name);
}

describe('leaving a form with unsaved edits', () => {
  it('asks on every way out: 留在此页 keeps, 不保存 loses, 保存并离开 saves', async () => {
    const context = await newLaptopContext(harness.browser);
    const { page, problems } = await openLedger(context);

    // The left navigation.
    await dataRows(page).filter({ hasText: nameA }).click();
    await onProject(page, nameA);
    await label(page, '存在问题').fill('环评批复待取得');
    await navTo(page, '投资方');
    await expect.poll(() => leaveDialog(page).isVisible()).toBe(true);
    expect(await leaveDialog(page).innerText()).toContain(`项目「${nameA}」的修改尚未保存`);
    await page.screenshot({ path: join(artifactsDir, 'leave-guard-1366.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: join(artifactsDir, 'leave-guard-1280.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    await choose(page, '留在此页');
    expect(await leaveDialog(page).count()).toBe(0);
    expect(await heading(page)).toBe(nameA);
    expect(await label(page, '存在问题').inputValue()).toBe('环评批复待取得');
    await navTo(page, '投资方');
    await choose(page, '不保存');
    await expect.poll(() => heading(page)).toBe('投资方');
    expect((await project(idA)).problems).toBeNull();

    // Ctrl+K to another project.
    await openProject(page, nameA);
    await onProject(page, nameA);
    // Nothing typed: nothing asked.
    await openProject(page, nameB);
    await onProject(page, nameB);
    await openProject(page, nameA);
    await onProject(page, nameA);
    await label(page, '存在问题').fill('用地指标待落实');
    await openProject(page, nameB);
    await choose(page, '留在此页');
    expect(await heading(page)).toBe(nameA);
    expect(await label(page, '存在问题').inputValue()).toBe('用地指标待落实');
    await openProject(page, nameB);
    await choose(page, '保存并离开');
    await onProject(page, nameB);
    expect((await project(idA)).problems).toBe('用地指标待落实');

    // Ctrl+N.
    await label(page, '存在问题').fill('不会保存的内容');
    await page.keyboard.press('Control+n');
    await choose(page, '留在此页');
    expect(await label(page, '存在问题').inputValue()).toBe('不会保存的内容');
    await page.keyboard.press('Control+n');
    await choose(page, '不保存');
    await expect.poll(() => heading(page)).toBe('新建项目');
    expect((await project(idB)).problems).toBeNull();

    // A new project left through the navigation is created by 保存并离开.
    const before = await projectCount();
    await label(page, '项目名称').fill('离开前保存的新项目');
    await navTo(page, '台账');
    expect(await leaveDialog(page).innerText()).toContain('新建的项目尚未保存');
    await choose(page, '保存并离开');
    await expect.poll(() => heading(page)).toBe('项目台账');
    expect(await projectCount()).toBe(before + 1);

    // A save that finds errors stays on the page and shows why; 「← 返回台账」 asks the same.
    await dataRows(page).filter({ hasText: nameA }).click();
    await onProject(page, nameA);
    await label(page, '总投资').fill('-5');
    await page.getByRole('button', { name: '← 返回台账' }).click();
    await choose(page, '保存并离开');
    expect(await leaveDialog(page).count()).toBe(0);
    expect(await heading(page)).toBe(nameA);
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('项目尚未保存');
    expect(await label(page, '总投资').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: '← 返回台账' }).click();
    await choose(page, '不保存');
    await expect.poll(() => heading(page)).toBe('项目台账');
    expect((await project(idA)).totalInvestmentCny).toBe(500_000_000);
    // Saved or discarded: no draft is kept behind.
    expect(await keptKeys(page)).toEqual([]);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('guards the investor, follow-up and fair capture forms the same way', async () => {
    const context = await newLaptopContext(harness.browser);
    const { page, problems } = await openLedger(context);

    // 新建投资方: 留在此页 keeps the typed name, 保存并离开 creates the investor.
    await navTo(page, '投资方');
    await page.getByRole('button', { name: '新建投资方' }).click();
    await label(page, '中文名称').fill('远景能源有限公司');
    await navTo(page, '台账');
    expect(await leaveDialog(page).innerText()).toContain('新建投资方表单中填写的内容尚未保存');
    await choose(page, '留在此页');
    expect(await label(page, '中文名称').inputValue()).toBe('远景能源有限公司');
    await navTo(page, '台账');
    await choose(page, '保存并离开');
    await expect.poll(() => heading(page)).toBe('项目台账');
    const investors = await harness.rpc<{ nameZh: string }[]>('investor.list', { q: '远景能源' });
    expect(investors.map((i) => i.nameZh)).toEqual(['远景能源有限公司']);

    // 新建跟进: Ctrl+N asks; 不保存 creates nothing.
    await navTo(page, '跟进');
    await page.getByRole('button', { name: '新建跟进' }).click();
    await label(page, '事项').fill('回访确认用地需求');
    await page.keyboard.press('Control+n');
    expect(await leaveDialog(page).innerText()).toContain('新建跟进中填写的内容尚未保存');
    await choose(page, '不保存');
    await expect.poll(() => heading(page)).toBe('新建项目');

    // 展会速记: an entry typed but not saved; Ctrl+K asks.
    await navTo(page, '展会速记');
    await label(page, '投资方').fill('比亚迪股份有限公司');
    await openProject(page, nameA);
    expect(await leaveDialog(page).innerText()).toContain('展会速记中尚未保存的一条');
    await choose(page, '留在此页');
    expect(await label(page, '投资方').inputValue()).toBe('比亚迪股份有限公司');
    await openProject(page, nameA);
    await choose(page, '保存并离开');
    await onProject(page, nameA);
    const captures = await harness.rpc<{ investorName: string }[]>('capture.list', {});
    expect(captures.map((c) => c.investorName)).toContain('比亚迪股份有限公司');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('guards a project tab’s entry form and the 设置 forms the same way', async () => {
    const context = await newLaptopContext(harness.browser);
    const { page, problems } = await openLedger(context);

    // 活动记录: typed but not added; the left navigation asks, 保存并离开 adds it.
    await dataRows(page).filter({ hasText: nameA }).click();
    await onProject(page, nameA);
    await page.getByRole('tab', { name: '活动记录' }).click();
    await label(page, '活动内容').fill('陪同参观标准厂房');
    await navTo(page, '台账');
    expect(await leaveDialog(page).innerText()).toContain('「新增活动记录」中填写的内容尚未保存');
    await choose(page, '保存并离开');
    await expect.poll(() => heading(page)).toBe('项目台账');
    const activities = await harness.rpc<{ notes: string | null }[]>('activity.list', {
      projectId: idA,
    });
    expect(activities.map((a) => a.notes)).toContain('陪同参观标准厂房');

    // 设置: a 外币汇率 typed but not saved; Ctrl+N asks; 留在此页 keeps it, 不保存 saves nothing.
    await navTo(page, '设置');
    await page.getByLabel('汇率（元/单位）').fill('7.8');
    await page.keyboard.press('Control+n');
    expect(await leaveDialog(page).innerText()).toMatch(/填写的\d{4}年欧元汇率尚未保存/);
    await choose(page, '留在此页');
    expect(await page.getByLabel('汇率（元/单位）').inputValue()).toBe('7.8');
    await page.keyboard.press('Control+n');
    await choose(page, '不保存');
    await expect.poll(() => heading(page)).toBe('新建项目');
    const settings = await harness.rpc<{ fxRates: Record<string, unknown> }>('settings.get', {});
    expect(settings.fxRates).toEqual({});

    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the draft through a reload and offers to restore it', async () => {
    const context = await newLaptopContext(harness.browser);
    const { page, problems } = await openLedger(context);
    const unloadQuestions: string[] = [];
    page.on('dialog', (dialog) => {
      unloadQuestions.push(dialog.type());
      void dialog.accept();
    });

    await dataRows(page).filter({ hasText: nameB }).click();
    await onProject(page, nameB);
    await label(page, '下一步工作').fill('下周约见对方董事长');
    await expect.poll(() => keptKeys(page)).toEqual([`zhaoshang.projectDraft.${idB}`]);
    await page.reload();
    expect(unloadQuestions).toEqual(['beforeunload']);
    await expect.poll(() => dataRows(page).count()).toBeGreaterThan(0);

    await dataRows(page).filter({ hasText: nameB }).click();
    await onProject(page, nameB);
    const offer = page.getByRole('status').filter({ hasText: '尚未保存' });
    await expect
      .poll(() => offer.innerText())
      .toMatch(/上次编辑于 \d+月\d+日 \d\d:\d\d 的修改尚未保存/);
    expect(await label(page, '下一步工作').inputValue()).toBe('');
    await page.screenshot({ path: join(artifactsDir, 'leave-guard-restore.png') });
    await page.getByRole('button', { name: '恢复未保存的修改' }).click();
    expect(await label(page, '下一步工作').inputValue()).toBe('下周约见对方董事长');
    expect(await page.locator('.save-state').innerText()).toBe('有未保存的修改');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('已保存');
    expect(await keptKeys(page)).toEqual([]);

    // Ctrl+N's new project is kept as 'new'; 放弃 drops it.
    await page.keyboard.press('Control+n');
    await expect.poll(() => heading(page)).toBe('新建项目');
    await label(page, '项目名称').fill('意外关闭前填写的新项目');
    await expect.poll(() => keptKeys(page)).toEqual(['zhaoshang.projectDraft.new']);
    await page.reload();
    await expect.poll(() => dataRows(page).count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+n');
    await expect.poll(() => heading(page)).toBe('新建项目');
    await page.getByRole('button', { name: '放弃' }).click();
    expect(await label(page, '项目名称').inputValue()).toBe('');
    expect(await page.getByRole('button', { name: '恢复未保存的修改' }).count()).toBe(0);
    expect(await keptKeys(page)).toEqual([]);

    expect(problems).toEqual([]);
    await context.close();
  });
});
