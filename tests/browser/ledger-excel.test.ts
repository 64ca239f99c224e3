// Excel in Chromium at 1366×768 through the browser harness: from the empty 台账 to the import
// screen; an office's workbook (title rows, 万元, a long name, an unknown country, a negative amount)
// chosen through the file input gives a preview with the bad rows by number and reason while the
// database stays empty; 确认导入 writes the good rows, which appear in the 台账; the 台账's Excel menu
// downloads the filtered ledger, which reads back with the same projects; the 看板 downloads the 月报.
// Screenshots: tests/artifacts/ledger-import-empty.png, ledger-import-preview.png,
// ledger-import-done.png, ledger-export-menu.png.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { LedgerPage } from '../../domain/ledger';
import { artifactsDir, newLaptopContext, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

const longName =
  '德国某汽车零部件集团长三角研发制造基地（嘉兴）暨华东区域总部结算中心年产二十万套新能源驱动系统二期扩建项目';

let harness: Harness;
let context: BrowserContext;
let page: Page;
let problems: string[];

async function officeWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('上海驻点');
  sheet.addRow(['2021年上海驻点招商项目台账']);
  sheet.mergeCells('A1:H1');
  sheet.addRow([]);
  sheet.addRow([
    '序号',
    '项目名称',
    '投资方',
    '国别',
    '投资总额（万元）',
    '签约日期',
    '驻点',
    '责任人',
  ]);
  sheet.addRow([
    1,
    longName,
    '某某汽车零部件股份公司',
    '德国',
    '250,000',
    '2021年3月5日',
    '上海',
    '王晓明',
  ]);
  sheet.addRow([
    2,
    '精密轴承项目',
    '宏达机械有限公司',
    '日本',
    12000,
    new Date(Date.UTC(2021, 5, 1)),
    '上海',
    '王晓明',
  ]);
  sheet.addRow([3, '火星基地项目', '火星集团', '火星', 5000, null, '上海', '王晓明']);
  sheet.addRow([4, '负数项目', '某某公司', '中国', -100, null, '上海', '王晓明']);
  sheet.addRow(['合计', null, null, null, 267000, null, null, null]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const count = async () =>
  (await harness.rpc<LedgerPage>('ledger.query', { limit: 1 })).totals.count;

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-excel-ui-', user: '王晓明', office: '上海' });
  context = await newLaptopContext(harness.browser);
  page = await context.newPage();
  problems = watchProblems(page);
  await page.goto(harness.server.url);
});

afterAll(async () => {
  await context?.close();
  await harness?.close();
});

describe('Excel ledger in the browser', () => {
  it('imports an office workbook through the preview', async () => {
    await page.getByRole('button', { name: '导入 Excel 台账' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '导入 Excel 台账' }).count()).toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'ledger-import-empty.png') });

    await page.getByLabel('选择台账文件').setInputFiles({
      name: '上海台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await officeWorkbook(),
    });
    const counts = page.getByRole('list', { name: '导入统计' });
    await expect.poll(() => counts.textContent(), { timeout: 20_000 }).toContain('新增 2');
    expect(await counts.textContent()).toContain('拒绝 2');
    const rejected = page.getByRole('row').filter({ hasText: '拒绝' });
    expect(await rejected.count()).toBe(2);
    expect(await rejected.nth(0).textContent()).toContain('国别/地区「火星」无法识别');
    expect(await rejected.nth(1).textContent()).toMatch(/^7.*投资总额（万元）不能为负数/);
    // The mapping: the sheet's header and how it was read.
    expect(await page.getByRole('cell', { name: '投资总额（万元）', exact: true }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: '总投资（万元）', exact: true }).count()).toBe(1);
    await page.screenshot({
      path: join(artifactsDir, 'ledger-import-preview.png'),
      fullPage: true,
    });
    expect(await count()).toBe(0); // nothing written before the confirmation

    await page.getByRole('button', { name: '确认导入（新增 2，更新 0）' }).click();
    await expect
      .poll(() => page.getByText('已导入 上海台账.xlsx').count(), { timeout: 20_000 })
      .toBe(1);
    expect(await count()).toBe(2);
    await page.screenshot({ path: join(artifactsDir, 'ledger-import-done.png') });

    await page.getByRole('button', { name: '查看台账' }).click();
    await expect.poll(() => page.getByText(longName).count()).toBeGreaterThan(0);
  });

  it('exports the 台账 as the workbook leaders read', async () => {
    await page.getByRole('button', { name: 'Excel', exact: true }).click();
    const menu = page.getByRole('dialog', { name: 'Excel 导入导出' });
    await menu.getByLabel('每个驻点一个工作表').check();
    await page.screenshot({ path: join(artifactsDir, 'ledger-export-menu.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('button', { name: '导出当前筛选（2 个项目）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^招商项目台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('上海')!;
    expect(String(sheet.getCell('A1').value)).toContain('嘉兴经济技术开发区招商项目台账');
    const names = [sheet.getCell('C4').value, sheet.getCell('C5').value];
    expect(names.sort()).toEqual([longName, '精密轴承项目'].sort());
    expect(await menu.getByText('已导出 2 个项目').count()).toBe(1);
  });

  it('downloads the 月报 from the 看板', async () => {
    await page.getByRole('navigation').getByRole('button', { name: '看板' }).click();
    const button = page.getByRole('button', { name: /导出全区\d+月月报/ });
    await expect.poll(() => button.count(), { timeout: 20_000 }).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^招商月报-\d{4}年\d{1,2}月\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((s) => s.name)).toContain('目标完成情况');

    // The chosen 驻点's 月报: its figures only, named for it.
    await page
      .getByRole('group', { name: '看板范围' })
      .getByLabel('驻点')
      .selectOption({ label: '上海' });
    const office = page.getByRole('button', { name: /导出上海\d+月月报/ });
    await expect.poll(() => office.count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'dashboard-office-report.png') });
    const [ofShanghai] = await Promise.all([page.waitForEvent('download'), office.click()]);
    expect(ofShanghai.suggestedFilename()).toMatch(/^招商月报-上海-\d{4}年\d{1,2}月\.xlsx$/);
    await workbook.xlsx.readFile(await ofShanghai.path());
    const title = String(workbook.getWorksheet('目标完成情况')!.getCell('A1').value);
    expect(title).toContain('上海驻点');
    expect(problems).toEqual([]);
  });
});
