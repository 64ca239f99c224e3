// 数据体检 in Chromium at 1366×768 and 1280×720: a database whose investor 别名, project date and
// contact e-mail were written bad by an older version lists the three with Chinese labels; one is
// repaired in place, one row removed and brought back with 撤销, and a clean database says so.
// Screenshots go to tests/artifacts/data-check-*.png.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openAppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { startWebServer } from '../../web/server';
import type { WebServer } from '../../web/server';
import type { DataCheckReport } from '../../domain/data-check';
import { expectOk, tempDir } from '../helpers';
import {
  artifactsDir,
  launchChromium,
  newLaptopContext,
  requireBuiltRenderer,
  watchProblems,
} from './harness';

let browser: Browser;
let server: WebServer;

/** A database as an older version left it: three values local input could not have stored. */
async function databaseWithBadRows(): Promise<string> {
  const file = join(tempDir('zs-data-check-ui-'), 'crm.sqlite');
  const app = await openAppDatabase(file);
  const call = <T>(method: string, input: unknown) =>
    expectOk(dispatchSync(app, method, input)) as T;
  call('app.init', { user: '王晓明', office: '上海' });
  const investor = call<{ id: string }>('investor.create', {
    nameZh: '德国某某汽车零部件集团有限公司（亚太区总部）',
  }).id;
  const project = call<{ id: string }>('project.create', {
    name: '某某汽车零部件华东生产基地及研发中心项目',
    investor: '德国某某汽车零部件集团有限公司（亚太区总部）',
  }).id;
  const contact = call<{ id: string }>('contact.create', {
    investorId: investor,
    name: '王经理',
  }).id;
  app.transact((tx) => {
    tx.mutate.update('investor', investor, { aliases: '某某, 某某汽车' });
    tx.mutate.update('project', project, { terminated_on: '2021-02-30' });
    tx.mutate.update('contact', contact, { email: 'not-an-email' });
  });
  app.close();
  return file;
}

beforeAll(async () => {
  requireBuiltRenderer();
  server = await startWebServer({ port: 0, dbFile: await databaseWithBadRows() });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openCheck(page: Page): Promise<void> {
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '同步' })
    .click();
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect.poll(() => page.getByText(/已检查 .* 行数据/).count()).toBe(1);
}

describe('数据体检', () => {
  it('lists, repairs, removes and brings back bad rows', async () => {
    const page = await (await newLaptopContext(browser)).newPage();
    const problems = watchProblems(page);
    await openCheck(page);
    const table = page.getByRole('table', { name: '数据体检结果' });
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    for (const text of ['简称/别名', '终止日期', '邮箱', 'not-an-email', '2021-02-30']) {
      expect(await table.getByText(text, { exact: true }).count()).toBe(1);
    }
    const card = page.getByRole('region', { name: '数据体检' });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'data-check-1366.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'data-check-1280.png') });

    // A value its rule refuses is named; the row stays listed.
    const dateInput = page.getByLabel(/终止日期修复为/);
    await dateInput.fill('2021-02-31');
    await table
      .getByRole('row')
      .filter({ hasText: '终止日期' })
      .getByRole('button', { name: '修复' })
      .click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: '终止日期' }).count())
      .toBe(1);
    await dateInput.fill('2021-02-28');
    await table
      .getByRole('row')
      .filter({ hasText: '终止日期' })
      .getByRole('button', { name: '修复' })
      .click();
    await expect.poll(() => table.getByRole('row').count()).toBe(3);

    await table
      .getByRole('row')
      .filter({ hasText: '邮箱' })
      .getByRole('button', { name: '删除此行……' })
      .click();
    await page
      .getByRole('dialog', { name: '删除这一行' })
      .getByRole('button', { name: '确认删除' })
      .click();
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await expect.poll(() => page.getByText('已删除联系人「王经理」。').count()).toBe(1);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.getByText('已删除联系人「王经理」。').count()).toBe(0);

    await page.getByLabel(/简称\/别名修复为/).fill('某某，某某汽车');
    await table
      .getByRole('row')
      .filter({ hasText: '简称/别名' })
      .getByRole('button', { name: '修复' })
      .click();
    await expect.poll(() => page.getByText(/全部符合录入规则/).count()).toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'data-check-clean.png') });

    const report = expectOk(await server.dispatch('data.check', undefined)) as DataCheckReport;
    expect(report.problems).toEqual([]);
    expect(problems).toEqual([]);
  });
});
