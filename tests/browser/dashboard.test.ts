// The 看板 in Chromium at 1366×768 with hand-made 2021 data as of 2021-06-30 (序时进度 50%): four
// projects signed in 2021 (120亿, 60亿, 20亿 and a 2亿 service project), one signed on 2020-12-31
// and a lead with a very long name. By hand: 合同外资 15,000 + 10,000 + 5,000 = 30,000万美元 of
// 确保 70,000 (42.86%, 落后序时 7.14 个百分点); tiers 1/1/1; 亿元以上产业项目 3; 落地率 1 of 2 = 50%.
// Each figure's drill-down (and a funnel bar) lists exactly that many rows, a row opens the project, and choosing 上海
// shows 上海's figures. Screenshot: tests/artifacts/dashboard-hand.png.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { WebServer } from '../../web/server';
import { artifactsDir, newLaptopContext, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

const YI = 100_000_000;
const longName =
  '西门子（中国）有限公司年产二十万台高端智能制造装备及工业自动化控制系统研发生产基地暨华东区域总部结算中心建设项目';

const projects = [
  {
    name: '百亿智能制造基地',
    country: 'DE',
    totalInvestmentCny: 120 * YI,
    contractedFdiUsd: 150_000_000,
    industrial: true,
    leaderProject: true,
    office: '上海',
    owner: '李明',
    stage: 'registered',
    signedOn: '2021-03-10',
    registeredOn: '2021-05-01',
  },
  {
    name: '五十亿新能源项目',
    country: 'US',
    totalInvestmentCny: 60 * YI,
    contractedFdiUsd: 100_000_000,
    industrial: true,
    office: '北京',
    owner: '赵强',
    stage: 'signed',
    signedOn: '2021-04-20',
  },
  {
    name: '二十亿集成电路项目',
    country: 'JP',
    totalInvestmentCny: 20 * YI,
    contractedFdiUsd: 50_000_000,
    industrial: true,
    leaderProject: true,
    office: '上海',
    owner: '王芳',
    stage: 'signed',
    signedOn: '2021-05-05',
  },
  {
    name: '两亿服务业项目',
    country: 'CN',
    totalInvestmentCny: 2 * YI,
    industrial: false,
    office: '深圳',
    owner: '陈静',
    stage: 'signed',
    signedOn: '2021-06-01',
  },
  {
    name: '去年年末签约项目',
    country: 'FR',
    totalInvestmentCny: 30 * YI,
    contractedFdiUsd: 20_000_000,
    industrial: true,
    office: '上海',
    owner: '李明',
    stage: 'signed',
    signedOn: '2020-12-31',
  },
  { name: longName, country: 'DE', office: '上海', owner: '李明', stage: 'lead' },
];

let harness: Harness;
let browser: Browser;
let server: WebServer;

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-dashboard-', user: '测试员', office: '上海' });
  ({ server, browser } = harness);
  for (const p of projects) {
    await harness.rpc('project.create', { investor: `${p.name}投资方`, ...p });
  }
}, 60_000);

afterAll(() => harness?.close());

const card = (page: Page, key: string) => page.locator(`[data-metric="${key}"]`);
const value = (page: Page, key: string) => card(page, key).locator('.dash-card-value');
const pickers = (page: Page) => page.getByRole('group', { name: '看板范围' });

async function openDashboard(page: Page): Promise<void> {
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '看板' })
    .click();
  await pickers(page).getByLabel('年份').selectOption('2021');
  await pickers(page).getByLabel('截至').fill('2021-06-30');
  await expect.poll(() => page.locator('.dash-scope').innerText()).toContain('截至 2021-06-30');
}

/** Clicks a figure and returns the drill-down's stated count and its number of rows. */
async function drill(page: Page, figure: ReturnType<Page['locator']>) {
  await figure.click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.dash-drill-count').filter({ hasText: '共' }).waitFor();
  return {
    dialog,
    count: await dialog.locator('.dash-drill-count').innerText(),
    rows: await dialog.locator('tbody tr').count(),
    names: await dialog.locator('tbody tr td:nth-child(2)').allInnerTexts(),
  };
}

describe('看板 with hand-made data', () => {
  it('shows the hand-computed figures, the 序时 gap, and drill-downs with as many rows', async () => {
    const page = await (await newLaptopContext(browser)).newPage();
    const problems = watchProblems(page);
    await openDashboard(page);

    expect(await page.locator('.dash-scope').innerText()).toContain('序时进度 50%');
    expect(await value(page, 'contracted_fdi').innerText()).toContain('30,000');
    expect(await card(page, 'contracted_fdi').innerText()).toContain('落后序时 7.14 个百分点');
    expect(await value(page, 'tier_100yi').innerText()).toContain('1');
    expect(await value(page, 'tier_50_100yi').innerText()).toContain('1');
    expect(await value(page, 'tier_10_50yi').innerText()).toContain('1');
    expect(await value(page, 'tier_1yi_industrial').innerText()).toContain('3');
    const landing = await card(page, 'landing_rate').innerText();
    expect(landing).toMatch(/50\s*%/);
    expect(landing).toContain('口径：当年签约项目中的“省市县长工程”项目');
    expect(landing).toContain('已达「注册」');
    // The progress list says the same gap in words.
    const progress = page.getByRole('list', { name: '各项目标完成情况' });
    expect(await progress.locator('li', { hasText: '合同外资' }).innerText()).toContain(
      '落后序时 7.14 个百分点',
    );

    let d = await drill(page, value(page, 'contracted_fdi').locator('.dash-number'));
    expect(d.count).toBe('共 3 个项目');
    expect(d.rows).toBe(3);
    expect(d.names).not.toContain('去年年末签约项目');
    await page.screenshot({ path: join(artifactsDir, 'dashboard-hand-drill.png') });
    await d.dialog.getByRole('button', { name: '关闭' }).click();

    d = await drill(page, value(page, 'tier_1yi_industrial').locator('.dash-number'));
    expect([d.count, d.rows]).toEqual(['共 3 个项目', 3]);
    expect(d.names).not.toContain('两亿服务业项目');
    await d.dialog.getByRole('button', { name: '关闭' }).click();

    // 落地率 1 / 2: the landed project and the cohort.
    const [landed, cohort] = await card(page, 'landing_rate').locator('.dash-number').all();
    d = await drill(page, landed!);
    expect([d.count, d.names]).toEqual(['共 1 个项目', ['百亿智能制造基地']]);
    await d.dialog.getByRole('button', { name: '关闭' }).click();
    d = await drill(page, cohort!);
    expect(d.rows).toBe(2);
    await d.dialog.getByRole('button', { name: '关闭' }).click();

    // The office ranking: 上海 signed 2 in 2021.
    const shanghai = page
      .getByRole('region', { name: '驻点排名' })
      .getByRole('row', { name: /上海/ });
    d = await drill(page, shanghai.locator('.dash-number').first());
    expect([d.count, d.rows]).toEqual(['共 2 个项目', 2]);
    await d.dialog.getByRole('button', { name: '关闭' }).click();
    // With no 首报首谈 claim, 认定业绩 (the last column) is the signings' 总投资 (the 7th).
    const cells = await shanghai.locator('td').allInnerTexts();
    expect(cells.at(-1)).toBe(cells[6]);
    expect(Number(cells.at(-1)!.replace(/,/g, ''))).toBeGreaterThan(0);

    // The funnel: one lead (the long name), every project reached 线索.
    const lead = page.getByRole('region', { name: '项目漏斗' }).getByRole('row', { name: /^线索/ });
    d = await drill(page, lead.locator('.dash-number').first());
    expect(d.names).toEqual([longName]);
    await d.dialog.getByRole('button', { name: '关闭' }).click();

    // The funnel chart's first bar (线索 and further: all six) opens the same kind of list.
    const chart = page.locator('.dash-chart-funnel');
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.4, box.y + 22);
    const dialog = page.getByRole('dialog');
    await dialog.locator('.dash-drill-count').filter({ hasText: '共' }).waitFor();
    expect(await dialog.locator('.dash-drill-count').innerText()).toBe('共 6 个项目');
    await dialog.getByRole('button', { name: '关闭' }).click();

    // No sideways overflow with the long name on screen.
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(artifactsDir, 'dashboard-hand.png') });

    // A drill-down row opens the project page.
    d = await drill(page, value(page, 'tier_100yi').locator('.dash-number'));
    await d.dialog.locator('tbody tr').first().click();
    await expect.poll(() => page.locator('h1').first().innerText()).toContain('百亿智能制造基地');
    expect(problems).toEqual([]);
  });

  it('changing the office shows that office’s figures and its own targets', async () => {
    const page = await (await newLaptopContext(browser)).newPage();
    const problems = watchProblems(page);
    await openDashboard(page);
    await pickers(page).getByLabel('驻点').selectOption({ label: '上海' });
    await expect.poll(() => value(page, 'contracted_fdi').innerText()).toContain('20,000');
    expect(await value(page, 'tier_50_100yi').innerText()).toContain('0');
    expect(await value(page, 'tier_100yi').innerText()).toContain('1');
    // No allocation for 上海 yet.
    expect(await card(page, 'contracted_fdi').innerText()).toContain('未设目标');
    const d = await drill(page, value(page, 'contracted_fdi').locator('.dash-number'));
    expect(d.rows).toBe(2);
    await d.dialog.getByRole('button', { name: '关闭' }).click();

    await pickers(page).getByLabel('驻点').selectOption({ label: '北京' });
    await expect.poll(() => value(page, 'contracted_fdi').innerText()).toContain('10,000');
    expect(problems).toEqual([]);
  });

  it('a year without targets says how to set them', async () => {
    const page = await (await newLaptopContext(browser)).newPage();
    const problems = watchProblems(page);
    await openDashboard(page);
    await pickers(page).getByLabel('年份').selectOption('2019');
    await expect
      .poll(() => page.locator('.dash-notice').innerText())
      .toContain('2019 年还没有目标');
    expect(await page.getByRole('region', { name: '驻点排名' }).innerText()).toContain(
      '2019 年还没有签约项目',
    );
    await page.screenshot({ path: join(artifactsDir, 'dashboard-empty-year.png') });
    expect(problems).toEqual([]);
  });
});
