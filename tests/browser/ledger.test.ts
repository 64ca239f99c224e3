// The 台账 in Chromium at 1366×768, through the browser harness (the same dispatcher as the app):
// Chinese names and totals show, long names are cut with a tooltip, amounts line up on the right,
// search and header sorting go to the server, an empty database explains itself, and the page
// raises no console error and no CSP violation.
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

const longName =
  '西门子（中国）有限公司年产二十万台高端智能制造装备及工业自动化控制系统研发生产基地暨华东区域总部结算中心建设项目';

const projects = [
  {
    name: longName,
    code: 'ZS-2024-001',
    investor: '西门子（中国）有限公司',
    country: 'DE',
    totalInvestmentCny: 1_250_000_000,
    contractedFdiUsd: 80_000_000,
    stage: 'signed',
    signedOn: '2024-03-18',
    office: '上海',
    owner: '李明',
  },
  {
    name: '三星电子第八代OLED显示面板项目',
    code: 'ZS-2024-002',
    investor: '三星电子',
    country: 'KR',
    totalInvestmentCny: 10_500_000_000,
    contractedFdiUsd: 500_000_000,
    stage: 'negotiating',
    office: '北京',
    owner: '王芳',
  },
  {
    name: '华润微电子功率半导体封测基地',
    code: 'ZS-2024-003',
    investor: '华润微电子有限公司',
    country: 'CN',
    totalInvestmentCny: 300_000_000,
    stage: 'lead',
    office: '本部',
    owner: '张伟',
  },
];

const navLabels = ['看板', '台账', '跟进', '投资方', '展会速记', '同步', '设置'];

let browser: Browser;
let server: WebServer;
let emptyServer: WebServer;

const rpc = httpRpc;

beforeAll(async () => {
  requireBuiltRenderer();
  const dir = tempDir('zs-browser-');
  server = await startWebServer({
    port: 0,
    dbFile: join(dir, 'ledger.sqlite'),
    user: '测试员',
    office: '上海',
  });
  for (const project of projects) await rpc(server, 'project.create', project);
  emptyServer = await startWebServer({ port: 0, dbFile: join(dir, 'empty.sqlite') });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await emptyServer?.close();
});

/** Data rows that have loaded (placeholders excluded). */
const dataRows = (page: Page) => page.locator('.ledger-body [role="row"]:not(.placeholder)');
const firstRowName = (page: Page) => dataRows(page).first().locator('[role="cell"]').nth(1);
const totalsRow = (page: Page) => page.getByRole('row', { name: '合计' });

describe('台账 in the browser', () => {
  it('shows the Chinese projects, their totals, the navigation and the user at 1366×768', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(server.url);

    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect.poll(() => nav.getByRole('button').allInnerTexts()).toEqual(navLabels);

    // Away to the 看板 (loaded on first visit) and back.
    await nav.getByRole('button', { name: '看板' }).click();
    await expect.poll(() => page.locator('#dash-title').count()).toBe(1);
    await nav.getByRole('button', { name: '台账', exact: true }).click();
    await expect(
      nav.getByRole('button', { name: '台账' }).getAttribute('aria-current'),
    ).resolves.toBe('page');

    await expect.poll(() => dataRows(page).count()).toBe(3);
    const text = await page.getByRole('table', { name: '项目台账' }).innerText();
    for (const p of projects) {
      expect(text).toContain(p.investor);
      expect(text).toContain(p.code);
    }
    expect(text).toContain('三星电子第八代OLED显示面板项目');
    for (const header of ['总投资（亿元）', '合同外资（万美元）', '国别/地区', '招商责任人']) {
      expect(text).toContain(header);
    }
    expect(text).toContain('德日'); // region label, not the code
    expect(text).toContain('百亿'); // tier label

    const totals = await totalsRow(page).innerText();
    expect(totals).toMatch(/项目数\s*3\s*个/);
    expect(totals).toContain('120.50'); // 12.5 + 105 + 3 亿元
    expect(totals).toContain('58,000.00'); // 8,000 + 50,000 万美元

    // The long name is cut to one line with … and shown whole as a tooltip.
    const longCell = page.getByTitle(longName, { exact: true });
    expect(
      await longCell.evaluate((el) => ({
        cut: el.scrollWidth > el.clientWidth,
        ellipsis: el.ownerDocument.defaultView?.getComputedStyle(el).textOverflow,
      })),
    ).toEqual({ cut: true, ellipsis: 'ellipsis' });

    // Amounts are right-aligned: every cell of the column ends at the same x.
    const rights = await dataRows(page).evaluateAll((rows) =>
      rows.map((row) => {
        const cell = row.querySelectorAll('[role="cell"]')[5]?.querySelector('.cell-text');
        return Math.round(cell?.getBoundingClientRect().right ?? -1);
      }),
    );
    expect(new Set(rights).size).toBe(1);

    // Nothing sticks out sideways at 1366 px.
    // A string: tests are type-checked without the DOM library, so `document` has no type here.
    const overflow = await page.evaluate(`(() => {
      const scroller = document.querySelector('.ledger-scroll');
      return {
        page: document.documentElement.scrollWidth > window.innerWidth,
        table: scroller.scrollWidth > scroller.clientWidth,
      };
    })()`);
    expect(overflow).toEqual({ page: false, table: false });

    await expect.poll(() => page.getByRole('status').innerText()).toContain('当前用户：测试员');
    expect(await page.getByRole('status').innerText()).toContain('驻点：上海');

    await page.screenshot({ path: join(artifactsDir, 'ledger.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('takes the first page and the status asked before React mounted, asking each once', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      const method = /\/rpc\/([\w.]+)$/.exec(request.url())?.[1];
      if (method === 'ledger.query' || method === 'app.status') asked.push(method);
    });
    await page.goto(server.url);
    await expect.poll(() => dataRows(page).count()).toBe(3);
    await page.waitForLoadState('networkidle');
    expect(asked.filter((m) => m === 'ledger.query')).toHaveLength(1);
    expect(asked.filter((m) => m === 'app.status')).toHaveLength(1);
    await context.close();
  });

  it('filters by the search box and sorts by clicking a header, both on the server', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(server.url);
    await expect.poll(() => dataRows(page).count()).toBe(3);

    await page.getByRole('searchbox', { name: '搜索项目' }).fill('三星');
    await expect.poll(() => dataRows(page).count()).toBe(1);
    expect(await dataRows(page).first().innerText()).toContain('三星电子');
    await expect.poll(() => totalsRow(page).innerText()).toMatch(/项目数\s*1\s*个/);

    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => dataRows(page).count()).toBe(3);

    await page.getByLabel('地区').selectOption({ label: '德日' });
    await expect.poll(() => dataRows(page).count()).toBe(1);
    expect(await firstRowName(page).innerText()).toContain('西门子');
    await page.getByLabel('地区').selectOption({ label: '全部地区' });
    await expect.poll(() => dataRows(page).count()).toBe(3);

    const amountHeader = page.getByRole('columnheader', { name: '总投资（亿元）' });
    await amountHeader.getByRole('button').click();
    await expect.poll(() => amountHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => firstRowName(page).innerText()).toBe('三星电子第八代OLED显示面板项目');

    await amountHeader.getByRole('button').click();
    await expect.poll(() => amountHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => firstRowName(page).innerText()).toBe('华润微电子功率半导体封测基地');

    const nameHeader = page.getByRole('columnheader', { name: '项目名称' });
    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await amountHeader.getAttribute('aria-sort')).toBe('none');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('explains an empty ledger and offers the Excel import and demo data', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(emptyServer.url);

    await expect.poll(() => page.getByRole('heading', { name: '还没有项目' }).count()).toBe(1);
    expect(await page.locator('.empty-state').innerText()).toContain(
      '已有 Excel 台账的，直接导入即可',
    );
    expect(await page.getByRole('button', { name: '导入 Excel 台账' }).isEnabled()).toBe(true);
    const demo = page.getByRole('button', { name: '加载演示数据（1,000 个项目）' });
    expect(await demo.isEnabled()).toBe(true);
    await expect.poll(() => page.getByRole('status').innerText()).toContain('当前用户：演示用户');
    await page.screenshot({ path: join(artifactsDir, 'ledger-empty.png') });

    await demo.click();
    await expect
      .poll(() => totalsRow(page).innerText(), { timeout: 20_000 })
      .toMatch(/项目数\s*1,000\s*个/);
    expect(await dataRows(page).count()).toBeGreaterThan(10);

    expect(problems).toEqual([]);
    await context.close();
  });
});
