// The 台账 as the office's sheet, in Chromium through the browser harness: the 「列」 menu shows four
// of the export's extra columns, moves one with the keyboard, a header's edge is dragged wider; the
// totals row totals exactly the summable columns shown (as ledger.query sums them); the view is
// saved, the page reloaded, the view applied again with its columns, order and width; the Excel
// export follows the view's columns and its file re-imports with nothing new or changed.
// Screenshots: ledger-columns-wide-1366.png (many columns, scrolled sideways), ledger-columns-menu-
// 1366.png (the menu), ledger-columns-wide-1280.png and ledger-columns-menu-1280.png (1280×720).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LedgerPage } from '../../domain/ledger';
import { ledgerColumnKeys } from '../../domain/ledger-columns';
import type { LedgerImportResult } from '../../domain/excel/calls';
import type { SavedView } from '../../domain/views';
import { artifactsDir, newLaptopContext, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

const PROJECTS = 24;
const industries = ['集成电路', '新能源汽车', '生物医药', '高端装备制造'];
const platforms = ['智能制造产业园', '国际创新港（中德合作区）', null];

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-ledger-columns-' });
  for (let i = 0; i < PROJECTS; i++) {
    const { id } = await harness.rpc<{ id: string }>('project.create', {
      name: `第${i + 1}号${industries[i % 4]}项目`,
      code: `ZS-C-${String(i + 1).padStart(3, '0')}`,
      investor: `列测试投资方${i + 1}有限公司`,
      country: i % 3 ? 'DE' : 'JP',
      totalInvestmentCny: (i + 1) * 45_000_000,
      contractedFdiUsd: (i + 1) * 1_200_000,
      industry: industries[i % 4],
      office: '上海',
      owner: '李明',
      landAreaMu: i % 2 ? 40 + i * 2.5 : null,
      platform: platforms[i % 3],
      problems: i % 4 === 0 ? '等待环评批复，土地指标尚未落实，需要协调市自然资源和规划局' : null,
      stage: 'signed',
      signedOn: `2024-${String((i % 12) + 1).padStart(2, '0')}-10`,
    });
    if (i % 3 === 0) {
      await harness.rpc('arrival.create', {
        projectId: id,
        arrivedOn: '2024-09-30',
        amount: (i + 2) * 500_000,
        currency: 'USD',
        kind: 'fdi',
      });
    }
  }
});

afterAll(async () => {
  await harness?.close();
});

const totalsRow = (page: Page) => page.getByRole('row', { name: '合计' });
const columnsButton = (page: Page) => page.getByRole('button', { name: /^列/ });
const columnsMenu = (page: Page) => page.getByRole('dialog', { name: '显示的列' });
const viewsButton = (page: Page) => page.getByRole('button', { name: /^视图/ });
const viewsMenu = (page: Page) => page.getByRole('dialog', { name: '已保存的视图' });
const headerTexts = (page: Page) =>
  page
    .locator('.ledger-head [role="columnheader"]')
    .evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').replace(/[▲▼]/g, '').trim()));
const headerWidth = (page: Page, name: string) =>
  page
    .getByRole('columnheader', { name, exact: true })
    .evaluate((el) => el.getBoundingClientRect().width);
/** Which totals cells there are, by column id. */
const sumCells = (page: Page) =>
  totalsRow(page)
    .locator('[data-sum]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-sum')));
const sumText = (page: Page, id: string) =>
  totalsRow(page).locator(`[data-sum="${id}"] .cell-text`).innerText();

const fixed2 = new Intl.NumberFormat('zh-CN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const area = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** Header texts cut short (ellipsis or overflow) and whether the grid scrolls sideways. */
async function layout(page: Page): Promise<{ clipped: string[]; sideways: boolean }> {
  // A string: tests are type-checked without the DOM library.
  return page.evaluate(`(() => {
    const clipped = [...document.querySelectorAll('.ledger-head .sort-button, .ledger-head .ledger-th-text')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent);
    const scroller = document.querySelector('.ledger-scroll');
    return { clipped, sideways: scroller.scrollWidth > scroller.clientWidth };
  })()`);
}

async function screenshots(page: Page, size: string): Promise<void> {
  await page.locator('.ledger-scroll').evaluate((el) => el.scrollTo({ left: 600 }));
  await page.screenshot({ path: join(artifactsDir, `ledger-columns-wide-${size}.png`) });
  await page.locator('.ledger-scroll').evaluate((el) => el.scrollTo({ left: 0 }));
}

const extra = ['产业', '用地（亩）', '实到外资（万美元）', '存在问题'];

describe('台账 columns as the office sheet', () => {
  it('shows, orders and sizes columns; totals follow; the view keeps them; Excel follows the view', async () => {
    const context = await newLaptopContext(harness.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(harness.server.url);
    await expect.poll(() => totalsRow(page).innerText()).toMatch(/项目数\s*24\s*个/);
    expect(await headerTexts(page)).toHaveLength(11);
    expect((await layout(page)).sideways).toBe(false);

    // Four more columns from 「列」: each lands at the end, in the order checked.
    await columnsButton(page).click();
    const menu = columnsMenu(page);
    for (const name of extra) await menu.getByLabel(name, { exact: true }).check();
    await expect.poll(async () => (await headerTexts(page)).slice(-4)).toEqual(extra);
    expect(await columnsButton(page).innerText()).toContain(`15/${ledgerColumnKeys.length}`);

    // 产业 moves up three places by keyboard (the focus stays on its button), then down one and
    // up one again: it ends between 阶段 and 驻点.
    await menu.getByRole('button', { name: '上移「产业」' }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe(
      '下移「产业」',
    );
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    const order = await headerTexts(page);
    expect(order.slice(7, 10)).toEqual(['阶段', '产业', '驻点']);
    expect(order.slice(-3)).toEqual(['用地（亩）', '实到外资（万美元）', '存在问题']);
    // The visible list in the menu follows the same order, 项目名称 fixed as shown.
    const listed = await menu
      .getByRole('list', { name: '显示的列', exact: true })
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((b) => b.parentElement?.textContent ?? ''));
    expect(listed).toEqual(order);
    await page.screenshot({ path: join(artifactsDir, 'ledger-columns-menu-1366.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => columnsMenu(page).count()).toBe(0);
    expect(await page.evaluate('document.activeElement.getAttribute("aria-expanded")')).toBe(
      'false',
    );
    expect(await page.evaluate('document.activeElement.textContent')).toMatch(/^列/);

    // Totals: one per summable column shown, equal to ledger.query's sums.
    const all = (
      await harness.rpc<LedgerPage>('ledger.query', {
        limit: 1,
        sums: ['landAreaMu', 'paidInFdiUsd', 'totalInvestmentUsd', 'domesticCapitalCny'],
      })
    ).totals;
    await expect
      .poll(() => sumCells(page))
      .toEqual(['totalInvestment', 'contractedFdiUsd', 'landAreaMu', 'paidInFdiUsd']);
    expect(await sumText(page, 'landAreaMu')).toBe(area.format(all.landAreaMu!));
    expect(await sumText(page, 'paidInFdiUsd')).toBe(fixed2.format(all.paidInFdiUsd! / 1e4));
    expect(all.paidInFdiUsd).toBeGreaterThan(0);
    expect(all.landAreaMu).toBeGreaterThan(0);

    // 存在问题 is dragged 120 px wider by its header's right edge.
    const before = await headerWidth(page, '存在问题');
    const handle = page.locator('[data-resize="problems"]');
    await handle.scrollIntoViewIfNeeded();
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + 120 + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    const wider = await headerWidth(page, '存在问题');
    expect(wider).toBeGreaterThan(before + 110);
    expect(wider).toBeLessThan(before + 130);
    // The body cells follow the header's width.
    const cellWidth = await page
      .locator('.ledger-body [role="row"]:not(.placeholder)')
      .first()
      .getByRole('cell')
      .last()
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(Math.abs(cellWidth - wider)).toBeLessThan(1);

    // Many columns: the grid scrolls sideways, the page does not, no Chinese header is cut.
    const wide = await layout(page);
    expect(wide).toEqual({ clipped: [], sideways: true });
    expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(
      false,
    );
    await screenshots(page, '1366');

    // Saved as a view: its columns in order, and the one width set.
    await viewsButton(page).click();
    await viewsMenu(page).getByRole('button', { name: '保存为视图…' }).click();
    await viewsMenu(page).getByLabel('视图名称').fill('产业用地与问题');
    await viewsMenu(page).getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => viewsButton(page).innerText()).toContain('产业用地与问题');
    const [view] = await harness.rpc<SavedView[]>('view.list', undefined);
    expect(view!.definition.columns).toEqual([
      'code',
      'name',
      'investor',
      'region',
      'tier',
      'totalInvestment',
      'contractedFdiUsd',
      'stage',
      'industry',
      'office',
      'owner',
      'signedOn',
      'landAreaMu',
      'paidInFdiUsd',
      'problems',
    ]);
    expect(Object.keys(view!.definition.widths ?? {})).toEqual(['problems']);
    expect(view!.definition.widths!.problems).toBe(Math.round(wider));

    // A reload forgets the screen's state; applying the view brings columns, order and width back.
    await page.reload();
    await expect.poll(() => totalsRow(page).innerText()).toMatch(/项目数\s*24\s*个/);
    expect(await headerTexts(page)).toHaveLength(11);
    await viewsButton(page).click();
    await viewsMenu(page).getByRole('button', { name: '产业用地与问题', exact: true }).click();
    await expect.poll(() => headerTexts(page)).toEqual(order);
    expect(Math.abs((await headerWidth(page, '存在问题')) - wider)).toBeLessThan(1);
    await expect
      .poll(() => sumCells(page))
      .toEqual(['totalInvestment', 'contractedFdiUsd', 'landAreaMu', 'paidInFdiUsd']);

    // Hiding 合同外资 takes its total away too; nothing else is totalled in its place.
    await columnsButton(page).click();
    await columnsMenu(page).getByLabel('合同外资（万美元）', { exact: true }).uncheck();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => sumCells(page))
      .toEqual(['totalInvestment', 'landAreaMu', 'paidInFdiUsd']);
    expect(await totalsRow(page).innerText()).not.toContain('合同外资');

    // The Excel export of this view: 序号, then its columns in order (国别/地区 is two in the sheet).
    await page.getByRole('button', { name: 'Excel', exact: true }).click();
    const excel = page.getByRole('dialog', { name: 'Excel 导入导出' });
    await excel.getByLabel(/只导出台账上显示的列/).check();
    await page.screenshot({ path: join(artifactsDir, 'ledger-columns-excel-1366.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      excel.getByRole('button', { name: /^导出当前筛选/ }).click(),
    ]);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '项目编号',
      '项目名称',
      '投资方',
      '国别/地区',
      '来源地区',
      '规模档次',
      '总投资（亿元）',
      // A total in 欧元, 日元 … travels with 总投资: its currency and original amount.
      '总投资币种',
      '原币总投资（万）',
      '当前阶段',
      '产业',
      '驻点/责任单位',
      '招商责任人',
      '签约日期',
      '用地（亩）',
      '实到外资（万美元）',
      '存在问题',
    ]);
    const totals = sheet.getRow(3 + PROJECTS + 1);
    const land = totals.getCell(header.indexOf('用地（亩）') + 1).value as { result: number };
    expect(land.result).toBeCloseTo(all.landAreaMu!, 6);

    // The file re-imports: every project found, nothing new, nothing changed.
    const back = await harness.rpc<LedgerImportResult>('ledger.importPreview', { file });
    expect(back.counts).toMatchObject({ new: 0, updated: 0, unchanged: PROJECTS, rejected: 0 });
    await page.keyboard.press('Escape');

    // 1280×720: the same view, menu and grid.
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(async () => (await layout(page)).clipped).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(
      false,
    );
    await screenshots(page, '1280');
    await columnsButton(page).click();
    // The long list scrolls inside the menu, which stays on screen.
    const panel = await columnsMenu(page).boundingBox();
    expect(panel!.y + panel!.height).toBeLessThanOrEqual(720);
    await page.screenshot({ path: join(artifactsDir, 'ledger-columns-menu-1280.png') });
    // 「恢复默认」: the eleven columns, their order and widths.
    await columnsMenu(page).getByRole('button', { name: '恢复默认' }).click();
    await expect.poll(async () => (await headerTexts(page)).length).toBe(11);
    expect(await sumCells(page)).toEqual(['totalInvestment', 'contractedFdiUsd']);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows 母公司, 城市 and 技改批复日期 as the Excel export writes them', async () => {
    const first = (await harness.rpc<LedgerPage>('ledger.query', { q: 'ZS-C-001' })).rows[0]!;
    const project = await harness.rpc<{ investorId: string }>('project.get', { id: first.id });
    await harness.rpc('investor.update', {
      id: project.investorId,
      patch: { parentName: '列测试控股集团有限公司', province: '江苏', city: '苏州市' },
    });
    await harness.rpc('project.update', {
      id: first.id,
      patch: { projectType: '技改', techApprovedOn: '2024-02-20' },
    });
    const context = await newLaptopContext(harness.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(harness.server.url);
    await expect.poll(async () => (await headerTexts(page)).length).toBe(11);
    await columnsButton(page).click();
    const added = ['母公司', '城市', '技改批复日期'];
    for (const name of added) await columnsMenu(page).getByLabel(name, { exact: true }).check();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await headerTexts(page)).slice(-3)).toEqual(added);
    const row = page.getByRole('row').filter({ hasText: 'ZS-C-001' });
    const text = await row.innerText();
    for (const part of ['列测试控股集团有限公司', '苏州市', '2024-02-20'])
      expect(text).toContain(part);
    expect((await layout(page)).clipped).toEqual([]);
    await page.locator('.ledger-scroll').evaluate((el) => el.scrollTo({ left: 10_000 }));
    await page.screenshot({ path: join(artifactsDir, 'ledger-columns-parent-city-1366.png') });
    // Back to the default view for whoever runs next.
    await columnsButton(page).click();
    await columnsMenu(page).getByRole('button', { name: '恢复默认' }).click();
    expect(problems).toEqual([]);
    await context.close();
  });
});
