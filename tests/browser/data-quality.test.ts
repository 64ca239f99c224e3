// 设置 › 数据质量 and 外币汇率 in Chromium at 1366×768 and 1280×720: a started project without a
// planned 竣工 date and a domestic investor without a city are listed; a EUR rate saved through
// the card reaches settings.get; clicking the project's entry opens its page at the field.
// Screenshots: tests/artifacts/data-quality-<width>.png.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { WebServer } from '../../web/server';
import type { Settings } from '../../domain/settings';
import { expectOk } from '../helpers';
import { artifactsDir, watchProblems, startHarness } from './harness';
import type { Harness } from './harness';

let harness: Harness;
let browser: Browser;
let server: WebServer;

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-quality-' });
  ({ server, browser } = harness);
  expectOk(
    await server.dispatch('project.create', {
      name: '开工缺计划竣工项目',
      country: 'DE',
      signedOn: '2021-01-05',
      startedOn: '2021-03-01',
    }),
  );
  expectOk(
    await server.dispatch('investor.create', {
      nameZh: '苏州某某科技有限公司',
      hqCountry: 'CN',
      province: '江苏',
    }),
  );
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

describe('设置: 数据质量 and 外币汇率', () => {
  for (const [width, height] of [
    [1366, 768],
    [1280, 720],
  ] as const) {
    it(`lists the gaps and saves a EUR rate at ${width}×${height}`, async () => {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(server.url);
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('button', { name: '设置' })
        .click();
      const quality = page.getByRole('region', { name: '数据质量' });
      await quality.getByText('已开工未填计划竣工日期').waitFor();
      expect(await quality.innerText()).toContain('内资投资方未填城市');

      const rates = page.getByRole('region', { name: '外币汇率（元/单位，按年）' });
      await rates.getByLabel('币种').selectOption({ label: '欧元' });
      await rates.getByLabel('年份').fill('2021');
      await rates.getByLabel('汇率（元/单位）').fill('7.63');
      await rates.getByRole('button', { name: '保存外币汇率' }).click();
      await rates.getByText('2021 年 7.63').waitFor();
      const saved = expectOk(await server.dispatch('settings.get', null)) as Settings;
      expect(saved.fxRates.EUR).toEqual({ '2021': 7.63 });

      await rates.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifactsDir, `data-quality-rates-${width}.png`) });
      await quality.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifactsDir, `data-quality-${width}.png`) });

      await quality.getByRole('button', { name: '开工缺计划竣工项目' }).click();
      await page.waitForFunction(
        () => document.activeElement?.id === 'project-plannedCompletedOn',
        undefined,
        { timeout: 5_000 },
      );
      expect(problems).toEqual([]);
      await context.close();
    }, 60_000);
  }
});
