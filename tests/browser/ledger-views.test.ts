// The 台账's filter bar, 「列」 menu and saved views in Chromium at 1366×768, through the browser
// harness: 30 projects with varied 招商责任人, 产业, 招商方式 and 签约年份; each filter's totals match
// a direct ledger.query; a hidden column leaves the header (and comes back), even after leaving the
// 台账; a saved view brings back its filters, columns and sort, is replaced by saving under the same
// name and can be deleted. Screenshots: tests/artifacts/ledger-filters.png (a view applied, the
// column menu open), ledger-columns.png (two columns hidden), ledger-view-save.png (saving under a taken name) and ledger-views.png (the
// 视图 menu with two views).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { WebServer } from '../../web/server';
import type { LedgerPage } from '../../domain/ledger';
import { ledgerColumnKeys } from '../../domain/ledger-columns';
import type { SavedView } from '../../domain/views';
import { artifactsDir, newLaptopContext, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

const owners = ['李明', '王芳', '张伟', '陈静', '司马长风（上海驻点招商二组）'];
const industries = ['集成电路', '新能源', '生物医药', '高端装备制造', '总部经济'];
const channels = [
  { channel: 'resident' },
  { channel: 'online' },
  { channel: 'referral', referrer: '德国商会' },
  { channel: 'direct' },
  { channel: 'fair', fairEdition: '第七届国际经贸洽谈会（2021）' },
];
const offices = ['上海', '北京', '本部', '深圳'];
const countries = ['DE', 'US', 'JP', 'KR', 'CN', 'SG', 'FR', 'HK'];
/** Five projects a year, newest first: 2023, 2022, … 2019, 2023. */
const years = [2023, 2022, 2021, 2020, 2019, 2023];
const longName =
  '西门子（中国）有限公司年产二十万台高端智能制造装备及工业自动化控制系统研发生产基地暨华东区域总部结算中心建设项目';

function seedProject(i: number) {
  const country = countries[i % countries.length]!;
  // Every seventh project is still being negotiated; the others are signed in their year.
  const signed = i % 7 !== 6;
  const year = years[Math.floor(i / 5) % years.length]!;
  return {
    name: i === 0 ? longName : `第${i + 1}号${industries[Math.floor(i / 3) % 5]}项目`,
    code: `ZS-T-${String(i + 1).padStart(3, '0')}`,
    investor: `测试投资方${i + 1}有限公司`,
    country,
    totalInvestmentCny: (i + 1) * 37_000_000,
    contractedFdiUsd: country === 'CN' ? null : (i + 1) * 1_500_000,
    industry: industries[Math.floor(i / 3) % industries.length],
    ...channels[i % channels.length],
    office: offices[i % offices.length],
    owner: owners[i % owners.length],
    stage: signed ? 'signed' : 'negotiating',
    ...(signed ? { signedOn: `${year}-${String((i % 12) + 1).padStart(2, '0')}-15` } : {}),
  };
}

const PROJECTS = 30;
const navLabels = { ledger: '台账', followups: '跟进' };

let harness: Harness;
let browser: Browser;
let server: WebServer;

const rpc = <T>(method: string, input: unknown): Promise<T> => harness.rpc<T>(method, input);

/** Totals of a filter straight from the dispatcher, as the 台账 should show them. */
async function totalsOf(filters: Record<string, unknown>): Promise<LedgerPage['totals']> {
  return (await rpc<LedgerPage>('ledger.query', { ...filters, limit: 1 })).totals;
}

const fixed2 = new Intl.NumberFormat('zh-CN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const yi = (yuan: number) => fixed2.format(yuan / 1e8);
const wan = (usd: number) => fixed2.format(usd / 1e4);

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-ledger-views-' });
  ({ server, browser } = harness);
  for (let i = 0; i < PROJECTS; i++) await rpc('project.create', seedProject(i));
});

afterAll(async () => {
  await harness?.close();
});

const bar = (page: Page) => page.getByRole('search', { name: '筛选台账' });
const filter = (page: Page, label: string) => bar(page).getByLabel(label, { exact: true });
const totalsRow = (page: Page) => page.getByRole('row', { name: '合计' });
const dataRows = (page: Page) => page.locator('.ledger-body [role="row"]:not(.placeholder)');
const header = (page: Page, name: string) => page.getByRole('columnheader', { name, exact: true });
const columnsButton = (page: Page) => page.getByRole('button', { name: /^列/ });
const columnsMenu = (page: Page) => page.getByRole('dialog', { name: '显示的列' });
const viewsButton = (page: Page) => page.getByRole('button', { name: /^视图/ });
const viewsMenu = (page: Page) => page.getByRole('dialog', { name: '已保存的视图' });

async function expectCount(page: Page, count: number): Promise<void> {
  await expect
    .poll(() => totalsRow(page).innerText())
    .toMatch(new RegExp(`项目数\\s*${count}\\s*个`));
}

async function selectedLabel(select: Locator): Promise<string> {
  return select.locator('option:checked').innerText();
}

async function openLedger(page: Page): Promise<void> {
  await page.goto(server.url);
  await expectCount(page, PROJECTS);
}

/** No sideways scrolling, for the page or the grid. */
async function overflow(page: Page): Promise<unknown> {
  // A string: tests are type-checked without the DOM library.
  return page.evaluate(`(() => {
    const scroller = document.querySelector('.ledger-scroll');
    return {
      page: document.documentElement.scrollWidth > window.innerWidth,
      table: scroller.scrollWidth > scroller.clientWidth,
    };
  })()`);
}

describe('台账 filters, columns and saved views', () => {
  it('filters by 招商责任人, 签约年份, 产业 and 招商方式 with the totals of ledger.query', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openLedger(page);

    // Every control has a visible label, and the bar fits 1366 px.
    for (const label of [
      '搜索',
      '地区',
      '规模',
      '阶段',
      '驻点',
      '招商责任人',
      '产业',
      '招商方式',
      '签约年份',
    ]) {
      expect(await bar(page).getByText(label, { exact: true }).isVisible(), label).toBe(true);
    }
    expect(await overflow(page)).toEqual({ page: false, table: false });

    const year = new Date().getFullYear();
    const yearOptions = await filter(page, '签约年份').locator('option').allInnerTexts();
    expect(yearOptions[0]).toBe('全部年份');
    expect(yearOptions[1]).toBe(String(year));
    expect(yearOptions.at(-1)).toBe('2015');
    expect(yearOptions).toHaveLength(year - 2015 + 2);

    // The promoters come from dictionary.list, every seeded owner among them.
    const ownerOptions = await filter(page, '招商责任人').locator('option').allInnerTexts();
    expect(ownerOptions[0]).toBe('全部责任人');
    for (const owner of owners) expect(ownerOptions).toContain(owner);
    const industryOptions = await filter(page, '产业').locator('option').allInnerTexts();
    for (const industry of industries) expect(industryOptions).toContain(industry);

    await filter(page, '招商责任人').selectOption('李明');
    let expected = await totalsOf({ owner: '李明' });
    expect(expected.count).toBe(6);
    await expectCount(page, expected.count);
    expect(await totalsRow(page).innerText()).toContain(yi(expected.totalInvestmentCny));

    await filter(page, '签约年份').selectOption('2023');
    expected = await totalsOf({ owner: '李明', signingYear: 2023 });
    expect(expected.count).toBe(2);
    await expectCount(page, expected.count);
    const totals = await totalsRow(page).innerText();
    expect(totals).toContain(yi(expected.totalInvestmentCny));
    expect(totals).toContain(wan(expected.contractedFdiUsd));
    for (const text of await dataRows(page).allInnerTexts()) {
      expect(text).toContain('李明');
      expect(text).toContain('2023-');
    }

    await bar(page).getByRole('button', { name: '清除筛选' }).click();
    await expectCount(page, PROJECTS);
    for (const label of ['招商责任人', '签约年份']) {
      expect(await filter(page, label).inputValue()).toBe('');
    }

    await filter(page, '产业').selectOption('新能源');
    expected = await totalsOf({ industry: '新能源' });
    await expectCount(page, expected.count);
    await filter(page, '招商方式').selectOption({ label: '上门/来访' });
    expected = await totalsOf({ industry: '新能源', channel: 'direct' });
    expect(expected.count).toBe(2);
    await expectCount(page, expected.count);
    // Nothing matches in 上海: the screen says so; 本部 has one.
    expect(await totalsOf({ industry: '新能源', channel: 'direct', office: '上海' })).toMatchObject(
      {
        count: 0,
      },
    );
    await filter(page, '驻点').selectOption({ label: '上海' });
    await expect
      .poll(() => page.getByRole('heading', { name: '没有符合条件的项目' }).count())
      .toBe(1);
    await filter(page, '驻点').selectOption({ label: '本部' });
    expected = await totalsOf({ industry: '新能源', channel: 'direct', office: '本部' });
    expect(expected.count).toBe(1);
    await expectCount(page, expected.count);

    // 「清除筛选」 clears every filter, those of the second row too.
    await bar(page).getByRole('button', { name: '清除筛选' }).click();
    await expectCount(page, PROJECTS);
    for (const label of ['产业', '招商方式', '驻点']) {
      expect(await filter(page, label).inputValue()).toBe('');
    }
    expect(await bar(page).getByRole('button', { name: '清除筛选' }).count()).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('hides and shows columns from 「列」; 项目名称 stays; the choice survives leaving the 台账', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openLedger(page);
    const fdi = '合同外资（万美元）';

    await columnsButton(page).click();
    const menu = columnsMenu(page);
    const boxes = menu.getByRole('checkbox');
    // Every column of the Excel export but 序号 (国别/地区 stands for two): 40 of its 42.
    expect(ledgerColumnKeys).toHaveLength(41);
    expect(await boxes.count()).toBe(ledgerColumnKeys.length);
    const name = menu.getByLabel('项目名称', { exact: true });
    expect(await name.isChecked()).toBe(true);
    expect(await name.isDisabled()).toBe(true);

    expect(await header(page, fdi).count()).toBe(1);
    await menu.getByLabel(fdi, { exact: true }).uncheck();
    await expect.poll(() => header(page, fdi).count()).toBe(0);
    await menu.getByLabel('投资方', { exact: true }).uncheck();
    await expect.poll(() => header(page, '投资方').count()).toBe(0);
    expect(await columnsButton(page).innerText()).toContain(`9/${ledgerColumnKeys.length}`);
    // A hidden column is not totalled: only 总投资 is.
    expect(await totalsRow(page).locator('[data-sum]').count()).toBe(1);
    expect(await totalsRow(page).innerText()).not.toContain('合同外资');
    const cells = await dataRows(page).first().getByRole('cell').count();
    expect(cells).toBe(9);
    expect(await overflow(page)).toEqual({ page: false, table: false });

    await page.keyboard.press('Escape');
    await expect.poll(() => columnsMenu(page).count()).toBe(0);
    await page.screenshot({ path: join(artifactsDir, 'ledger-columns.png') });

    // Away and back: the columns stay hidden.
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: navLabels.followups, exact: true }).click();
    await expect.poll(() => page.locator('.ledger-screen').count()).toBe(0);
    await nav.getByRole('button', { name: navLabels.ledger, exact: true }).click();
    await expectCount(page, PROJECTS);
    expect(await header(page, fdi).count()).toBe(0);
    expect(await header(page, '投资方').count()).toBe(0);

    await columnsButton(page).click();
    await columnsMenu(page).getByLabel(fdi, { exact: true }).check();
    await expect.poll(() => header(page, fdi).count()).toBe(1);
    await columnsMenu(page).getByRole('button', { name: '恢复默认' }).click();
    await expect.poll(() => header(page, '投资方').count()).toBe(1);
    expect(await totalsRow(page).locator('.ledger-totals-extra').count()).toBe(0);
    // A click outside closes the menu.
    await page.getByRole('heading', { name: '项目台账' }).click();
    await expect.poll(() => columnsMenu(page).count()).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('saves a view, brings back its filters, columns and sort, replaces it by name and deletes it', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openLedger(page);
    const viewName = '王芳 2023 年签约项目（按总投资从大到小）';
    const amountHeader = header(page, '总投资（亿元）');
    const nameHeader = header(page, '项目名称');

    await viewsButton(page).click();
    await expect.poll(() => viewsMenu(page).innerText()).toContain('还没有保存的视图');
    await page.keyboard.press('Escape');

    // The state to save: two filters, 投资方 hidden, sorted by 总投资 largest first.
    await filter(page, '招商责任人').selectOption('王芳');
    await filter(page, '签约年份').selectOption('2023');
    const expected = await totalsOf({ owner: '王芳', signingYear: 2023 });
    await expectCount(page, expected.count);
    await columnsButton(page).click();
    await columnsMenu(page).getByLabel('投资方', { exact: true }).uncheck();
    await page.keyboard.press('Escape');
    await amountHeader.getByRole('button').click();
    await expect.poll(() => amountHeader.getAttribute('aria-sort')).toBe('descending');

    await viewsButton(page).click();
    await viewsMenu(page).getByRole('button', { name: '保存为视图…' }).click();
    const nameBox = viewsMenu(page).getByLabel('视图名称');
    await viewsMenu(page).getByRole('button', { name: '保存', exact: true }).click();
    expect(await viewsMenu(page).getByRole('alert').innerText()).toContain('请填写视图名称');
    await nameBox.fill(viewName);
    await viewsMenu(page).getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => viewsMenu(page).count()).toBe(0);
    await expect.poll(() => viewsButton(page).innerText()).toContain(viewName);

    let saved = await rpc<SavedView[]>('view.list', undefined);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe(viewName);
    expect(saved[0]!.definition.filters).toMatchObject({ owner: ['王芳'], signingYear: 2023 });
    expect(saved[0]!.definition.columns).not.toContain('investor');
    expect(saved[0]!.definition.columns).toContain('name');
    expect(saved[0]!.definition.sort).toEqual({ key: 'totalInvestment', dir: 'desc' });

    // Back to everything: no filter, the default columns, sorted by name.
    await bar(page).getByRole('button', { name: '清除筛选' }).click();
    await expectCount(page, PROJECTS);
    await columnsButton(page).click();
    await columnsMenu(page).getByRole('button', { name: '恢复默认' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => header(page, '投资方').count()).toBe(1);
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect((await viewsButton(page).innerText()).trim()).toMatch(/^视图\s*▾?$/);

    // Applying the view brings all of it back.
    await viewsButton(page).click();
    await viewsMenu(page).getByRole('button', { name: viewName, exact: true }).click();
    await expect.poll(() => viewsMenu(page).count()).toBe(0);
    await expectCount(page, expected.count);
    expect(await selectedLabel(filter(page, '招商责任人'))).toBe('王芳');
    expect(await selectedLabel(filter(page, '签约年份'))).toBe('2023');
    expect(await header(page, '投资方').count()).toBe(0);
    expect(await amountHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await nameHeader.getAttribute('aria-sort')).toBe('none');
    expect(await totalsRow(page).innerText()).toContain(yi(expected.totalInvestmentCny));
    const amounts = await dataRows(page).evaluateAll((rows) =>
      rows.map((row) =>
        Number(row.querySelectorAll('[role="cell"]')[4]?.textContent?.replace(/,/g, '')),
      ),
    );
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(await viewsButton(page).innerText()).toContain(viewName);

    await columnsButton(page).click();
    expect(await columnsMenu(page).getByLabel('投资方', { exact: true }).isChecked()).toBe(false);
    expect(await overflow(page)).toEqual({ page: false, table: false });
    await page.screenshot({ path: join(artifactsDir, 'ledger-filters.png') });
    await page.keyboard.press('Escape');

    // Saving under the same name replaces the view: now with 投资方 shown.
    await columnsButton(page).click();
    await columnsMenu(page).getByLabel('投资方', { exact: true }).check();
    await page.keyboard.press('Escape');
    await expect.poll(() => viewsButton(page).innerText()).not.toContain(viewName);
    await viewsButton(page).click();
    await viewsMenu(page).getByRole('button', { name: '保存为视图…' }).click();
    await viewsMenu(page).getByLabel('视图名称').fill(viewName);
    expect(await viewsMenu(page).innerText()).toContain('已有同名视图，保存将替换它');
    await page.screenshot({ path: join(artifactsDir, 'ledger-view-save.png') });
    await viewsMenu(page).getByLabel('视图名称').press('Enter');
    await expect.poll(() => viewsButton(page).innerText()).toContain(viewName);
    saved = await rpc<SavedView[]>('view.list', undefined);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.definition.columns).toContain('investor');

    // A second view, then the 视图 menu as a screenshot, then both deleted.
    await bar(page).getByRole('button', { name: '清除筛选' }).click();
    await filter(page, '阶段').selectOption({ label: '在谈' });
    await viewsButton(page).click();
    await viewsMenu(page).getByRole('button', { name: '保存为视图…' }).click();
    await viewsMenu(page).getByLabel('视图名称').fill('在谈项目');
    await viewsMenu(page).getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => viewsButton(page).innerText()).toContain('在谈项目');
    await viewsButton(page).click();
    await expect.poll(() => viewsMenu(page).getByRole('listitem').count()).toBe(2);
    await page.screenshot({ path: join(artifactsDir, 'ledger-views.png') });

    await viewsMenu(page)
      .getByRole('button', { name: `删除视图「${viewName}」` })
      .click();
    await viewsMenu(page)
      .getByRole('button', { name: `确认删除视图「${viewName}」` })
      .click();
    await expect.poll(() => viewsMenu(page).getByRole('listitem').count()).toBe(1);
    await viewsMenu(page).getByRole('button', { name: '删除视图「在谈项目」' }).click();
    await viewsMenu(page).getByRole('button', { name: '确认删除视图「在谈项目」' }).click();
    await expect.poll(() => viewsMenu(page).innerText()).toContain('还没有保存的视图');
    expect(await rpc<SavedView[]>('view.list', undefined)).toEqual([]);
    await page.keyboard.press('Escape');
    // The filters stay as they were: deleting a view changes nothing on screen.
    expect(await selectedLabel(filter(page, '阶段'))).toBe('在谈');

    expect(problems).toEqual([]);
    await context.close();
  });
});
