// Issue 17's screens in Chromium at 1366×768 and 1280×720: the investor form with 所在省份 and 所在城市
// (the chosen province's cities offered, any city typed), the project page saying where its 来源地区
// comes from (the group's ultimate parent, or the project's own country flagged against the
// group's), and the 到资记录 tab with its 市外内资 override and what each arrival counts as.
// Screenshots: tests/artifacts/region-*.png. No console error, no sideways overflow.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { InvestorRecord } from '../../domain/entities';
import type { ProjectRecord } from '../../domain/project-input';
import { artifactsDir, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

let harness: Harness;

const rpc = <T>(method: string, input: unknown) => harness.rpc<T>(method, input);

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-region-' });
  const top = await rpc<InvestorRecord>('investor.create', { nameZh: '博世集团', hqCountry: 'DE' });
  const china = await rpc<InvestorRecord>('investor.create', {
    nameZh: '博世（中国）投资有限公司',
    parent: top.id,
    hqCountry: 'CN',
  });
  const local = await rpc<InvestorRecord>('investor.create', {
    nameZh: '博世汽车部件（嘉兴）有限公司',
    parent: china.id,
    province: '浙江',
    city: '嘉兴市',
  });
  await rpc('project.create', { name: '博世新能源部件项目', investorId: local.id });
  await rpc('project.create', {
    name: '博世美国研发中心项目',
    investorId: local.id,
    country: 'US',
  });
  const sh = await rpc<InvestorRecord>('investor.create', {
    nameZh: '上海某科技集团',
    province: '上海',
    city: '上海市',
  });
  const p = await rpc<ProjectRecord>('project.create', {
    name: '上海科技产业园项目',
    investorId: sh.id,
    capitalType: '内资',
  });
  await rpc('arrival.create', {
    projectId: p.id,
    arrivedOn: '2021-05-10',
    amount: 300_000_000,
    currency: 'CNY',
  });
  await rpc('arrival.create', {
    projectId: p.id,
    arrivedOn: '2021-06-10',
    amount: 50_000_000,
    currency: 'CNY',
    outsideCity: false,
  });
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const sizes = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

const sidewaysOverflow = (page: Page) =>
  page.evaluate(`document.documentElement.scrollWidth > window.innerWidth`);

async function openProject(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: '快速搜索' });
  await palette.getByRole('combobox').fill(name);
  await expect.poll(() => palette.getByRole('option').first().innerText()).toContain(name);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#project-title').innerText()).toBe(name);
}

describe('region and location screens', () => {
  for (const size of sizes) {
    it(`investor form, project page and arrivals at ${size.width}×${size.height}`, async () => {
      const context = await harness.browser.newContext({ viewport: size, locale: 'zh-CN' });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(harness.server.url);

      // 新建投资方: province, then a city offered for it.
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('button', { name: '投资方' })
        .click();
      await page.getByRole('button', { name: '新建投资方' }).first().click();
      const form = page.getByRole('form', { name: '新建投资方' });
      await form.getByLabel('中文名称').fill(`宁波某新材料有限公司${size.width}`);
      await form.getByLabel('所在省份').selectOption('浙江');
      await form.getByLabel('所在城市').fill('宁波市');
      const offered = await form
        .locator('datalist option')
        .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
      expect(offered).toContain('嘉兴市');
      expect(offered).toContain('宁波市');
      await page.screenshot({ path: join(artifactsDir, `region-investor-form-${size.width}.png`) });
      await form.getByRole('button', { name: '保存' }).click();
      await expect.poll(() => page.getByText(/已新建投资方/).count()).toBe(1);
      const saved = await rpc<InvestorRecord[]>('investor.list', {
        q: `宁波某新材料有限公司${size.width}`,
      });
      expect(saved[0]).toMatchObject({ province: '浙江', city: '宁波市' });

      // The project page: region from the group's top; an override that differs is flagged.
      await openProject(page, '博世新能源部件项目');
      const source = page.locator('.region-source');
      await expect.poll(() => source.innerText()).toContain('最终母公司「博世集团」总部：德国');
      expect(await page.locator('.project-badges').innerText()).toContain('德日');
      expect(await page.getByLabel('国别/地区').locator('option:checked').innerText()).toBe(
        '按投资方最终母公司总部',
      );
      await page.screenshot({ path: join(artifactsDir, `region-project-group-${size.width}.png`) });
      // The form's own 城市 and 市外内资 override: the 浙江 cities are offered; saved as given.
      await page.getByLabel('省份').selectOption('浙江');
      const cities = await page
        .locator('#project-city-list option')
        .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
      expect(cities).toContain('嘉兴市');
      await page.getByLabel('城市', { exact: true }).fill('平湖市');
      await page.getByLabel('市外内资').selectOption('市外');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect
        .poll(async () => {
          const [p] = (
            await rpc<{ rows: { id: string }[] }>('ledger.query', { q: '博世新能源部件' })
          ).rows;
          const got = await rpc<ProjectRecord>('project.get', { id: p!.id });
          return [got.city, got.outsideCity, got.outsideCityDerived];
        })
        .toEqual(['平湖市', true, true]);

      await openProject(page, '博世美国研发中心项目');
      await expect.poll(() => source.innerText()).toContain('覆盖集团总部');
      expect(await source.innerText()).toContain('与最终母公司「博世集团」总部：德国不一致');
      await page.screenshot({
        path: join(artifactsDir, `region-project-override-${size.width}.png`),
      });

      // 到资记录: the 3亿 counts 市外 by the investor's city; the 0.5亿 was set 市内.
      await openProject(page, '上海科技产业园项目');
      await page.getByRole('tab', { name: '到资记录' }).click();
      const table = page.getByRole('table', { name: '到资记录列表' });
      await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
      const text = await table.innerText();
      expect(text).toContain('市外（按城市）');
      expect(text).toContain('市内（指定）');
      const entry = page.getByRole('form', { name: '新增到资记录' });
      await entry.getByLabel('到资类别').selectOption('到位内资');
      const outside = entry.getByLabel('市外内资');
      expect(await outside.locator('option').allInnerTexts()).toEqual([
        '按所在城市',
        '市外（指定）',
        '市内（指定）',
      ]);
      await page.screenshot({ path: join(artifactsDir, `region-arrivals-${size.width}.png`) });

      expect(await sidewaysOverflow(page)).toBe(false);
      expect(problems).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
