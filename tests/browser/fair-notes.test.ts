// 展会速记 in Chromium at 1366×768, through the browser harness: three captures typed in a row with
// the keyboard alone (each Enter saves, clears the form and returns to 投资方, the fair stays
// chosen), the counter and the triage list follow; a capture becomes a project that the 台账 then
// lists, another is filed under an existing project, a third is dismissed; an empty database says
// what to do. No console error, no CSP violation.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startWebServer } from '../../web/server';
import type { WebServer } from '../../web/server';
import { tempDir } from '../helpers';
import {
  artifactsDir,
  launchChromium,
  newLaptopContext,
  requireBuiltRenderer,
  watchProblems,
  httpRpc,
} from './harness';

const fair = '第六届国际经贸洽谈会';
const longName =
  '博西华电器（江苏）有限公司暨博世西门子家用电器集团亚太区智能家电研发制造及区域结算中心投资洽谈代表团';

let browser: Browser;
let server: WebServer;
let emptyServer: WebServer;
let existingProjectId: string;

const rpc = httpRpc;

beforeAll(async () => {
  requireBuiltRenderer();
  const dir = tempDir('zs-fair-');
  server = await startWebServer({
    port: 0,
    dbFile: join(dir, 'fair.sqlite'),
    user: '测试员',
    office: '上海',
  });
  const existing = await rpc<{ id: string }>(server, 'project.create', {
    name: '博世汽车电子华东研发中心',
    code: 'ZS-2024-010',
    investor: '博世（中国）投资有限公司',
    country: 'DE',
    stage: 'negotiating',
  });
  existingProjectId = existing.id;
  emptyServer = await startWebServer({ port: 0, dbFile: join(dir, 'empty.sqlite') });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await emptyServer?.close();
});

const focusedId = (page: Page) =>
  page.evaluate('document.activeElement && document.activeElement.id');
const captureItems = (page: Page) =>
  page.getByRole('list', { name: '速记列表' }).getByRole('listitem');
const itemOf = (page: Page, name: string) => captureItems(page).filter({ hasText: name });

async function openFairNotes(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '展会速记' })
    .click();
  await expect.poll(() => page.getByRole('heading', { name: '展会速记' }).count()).toBe(1);
}

/** Types an entry field by field, Tab between them, as at the stand. */
async function typeFields(page: Page, values: string[]): Promise<void> {
  for (const [i, value] of values.entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    if (value) await page.keyboard.type(value);
  }
}

async function expectSaved(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.locator('.fair-feedback').innerText()).toContain(`已记录：${name}`);
  expect(await focusedId(page)).toBe('fair-investorName');
  expect(await page.getByLabel('投资方').inputValue()).toBe('');
  expect(await page.getByLabel('联系人').inputValue()).toBe('');
  expect(await page.getByLabel('展会届次').inputValue()).toBe(fair);
}

describe('展会速记 in the browser', () => {
  it('takes three captures in a row from the keyboard alone', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openFairNotes(page, server.url);

    // Every field has a visible label bound to it; 投资方 has the focus.
    for (const label of ['投资方', '联系人', '电话', '微信', '投资意向', '展会届次', '备注']) {
      expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
    }
    await expect.poll(() => focusedId(page)).toBe('fair-investorName');
    await expect.poll(() => page.locator('.fair-empty').innerText()).toContain('还没有速记');

    // The fair is chosen once, and then stays.
    await page.getByLabel('展会届次').selectOption(fair);
    await page.getByLabel('投资方').focus();

    // Enter with no investor: an inline Chinese message, nothing saved.
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#fair-investorName-error').innerText())
      .toContain('请填写投资方');
    expect(await page.getByLabel('投资方').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.fair-counter').innerText()).toBe('本场已记 0 条');

    // 1: Enter in the 投资意向 field.
    await typeFields(page, [
      '三星电子',
      '金部长',
      '13800138000',
      'kim_samsung',
      'OLED 面板扩产，用地 300 亩',
    ]);
    await page.keyboard.press('Enter');
    await expectSaved(page, '三星电子');
    expect(await page.locator('#fair-investorName-error').count()).toBe(0);

    // 2: an English name, Enter right after the 联系人.
    await typeFields(page, ['Bosch Rexroth AG', 'Mr. Weber']);
    await page.keyboard.press('Enter');
    await expectSaved(page, 'Bosch Rexroth AG');

    // 3: a long name and a note, Ctrl+Enter in the 备注 textarea (Enter there is a new line).
    await typeFields(page, [longName, '', '', '', '', '']);
    await page.keyboard.press('Tab'); // past 展会届次 into 备注
    expect(await focusedId(page)).toBe('fair-note');
    await page.keyboard.type('展位 A3-12');
    await page.keyboard.press('Enter');
    await page.keyboard.type('会后寄资料');
    expect(await page.locator('.fair-counter').innerText()).toBe('本场已记 2 条');
    await page.keyboard.press('Control+Enter');
    await expectSaved(page, longName);
    expect(await page.getByLabel('备注').inputValue()).toBe('');

    await expect.poll(() => page.locator('.fair-counter').innerText()).toBe('本场已记 3 条');
    await expect.poll(() => captureItems(page).count()).toBe(3);
    const listText = await page.getByRole('list', { name: '速记列表' }).innerText();
    for (const text of [
      '三星电子',
      '金部长',
      '电话 13800138000',
      '微信 kim_samsung',
      'Bosch Rexroth AG',
    ]) {
      expect(listText).toContain(text);
    }
    expect(listText).toContain('意向：OLED 面板扩产，用地 300 亩');
    expect(listText).toContain(fair);
    expect(await page.getByText('待处理 3 条').count()).toBe(1);

    // The long name is cut with … (whole in its tooltip); nothing sticks out at 1366 px.
    const nameCell = page.locator('.fair-item-name', { hasText: '博西华电器' });
    expect(await nameCell.getAttribute('title')).toBe(longName);
    expect(
      await nameCell.evaluate((el) => ({
        cut: el.scrollWidth > el.clientWidth,
        ellipsis: el.ownerDocument.defaultView?.getComputedStyle(el).textOverflow,
      })),
    ).toEqual({ cut: true, ellipsis: 'ellipsis' });
    expect(
      await page.evaluate(`document.documentElement.scrollWidth > window.innerWidth ||
        document.documentElement.scrollHeight > window.innerHeight`),
    ).toBe(false);

    await page.screenshot({ path: join(artifactsDir, 'fair-notes.png') });

    // The chosen fair is remembered when the screen is opened again.
    await openFairNotes(page, server.url);
    await expect.poll(() => page.getByLabel('展会届次').inputValue()).toBe(fair);
    await expect.poll(() => page.locator('.fair-counter').innerText()).toBe('本场已记 3 条');

    const saved = await rpc<{ investorName: string; fairEdition: string; phone: string }[]>(
      server,
      'capture.list',
      { status: 'new' },
    );
    expect(saved.map((c) => c.investorName).sort()).toEqual(
      ['三星电子', 'Bosch Rexroth AG', longName].sort(),
    );
    expect(saved.every((c) => c.fairEdition === fair)).toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('turns a capture into a project that the 台账 lists, files one, dismisses one', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openFairNotes(page, server.url);
    await expect.poll(() => captureItems(page).count()).toBe(3);

    // 转为项目: the name is offered, edited, Enter confirms.
    await itemOf(page, '三星电子').getByRole('button', { name: '转为项目' }).click();
    const nameBox = itemOf(page, '三星电子').getByLabel('项目名称');
    expect(await nameBox.inputValue()).toBe('三星电子项目');
    await nameBox.fill('三星电子OLED面板扩产项目');
    await nameBox.press('Enter');
    await expect
      .poll(() => page.locator('.fair-outcome').innerText())
      .toContain('已转为项目：三星电子OLED面板扩产项目');
    await expect.poll(() => captureItems(page).count()).toBe(2);

    const ledger = await rpc<{
      rows: { id: string; name: string; investor: string; channel: string }[];
    }>(server, 'ledger.query', { q: '三星' });
    expect(ledger.rows).toHaveLength(1);
    expect(ledger.rows[0]).toMatchObject({
      name: '三星电子OLED面板扩产项目',
      investor: '三星电子',
    });
    const projectId = ledger.rows[0]!.id;
    const contacts = await rpc<{ name: string; phone: string }[]>(server, 'contact.list', {
      projectId,
    });
    expect(contacts).toMatchObject([{ name: '金部长', phone: '13800138000' }]);

    // 归入已有项目: the picker searches the ledger; arrow keys and Enter pick.
    await itemOf(page, 'Bosch Rexroth AG').getByRole('button', { name: '归入已有项目' }).click();
    const picker = itemOf(page, 'Bosch Rexroth AG').getByRole('combobox', { name: '查找项目' });
    expect(await focusedId(page)).toBe(await picker.getAttribute('id'));
    await picker.fill('博世');
    const option = page.getByRole('option', { name: /博世汽车电子华东研发中心/ });
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
    await picker.press('Enter');
    await expect
      .poll(() => page.locator('.fair-outcome').innerText())
      .toContain('已归入项目：博世汽车电子华东研发中心');
    await expect.poll(() => captureItems(page).count()).toBe(1);
    const activities = await rpc<{ kind: string; people: string }[]>(server, 'activity.list', {
      projectId: existingProjectId,
    });
    expect(activities).toMatchObject([{ kind: 'fair', people: 'Mr. Weber' }]);

    // 忽略, then nothing is left to triage; the filter shows the settled ones.
    await itemOf(page, '博西华电器').getByRole('button', { name: '忽略' }).click();
    await expect.poll(() => page.locator('.fair-empty').innerText()).toContain('速记都已整理完');
    await page.getByLabel('显示').selectOption({ label: '全部' });
    await expect.poll(() => captureItems(page).count()).toBe(3);
    expect(await itemOf(page, '三星电子').innerText()).toContain('已转为项目');
    expect(await itemOf(page, 'Bosch Rexroth AG').innerText()).toContain('已归入项目');
    expect(await itemOf(page, '博西华电器').innerText()).toContain('已忽略');
    // The counter counts the chosen fair's captures, whatever became of them (this browser never
    // chose one: the latest fair is preselected, and nothing was noted there).
    expect(await page.locator('.fair-counter').innerText()).toBe('本场已记 0 条');
    await page.getByLabel('展会届次').selectOption(fair);
    await expect.poll(() => page.locator('.fair-counter').innerText()).toBe('本场已记 3 条');

    // 打开项目 goes to the converted project's page.
    await itemOf(page, '三星电子').getByRole('button', { name: '打开项目' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '展会速记' }).count()).toBe(0);

    // The 台账 lists the new project.
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '台账', exact: true }).click();
    await page.getByRole('searchbox', { name: '搜索项目' }).fill('三星');
    await expect
      .poll(() => page.locator('.ledger-body [role="row"]:not(.placeholder)').allInnerTexts())
      .toEqual([expect.stringContaining('三星电子OLED面板扩产项目')]);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('explains an empty screen', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openFairNotes(page, emptyServer.url);

    await expect.poll(() => page.locator('.fair-empty').innerText()).toContain('还没有速记');
    expect(await page.locator('.fair-empty').innerText()).toContain('按 Enter');
    expect(await page.locator('.fair-counter').innerText()).toBe('本场已记 0 条');
    // The latest fair is chosen until another is picked.
    await expect
      .poll(() => page.getByLabel('展会届次').inputValue())
      .toBe('第七届国际经贸洽谈会（2021）');
    expect(await focusedId(page)).toBe('fair-investorName');
    await page.screenshot({ path: join(artifactsDir, 'fair-notes-empty.png') });

    expect(problems).toEqual([]);
    await context.close();
  });
});
