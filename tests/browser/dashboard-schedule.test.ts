// The 看板's 序时 parts in Chromium with hand-made 2021 data seen on 2021-05-20, by months (the
// default): 序时 4/12 = 33.3%, figures to 4月30日. By hand: 合同外资 28,000 of 确保 70,000万美元 = 40%,
// 6.67 ahead: 绿灯; 新引进“省市县长工程” 1 of 5 = 20%, 13.33 behind: 黄灯; 亿元以上开工 0 of 25, 33.33
// behind: 红灯. 补差清单: the July-planned 省市县长工程 (计划7月15日签约), the May signing counted at the
// month's end (5月10日已签约), the September 开工. A row opens the project; 设置 switches to 按日 and
// the 看板 says so; the 月报 (4月 by months) carries the lights and a 补差清单 sheet, read back with
// exceljs. Screenshots at 1366×768 and 1280×720: tests/artifacts/dashboard-schedule-*.png.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { WebServer } from '../../web/server';
import { artifactsDir, newLaptopContext, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

const YI = 100_000_000;

const projects = [
  {
    name: '四月签约外资市长工程',
    country: 'DE',
    totalInvestmentCny: 20 * YI,
    contractedFdiUsd: 280_000_000,
    industrial: true,
    leaderProject: true,
    office: '上海',
    owner: '李明',
    stage: 'signed',
    signedOn: '2021-04-10',
  },
  {
    name: '计划七月签约市长工程',
    country: 'JP',
    totalInvestmentCny: 15 * YI,
    contractedFdiUsd: 5_000_000,
    industrial: true,
    leaderProject: true,
    office: '上海',
    owner: '王芳',
    stage: 'negotiating',
    plannedSignedOn: '2021-07-15',
  },
  {
    name: '五月已签约新能源项目',
    country: 'US',
    totalInvestmentCny: 60 * YI,
    industrial: true,
    office: '北京',
    owner: '赵强',
    stage: 'signed',
    signedOn: '2021-05-10',
    plannedSignedOn: '2021-05-01',
  },
  {
    name: '计划九月开工项目',
    country: 'CN',
    province: '浙江',
    totalInvestmentCny: 3 * YI,
    industrial: true,
    office: '北京',
    owner: '赵强',
    stage: 'signed',
    signedOn: '2021-02-01',
    plannedStartedOn: '2021-09-01',
  },
];

let harness: Harness;
let browser: Browser;
let server: WebServer;

beforeAll(async () => {
  harness = await startHarness({
    prefix: 'zs-dashboard-schedule-',
    user: '测试员',
    office: '本部',
  });
  ({ server, browser } = harness);
  for (const p of projects) {
    await harness.rpc('project.create', { investor: `${p.name}投资方`, ...p });
  }
}, 60_000);

afterAll(() => harness?.close());

const pickers = (page: Page) => page.getByRole('group', { name: '看板范围' });

async function openDashboard(page: Page): Promise<void> {
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '看板' })
    .click();
  await pickers(page).getByLabel('年份').selectOption('2021');
  await pickers(page).getByLabel('截至').fill('2021-05-20');
  await expect.poll(() => page.locator('.dash-scope').innerText()).toContain('截至 2021-05-20');
}

const progressRow = (page: Page, label: string) =>
  page.getByRole('list', { name: '各项目标完成情况' }).locator('li', { hasText: label });

describe('看板: 序时 basis, 红黄绿灯 and 补差清单', () => {
  it('says the basis, lights each target, lists what could close each gap', async () => {
    const page = await (await newLaptopContext(browser)).newPage();
    const problems = watchProblems(page);
    await openDashboard(page);

    const scope = await page.locator('.dash-scope').innerText();
    expect(scope).toContain('序时进度 33.3%');
    expect(scope).toContain('按月计算：数据统计至 4月30日');

    expect(await progressRow(page, '合同外资').first().innerText()).toContain('绿灯');
    expect(await progressRow(page, '新引进“省市县长工程”项目').innerText()).toContain('黄灯');
    expect(await progressRow(page, '亿元以上开工项目').innerText()).toContain('红灯');
    await page.screenshot({ path: join(artifactsDir, 'dashboard-schedule-1366.png') });

    const gap = page.getByRole('region', { name: '补差清单' });
    const leader = gap.getByRole('region', { name: '新引进“省市县长工程”项目补差' });
    const leaderText = await leader.innerText();
    expect(leaderText).toContain('距确保目标还差 4个');
    expect(leaderText).toContain('年内 1 个项目计划中，合计可增加 1个');
    expect(leaderText).toContain('计划7月15日签约');
    expect(await gap.getByRole('region', { name: '50–100亿元项目补差' }).innerText()).toContain(
      '5月10日已签约，月末计入',
    );
    expect(await gap.getByRole('region', { name: '亿元以上开工项目补差' }).innerText()).toContain(
      '计划9月1日开工',
    );
    // The red one comes first.
    expect(await gap.locator('.dash-gap-title').first().innerText()).toContain('红灯');
    await gap.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'dashboard-schedule-gap-1366.png') });
    const overflow = () =>
      page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(await overflow()).toBeLessThanOrEqual(0);

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.locator('[data-metric="contracted_fdi"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'dashboard-schedule-1280.png') });
    await gap.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'dashboard-schedule-gap-1280.png') });
    expect(await overflow()).toBeLessThanOrEqual(0);

    // A row opens the project.
    await leader.locator('tbody tr').first().click();
    await expect
      .poll(() => page.locator('h1').first().innerText(), { timeout: 15_000 })
      .toContain('计划七月签约市长工程');
    expect(problems).toEqual([]);
  });

  it('the 月报 of the last complete month carries the lights and the 补差清单', async () => {
    const page = await (await newLaptopContext(browser)).newPage();
    const problems = watchProblems(page);
    await openDashboard(page);
    const button = page.getByRole('button', { name: '导出全区4月月报' });
    await expect.poll(() => button.count(), { timeout: 20_000 }).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('招商月报-2021年4月.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const targets = workbook.getWorksheet('目标完成情况')!;
    expect(String(targets.getCell('A1').value)).toContain('截至 2021-04-30，序时进度 33.33%');
    const lights = new Map<string, unknown>();
    targets.eachRow((row) => lights.set(String(row.getCell(1).value), row.getCell(10).value));
    expect(lights.get('合同外资')).toBe('绿灯');
    expect(lights.get('新引进“省市县长工程”项目')).toBe('黄灯');
    expect(lights.get('亿元以上开工项目')).toBe('红灯');
    const gap = workbook.getWorksheet('补差清单')!;
    const names: string[] = [];
    gap.eachRow((row) => names.push(String(row.getCell(5).value)));
    // At April's end the May signing is still to come: planned (05-01) in the rest of the year.
    expect(names).toEqual(
      expect.arrayContaining(['计划七月签约市长工程', '五月已签约新能源项目', '计划九月开工项目']),
    );
    expect(problems).toEqual([]);
  });

  it('a closed year reads at its end unless a later date is chosen; next year has not started', async () => {
    const page = await (await newLaptopContext(browser)).newPage();
    const problems = watchProblems(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '看板' })
      .click();
    // Today is long after 2021: left empty, as-of is 2021's last day.
    await pickers(page).getByLabel('年份').selectOption('2021');
    const scope = page.locator('.dash-scope');
    await expect.poll(() => scope.innerText()).toContain('2021年全年，按年末（12月31日）状态统计');
    expect(await scope.innerText()).toContain('序时进度 100%');
    await pickers(page).getByLabel('截至').fill('2022-06-30');
    await expect
      .poll(() => scope.innerText())
      .toContain('2021年全年，按 2022-06-30 的状态统计（终止、落地等以该日为准）');
    await page.screenshot({
      path: join(artifactsDir, 'dashboard-schedule-closed.png'),
      clip: { x: 0, y: 0, width: 1366, height: 120 },
    });
    const next = String(new Date().getFullYear() + 1);
    await pickers(page).getByLabel('年份').selectOption(next);
    await expect.poll(() => scope.innerText()).toContain(`${next}年未开始：不计序时进度，不亮灯`);
    expect(await page.locator('.dash-light').count()).toBe(0);
    expect(await page.getByRole('button', { name: /月报/ }).count()).toBe(0);
    await page.screenshot({ path: join(artifactsDir, 'dashboard-schedule-future.png') });
    expect(problems).toEqual([]);
  });

  it('设置 switches 序时 to 按日 and the 看板 says so', async () => {
    const page = await (await newLaptopContext(browser)).newPage();
    const problems = watchProblems(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '设置' })
      .click();
    const form = page.getByRole('form', { name: '序时口径与红黄绿灯' });
    await form.getByLabel('序时口径').selectOption({ label: '按日（截至所选日期）' });
    await form.getByLabel('红灯：超过（个百分点）').fill('40');
    await form.getByRole('button', { name: '保存序时口径' }).click();
    await expect.poll(() => form.innerText()).toContain('已保存');
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'dashboard-schedule-settings.png') });

    await openDashboard(page);
    // 2021-05-20 is day 140 of 365: 38.4%; 合同外资 to that day.
    await expect.poll(() => page.locator('.dash-scope').innerText()).toContain('按日计算');
    expect(await page.locator('.dash-scope').innerText()).toContain('序时进度 38.4%');
    // 开工 0 of 25 is 38.36 behind: yellow under the new red line of 40.
    expect(await progressRow(page, '亿元以上开工项目').innerText()).toContain('黄灯');
    expect(await page.getByRole('button', { name: '导出全区5月月报' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
