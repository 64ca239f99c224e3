// Every screen with demo data at 1366×768, for a person to open and judge: the navigation screens,
// a project page and an investor page. The test itself checks each renders without console errors,
// CSP violations or sideways overflow.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { WebServer } from '../../web/server';
import { artifactsDir, newLaptopContext, watchProblems, startHarness } from './harness';
import type { Harness } from './harness';

let harness: Harness;
let browser: Browser;
let server: WebServer;
let page: Page;
let problems: string[];

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-screens-', user: '李明', demoProjects: 1000 });
  ({ server, browser } = harness);
  page = await (await newLaptopContext(browser)).newPage();
  problems = watchProblems(page);
  await page.goto(server.url);
  await page.waitForSelector('.ledger-body [role="row"]:not([aria-busy])');
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

async function noSidewaysOverflow() {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('every screen with demo data', () => {
  it.each([
    ['看板', 'dashboard'],
    ['台账', 'ledger'],
    ['跟进', 'followups'],
    ['投资方', 'investors'],
    ['展会速记', 'fair-notes'],
    ['同步', 'sync'],
    ['设置', 'settings'],
  ])('%s', async (label, file) => {
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: label })
      .click();
    // The demo's follow-ups belong to its promoters, not to this user: show everybody's.
    if (label === '跟进') await page.getByLabel('只看我的').uncheck();
    await page.waitForTimeout(600); // lists load and debounce
    await noSidewaysOverflow();
    await page.screenshot({ path: join(artifactsDir, `screen-${file}.png`) });
    expect(problems).toEqual([]);
  });

  it('a project page and an investor page', async () => {
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '台账' })
      .click();
    await page.locator('.ledger-body [role="row"]:not([aria-busy])').first().click();
    await page.waitForTimeout(600);
    await noSidewaysOverflow();
    await page.screenshot({ path: join(artifactsDir, 'screen-project.png') });

    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '投资方' })
      .click();
    await page.waitForTimeout(600);
    await page.locator('.investors-table tbody tr').first().click();
    await page.waitForTimeout(600);
    await noSidewaysOverflow();
    await page.screenshot({ path: join(artifactsDir, 'screen-investor.png') });
    expect(problems).toEqual([]);
  });
});
