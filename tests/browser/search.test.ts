// The Ctrl+K quick search in Chromium at 1366×768, through the browser harness: it opens from any
// screen (even with the focus in a text box), finds projects and investors by English or Chinese
// name or by pinyin initials (xmz), groups them 项目 / 投资方, arrow keys move, Enter opens the page,
// Esc closes.
// The palette is mounted by App.tsx; until it is, these tests are skipped (see the suite's name).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

const mounted = readFileSync(
  new URL('../../renderer/src/App.tsx', import.meta.url),
  'utf8',
).includes('<SearchPalette');
const suite = mounted
  ? 'Ctrl+K 快速搜索 in the browser'
  : 'Ctrl+K 快速搜索 in the browser — SKIPPED: renderer/src/App.tsx does not mount <SearchPalette /> yet';

const siemensProject =
  '西门子（中国）有限公司年产二十万台高端智能制造装备及工业自动化控制系统研发生产基地暨华东区域总部结算中心建设项目';

let browser: Browser;
let server: WebServer;
const ids: Record<string, string> = {};

const rpc = httpRpc;

const palette = (page: Page) => page.getByRole('dialog', { name: '快速搜索' });
const searchInput = (page: Page) => palette(page).getByRole('combobox');
const options = (page: Page) => palette(page).getByRole('option');
const selected = (page: Page) => palette(page).locator('[role="option"][aria-selected="true"]');

async function openLedger(page: Page): Promise<void> {
  await page.goto(server.url);
  await expect.poll(() => page.getByRole('heading', { name: '项目台账' }).count()).toBe(1);
}

async function search(page: Page, words: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await expect.poll(() => palette(page).count()).toBe(1);
  await expect
    .poll(() => searchInput(page).evaluate((el) => el === el.ownerDocument.activeElement))
    .toBe(true);
  await page.keyboard.type(words);
}

/** The window shows the project's page (its name as text or in the 项目名称 field). */
async function showsProject(page: Page, name: string): Promise<boolean> {
  const main = page.locator('.app-main');
  if ((await main.innerText()).includes(name)) return true;
  const values = await main
    .locator('input, textarea')
    .evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value));
  return values.includes(name);
}

beforeAll(async () => {
  requireBuiltRenderer();
  server = await startWebServer({
    port: 0,
    dbFile: join(tempDir('zs-search-'), 'search.sqlite'),
    user: '测试员',
    office: '上海',
  });
  const samsung = await rpc<{ id: string }>(server, 'investor.create', {
    nameZh: '三星电子',
    nameEn: 'Samsung Electronics Co., Ltd.',
  });
  ids.samsung = samsung.id;
  const siemens = await rpc<{ id: string }>(server, 'investor.create', {
    nameZh: '西门子（中国）有限公司',
    nameEn: 'Siemens Ltd., China',
  });
  ids.siemens = siemens.id;
  const project = await rpc<{ id: string }>(server, 'project.create', {
    name: siemensProject,
    code: 'ZS-2024-001',
    investor: '西门子（中国）有限公司',
    country: 'DE',
    stage: 'negotiating',
  });
  ids.project = project.id;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!mounted)(suite, () => {
  it('opens an investor found by its English name', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openLedger(page);

    // From inside a text box too: Ctrl+K is the window's, not the box's.
    await page.getByRole('searchbox', { name: '搜索项目' }).focus();
    await search(page, 'samsung');
    await expect
      .poll(() => options(page).allInnerTexts())
      .toEqual([expect.stringContaining('三星电子')]);
    expect(await palette(page).getByRole('group', { name: '投资方' }).count()).toBe(1);
    expect(await palette(page).getByRole('group', { name: '项目' }).count()).toBe(0);
    expect(await selected(page).innerText()).toContain('Samsung Electronics');

    await page.keyboard.press('Enter');
    await expect.poll(() => palette(page).count()).toBe(0);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect
      .poll(() => nav.getByRole('button', { name: '投资方' }).getAttribute('aria-current'))
      .toBe('page');
    // The investor's page: its name (or, while that page is a placeholder, its id).
    await expect
      .poll(() => page.locator('.app-main').innerText())
      .toMatch(new RegExp(`三星电子|${ids.samsung}`));

    expect(problems).toEqual([]);
    await context.close();
  });

  it('groups a project and its investor, moves with the arrow keys and opens the project', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openLedger(page);

    await search(page, 'Siemens');
    await expect.poll(() => options(page).count()).toBe(2);
    const projects = palette(page).getByRole('group', { name: '项目' });
    const investors = palette(page).getByRole('group', { name: '投资方' });
    expect(await projects.innerText()).toContain('ZS-2024-001');
    expect(await investors.innerText()).toContain('Siemens Ltd., China');
    expect(await selected(page).innerText()).toContain('西门子（中国）有限公司年产');

    // The long project name is cut with …, and the dialog fits the 1366×768 window.
    const title = projects.locator('.search-palette-title');
    expect(await title.getAttribute('title')).toBe(siemensProject);
    expect(await title.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const box = await palette(page).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 1366 && box.y + box.height <= 768).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'search.png') });

    // ↓ to the investor, ↓ wraps back to the project, ↑ wraps to the investor again.
    await page.keyboard.press('ArrowDown');
    expect(await selected(page).innerText()).toContain('Siemens Ltd., China');
    await page.keyboard.press('ArrowDown');
    expect(await selected(page).innerText()).toContain('ZS-2024-001');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await selected(page).innerText()).toContain('ZS-2024-001');

    await page.keyboard.press('Enter');
    await expect.poll(() => palette(page).count()).toBe(0);
    await expect.poll(() => page.getByRole('heading', { name: '项目台账' }).count()).toBe(0);
    await expect.poll(() => showsProject(page, siemensProject)).toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds by Chinese name, opens the investor with ↓ Enter, says when nothing matches, Esc closes', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openLedger(page);

    await search(page, '西门子');
    await expect.poll(() => options(page).count()).toBe(2);
    await page.keyboard.press('ArrowDown');
    expect(await selected(page).innerText()).toContain('Siemens Ltd., China');
    await page.keyboard.press('Enter');
    await expect.poll(() => palette(page).count()).toBe(0);
    await expect
      .poll(() => page.locator('.app-main').innerText())
      .toMatch(new RegExp(`西门子|${ids.siemens}`));

    // Enter typed straight after the words, before the answer came, still opens the first match.
    await page.keyboard.press('Control+k');
    await expect.poll(() => palette(page).count()).toBe(1);
    await searchInput(page).pressSequentially('samsung');
    await page.keyboard.press('Enter');
    await expect.poll(() => palette(page).count()).toBe(0);
    await expect
      .poll(() => page.locator('.app-main').innerText())
      .toMatch(new RegExp(`三星电子|${ids.samsung}`));

    await search(page, 'Volkswagen');
    await expect
      .poll(() => palette(page).innerText())
      .toContain('没有找到与「Volkswagen」相关的项目或投资方');
    await page.keyboard.press('Escape');
    await expect.poll(() => palette(page).count()).toBe(0);

    // Ctrl+K again closes it too.
    await page.keyboard.press('Control+k');
    await expect.poll(() => palette(page).count()).toBe(1);
    expect(await searchInput(page).inputValue()).toBe('');
    await page.keyboard.press('Control+k');
    await expect.poll(() => palette(page).count()).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds 西门子 by its initials xmz and opens its project', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openLedger(page);

    await search(page, 'xmz');
    await expect.poll(() => options(page).count()).toBe(2);
    const projects = palette(page).getByRole('group', { name: '项目' });
    expect(await projects.innerText()).toContain('ZS-2024-001');
    expect(await selected(page).innerText()).toContain('西门子（中国）有限公司年产');
    expect(await palette(page).getByRole('group', { name: '投资方' }).innerText()).toContain(
      'Siemens Ltd., China',
    );
    await page.screenshot({ path: join(artifactsDir, 'search-initials.png') });

    await page.keyboard.press('Enter');
    await expect.poll(() => palette(page).count()).toBe(0);
    await expect.poll(() => showsProject(page, siemensProject)).toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  });
});
