// A promoter's day without the Excel sheet beside the app (issue 16's acceptance walk), in Chromium
// at 1366×768 on a database with other offices' projects: two visitors captured at a fair, one
// turned into a project that lands in the user's office (上海) in the 台账 and the 看板, edited,
// an attempt to leave it unsaved that keeps the edit, four extra 台账 columns shown and saved as a
// view, that view exported to Excel and imported back (0 new), and the 月报 of the user's office.
// Screenshots: day-capture.png, day-leave.png, day-columns.png, day-report.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { LedgerPage } from '../../domain/ledger';
import { artifactsDir, newLaptopContext, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

const fair = '第六届国际经贸洽谈会';
let harness: Harness;
let page: Page;
let problems: string[];

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-day-', user: '王晓明', office: '上海' });
  // Other offices' work, so that "lands in 上海" means something.
  for (const [name, office] of [
    ['北京生物医药产业园', '北京'],
    ['深圳电子信息项目', '深圳'],
  ] as const) {
    await harness.rpc('project.create', { name, investor: `${name}投资方`, office, owner: '赵六' });
  }
  page = await (await newLaptopContext(harness.browser)).newPage();
  problems = watchProblems(page);
  await page.goto(harness.server.url);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const nav = (name: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name, exact: true });
const ledgerRows = () => page.locator('.ledger-body [role="row"]:not(.placeholder)');

test("a promoter's day: fair, project, edit, columns, view, Excel round trip, 月报", async () => {
  // 1. Two visitors at the fair, typed at the stand.
  await nav('展会速记').click();
  await page.getByLabel('展会届次').selectOption(fair);
  for (const [investor, contact] of [
    ['丰田通商（中国）有限公司', '田中'],
    ['巴斯夫（中国）有限公司', 'Dr. Müller'],
  ] as const) {
    await page.getByLabel('投资方').fill(investor);
    await page.getByLabel('联系人').fill(contact);
    await page.getByLabel('投资方').press('Enter');
    await expect.poll(() => page.locator('.fair-feedback').innerText()).toContain(investor);
  }
  await page.screenshot({ path: join(artifactsDir, 'day-capture.png') });

  // 2. One becomes a project: it lands in 上海, owned by the user.
  const item = page.getByRole('listitem').filter({ hasText: '巴斯夫（中国）有限公司' });
  await item.getByRole('button', { name: '转为项目' }).click();
  const name = item.getByLabel('项目名称');
  await name.fill('巴斯夫特种化学品项目');
  await name.press('Enter');
  await expect.poll(() => page.locator('.fair-outcome').innerText()).toContain('已转为项目');
  const mine = await harness.rpc<LedgerPage>('ledger.query', { office: ['shanghai'] });
  expect(mine.rows.map((r) => r.name)).toEqual(['巴斯夫特种化学品项目']);
  expect(mine.rows[0]).toMatchObject({ office: '上海', owner: '王晓明' });
  expect(mine.rows[0]!.code).toMatch(/^SH\d{4}-/);

  // 3. Edited on its page; leaving unsaved asks, 留在此页 keeps the edit, then it is saved.
  await page.getByLabel('显示').selectOption({ label: '全部' });
  await item.getByRole('button', { name: '打开项目' }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).innerText())
    .toBe('巴斯夫特种化学品项目');
  await page.getByLabel('总投资', { exact: true }).fill('12');
  await page.getByLabel('产业', { exact: true }).fill('新材料');
  await nav('看板').click();
  const leave = page.getByRole('dialog');
  await expect.poll(() => leave.count()).toBe(1);
  await page.screenshot({ path: join(artifactsDir, 'day-leave.png') });
  await leave.getByRole('button', { name: '留在此页' }).click();
  expect(await page.getByLabel('总投资', { exact: true }).inputValue()).toBe('12');
  await page.keyboard.press('Control+s');
  await expect.poll(() => page.locator('.save-state').innerText()).toBe('已保存');

  // 4. It counts in the user's office's 看板: one 线索 of 12 亿元 there, as the funnel shows.
  await nav('看板').click();
  await page
    .getByRole('group', { name: '看板范围' })
    .getByLabel('驻点')
    .selectOption({ label: '上海' });
  const office = await harness.rpc<{
    funnel: { stage: string; count: number; totalCny: number }[];
  }>('dashboard.get', { year: new Date().getFullYear(), office: '上海' });
  expect(office.funnel.find((f) => f.stage === 'lead')).toMatchObject({
    count: 1,
    totalCny: 1_200_000_000,
  });

  // 5. The 台账 as the office's sheet: four more columns, saved as a view.
  await nav('台账').click();
  await expect.poll(() => ledgerRows().count()).toBe(3);
  await page.getByRole('button', { name: /^列/ }).click();
  const columns = page.getByRole('dialog', { name: '显示的列' });
  for (const column of ['产业', '招商方式', '承接平台', '下一步工作']) {
    await columns.getByLabel(column, { exact: true }).check();
  }
  await page.keyboard.press('Escape');
  for (const column of ['产业', '招商方式', '承接平台', '下一步工作']) {
    expect(await page.getByRole('columnheader', { name: column, exact: true }).count()).toBe(1);
  }
  await page.screenshot({ path: join(artifactsDir, 'day-columns.png') });
  await page.getByRole('button', { name: /^视图/ }).click();
  const views = page.getByRole('dialog', { name: '已保存的视图' });
  await views.getByRole('button', { name: '保存为视图…' }).click();
  await views.getByLabel('视图名称').fill('上海周报');
  await views.getByLabel('视图名称').press('Enter');
  await expect
    .poll(async () =>
      (await harness.rpc<{ name: string }[]>('view.list', undefined)).map((v) => v.name),
    )
    .toEqual(['上海周报']);
  await page.keyboard.press('Escape');

  // 6. That view to Excel, and back: nothing new.
  await page.getByRole('button', { name: 'Excel', exact: true }).click();
  const menu = page.getByRole('dialog', { name: 'Excel 导入导出' });
  await menu.getByLabel(/只导出台账上显示的列/).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('button', { name: /^导出当前筛选/ }).click(),
  ]);
  const file = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const headerRow = (workbook.worksheets[0]!.getRow(3).values as unknown[]).map(String);
  for (const column of ['产业', '招商方式', '承接平台']) {
    expect(headerRow.some((h) => h.includes(column))).toBe(true);
  }
  await menu.getByRole('button', { name: /^导入 Excel 台账/ }).click();
  await page.getByLabel('选择台账文件').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: readFileSync(file),
  });
  const counts = page.getByRole('list', { name: '导入统计' });
  await expect.poll(() => counts.textContent(), { timeout: 20_000 }).toContain('新增 0');
  expect(await counts.textContent()).toContain('更新 0');

  // 7. The 月报 of the user's office.
  await nav('看板').click();
  await page
    .getByRole('group', { name: '看板范围' })
    .getByLabel('驻点')
    .selectOption({ label: '上海' });
  const report = page.getByRole('button', { name: /导出上海\d+月月报/ });
  await expect.poll(() => report.count(), { timeout: 20_000 }).toBe(1);
  const [monthly] = await Promise.all([page.waitForEvent('download'), report.click()]);
  expect(monthly.suggestedFilename()).toMatch(/^招商月报-上海-\d{4}年\d{1,2}月\.xlsx$/);
  await page.screenshot({ path: join(artifactsDir, 'day-report.png') });
  expect(problems).toEqual([]);
}, 180_000);
