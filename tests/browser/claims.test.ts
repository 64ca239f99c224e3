// 首报首谈 in Chromium (issue 18 point 4): on an investor's page 上海 registers a holder claim
// through the form (the schema's Chinese messages under the fields first); 北京's later claim on
// the same investor (seeded through the API with 北京's office and promoter, as a sync file would
// bring it) puts the investor on 首报首谈认定, reached from 同步, with both sides side by side;
// 「认定」 for 北京 turns the investor page's holder to 北京 with 本部认定. 设置 › 数据质量 lists a
// project over the 合同外资 threshold with no claim under 应报未报 and opens its page, whose
// 首报首谈 tab registers and deletes a claim; the thresholds show and are saved in 亿元 and
// 万美元, and 应报未报 follows them. Screenshots at 1366×768 and 1280×720:
// tests/artifacts/claims-*.png.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactsDir, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

const longInvestor =
  '中国国际海运集装箱（集团）股份有限公司华东区域智能物流装备与冷链设备研发制造基地投资管理有限公司';
const unclaimed = '德国精密轴承华东生产基地及亚太研发中心扩建项目（二期）';
const beijingPromoter = '欧阳建国';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-claims-', user: '王晓明', office: '上海' });
  const { rpc } = harness;
  await rpc('investor.create', { nameZh: longInvestor, hqCountry: 'CN' });
  // The promoters: 王晓明 of 上海 (this laptop's user) and 北京's, made as projects' owners.
  await rpc('project.create', {
    name: '冷链设备研发制造基地项目',
    investor: longInvestor,
    office: '上海',
    owner: '王晓明',
    contractedFdiUsd: 30_000_000,
  });
  await rpc('project.create', {
    name: '智能物流装备北方基地项目',
    investor: longInvestor,
    office: '北京',
    owner: beijingPromoter,
  });
  await rpc('project.create', {
    name: unclaimed,
    country: 'DE',
    office: '上海',
    contractedFdiUsd: 25_000_000,
  });
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name, exact: true });

async function openInvestor(page: Page) {
  await nav(page, '投资方').click();
  await page.getByRole('searchbox', { name: '搜索投资方' }).fill('冷链设备研发');
  await page
    .getByRole('table', { name: '投资方列表' })
    .getByRole('button', { name: longInvestor })
    .click();
  const section = page.getByRole('region', { name: '首报首谈' });
  await section.waitFor();
  return section;
}

async function newPage(width: number, height: number) {
  const context = await harness.browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await page.goto(harness.server.url);
  return { context, page };
}

describe('首报首谈', () => {
  it('registers, disputes and decides a claim at 1366×768', async () => {
    const { context, page } = await newPage(1366, 768);
    const problems = watchProblems(page);
    const section = await openInvestor(page);
    await section.getByText('还没有首报首谈记录').waitFor();
    await page.screenshot({ path: join(artifactsDir, 'claims-investor-empty-1366.png') });

    await section.getByRole('button', { name: '登记首报' }).click();
    const form = section.getByRole('form', { name: '登记首报首谈' });
    await form.getByRole('button', { name: '登记' }).click();
    await form.getByText('报送内容不能为空').waitFor();
    await form.getByLabel('角色').selectOption({ label: '以商引商' });
    await form.getByLabel('报送内容').fill('投资意向：冷链设备基地，总投资约 15 亿元');
    await form.getByRole('button', { name: '登记' }).click();
    await form.getByText('以商引商、委托招商须填分成比例').waitFor();
    await form.getByLabel('分成比例（%）').fill('120');
    await form.getByRole('button', { name: '登记' }).click();
    await form.getByText('分成比例不能大于 100').waitFor();
    await page.screenshot({ path: join(artifactsDir, 'claims-form-errors-1366.png') });

    await form.getByLabel('角色').selectOption({ label: '首报首谈' });
    await form.getByLabel('首报日期').fill('2021-03-01');
    await form.getByRole('button', { name: '登记' }).click();
    await section.getByText('持有：').waitFor();
    expect(await section.innerText()).toContain('上海 · 王晓明');
    expect(await section.innerText()).toContain('按分区时钟最先报送');

    // 北京's claim, made later on its own laptop, arrives: the investor is disputed.
    const { promoters } = await harness.rpc<{ promoters: { id: string; name: string }[] }>(
      'dictionary.list',
      {},
    );
    const investorId = (
      await harness.rpc<{ id: string }[]>('investor.similar', { name: longInvestor })
    )[0]!.id;
    await harness.rpc('claim.add', {
      investorId,
      officeId: 'beijing',
      promoterId: promoters.find((p) => p.name === beijingPromoter)!.id,
      claimedOn: '2021-02-20',
      reported: '2021 年 2 月北京投资促进会上首次接洽，对方董事长表达在华东设立冷链基地的意向',
    });
    const disputed = await openInvestor(page);
    await disputed.getByText(`北京 · ${beijingPromoter} 也报送了首报首谈，待本部认定`).waitFor();
    await disputed.getByRole('button', { name: '查看认定列表' }).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'claims-investor-disputed-1366.png') });
    await nav(page, '同步').click();
    const link = page.getByRole('region', { name: '首报首谈认定' });
    await link.getByText('1 个投资方或项目').waitFor();
    await link.getByRole('button', { name: '打开认定列表' }).click();
    const item = page.getByRole('listitem', { name: `投资方：${longInvestor}` });
    await item.waitFor();
    const holderSide = item.getByLabel('目前持有（最先登记）：上海 · 王晓明');
    const challenger = item.getByLabel(`提出异议：北京 · ${beijingPromoter}`);
    expect(await holderSide.innerText()).toContain('2021-03-01');
    expect(await challenger.innerText()).toContain('北京投资促进会');
    expect(await item.innerText()).toContain('项目 2 个');
    await page.screenshot({ path: join(artifactsDir, 'claims-arbitration-1366.png') });

    await item.getByLabel('认定说明（可不填）').fill('北京驻点 2 月已接洽，有会议纪要');
    await item.getByRole('button', { name: `认定 北京 · ${beijingPromoter} 持有` }).click();
    await page.getByRole('status').filter({ hasText: '已认定' }).waitFor();
    await page.getByRole('heading', { name: '没有待认定的首报首谈争议' }).waitFor();
    await page.screenshot({ path: join(artifactsDir, 'claims-arbitration-empty-1366.png') });

    const after = await openInvestor(page);
    await after.getByText('本部认定').waitFor();
    expect(await after.innerText()).toContain(`北京 · ${beijingPromoter}`);
    await after.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'claims-investor-1366.png') });
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  for (const [width, height] of [
    [1366, 768],
    [1280, 720],
  ] as const) {
    it(`lists 应报未报 and the thresholds in 设置 at ${width}×${height}`, async () => {
      const { context, page } = await newPage(width, height);
      const problems = watchProblems(page);
      await nav(page, '设置').click();
      const thresholds = page.getByRole('region', { name: '首报首谈门槛' });
      expect(await thresholds.getByLabel('工业项目总投资（亿元）').inputValue()).toBe('10');
      expect(await thresholds.getByLabel('合同外资（万美元）').inputValue()).toBe('1000');
      const missing = page.getByRole('group', { name: '应报未报' });
      await missing.getByRole('button', { name: unclaimed }).waitFor();
      // The claimed investor's project is over the threshold too, but it has a holder.
      expect(await missing.innerText()).not.toContain('冷链设备研发制造基地项目');
      expect(await missing.innerText()).toContain('合同外资 2500 万美元');
      await missing.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifactsDir, `claims-settings-${width}.png`) });
      await missing.getByRole('button', { name: unclaimed }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(unclaimed);
      // The page opens at its 首报首谈 tab, where the missing claim is registered.
      const tab = page.getByRole('tab', { name: '首报首谈' });
      expect(await tab.getAttribute('aria-selected')).toBe('true');
      const section = page.getByRole('region', { name: '首报首谈' });
      await section.getByText('还没有首报首谈记录').waitFor();
      await page.screenshot({ path: join(artifactsDir, `claims-project-${width}.png`) });
      // A 委托招商 claim registered on the project's tab, then deleted: the tab is empty again.
      await section.getByRole('button', { name: '登记首报' }).click();
      const form = section.getByRole('form', { name: '登记首报首谈' });
      await form.getByLabel('角色').selectOption({ label: '委托招商' });
      await form.getByLabel('分成比例（%）').fill('20');
      await form.getByLabel('报送内容').fill('委托德国商会对接，合同外资 2500 万美元');
      await form.getByRole('button', { name: '登记' }).click();
      await section.getByRole('cell', { name: '委托招商 20%', exact: true }).waitFor();
      expect(await section.innerText()).toContain('还没有首报首谈（持有人）记录');
      await section.getByRole('button', { name: '删除 上海 · 王晓明 的委托招商 20%' }).click();
      await section.getByText('还没有首报首谈记录').waitFor();
      // 撤销 brings it back; deleted again, the tab is empty.
      const undo = page.getByRole('status', { name: '撤销删除' });
      expect((await undo.innerText()).replace(/\s+/g, '')).toContain('已删除首报首谈记录「上海');
      await undo.getByRole('button', { name: '撤销' }).click();
      await section.getByRole('cell', { name: '委托招商 20%', exact: true }).waitFor();
      await section.getByRole('button', { name: '删除 上海 · 王晓明 的委托招商 20%' }).click();
      await section.getByText('还没有首报首谈记录').waitFor();
      if (width === 1280) {
        await openInvestor(page);
        await page.screenshot({ path: join(artifactsDir, 'claims-investor-1280.png') });
        await nav(page, '同步').click();
        await page.getByRole('button', { name: '打开认定列表' }).click();
        await page.getByRole('heading', { name: '首报首谈认定' }).waitFor();
        await page.screenshot({ path: join(artifactsDir, 'claims-arbitration-empty-1280.png') });
      }
      expect(problems).toEqual([]);
      await context.close();
    }, 60_000);
  }

  it('saves the thresholds typed in 亿元 and 万美元, and 应报未报 follows them', async () => {
    const { context, page } = await newPage(1366, 768);
    const problems = watchProblems(page);
    await nav(page, '设置').click();
    const thresholds = page.getByRole('region', { name: '首报首谈门槛' });
    const foreign = thresholds.getByLabel('合同外资（万美元）');
    await foreign.fill('三千');
    await thresholds.getByRole('button', { name: '保存门槛' }).click();
    await thresholds.getByText('请填写数字（万美元）').waitFor();
    await foreign.fill('3000');
    await thresholds.getByLabel('工业项目总投资（亿元）').fill('12.5');
    await thresholds.getByRole('button', { name: '保存门槛' }).click();
    await thresholds.getByText('已保存').waitFor();
    expect(await harness.rpc('claim.thresholds', null)).toEqual({
      industrialCny: 1_250_000_000,
      foreignUsd: 30_000_000,
    });
    // 2500 万美元 is under the new threshold: nothing is missing a claim now.
    await page
      .getByRole('group', { name: '应报未报' })
      .getByText('超过门槛的项目都已登记首报首谈')
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
