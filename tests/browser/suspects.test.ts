// 疑似重复 in Chromium, between two offices on two databases (上海 and 北京, both invited by 本部):
// each enters 西门子 offline under its own name with its own project; after 上海's file is imported
// on 北京's 同步 screen the report points to the suspected pair, which is merged there (asked first);
// after 北京's file reaches 上海 both show one investor with both projects. 「不是同一家」 takes a
// pair off the list for good, and the empty list says how pairs are found. Screenshots at 1366×768
// and 1280×720.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { WebServer } from '../../web/server';
import type { InvestorRecord } from '../../domain/entities';
import type { SuspectList } from '../../domain/suspects';
import { carry, exportFile, serverRpc, startHq, startJoined } from './zone-servers';
import {
  artifactsDir,
  launchChromium,
  newLaptopContext,
  requireBuiltRenderer,
  watchProblems,
} from './harness';

let browser: Browser;
let hq: WebServer;
let shanghai: WebServer;
let beijing: WebServer;
let pageSh: Page;
let pageBj: Page;
let problemsSh: string[];
let problemsBj: string[];

const longName = '德国某汽车零部件长三角研发制造基地投资控股（中国）有限公司';
const longOther = '德国某汽车零部件长三角研发制造基地投资控股股份公司';

const rpc = serverRpc;

beforeAll(async () => {
  requireBuiltRenderer();
  hq = await startHq('zs-suspects');
  const withoutData = true;
  shanghai = await startJoined(hq, 'zs-suspects', { office: '上海', user: '王晓明', withoutData });
  beijing = await startJoined(hq, 'zs-suspects', { office: '北京', user: '赵敏', withoutData });
  // Offline, each office enters the same company under its own name.
  await rpc(shanghai, 'project.create', {
    name: '西门子医疗',
    investor: '西门子股份公司',
    office: '上海',
  });
  await rpc(beijing, 'project.create', {
    name: '西门子能源',
    investor: '西门子（中国）有限公司',
    office: '北京',
  });
  browser = await launchChromium();
  pageSh = await (await newLaptopContext(browser)).newPage();
  pageBj = await (await newLaptopContext(browser)).newPage();
  problemsSh = watchProblems(pageSh);
  problemsBj = watchProblems(pageBj);
});

afterAll(async () => {
  await browser?.close();
  await shanghai?.close();
  await beijing?.close();
  await hq?.close();
});

async function openScreen(page: Page, server: WebServer, label: string): Promise<void> {
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: label })
    .click();
  await expect.poll(() => page.getByRole('heading', { name: label, level: 1 }).count()).toBe(1);
}

async function openSuspects(page: Page, server: WebServer): Promise<void> {
  await openScreen(page, server, '投资方');
  await page.getByRole('button', { name: '疑似重复' }).click();
  await expect
    .poll(() => page.getByRole('heading', { name: '疑似重复', level: 1 }).count())
    .toBe(1);
  await expect.poll(() => page.getByText('正在查找疑似重复').count()).toBe(0);
}

async function noSidewaysOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Screenshots at 1366×768 and at 1280×720, then back to 1366×768. */
async function shoot(page: Page, name: string): Promise<void> {
  await noSidewaysOverflow(page);
  await page.screenshot({ path: join(artifactsDir, `${name}.png`) });
  await page.setViewportSize({ width: 1280, height: 720 });
  await noSidewaysOverflow(page);
  await page.screenshot({ path: join(artifactsDir, `${name}-1280.png`) });
  await page.setViewportSize({ width: 1366, height: 768 });
}

const investorRows = (page: Page) =>
  page.getByRole('table').getByRole('row').filter({ hasText: '西门子' });

describe('suspected duplicates between two offices in the browser', () => {
  it('finds 西门子 entered twice after an exchange, merges it, and both offices show one', async () => {
    // 北京 imports 上海's file on its 同步 screen; the report points to the suspected pair.
    const file = await exportFile(shanghai, '北京');
    await openScreen(pageBj, beijing, '同步');
    await pageBj.getByLabel('选择同步文件').setInputFiles({
      name: basename(file),
      mimeType: 'application/octet-stream',
      buffer: readFileSync(file),
    });
    const report = pageBj.getByRole('region', { name: '导入结果' });
    await expect.poll(() => report.getByText('导入完成：来自上海').count()).toBe(1);
    await expect.poll(() => report.getByText('发现 1 组疑似重复').count()).toBe(1);
    await report.getByRole('button', { name: '去核对' }).click();
    await expect
      .poll(() => pageBj.getByRole('heading', { name: '疑似重复', level: 1 }).count())
      .toBe(1);

    const pair = pageBj.getByRole('listitem').filter({ hasText: '西门子股份公司' });
    await expect.poll(() => pair.count()).toBe(1);
    await expect.poll(() => pair.getByText('西门子（中国）有限公司').count()).toBe(1);
    await expect
      .poll(() => pair.getByText('名称相同（忽略企业类型、括号、全半角、繁简）').count())
      .toBe(1);
    await expect.poll(() => pair.getByText('上海', { exact: true }).count()).toBe(1);
    await expect.poll(() => pair.getByText('北京', { exact: true }).count()).toBe(1);

    // Keep 上海's 西门子股份公司, whichever side it is on.
    const names = await pair.locator('.suspect-name').allTextContents();
    const keepLeft = names[0] === '西门子股份公司';
    await pair
      .getByRole('button', { name: keepLeft ? '合并，保留左边' : '合并，保留右边' })
      .click();
    const dialog = pageBj.getByRole('dialog', { name: '合并投资方' });
    await expect.poll(() => dialog.count()).toBe(1);
    await expect.poll(() => dialog.getByText('从各列表、看板和统计中消失').count()).toBe(1);
    await expect.poll(() => dialog.getByText('撤销合并', { exact: false }).count()).toBe(1);
    // Esc gives up: nothing merged.
    await pageBj.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await rpc<SuspectList>(beijing, 'suspects.list')).suspects).toHaveLength(1);

    await pair
      .getByRole('button', { name: keepLeft ? '合并，保留左边' : '合并，保留右边' })
      .click();
    await dialog.getByRole('button', { name: '确认合并' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const notice = pageBj.getByRole('status', { name: '合并结果' });
    await expect
      .poll(() => notice.textContent())
      .toContain('已将投资方「西门子（中国）有限公司」合并到「西门子股份公司」');
    await expect.poll(() => pageBj.getByText('没有疑似重复的记录').count()).toBe(1);

    // The undo brings the pair back; merged again, it stays merged.
    await notice.getByRole('button', { name: '撤销合并' }).click();
    await expect.poll(() => notice.textContent()).toContain('已撤销合并');
    await expect.poll(() => pair.count()).toBe(1);
    await pair
      .getByRole('button', { name: keepLeft ? '合并，保留左边' : '合并，保留右边' })
      .click();
    await dialog.getByRole('button', { name: '确认合并' }).click();
    await expect.poll(() => pageBj.getByText('没有疑似重复的记录').count()).toBe(1);

    // 北京's file reaches 上海; both show one investor with both projects.
    await carry(beijing, shanghai, '上海');
    for (const [page, server] of [
      [pageBj, beijing],
      [pageSh, shanghai],
    ] as const) {
      await openScreen(page, server, '投资方');
      await expect.poll(() => investorRows(page).count()).toBe(1);
      await investorRows(page).getByText('西门子股份公司').click();
      await expect
        .poll(() => page.getByRole('heading', { name: '西门子股份公司', level: 1 }).count())
        .toBe(1);
      const projects = page.getByRole('table', { name: '投资方的项目' });
      await expect.poll(() => projects.getByText('西门子医疗').count()).toBe(1);
      await expect.poll(() => projects.getByText('西门子能源').count()).toBe(1);
    }
    const listed = await rpc<InvestorRecord[]>(shanghai, 'investor.list', { limit: 100 });
    expect(listed.map((i) => i.nameZh)).toEqual(['西门子股份公司']);
    expect(problemsBj).toEqual([]);
    expect(problemsSh).toEqual([]);
  });

  it('「不是同一家」 takes a pair off the list for good; the empty list says how pairs are found', async () => {
    await rpc(shanghai, 'investor.create', { nameZh: longName });
    await rpc(shanghai, 'investor.create', { nameZh: longOther });
    await rpc(shanghai, 'investor.create', { nameZh: '通用电气' });
    await rpc(shanghai, 'investor.create', { nameZh: '通用电气（中国）有限公司' });
    await openSuspects(pageSh, shanghai);
    const pairs = pageSh.getByRole('list', { name: '疑似重复的记录' }).getByRole('listitem');
    await expect.poll(() => pairs.count()).toBe(2);
    await shoot(pageSh, 'suspects');

    const longPair = pairs.filter({ hasText: longName });
    await longPair.getByRole('button', { name: '合并，保留左边' }).click();
    await expect.poll(() => pageSh.getByRole('dialog', { name: '合并投资方' }).count()).toBe(1);
    await shoot(pageSh, 'suspects-confirm');
    await pageSh.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    const ge = pairs.filter({ hasText: '通用电气（中国）有限公司' });
    await ge.getByRole('button', { name: '不是同一家' }).click();
    await expect.poll(() => ge.count()).toBe(0);
    await longPair.getByRole('button', { name: '不是同一家' }).click();
    await expect.poll(() => pageSh.getByText('没有疑似重复的记录').count()).toBe(1);
    await expect.poll(() => pageSh.getByText('统一社会信用代码', { exact: false }).count()).toBe(1);
    await shoot(pageSh, 'suspects-empty');

    // After a reload the judged pairs stay off the list.
    await pageSh.reload();
    await openSuspects(pageSh, shanghai);
    await expect.poll(() => pageSh.getByText('没有疑似重复的记录').count()).toBe(1);
    expect((await rpc<SuspectList>(shanghai, 'suspects.list')).suspects).toEqual([]);
    expect(problemsSh).toEqual([]);
  });

  it('merges from an investor page and a project page with 「合并到…」, keys as in every picker', async () => {
    const kept = await rpc<InvestorRecord>(shanghai, 'investor.create', { nameZh: '博世' });
    const other = await rpc<InvestorRecord>(shanghai, 'investor.create', {
      nameZh: '博世汽车部件（苏州）有限公司',
    });
    await rpc(shanghai, 'project.create', { name: '博世氢能', investorId: other.id });
    await openScreen(pageSh, shanghai, '投资方');
    await pageSh.getByRole('table').getByText('博世汽车部件（苏州）有限公司').click();
    await pageSh.getByRole('button', { name: '合并到…' }).click();
    const pick = pageSh.getByRole('dialog', { name: '把「博世汽车部件（苏州）有限公司」合并到…' });
    await expect.poll(() => pick.count()).toBe(1);
    const box = pick.getByRole('combobox');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('博世');
    const options = pick.getByRole('listbox', { name: '匹配的投资方' }).getByRole('option');
    await expect.poll(() => options.count()).toBe(2);
    // The record itself is listed but cannot be picked.
    await expect
      .poll(() => options.filter({ hasText: '不能合并到它自己' }).getAttribute('aria-disabled'))
      .toBe('true');
    // Esc closes the list only; a second Esc gives up.
    await pageSh.keyboard.press('Escape');
    await expect.poll(() => options.count()).toBe(0);
    await expect.poll(() => pick.count()).toBe(1);
    await pageSh.keyboard.press('Escape');
    await expect.poll(() => pick.count()).toBe(0);

    await pageSh.getByRole('button', { name: '合并到…' }).click();
    await box.fill('博世');
    await expect.poll(() => options.count()).toBe(2);
    const texts = await options.allTextContents();
    const target = texts.findIndex((t) => !t.includes('不能合并到它自己'));
    for (let i = 0; i < target; i += 1) await pageSh.keyboard.press('ArrowDown');
    await expect.poll(() => options.nth(target).getAttribute('aria-selected')).toBe('true');
    await shoot(pageSh, 'merge-into-pick');
    await pageSh.keyboard.press('Enter');
    const confirm = pageSh.getByRole('dialog', { name: '合并投资方' });
    await expect.poll(() => confirm.getByText('保留「博世」', { exact: false }).count()).toBe(1);
    await confirm.getByRole('button', { name: '确认合并' }).click();
    // The window opens the kept investor, with the merged one's project and the undo.
    await expect
      .poll(() => pageSh.getByRole('heading', { name: '博世', level: 1 }).count())
      .toBe(1);
    const projects = pageSh.getByRole('table', { name: '投资方的项目' });
    await expect.poll(() => projects.getByText('博世氢能').count()).toBe(1);
    const notice = pageSh.getByRole('status', { name: '合并结果' });
    await notice.getByRole('button', { name: '撤销合并' }).click();
    await expect.poll(() => notice.textContent()).toContain('已撤销合并');
    await expect.poll(() => projects.getByText('博世氢能').count()).toBe(0);
    const back = await rpc<InvestorRecord>(shanghai, 'investor.get', { id: other.id });
    expect(back.nameZh).toBe('博世汽车部件（苏州）有限公司');
    expect(kept.id).not.toBe(other.id);

    // A project page: the project picker, Enter on the first match.
    const p1 = await rpc<{ id: string }>(shanghai, 'project.create', { name: '博世储能电站' });
    await rpc(shanghai, 'project.create', { name: '博世储能电站（二期）' });
    await openScreen(pageSh, shanghai, '台账');
    await pageSh.getByText('博世储能电站（二期）').first().click();
    await expect
      .poll(() => pageSh.getByRole('heading', { name: '博世储能电站（二期）', level: 1 }).count())
      .toBe(1);
    await pageSh.getByRole('button', { name: '合并到…' }).click();
    const projectPick = pageSh.getByRole('dialog', { name: '把「博世储能电站（二期）」合并到…' });
    await projectPick.getByRole('combobox').fill('博世储能电站');
    const projectOptions = projectPick.getByRole('option');
    await expect.poll(() => projectOptions.count()).toBe(2);
    const names = await projectOptions.locator('.match-name').allTextContents();
    const first = names.indexOf('博世储能电站');
    for (let i = 0; i < first; i += 1) await pageSh.keyboard.press('ArrowDown');
    await pageSh.keyboard.press('Enter');
    await pageSh
      .getByRole('dialog', { name: '合并项目' })
      .getByRole('button', { name: '确认合并' })
      .click();
    await expect
      .poll(() => pageSh.getByRole('heading', { name: '博世储能电站', level: 1 }).count())
      .toBe(1);
    await expect
      .poll(() => pageSh.getByRole('status', { name: '合并结果' }).textContent())
      .toContain('已将项目「博世储能电站（二期）」合并到「博世储能电站」');
    const ledger = await rpc<{ rows: { id: string }[] }>(shanghai, 'ledger.query', {
      q: '博世储能电站',
    });
    expect(ledger.rows.map((r) => r.id)).toEqual([p1.id]);
    expect(problemsSh).toEqual([]);
  });

  it('chooses, field by field, which value the kept investor keeps', async () => {
    const keptName = '奥地利某精密传动系统长三角研发制造基地投资控股（中国）有限公司';
    const otherName = '奥地利某精密传动系统长三角研发制造基地投资控股股份公司';
    const kept = await rpc<InvestorRecord>(shanghai, 'investor.create', {
      nameZh: keptName,
      nameEn:
        'Auto Parts Yangtze Delta R&D and Manufacturing Base Investment Holding (China) Co., Ltd.',
      hqCountry: 'DE',
    });
    const other = await rpc<InvestorRecord>(shanghai, 'investor.create', {
      nameZh: otherName,
      nameEn: 'Auto Parts Holding AG',
      hqCountry: 'AT',
      city: '苏州市',
    });
    await openScreen(pageSh, shanghai, '投资方');
    await pageSh.getByRole('table').getByText(otherName, { exact: true }).click();
    await pageSh.getByRole('button', { name: '合并到…' }).click();
    const pick = pageSh.getByRole('dialog', { name: `把「${otherName}」合并到…` });
    await pick.getByRole('combobox').fill('精密传动系统');
    const option = pick.getByRole('option').filter({ hasNotText: '不能合并到它自己' });
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    const confirm = pageSh.getByRole('dialog', { name: '合并投资方' });
    const choices = confirm.getByRole('group', { name: '两边不同的字段：选择保留哪一个值' });
    await expect.poll(() => choices.getByRole('row').count()).toBe(4);
    await expect.poll(() => confirm.getByText(/空着的城市用它的值补上/).count()).toBe(1);
    // The kept values are chosen at first; take the other's 英文名称, keep the own 总部所在国.
    await expect
      .poll(() => choices.getByRole('radio', { name: '总部所在国：德国' }).isChecked())
      .toBe(true);
    await choices.getByRole('radio', { name: '英文名称：Auto Parts Holding AG' }).check();
    await shoot(pageSh, 'merge-choose-fields');
    await confirm.getByRole('button', { name: '确认合并' }).click();
    await expect
      .poll(() => pageSh.getByRole('heading', { name: keptName, level: 1 }).count())
      .toBe(1);
    const merged = await rpc<InvestorRecord>(shanghai, 'investor.get', { id: kept.id });
    expect(merged).toMatchObject({
      nameZh: keptName,
      nameEn: 'Auto Parts Holding AG',
      hqCountry: 'DE',
      city: '苏州市',
    });
    expect(merged.aliases).toEqual(
      expect.arrayContaining([
        otherName,
        'Auto Parts Yangtze Delta R&D and Manufacturing Base Investment Holding (China) Co., Ltd.',
      ]),
    );
    expect(other.id).not.toBe(kept.id);
    expect(problemsSh).toEqual([]);
  });
});
