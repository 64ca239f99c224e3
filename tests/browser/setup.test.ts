// The first run in Chromium at 1366×768, through the browser harness: on a database nobody has set
// up, the app shows the welcome screen instead of its frame, with the three ways in (本部 creates
// the zone, an office joins with an invitation, or the laptop works alone; tests/browser/zone.test.ts
// drives the first two); working alone, 姓名 and 驻点 are filled by label, 「开始使用」 creates the
// database (app.init), and the demo data (or an empty ledger) follows, landing in 台账 with the new
// user on the status line. The harness leaves the new database uninitialised (`initialize: false`).
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startWebServer } from '../../web/server';
import type { WebServer, WebServerOptions } from '../../web/server';
import type { AppStatus } from '../../domain/contract';
import { tempDir } from '../helpers';
import {
  artifactsDir,
  launchChromium,
  newLaptopContext,
  requireBuiltRenderer,
  httpRpc,
  watchProblems,
} from './harness';

let browser: Browser;
let servers: WebServer[] = [];

const rpc = httpRpc;

/** A server on a new database that nobody has set up. */
async function uninitialisedServer(): Promise<WebServer> {
  const options: WebServerOptions = {
    port: 0,
    dbFile: join(tempDir('zs-first-run-'), 'new.sqlite'),
    initialize: false,
  };
  const server = await startWebServer(options);
  servers.push(server);
  expect((await rpc<AppStatus>(server, 'app.status')).initialized).toBe(false);
  return server;
}

beforeAll(async () => {
  requireBuiltRenderer();
  browser = await launchChromium();
});

afterEach(async () => {
  for (const server of servers) await server.close();
  servers = [];
});

afterAll(async () => {
  await browser?.close();
});

const dataRows = '.ledger-body [role="row"]:not(.placeholder)';

describe('first run in the browser', () => {
  it('sets up name and office, loads the demo data and lands in 台账', async () => {
    const server = await uninitialisedServer();
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(server.url);

    await expect.poll(() => page.getByRole('heading', { name: '欢迎使用' }).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(0);
    expect(await page.locator('.setup-card').innerText()).toContain('招商项目管理');
    await page.screenshot({ path: join(artifactsDir, 'first-run.png') });
    await page.getByRole('button', { name: '暂不加入，单机使用' }).click();
    // Working alone is for the offices: 本部's laptop creates the zone instead.
    const offered = await page.getByLabel('驻点').locator('option').allTextContents();
    expect(offered).not.toContain('本部');
    expect(offered).toContain('深圳');

    // Nothing filled: inline errors, and nothing is created.
    await page.getByRole('button', { name: '开始使用' }).click();
    await expect.poll(() => page.locator('.setup-card').innerText()).toContain('请填写姓名');
    expect(await page.locator('.setup-card').innerText()).toContain('请选择驻点');
    expect((await rpc<AppStatus>(server, 'app.status')).initialized).toBe(false);

    await page.getByLabel('姓名').fill('李明');
    await page.getByLabel('驻点').selectOption({ label: '深圳' });
    await page.getByRole('button', { name: '开始使用' }).click();

    await expect.poll(() => page.getByRole('heading', { name: '数据库已建好' }).count()).toBe(1);
    expect(await rpc<AppStatus>(server, 'app.status')).toMatchObject({
      initialized: true,
      user: '李明',
      office: '深圳',
    });
    await page.screenshot({ path: join(artifactsDir, 'first-run-demo.png') });

    await page.getByRole('button', { name: '加载演示数据试用（1,000 个项目）' }).click();
    await expect
      .poll(() => page.getByRole('row', { name: '合计' }).innerText(), { timeout: 20_000 })
      .toMatch(/项目数\s*1,000\s*个/);
    expect(await page.locator(dataRows).count()).toBeGreaterThan(10);
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await nav.getByRole('button', { name: '台账' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await expect.poll(() => page.getByRole('status').innerText()).toContain('当前用户：李明');
    expect(await page.getByRole('status').innerText()).toContain('驻点：深圳');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('starts with an empty ledger when the demo data is declined', async () => {
    const server = await uninitialisedServer();
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(server.url);

    await page.getByRole('button', { name: '暂不加入，单机使用' }).click();
    await page.getByLabel('姓名').fill('王芳');
    await page.getByLabel('驻点').selectOption({ label: '北京' });
    await page.getByLabel('姓名').press('Enter');
    await page.getByRole('button', { name: '从空白台账开始' }).click();

    await expect.poll(() => page.getByRole('heading', { name: '还没有项目' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('status').innerText()).toContain('当前用户：王芳');
    // The seeded dictionaries are there for the forms.
    const dictionaries = await rpc<{ industries: string[] }>(server, 'dictionary.list');
    expect(dictionaries.industries.length).toBeGreaterThan(0);

    expect(problems).toEqual([]);
    await context.close();
  });
});
