// 投资方 in Chromium at 1366×768 through the browser harness: the list with flags, country, 所在地
// and project counts; search by Chinese, English name and alias; the 撞单 warning when a new name
// resembles an existing investor (with 「使用已有投资方」 and 「仍然新建」); inline validation; the
// investor page with its projects and contacts; 母公司 picked from the investors on record (never
// the investor itself). No console error, no CSP violation, no sideways
// overflow.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WebServer } from '../../web/server';
import type { InvestorRecord } from '../../domain/entities';
import {
  artifactsDir,
  newLaptopContext,
  startHarness,
  startServer,
  watchProblems,
} from './harness';
import type { Harness } from './harness';

const longInvestor =
  '中国国际海运集装箱（集团）股份有限公司华东区域智能物流装备与冷链设备研发制造基地投资管理有限公司';
const longProject =
  '西门子年产二十万台高端智能制造装备及工业自动化控制系统研发生产基地暨华东区域总部结算中心建设项目';

let harness: Harness;
let emptyServer: WebServer;
let siemens: InvestorRecord;

const rpc = <T>(method: string, input: unknown) => harness.rpc<T>(method, input);

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-investors-' });
  siemens = await rpc<InvestorRecord>('investor.create', {
    nameZh: '西门子',
    nameEn: 'Siemens AG',
    aliases: ['SIEMENS', '西门子股份'],
    hqCountry: 'DE',
    fortune500: true,
    listed: true,
    notes: '德国工业巨头，长三角多个园区已有布局。',
  });
  await rpc('investor.create', {
    nameZh: '三星电子',
    nameEn: 'Samsung Electronics',
    hqCountry: 'KR',
    fortune500: true,
    listed: true,
    wellKnown: true,
  });
  await rpc('investor.create', { nameZh: longInvestor, hqCountry: 'CN', centralSoe: true });
  // Projects link to an existing investor by its Chinese name.
  await rpc('project.create', {
    name: longProject,
    investor: '西门子',
    country: 'DE',
    totalInvestmentCny: 1_250_000_000,
    contractedFdiUsd: 80_000_000,
    stage: 'signed',
    signedOn: '2024-03-18',
    office: '上海',
  });
  await rpc('project.create', {
    name: '西门子医疗影像设备项目',
    investor: '西门子',
    country: 'DE',
    totalInvestmentCny: 300_000_000,
    stage: 'negotiating',
    office: '本部',
  });
  // Its name contains 西门子 but its investor is another: the investor page must not list it.
  await rpc('project.create', {
    name: '西门子配套零部件项目',
    investor: '三星电子',
    country: 'KR',
    stage: 'lead',
  });
  emptyServer = await startServer({ prefix: 'zs-investors-empty-' });
});

afterAll(async () => {
  await harness?.close();
  await emptyServer?.close();
});

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });
const list = (page: Page) => page.getByRole('table', { name: '投资方列表' });
const listRows = (page: Page) => list(page).locator('tbody tr');
const createForm = (page: Page) => page.getByRole('form', { name: '新建投资方' });
const duplicateAlert = (page: Page) =>
  page.getByRole('alert').filter({ hasText: '可能与已有投资方重复（撞单）' });

async function openInvestors(page: Page, url = harness.server.url): Promise<void> {
  await page.goto(url);
  await nav(page).getByRole('button', { name: '投资方' }).click();
}

/** Nothing sticks out sideways at 1366 px. (A string: tests have no DOM types.) */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(`document.documentElement.scrollWidth > window.innerWidth`);

describe('投资方 in the browser', () => {
  it('lists investors with flags, country and project counts, and searches names and aliases', async () => {
    const context = await newLaptopContext(harness.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openInvestors(page);

    await expect.poll(() => listRows(page).count()).toBe(3);
    const row = listRows(page).filter({ hasText: '西门子' });
    const text = await row.innerText();
    for (const part of ['Siemens AG', 'SIEMENS、西门子股份', '世界500强', '上市公司', '德国']) {
      expect(text).toContain(part);
    }
    expect(await row.locator('td').last().innerText()).toBe('2');

    // The long name is cut with … and whole in its tooltip.
    const longCell = list(page).getByTitle(longInvestor, { exact: true });
    expect(
      await longCell.evaluate((el) => ({
        cut: el.scrollWidth > el.clientWidth,
        ellipsis: el.ownerDocument.defaultView?.getComputedStyle(el).textOverflow,
      })),
    ).toEqual({ cut: true, ellipsis: 'ellipsis' });

    const search = page.getByRole('searchbox', { name: '搜索投资方' });
    const names = () => listRows(page).locator('td:first-child').allInnerTexts();
    for (const [q, name] of [
      ['siemens', '西门子'],
      ['三星', '三星电子'],
      ['SIEMENS', '西门子'],
      ['西门子股份', '西门子'],
    ]) {
      await search.fill(q!);
      await expect.poll(names).toEqual([name]);
    }
    await search.fill('不存在的公司');
    await expect
      .poll(() => page.getByRole('heading', { name: '没有找到「不存在的公司」' }).count())
      .toBe(1);

    expect(await sidewaysOverflow(page)).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('warns of 撞单 for 西门子（中国）有限公司 and opens the existing investor instead', async () => {
    const context = await newLaptopContext(harness.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openInvestors(page);
    await expect.poll(() => listRows(page).count()).toBe(3);

    await page.getByRole('button', { name: '新建投资方' }).click();
    await createForm(page).getByLabel('中文名称').fill('西门子（中国）有限公司');
    await expect.poll(() => duplicateAlert(page).count()).toBe(1);
    const warning = await duplicateAlert(page).innerText();
    expect(warning).toContain('西门子');
    expect(warning).toContain('项目 2 个');
    expect(await duplicateAlert(page).getByRole('button', { name: '仍然新建' }).count()).toBe(1);

    // Saving does not go ahead while the warning stands.
    await createForm(page).getByRole('button', { name: '保存' }).click();
    await expect.poll(() => createForm(page).getByText('请先确认：使用已有投资方').count()).toBe(1);
    expect(await sidewaysOverflow(page)).toBe(false);
    await page.screenshot({ path: join(artifactsDir, 'investors.png') });

    await duplicateAlert(page).getByRole('button', { name: '使用已有投资方' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('西门子');
    expect(
      await nav(page).getByRole('button', { name: '投资方' }).getAttribute('aria-current'),
    ).toBe('page');
    const investors = await rpc<InvestorRecord[]>('investor.list', { q: '西门子' });
    expect(investors.map((i) => i.nameZh)).toEqual(['西门子']);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('creates a distinct investor after checking it, and creates anyway when told to', async () => {
    const context = await newLaptopContext(harness.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openInvestors(page);
    await expect.poll(() => listRows(page).count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: '新建投资方' }).click();
    const form = createForm(page);

    // Nothing typed: an inline error, nothing sent.
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => form.getByText('投资方中文名称不能为空').count()).toBe(1);
    expect(await form.getByLabel('中文名称').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('中文名称').fill('博世力士乐（常州）有限公司');
    await form.getByLabel('英文名称').fill('Bosch Rexroth (Changzhou) Co., Ltd.');
    await form.getByLabel('简称/别名').fill('博世力士乐、Rexroth, 力士乐');
    await form.getByLabel('母公司').fill('罗伯特·博世有限公司');
    await form.getByLabel('总部国别/地区').selectOption({ label: '德国' });
    await form.getByLabel('世界500强').check();
    await form.getByLabel('备注').fill('液压与传动');
    await form.getByRole('button', { name: '保存' }).click();

    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '已新建投资方' }).count())
      .toBe(1);
    await expect.poll(() => listRows(page).filter({ hasText: '博世力士乐' }).count()).toBe(1);
    const created = (await rpc<InvestorRecord[]>('investor.list', { q: '博世' }))[0]!;
    expect(created).toMatchObject({
      nameEn: 'Bosch Rexroth (Changzhou) Co., Ltd.',
      aliases: ['博世力士乐', 'Rexroth', '力士乐'],
      parentName: '罗伯特·博世有限公司',
      hqCountry: 'DE',
      fortune500: true,
      listed: false,
      notes: '液压与传动',
    });

    // A resembling name, created deliberately with 「仍然新建」.
    await page.getByRole('button', { name: '新建投资方' }).click();
    await form.getByLabel('英文名称').fill('SAMSUNG ELECTRONICS CO., LTD.');
    await form.getByLabel('中文名称').fill('三星电子（苏州）半导体有限公司');
    await expect.poll(() => duplicateAlert(page).innerText()).toContain('三星电子');
    await duplicateAlert(page).getByRole('button', { name: '仍然新建' }).click();
    await expect
      .poll(() => listRows(page).filter({ hasText: '三星电子（苏州）半导体有限公司' }).count())
      .toBe(1);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the investor page: details to edit, its projects (a click opens one), its contacts', async () => {
    const context = await newLaptopContext(harness.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openInvestors(page);
    await list(page).getByRole('button', { name: '西门子', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('西门子');

    // Only this investor's projects, amounts in 亿元 / 万美元.
    const projects = page.getByRole('table', { name: '投资方的项目' });
    await expect.poll(() => projects.locator('tbody tr').count()).toBe(2);
    const projectText = await projects.innerText();
    expect(projectText).toContain('西门子医疗影像设备项目');
    expect(projectText).not.toContain('西门子配套零部件项目');
    expect(projectText).toContain('12.5亿元');
    expect(projectText).toContain('8,000万美元');
    expect(projectText).toContain('签约');
    const longCell = projects.getByTitle(longProject, { exact: true });
    expect(await longCell.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

    // Contacts: an invalid e-mail is refused inline, then the contact is added, edited, deleted.
    await page.getByRole('button', { name: '添加联系人' }).click();
    const contactForm = page.getByRole('form', { name: '添加联系人' });
    await contactForm.getByLabel('姓名').fill('王海涛');
    await contactForm.getByLabel('职务').fill('中国区投资总监');
    await contactForm.getByLabel('电话').fill('021-3889 2000');
    await contactForm.getByLabel('微信').fill('wanght_siemens');
    await contactForm.getByLabel('邮箱').fill('wang@');
    await contactForm.getByRole('button', { name: '添加' }).click();
    await expect.poll(() => contactForm.getByText('邮箱格式不正确').count()).toBe(1);
    await contactForm.getByLabel('邮箱').fill('haitao.wang@siemens.example');
    await contactForm.getByRole('button', { name: '添加' }).click();
    const contacts = page.getByRole('table', { name: '联系人' });
    await expect.poll(() => contacts.locator('tbody tr').count()).toBe(1);
    expect(await contacts.innerText()).toContain('中国区投资总监');

    await contacts.getByRole('button', { name: '编辑 王海涛' }).click();
    const editForm = page.getByRole('form', { name: '编辑联系人：王海涛' });
    await editForm.getByLabel('职务').fill('大中华区副总裁');
    await editForm.getByRole('button', { name: '保存联系人' }).click();
    await expect.poll(() => contacts.innerText()).toContain('大中华区副总裁');
    const saved = await rpc<{ title: string; investorId: string }[]>('contact.list', {
      investorId: siemens.id,
    });
    expect(saved).toMatchObject([{ title: '大中华区副总裁', investorId: siemens.id }]);

    await page.getByRole('button', { name: '添加联系人' }).click();
    const second = page.getByRole('form', { name: '添加联系人' });
    await second.getByLabel('姓名').fill('李娜');
    await second.getByLabel('职务').fill('项目经理');
    await second.getByRole('button', { name: '添加' }).click();
    await expect.poll(() => contacts.locator('tbody tr').count()).toBe(2);

    // Details: edit a field and see it saved.
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    const details = page.getByRole('form', { name: '编辑投资方' });
    await details.getByLabel('母公司').fill('Siemens AG（德国）');
    await details.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('Siemens AG（德国）').count()).toBe(1);

    expect(await sidewaysOverflow(page)).toBe(false);
    await page.screenshot({ path: join(artifactsDir, 'investor-page.png') });

    // A contact goes at once; the window offers 撤销, which brings it back.
    await contacts.getByRole('button', { name: '删除 李娜' }).click();
    await expect.poll(() => contacts.locator('tbody tr').count()).toBe(1);
    const undo = page.getByRole('status', { name: '撤销删除' });
    await expect.poll(() => undo.textContent()).toContain('已删除联系人「李娜」');
    await undo.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => contacts.locator('tbody tr').count()).toBe(2);
    await expect.poll(() => undo.textContent()).toContain('已恢复联系人「李娜」');
    await contacts.getByRole('button', { name: '删除 李娜' }).click();
    await expect.poll(() => contacts.locator('tbody tr').count()).toBe(1);

    // An investor with projects cannot be deleted; the dialog says why.
    await page.getByRole('button', { name: '删除投资方…' }).click();
    const refusal = page.getByRole('dialog', { name: /^不能删除投资方「/ });
    await expect.poll(() => refusal.textContent()).toContain('名下有 2 个项目');
    await page.screenshot({ path: join(artifactsDir, 'delete-investor-refused.png') });
    await refusal.getByRole('button', { name: '知道了' }).click();

    // A click on a project opens it (the project page lives under 台账).
    await projects.getByRole('button', { name: '西门子医疗影像设备项目' }).click();
    await expect
      .poll(() => nav(page).getByRole('button', { name: '台账' }).getAttribute('aria-current'))
      .toBe('page');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('picks the 母公司 from the investors on record, never the investor itself; lists 所在地', async () => {
    const group = await rpc<InvestorRecord>('investor.create', {
      nameZh: '三星集团',
      nameEn: 'Samsung Group',
      hqCountry: 'KR',
    });
    const jiaxing = await rpc<InvestorRecord>('investor.create', {
      nameZh: '嘉兴港区开发建设集团',
      province: '浙江',
      city: '嘉兴市',
    });
    const [long] = await rpc<InvestorRecord[]>('investor.list', { q: longInvestor });
    await rpc('investor.update', { id: long!.id, patch: { province: '上海', city: '上海市' } });
    const [samsung] = await rpc<InvestorRecord[]>('investor.list', { q: 'Samsung Electronics' });

    const context = await newLaptopContext(harness.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openInvestors(page);

    // 所在地: province and city, a city naming its province alone, nothing for none.
    const location = async (name: string) =>
      (await listRows(page).filter({ hasText: name }).locator('td').nth(5).innerText()).trim();
    await expect.poll(() => location('嘉兴港区开发建设集团')).toBe('浙江 嘉兴市');
    expect(await location('中国国际海运集装箱')).toBe('上海市');
    expect(await location('三星集团')).toBe('');
    expect(await list(page).locator('th').allInnerTexts()).toContain('所在地');
    expect(await sidewaysOverflow(page)).toBe(false);
    await page.screenshot({ path: join(artifactsDir, 'investors-location.png') });

    // The new-investor panel suggests parents too; its list stays inside the panel.
    await page.getByRole('button', { name: '新建投资方' }).click();
    const newParent = createForm(page).getByRole('combobox', { name: '母公司' });
    await newParent.fill('三星');
    const suggested = createForm(page).getByRole('listbox', { name: '匹配的投资方' });
    await expect.poll(() => suggested.getByRole('option').count()).toBeGreaterThanOrEqual(2);
    expect(await sidewaysOverflow(page)).toBe(false);
    await page.screenshot({ path: join(artifactsDir, 'investor-create-parent-picker.png') });
    await newParent.press('ArrowDown');
    await newParent.press('Enter');
    expect(await newParent.inputValue()).not.toBe('三星');
    await createForm(page).getByRole('button', { name: '取消' }).click();

    await list(page).getByRole('button', { name: '三星电子', exact: true }).click();
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    const details = page.getByRole('form', { name: '编辑投资方' });
    const parent = details.getByRole('combobox', { name: '母公司' });
    const matches = details.getByRole('listbox', { name: '匹配的投资方' });
    const option = (name: string) => matches.getByRole('option').filter({ hasText: name });
    // The list opens on typing, not on the form's opening.
    expect(await matches.count()).toBe(0);

    await parent.fill('三星');
    await expect.poll(() => option('三星集团').count()).toBe(1);
    const self = option('三星电子').filter({ hasText: '不能选它自己' });
    expect(await self.getAttribute('aria-disabled')).toBe('true');
    // Arrow keys move round the list; Enter on the investor itself picks nothing.
    const names = await matches.getByRole('option').locator('.match-name').allInnerTexts();
    const selfAt = names.indexOf('三星电子');
    for (let i = 0; i < selfAt; i++) await parent.press('ArrowDown');
    expect(await self.getAttribute('aria-selected')).toBe('true');
    expect(await sidewaysOverflow(page)).toBe(false);
    await page.screenshot({ path: join(artifactsDir, 'investor-parent-picker.png') });
    await parent.press('Enter');
    expect(await parent.inputValue()).toBe('三星');
    expect(await matches.count()).toBe(1);

    // Esc closes the list only; ↓ opens it again; Enter picks.
    await parent.press('Escape');
    await expect.poll(() => matches.count()).toBe(0);
    expect(await details.count()).toBe(1);
    await parent.press('ArrowDown');
    await expect.poll(() => matches.count()).toBe(1);
    const groupAt = names.indexOf('三星集团');
    for (let i = 0; i < groupAt; i++) await parent.press('ArrowDown');
    await parent.press('Enter');
    expect(await parent.inputValue()).toBe('三星集团');
    await expect.poll(() => matches.count()).toBe(0);

    // Its own name, typed, is refused before saving.
    await parent.fill('Samsung Electronics');
    await details.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => details.getByText('母公司不能是该投资方自己').count()).toBe(1);

    // A name not on record is kept as typed; the picked one links the investor.
    await parent.fill('三星物产');
    await expect.poll(() => details.getByText('没有找到「三星物产」').count()).toBe(1);
    await parent.fill('三星集');
    await expect.poll(() => option('三星集团').count()).toBe(1);
    await option('三星集团').click();
    expect(await parent.inputValue()).toBe('三星集团');
    await details.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('form', { name: '编辑投资方' }).count()).toBe(0);
    expect(await rpc<InvestorRecord>('investor.get', { id: samsung!.id })).toMatchObject({
      parentName: '三星集团',
      parentInvestorId: group.id,
    });
    expect(jiaxing.city).toBe('嘉兴市');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('explains an empty list', async () => {
    const context = await newLaptopContext(harness.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openInvestors(page, emptyServer.url);
    await expect.poll(() => page.getByRole('heading', { name: '还没有投资方' }).count()).toBe(1);
    expect(await page.locator('.empty-state').innerText()).toContain('新建投资方');
    expect(problems).toEqual([]);
    await context.close();
  });
});
