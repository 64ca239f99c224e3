// The 看板's rates, 年度重点推进项目 and 分类统计 in Chromium at 1366×768 and 1280×720, on hand-made
// 2021 data as of 2021-06-30 (序时 50%), and the project page's 重点项目投资 tab. By hand:
// - signed 2021: 甲 (03-01, started 04-01, planned 04-15, 合同外资 1000万美元, 200万 paid in),
//   乙 (04-01, planned 开工 05-01, not started), 丙 (05-10): 开工率 1/3 = 33.3%, 竣工率 0/3,
//   资金到位率 200/1000 = 20%, 履约率 1/2 = 50%;
// - 区重点: 甲 (plan 10亿, 3亿 done Jan–Jun: 30%, 20 points behind, 黄灯) and 乙 (plan 2亿, none
//   done: 红灯) → 2 个, 3亿; 市级: 丙 (plan 1亿, 6000万 done: 60%, 绿灯) → 1 个, 0.6亿;
// - 乙's investor 中建 is 央企 and 国内100强; 乙 and 丙 are 江苏 projects (长三角 2).
// Screenshots: tests/artifacts/dashboard-key-{1366,1280}.png and the panels' own.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ProjectRecord } from '../../domain/project-input';
import { artifactsDir, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

const YI = 100_000_000;
const WAN = 10_000;
let h: Harness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness({ prefix: 'zs-key-' });
  await h.rpc('investor.create', { nameZh: '中建集团', centralSoe: true, china100: true });
  const add = async (key: string, fields: Record<string, unknown>) => {
    ids[key] = (
      await h.rpc<ProjectRecord>('project.create', {
        office: '上海',
        owner: '李明',
        totalInvestmentCny: 5 * YI,
        ...fields,
      })
    ).id;
  };
  await add('甲', {
    name: '甲智能装备项目',
    investor: '甲集团',
    country: 'DE',
    contractedFdiUsd: 10_000_000,
    signedOn: '2021-03-01',
    startedOn: '2021-04-01',
    plannedStartedOn: '2021-04-15',
  });
  await add('乙', {
    name: '乙央企总部项目',
    investor: '中建集团',
    province: '江苏',
    ownership: '央企',
    capitalType: '内资',
    signedOn: '2021-04-01',
    plannedStartedOn: '2021-05-01',
  });
  await add('丙', {
    name: '丙民企扩产项目',
    investor: '丙公司',
    province: '江苏',
    ownership: '民企',
    capitalType: '内资',
    signedOn: '2021-05-10',
  });
  await add('丁', {
    name: '丁技改项目',
    investor: '丁公司',
    projectType: '技改',
    techApprovedOn: '2021-05-20',
  });
  await h.rpc('arrival.create', {
    projectId: ids.甲,
    arrivedOn: '2021-05-01',
    amount: 2_000_000,
    currency: 'USD',
    kind: 'fdi',
  });
  const months = (wan: Record<number, number>) =>
    Array.from({ length: 12 }, (_, i) => (wan[i + 1] === undefined ? null : wan[i + 1]! * WAN));
  await h.rpc('keyInvestment.set', {
    projectId: ids.甲,
    year: 2021,
    district: true,
    planned: 10 * YI,
    completed: months({ 1: 5000, 2: 5000, 3: 5000, 4: 5000, 5: 5000, 6: 5000 }),
  });
  await h.rpc('keyInvestment.set', {
    projectId: ids.乙,
    year: 2021,
    district: true,
    planned: 2 * YI,
  });
  await h.rpc('keyInvestment.set', {
    projectId: ids.丙,
    year: 2021,
    city: true,
    planned: YI,
    completed: months({ 6: 6000 }),
  });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

async function openDashboard(page: Page): Promise<void> {
  await page.goto(h.server.url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '看板' })
    .click();
  const pickers = page.getByRole('group', { name: '看板范围' });
  await pickers.getByLabel('年份').selectOption('2021');
  await pickers.getByLabel('截至').fill('2021-06-30');
  await expect.poll(() => page.locator('.dash-scope').innerText()).toContain('截至 2021-06-30');
}

async function drillRows(page: Page, figure: ReturnType<Page['locator']>): Promise<string[]> {
  await figure.click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.dash-drill-count').filter({ hasText: '共' }).waitFor();
  const names = await dialog.locator('tbody tr td:nth-child(2)').allInnerTexts();
  await dialog.getByRole('button', { name: '关闭' }).click();
  return names.sort();
}

describe('看板: rates, key projects and 分类统计', () => {
  for (const [width, height] of [
    [1366, 768],
    [1280, 720],
  ] as const) {
    it(`shows the hand-worked figures at ${width}×${height}`, async () => {
      const context = await h.browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await openDashboard(page);

      const rates = page.getByRole('region', { name: '开工率 · 竣工率 · 资金到位率 · 履约率' });
      await rates.scrollIntoViewIfNeeded();
      const rate = (key: string) => rates.locator(`[data-metric="${key}"]`);
      expect(await rate('rate_started').innerText()).toMatch(/33\.33%\n1 \/ 3 个/);
      expect(await rate('rate_completed').innerText()).toMatch(/^竣工率\n0%\n0 \/ 3 个/);
      expect(await rate('rate_funds').innerText()).toMatch(/20%\n200 \/ 1,000 万美元（1 \/ 1 个）/);
      expect(await rate('rate_fulfilled').innerText()).toMatch(/50%\n1 \/ 2 个/);
      await rates.screenshot({ path: join(artifactsDir, `dashboard-rates-${width}.png`) });
      const cohort = rate('rate_started').locator('.dash-number').nth(1);
      expect(await drillRows(page, cohort)).toEqual(
        ['丙民企扩产项目', '乙央企总部项目', '甲智能装备项目'].sort(),
      );

      const key = page.getByRole('region', { name: '年度重点推进项目' });
      await key.scrollIntoViewIfNeeded();
      const district = await key.locator('[data-metric="key_projects_investment"]').innerText();
      expect(district).toMatch(/2 个[\s\S]*目标 100 个/);
      expect(district).toMatch(/完成投资 3 亿元 \/ 目标 220亿元（1\.4%）/);
      expect(district).toContain('各项目年度计划投资合计 12 亿元');
      expect(await key.locator('[data-metric="city_projects_investment"]').innerText()).toMatch(
        /1 个 \/ 目标 41 个[\s\S]*完成投资 0\.6 亿元/,
      );
      expect(await key.locator('[data-metric="tech_renovation"]').innerText()).toMatch(
        /1 个[\s\S]*力争 100 个/,
      );
      const rows = await key.locator('tbody tr').allInnerTexts();
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatch(/乙央企总部项目\t区重点\t2\t0\t0%\t落后序时 50 个百分点 红灯/);
      expect(rows[1]).toMatch(/甲智能装备项目\t区重点\t10\t3\t30%\t落后序时 20 个百分点 黄灯/);
      expect(rows[2]).toMatch(/丙民企扩产项目\t市级\t1\t0\.6\t60%\t领先序时 10 个百分点 绿灯/);
      await key.screenshot({ path: join(artifactsDir, `dashboard-key-projects-${width}.png`) });

      const groups = page.getByRole('region', { name: '分类统计' });
      await groups.scrollIntoViewIfNeeded();
      const row = (text: string) => groups.locator('tbody tr', { hasText: text });
      expect(await row('投资方 · 央企').innerText()).toMatch(/1\t5\t1\t5$/);
      expect(await row('长三角').innerText()).toMatch(/2\t10\t2\t10$/);
      expect(await drillRows(page, row('长三角').locator('.dash-number').first())).toEqual(
        ['丙民企扩产项目', '乙央企总部项目'].sort(),
      );
      await groups.screenshot({ path: join(artifactsDir, `dashboard-breakdowns-${width}.png`) });

      await rates.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifactsDir, `dashboard-key-${width}.png`) });
      expect(problems).toEqual([]);
      await context.close();
    }, 60_000);
  }

  for (const [width, height] of [
    [1366, 768],
    [1280, 720],
  ] as const) {
    it(`the 台账 filters by 类别 at ${width}×${height}`, async () => {
      const context = await h.browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(h.server.url);
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('button', { name: '台账' })
        .click();
      const rows = page.locator('.ledger-body [role="row"]:not(.placeholder)');
      const names = async () => await rows.allInnerTexts();
      await expect.poll(async () => (await names()).join()).toContain('丁技改项目');
      // 长三角: 乙 and 丙 (江苏); 央企 (the investor group's flag): 乙; 民企: 丙.
      await page.getByLabel('类别').selectOption({ label: '长三角' });
      await expect.poll(async () => (await names()).join()).not.toContain('甲智能装备项目');
      const shown = (await names()).join();
      expect(shown).toContain('乙央企总部项目');
      expect(shown).toContain('丙民企扩产项目');
      expect(shown).not.toContain('丁技改项目');
      await page.screenshot({ path: join(artifactsDir, `ledger-group-filter-${width}.png`) });
      await page.getByLabel('类别').selectOption({ label: '民企' });
      await expect.poll(async () => (await names()).join()).not.toContain('乙央企总部项目');
      expect((await names()).join()).toContain('丙民企扩产项目');
      expect(problems).toEqual([]);
      await context.close();
    }, 60_000);
  }

  it('the project page takes the plan and monthly 完成投资', async () => {
    const context = await h.browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(h.server.url);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '台账' })
      .click();
    await page.getByText('丁技改项目').first().click();
    await page.getByRole('tab', { name: '重点项目投资' }).click();
    await page.getByRole('spinbutton').fill('2021');
    await page.getByLabel('市级').check();
    await page.getByLabel('年度计划投资（万元）').fill('8000');
    await page.getByLabel('3月完成投资（万元）').fill('1,200');
    await page.getByLabel('4月完成投资（万元）').fill('abc');
    await page.getByRole('button', { name: '保存 2021 年' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('4月完成投资须为数字');
    await page.getByLabel('4月完成投资（万元）').fill('800');
    await page.getByRole('button', { name: '保存 2021 年' }).click();
    await page.getByText('已保存').waitFor();
    const table = page.getByRole('table', { name: '各年度重点项目投资' });
    await expect.poll(() => table.innerText()).toMatch(/2021\t市级\t8,000\t2,000/);
    await page.screenshot({ path: join(artifactsDir, 'project-key-investment-1366.png') });
    const saved = await h.rpc<{ city: boolean; planned: number; completed: (number | null)[] }[]>(
      'keyInvestment.list',
      { projectId: ids.丁 },
    );
    expect(saved[0]).toMatchObject({ city: true, planned: 80_000_000 });
    expect(saved[0]!.completed.slice(2, 4)).toEqual([12_000_000, 8_000_000]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
