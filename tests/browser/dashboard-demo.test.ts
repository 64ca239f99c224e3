// The 看板 and 目标设置 with 1,000 demo projects (dated around today, as a new user sees them, with
// this year's targets copied from the 2021 plan) at 1366×768, for a person to open
// and judge: tests/artifacts/dashboard-demo.png (top), dashboard-demo-trend.png (a tooltip on the
// trend), dashboard-demo-lower.png (scrolled to the
// rankings), dashboard-drill.png (a drill-down list), targets-demo.png, and dashboard-print.png (the
// print layout on an A4-landscape-sized page). The test checks no console errors, CSP violations or
// sideways overflow, and that the drill-down lists as many projects as the figure says.
import { join } from 'node:path';
import { format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { WebServer } from '../../web/server';
import type { Dashboard } from '../../domain/dashboard';
import { expectOk } from '../helpers';
import { artifactsDir, newLaptopContext, watchProblems, startHarness } from './harness';
import type { Harness } from './harness';

let harness: Harness;
let browser: Browser;
let server: WebServer;
let page: Page;
let problems: string[];

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-dashboard-demo-', user: '李明', demoProjects: 1000 });
  ({ server, browser } = harness);
  page = await (await newLaptopContext(browser)).newPage();
  problems = watchProblems(page);
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '看板' })
    .click();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const pickers = () => page.getByRole('group', { name: '看板范围' });
const today = format(new Date(), 'yyyy-MM-dd');
const year = Number(today.slice(0, 4));

async function overflow(): Promise<number> {
  return page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  ) as Promise<number>;
}

describe('看板 with demo data', () => {
  it('opens on this year as of today, with figures and targets, and fits 1366×768', async () => {
    expect(await pickers().getByLabel('年份').inputValue()).toBe(String(year));
    await expect.poll(() => page.locator('.dash-scope').innerText()).toContain(`截至 ${today}`);
    const board = expectOk(await server.dispatch('dashboard.get', { year })) as Dashboard;
    const fdi = board.metrics.find((m) => m.key === 'contracted_fdi')!;
    expect(fdi.actual).toBeGreaterThan(0);
    expect(fdi.guarantee).not.toBeNull();
    await page.waitForTimeout(300);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(artifactsDir, 'dashboard-demo.png') });
    // A tooltip (rich text inside the SVG: the HTML one would break the CSP) on the trend chart.
    const trend = page.locator('.dash-chart-trend');
    await trend.scrollIntoViewIfNeeded();
    const box = (await trend.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifactsDir, 'dashboard-demo-trend.png') });
    await page.locator('.dash-panel', { hasText: '驻点排名' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'dashboard-demo-lower.png') });
    await page
      .getByRole('region', { name: '“五未”项目' })
      .evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: join(artifactsDir, 'dashboard-demo-stalled.png') });
    expect(problems).toEqual([]);
  });

  it('a drill-down lists as many projects as the figure counts', async () => {
    const board = expectOk(await server.dispatch('dashboard.get', { year })) as Dashboard;
    const tier = board.metrics.find((m) => m.key === 'tier_10_50yi')!;
    await page.locator('[data-metric="tier_10_50yi"] .dash-number').click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.locator('.dash-drill-count').innerText())
      .toBe(`共 ${tier.actual} 个项目`);
    expect(await dialog.locator('tbody tr').count()).toBe(tier.actual);
    await page.screenshot({ path: join(artifactsDir, 'dashboard-drill.png') });
    await dialog.getByRole('button', { name: '关闭' }).click();
    expect(problems).toEqual([]);
  });

  it("目标设置 with this year's plan", async () => {
    await page.getByRole('button', { name: '目标设置', exact: true }).click();
    await page.getByRole('heading', { name: '目标设置' }).waitFor();
    await page
      .getByRole('button', { name: /^分配到驻点/ })
      .first()
      .click();
    await page
      .getByRole('button', { name: /^月度实际/ })
      .first()
      .click();
    await page.waitForTimeout(200);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(artifactsDir, 'targets-demo.png') });
    expect(problems).toEqual([]);
  });

  it('prints on an A4 landscape page', async () => {
    await page.getByRole('button', { name: '返回看板' }).click();
    await page.locator('[data-metric="contracted_fdi"]').waitFor();
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(300);
    // The first printed page: the viewport is that page's size.
    await page.screenshot({ path: join(artifactsDir, 'dashboard-print.png') });
    await page.screenshot({ path: join(artifactsDir, 'dashboard-print-full.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(problems).toEqual([]);
  });
});
