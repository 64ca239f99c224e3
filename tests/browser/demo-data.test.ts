// Demo data in Chromium (issue 16, point 7): the status line of every screen tags it 演示数据, and
// 清除演示数据 asks first (what goes, where the backup is), then leaves an empty 台账 for the same
// user and office with the tag gone. Screenshots: demo-tag.png, demo-clear-1366.png,
// demo-clear-1280.png, demo-cleared.png.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppStatus } from '../../domain/contract';
import { artifactsDir, newLaptopContext, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

let harness: Harness;
let page: Page;
let problems: string[];

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-demo-data-', user: '王晓明', demoProjects: 200 });
  page = await (await newLaptopContext(harness.browser)).newPage();
  problems = watchProblems(page);
  await page.goto(harness.server.url);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const status = () => page.locator('.status-line');
const rows = () => page.locator('.ledger-body [role="row"]:not(.placeholder)');

test('every screen says 演示数据; clearing it asks first and leaves an empty ledger', async () => {
  await expect.poll(() => rows().count()).toBeGreaterThan(0);
  expect(await status().innerText()).toContain('演示数据');
  for (const screen of ['看板', '跟进', '同步']) {
    await page.getByRole('navigation').getByRole('button', { name: screen }).click();
    expect(await status().getByText('演示数据', { exact: true }).isVisible()).toBe(true);
  }
  await page.screenshot({ path: join(artifactsDir, 'demo-tag.png') });

  await status().getByRole('button', { name: '清除演示数据' }).click();
  const dialog = page.getByRole('dialog', { name: '清除全部演示数据？' });
  expect(await dialog.innerText()).toContain('自动备份');
  await page.screenshot({ path: join(artifactsDir, 'demo-clear-1366.png') });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: join(artifactsDir, 'demo-clear-1280.png') });
  // Esc is 取消: nothing is cleared.
  await page.keyboard.press('Escape');
  expect(await dialog.count()).toBe(0);
  expect(await harness.rpc<AppStatus>('app.status', undefined)).toMatchObject({ demo: true });

  await status().getByRole('button', { name: '清除演示数据' }).click();
  await dialog.getByRole('button', { name: '清除演示数据' }).click();
  // The window starts again on the empty database.
  await expect
    .poll(() => page.getByText('还没有项目').count(), { timeout: 20_000 })
    .toBeGreaterThan(0);
  expect(await status().innerText()).not.toContain('演示数据');
  expect(await status().innerText()).toContain('王晓明');
  await page.screenshot({ path: join(artifactsDir, 'demo-cleared.png') });
  expect(await harness.rpc<AppStatus>('app.status', undefined)).toMatchObject({
    demo: false,
    user: '王晓明',
    office: '上海',
  });
  expect(problems).toEqual([]);
});
