// The project page and form in Chromium at 1366×768, through the browser harness: a project created
// through the form by label shows in the 台账 with its tier and region (shown live while typing);
// opened from the ledger it takes stage 签约 with a date, an activity, a follow-up and an arrival,
// and its change history lists the edits; an invalid amount or an impossible date shows an inline
// error and saves nothing; Ctrl+N opens an empty form. No console error, no CSP violation.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startWebServer } from '../../web/server';
import type { WebServer } from '../../web/server';
import { tempDir } from '../helpers';
import {
  artifactsDir,
  launchChromium,
  newLaptopContext,
  requireBuiltRenderer,
  watchProblems,
  httpRpc,
} from './harness';

const existing = {
  name: '华润微电子功率半导体封测基地',
  investor: '华润微电子有限公司',
  country: 'CN',
  totalInvestmentCny: 300_000_000,
  stage: 'lead',
  office: '本部',
};

const newName = '博世新能源汽车电驱系统华东生产基地项目';
const longName =
  '西门子（中国）有限公司年产二十万台高端智能制造装备及工业自动化控制系统研发生产基地暨华东区域总部结算中心建设项目';

let browser: Browser;
let server: WebServer;

const rpc = <T>(method: string, input?: unknown) => httpRpc<T>(server, method, input);

interface Page1 {
  rows: { id: string; name: string; tier: string | null; region: string | null }[];
  totals: { count: number };
}
const ledger = () => rpc<Page1>('ledger.query', { limit: 100 });
const projectCount = async () => (await ledger()).totals.count;

beforeAll(async () => {
  requireBuiltRenderer();
  server = await startWebServer({
    port: 0,
    dbFile: join(tempDir('zs-project-'), 'crm.sqlite'),
    user: '测试员',
    office: '上海',
  });
  await rpc('project.create', existing);
  // This year's 美元 rate, as 本部 sets it: the form converts at the year's own rate or not at all.
  await rpc('settings.update', { usdRates: { [new Date().getFullYear()]: 6.45 } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const dataRows = (page: Page) => page.locator('.ledger-body [role="row"]:not(.placeholder)');
const label = (page: Page, text: string) => page.getByLabel(text, { exact: true });
const saveState = (page: Page) => page.locator('.save-state');
const classBox = (page: Page) => page.locator('.project-class');
/** The inline message under a field: the element its input's aria-describedby names. */
const fieldError = async (page: Page, text: string) => {
  const describedBy = await label(page, text).getAttribute('aria-describedby');
  return describedBy ? page.locator(`[id="${describedBy}"]`).innerText() : null;
};

async function openLedger(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(server.url);
  await expect.poll(() => dataRows(page).count()).toBeGreaterThan(0);
  return { page, problems };
}

/** Nothing sticks out sideways at 1366 px. A string: tests have no DOM types. */
const overflowsSideways = (page: Page) =>
  page.evaluate(`document.documentElement.scrollWidth > window.innerWidth`);

describe('project page in the browser', () => {
  it('creates a project through the form by label; 台账 shows it with tier 10–50亿 and region 德日', async () => {
    const context = await newLaptopContext(browser);
    const { page, problems } = await openLedger(context);
    expect(await dataRows(page).count()).toBe(1);

    await page.getByRole('button', { name: '新建项目' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('新建项目');
    await expect
      .poll(() => page.getByRole('tab', { name: '项目信息' }).getAttribute('aria-selected'))
      .toBe('true');
    // A new project is the user's own until they say otherwise: their 驻点 and name.
    expect(await label(page, '驻点').locator('option:checked').innerText()).toBe('上海');
    expect(await label(page, '招商责任人').locator('option:checked').innerText()).toBe('测试员');

    await label(page, '项目名称').fill(newName);
    await label(page, '投资方').fill('罗伯特·博世有限公司');
    await label(page, '国别/地区').selectOption('DE');
    expect(await label(page, '国别/地区').locator('option:checked').innerText()).toBe('德国 DE');
    await label(page, '总投资').fill('10');

    // Region and tier follow the country, amount and currency as they change.
    await expect.poll(() => classBox(page).innerText()).toContain('德日');
    expect(await classBox(page).innerText()).toContain('10–50亿');
    await page.getByLabel('总投资币种').selectOption('USD');
    await expect.poll(() => classBox(page).innerText()).toMatch(/规模档次\s*无/);
    await label(page, '总投资').fill('20000');
    await expect.poll(() => classBox(page).innerText()).toContain('10–50亿'); // 2亿美元 ≈ 12.9亿元
    expect(await classBox(page).innerText()).toContain('折合');
    // 欧元, 日元 …: typed in 万 of the currency; no 欧元 rate for the year yet, so no 元 figure.
    await page.getByLabel('总投资币种').selectOption('EUR');
    expect(await label(page, '总投资').getAttribute('placeholder')).toBe('单位：万欧元');
    await expect.poll(() => classBox(page).innerText()).toContain('未设置欧元汇率，无法折算');
    expect(await classBox(page).innerText()).toMatch(/规模档次\s*—/);
    await page.screenshot({ path: join(artifactsDir, 'project-form-currency.png') });
    await page.getByLabel('总投资币种').selectOption('CNY');
    await label(page, '总投资').fill('10');
    await label(page, '国别/地区').selectOption('US');
    await expect.poll(() => classBox(page).innerText()).toContain('欧美');
    await label(page, '国别/地区').selectOption('DE');
    await expect.poll(() => classBox(page).innerText()).toContain('德日');

    await label(page, '合同外资（万美元）').fill('8000');
    await label(page, '用地（亩）').fill('150');
    await label(page, '计划签约日期').fill('2024-06-30');
    await label(page, '招商方式').selectOption({ label: '展会' });
    expect(await label(page, '展会届次').count()).toBe(1); // shown only for a channel that needs it
    await label(page, '展会届次').fill('第六届进博会');
    await label(page, '驻点').selectOption({ label: '上海' });
    await label(page, '招商责任人').selectOption({ label: '测试员' });
    await label(page, '产业').fill('新能源汽车');
    await label(page, '产业项目').check();
    await label(page, '存在问题').fill('用地指标尚未落实');
    await label(page, '下一步工作').fill('6 月底前赴斯图加特总部拜访');
    expect(await overflowsSideways(page)).toBe(false);
    await label(page, '项目名称').focus(); // back to the top of the form
    await page.screenshot({ path: join(artifactsDir, 'project-form.png') });

    await page.keyboard.press('Control+s');
    await expect.poll(() => saveState(page).innerText()).toBe('已保存');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(newName);

    const saved = (await ledger()).rows.find((r) => r.name === newName);
    expect(saved).toMatchObject({ tier: 't10_50', region: 'de_jp' });
    const record = await rpc<Record<string, unknown>>('project.get', { id: saved?.id });
    expect(record).toMatchObject({
      investor: '罗伯特·博世有限公司',
      country: 'DE',
      totalInvestmentCny: 1_000_000_000,
      contractedFdiUsd: 80_000_000,
      landAreaMu: 150,
      plannedSignedOn: '2024-06-30',
      channel: '展会',
      fairEdition: '第六届进博会',
      office: '上海',
      owner: '测试员',
      industrial: true,
      stage: 'lead',
    });

    await page.getByRole('button', { name: '← 返回台账' }).click();
    await expect.poll(() => dataRows(page).count()).toBe(2);
    const row = dataRows(page).filter({ hasText: newName });
    const rowText = await row.innerText();
    expect(rowText).toContain('10–50亿');
    expect(rowText).toContain('德日');
    expect(rowText).toContain('10.00'); // 总投资（亿元）

    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens from the ledger; stage 签约 with a date, an activity, a follow-up, an arrival, and the change history', async () => {
    const context = await newLaptopContext(browser);
    const { page, problems } = await openLedger(context);
    await dataRows(page).filter({ hasText: existing.name }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe(existing.name);
    expect(await label(page, '项目名称').inputValue()).toBe(existing.name);
    expect(await label(page, '总投资').inputValue()).toBe('3');
    expect(await classBox(page).innerText()).toContain('境内');

    await label(page, '阶段').selectOption({ label: '签约' });
    await label(page, '签约日期').fill('2024-03-18');
    await label(page, '计划开工日期').fill('2024-09-01');
    await label(page, '总投资').fill('12.5');
    await expect.poll(() => classBox(page).innerText()).toContain('10–50亿');
    await expect.poll(() => saveState(page).innerText()).toBe('有未保存的修改');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => saveState(page).innerText()).toBe('已保存');
    const id = (await ledger()).rows.find((r) => r.name === existing.name)?.id;
    expect(await rpc('project.get', { id })).toMatchObject({
      stage: 'signed',
      signedOn: '2024-03-18',
      plannedStartedOn: '2024-09-01',
      totalInvestmentCny: 1_250_000_000,
      tier: 't10_50',
    });
    await page.screenshot({ path: join(artifactsDir, 'project-page.png') });

    // 活动记录: two entries, the newest first.
    await page.getByRole('tab', { name: '活动记录' }).click();
    await expect.poll(() => page.locator('.tab-empty').innerText()).toContain('还没有活动记录');
    await label(page, '活动类型').selectOption({ label: '拜访' });
    await label(page, '活动日期').fill('2024-02-01');
    await label(page, '参与人员').fill('王总（总经理）、测试员');
    await label(page, '活动内容').fill('首次拜访，介绍园区封测产业链');
    await page.getByRole('button', { name: '添加活动' }).click();
    await expect.poll(() => page.locator('.timeline-item').count()).toBe(1);
    await label(page, '活动类型').selectOption({ label: '来访' });
    await label(page, '活动日期').fill('2024/3/10');
    await label(page, '活动内容').fill('对方来访考察地块，基本认可选址');
    await page.getByRole('button', { name: '添加活动' }).click();
    await expect.poll(() => page.locator('.timeline-item').count()).toBe(2);
    const timeline = await page.locator('.timeline-item').allInnerTexts();
    expect(timeline[0]).toContain('2024年3月10日');
    expect(timeline[0]).toContain('来访');
    expect(timeline[1]).toContain('首次拜访');
    expect(timeline[1]).toContain('记录人：测试员');
    await page.screenshot({ path: join(artifactsDir, 'project-activities.png') });

    // 跟进事项: added, then ticked off.
    await page.getByRole('tab', { name: '跟进事项' }).click();
    await expect.poll(() => page.locator('.tab-empty').innerText()).toContain('还没有跟进事项');
    await label(page, '跟进内容').fill('寄送园区用地及能耗指标资料');
    await label(page, '截止日期').fill('2099-01-15');
    await page.getByRole('button', { name: '添加跟进' }).click();
    await expect.poll(() => page.locator('.task-item').count()).toBe(1);
    expect(await page.locator('.task-item').innerText()).toContain('2099年1月15日到期');
    const tasks = await rpc<{ title: string; done: boolean }[]>('task.list', { projectId: id });
    expect(tasks).toMatchObject([{ title: '寄送园区用地及能耗指标资料', done: false }]);
    await label(page, '寄送园区用地及能耗指标资料').click();
    await expect.poll(() => page.locator('.task-item.done').count()).toBe(1);
    await label(page, '跟进内容').fill('约对方董事长来访考察');
    await label(page, '截止日期').fill('2020-01-01');
    await page.getByRole('button', { name: '添加跟进' }).click();
    await expect.poll(() => page.locator('.task-due.late').count()).toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'project-tasks.png') });

    // 到资记录
    await page.getByRole('tab', { name: '到资记录' }).click();
    await label(page, '到资类别').selectOption({ label: '到位内资' });
    expect(await page.getByLabel('到资金额单位').inputValue()).toBe('CNY');
    await label(page, '到资日期').fill('2024-05-20');
    await label(page, '到资金额').fill('5000');
    await page.getByRole('button', { name: '登记到资' }).click();
    await expect.poll(() => page.locator('.tab-table tbody tr').count()).toBe(1);
    expect(await page.locator('.tab-table').innerText()).toContain('5,000万元');
    const arrivals = await rpc<{ amount: number; currency: string; kind: string }[]>(
      'arrival.list',
      { projectId: id },
    );
    expect(arrivals).toMatchObject([{ amount: 50_000_000, currency: 'CNY', kind: 'domestic' }]);
    await page.screenshot({ path: join(artifactsDir, 'project-arrivals.png') });
    await page.getByRole('button', { name: '删除 2024年5月20日 的到资记录' }).click();
    await page.getByRole('button', { name: '确认删除 2024年5月20日 的到资记录' }).click();
    await expect.poll(() => page.locator('.tab-empty').innerText()).toContain('还没有到资记录');

    // 变更记录: the edits, newest first, with who made them.
    await page.getByRole('tab', { name: '变更记录' }).click();
    const history = page.getByRole('table', { name: '变更记录列表' });
    await expect.poll(() => history.count()).toBe(1);
    const historyText = await history.innerText();
    expect(historyText).toMatch(/阶段\s*线索\s*签约/);
    expect(historyText).toMatch(/签约日期\s*（空）\s*2024-03-18/);
    expect(historyText).toMatch(/总投资\s*3亿元\s*12\.5亿元/);
    expect(historyText).toContain('测试员');
    await page.screenshot({ path: join(artifactsDir, 'project-history.png') });

    expect(await overflowsSideways(page)).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an invalid amount or an impossible date shows an inline error and saves nothing', async () => {
    const context = await newLaptopContext(browser);
    const { page, problems } = await openLedger(context);
    const before = await projectCount();

    await page.keyboard.press('Control+n');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('新建项目');
    await label(page, '项目名称').fill('无效金额测试项目');
    await label(page, '总投资').fill('-5');
    await page.keyboard.press('Control+s');
    await expect.poll(() => fieldError(page, '总投资')).toBe('总投资不能为负数');
    expect(await label(page, '总投资').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').innerText()).toContain('项目尚未保存');

    await label(page, '总投资').fill('abc');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => fieldError(page, '总投资')).toBe('总投资须为数字');

    await label(page, '总投资').fill('5');
    await label(page, '签约日期').fill('2021-02-30');
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => fieldError(page, '签约日期'))
      .toBe('签约日期不是存在的日期（格式为 YYYY-MM-DD）');
    expect(await fieldError(page, '总投资')).toBeNull();

    // A stage that contradicts the dates is the backend's rule too: shown under 阶段.
    await label(page, '签约日期').fill('');
    await label(page, '阶段').selectOption({ label: '开工' });
    await page.keyboard.press('Control+s');
    await expect.poll(() => fieldError(page, '阶段')).toBe('阶段为开工时须填写开工日期');
    await label(page, '阶段').selectOption({ label: '终止' });
    await page.keyboard.press('Control+s');
    await expect.poll(() => fieldError(page, '终止原因')).toBe('终止项目须填写终止原因');
    expect(await saveState(page).innerText()).not.toBe('已保存');
    expect(await projectCount()).toBe(before);

    // An existing project: the bad value is not sent, the stored one stays.
    await page.getByRole('button', { name: '← 返回台账' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '不保存' }).click();
    await dataRows(page).filter({ hasText: newName }).click();
    await expect.poll(() => label(page, '项目名称').inputValue()).toBe(newName);
    await label(page, '总投资').fill('-5');
    await label(page, '竣工日期').fill('2024-13-01');
    await page.keyboard.press('Control+s');
    await expect.poll(() => fieldError(page, '总投资')).toBe('总投资不能为负数');
    expect(await fieldError(page, '竣工日期')).toBe('竣工日期不是存在的日期（格式为 YYYY-MM-DD）');
    await page.screenshot({ path: join(artifactsDir, 'project-invalid.png') });
    const id = (await ledger()).rows.find((r) => r.name === newName)?.id;
    expect(await rpc('project.get', { id })).toMatchObject({
      totalInvestmentCny: 1_000_000_000,
      completedOn: null,
    });
    expect(await projectCount()).toBe(before);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the backend message when a save fails, cuts long names, and Ctrl+N starts afresh', async () => {
    const context = await newLaptopContext(browser);
    const { page, problems } = await openLedger(context);

    await page.keyboard.press('Control+n');
    await label(page, '项目名称').fill(longName);
    await label(page, '投资方').fill('西门子（中国）有限公司');
    await page.keyboard.press('Control+s');
    await expect.poll(() => saveState(page).innerText()).toBe('已保存');
    const title = page.getByRole('heading', { level: 1 });
    expect(
      await title.evaluate((el) => ({
        cut: el.scrollWidth > el.clientWidth,
        ellipsis: el.ownerDocument.defaultView?.getComputedStyle(el).textOverflow,
      })),
    ).toEqual({ cut: true, ellipsis: 'ellipsis' });
    expect(await overflowsSideways(page)).toBe(false);

    // The project is deleted behind the page's back: the save fails with the backend's message.
    const id = (await ledger()).rows.find((r) => r.name === longName)?.id;
    await rpc('project.delete', { id });
    await label(page, '用地（亩）').fill('80');
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('保存失败：记录不存在或已删除');

    // Ctrl+N on a saved project's page: an empty form, not the old project (the failed edit is
    // asked about first, and dropped).
    await page.keyboard.press('Control+n');
    await page.getByRole('dialog').getByRole('button', { name: '不保存' }).click();
    await expect.poll(() => title.innerText()).toBe('新建项目');
    expect(await label(page, '项目名称').inputValue()).toBe('');
    await page.getByRole('tab', { name: '活动记录' }).click();
    expect(await page.getByRole('heading', { name: '先保存项目' }).count()).toBe(1);

    expect(problems).toEqual([]);
    await context.close();
  });
});
