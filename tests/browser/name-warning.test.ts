// The 撞单 warning where an investor is named by typing (issue 18, point 2), in Chromium at 1366×768
// and 1280×720: on the 北京 laptop, typing 西门子（中国）有限公司 in the new-project form (Ctrl+N)
// warns of 西门子股份公司, held by 上海's promoter 王芳, and of a long-named one held elsewhere; ↓ ↑
// highlight, Esc folds the list and ↓ opens it, Enter uses the highlighted investor, and the project
// is saved under it with no second investor. A fair capture's 转为项目 warns the same way, and
// 「使用此投资方」 puts the new project under the existing investor. The new-investor form flags an
// investor holding the same 统一社会信用代码. No console error, no CSP violation, nothing sideways.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CaptureRecord } from '../../domain/captures';
import type { InvestorRecord } from '../../domain/entities';
import type { ProjectRecord } from '../../domain/project-input';
import { artifactsDir, newLaptopContext, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

const longInvestor =
  '西门子能源自动化与数字化工业集团华东区域智能制造装备研发生产基地投资管理有限公司';
const longPromoter = '欧阳诸葛明月';

let harness: Harness;
let siemens: InvestorRecord;

const rpc = <T>(method: string, input: unknown) => harness.rpc<T>(method, input);
const investorNames = async () =>
  (await rpc<InvestorRecord[]>('investor.list', { limit: 100 })).map((i) => i.nameZh).sort();

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-name-warning-', user: '赵敏', office: '北京' });
  siemens = await rpc<InvestorRecord>('investor.create', {
    nameZh: '西门子股份公司',
    nameEn: 'Siemens AG',
  });
  // 上海's promoter made the investor's projects; a long-named one is held in 深圳 and 本部.
  for (const name of ['西门子智能电网华东基地', '西门子医疗影像设备项目']) {
    await rpc('project.create', {
      name,
      investor: '西门子股份公司',
      office: '上海',
      owner: '王芳',
    });
  }
  await rpc('investor.create', { nameZh: longInvestor });
  await rpc('project.create', {
    name: '西门子能源储能电站项目',
    investor: longInvestor,
    office: '深圳',
    owner: longPromoter,
  });
  await rpc('project.create', {
    name: '西门子能源氢能装备项目',
    investor: longInvestor,
    office: '本部',
    owner: '李雷',
  });
  // 深圳's promoter reported it first (首报首谈): the warning names that claim first.
  const { promoters } = await rpc<{ promoters: { id: string; name: string }[] }>(
    'dictionary.list',
    {},
  );
  await rpc('claim.add', {
    investorId: (await rpc<{ id: string }[]>('investor.similar', { name: longInvestor }))[0]!.id,
    officeId: 'shenzhen',
    promoterId: promoters.find((p) => p.name === longPromoter)!.id,
    claimedOn: '2021-03-01',
    reported: '投资意向：储能电站',
  });
});

afterAll(async () => {
  await harness?.close();
});

const warning = (page: Page) =>
  page.getByRole('alert').filter({ hasText: '可能与已有投资方重复（撞单）' });
const options = (page: Page) =>
  warning(page).getByRole('listbox', { name: '相近的已有投资方' }).getByRole('option');
const selected = (page: Page) =>
  options(page).evaluateAll((els) => els.map((el) => el.getAttribute('aria-selected') === 'true'));
/** Nothing sticks out sideways. A string: tests have no DOM types. */
const sideways = (page: Page) =>
  page.evaluate(`document.documentElement.scrollWidth > window.innerWidth`);
/** Every line of the warning that is cut carries its whole text in a tooltip. */
const cutWithoutTitle = (page: Page) =>
  warning(page)
    .locator('.ellipsis')
    .evaluateAll(
      (els) =>
        els.filter((el) => el.scrollWidth > el.clientWidth && !el.getAttribute('title')).length,
    );

async function shoot(page: Page, name: string): Promise<void> {
  await warning(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifactsDir, `${name}-1366.png`) });
  await page.setViewportSize({ width: 1280, height: 720 });
  await warning(page).scrollIntoViewIfNeeded();
  expect(await sideways(page)).toBe(false);
  await page.screenshot({ path: join(artifactsDir, `${name}-1280.png`) });
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('撞单 warning where the investor is typed', () => {
  it('the new-project form names 上海 and 王芳, and saves under the existing investor', async () => {
    const context = await newLaptopContext(harness.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(harness.server.url);
    // The 台账 has loaded: the shortcut is live.
    await expect
      .poll(() => page.locator('.ledger-body [role="row"]:not(.placeholder)').count())
      .toBeGreaterThan(0);
    await page.keyboard.press('Control+n');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('新建项目');
    await page.getByLabel('项目名称', { exact: true }).fill('西门子北京研发中心项目');
    const box = page.getByRole('combobox', { name: '投资方', exact: true });
    await box.click();
    await page.keyboard.type('西门子（中国）有限公司');

    await expect.poll(() => options(page).count()).toBe(2);
    const first = await options(page).nth(0).innerText();
    expect(first).toContain('西门子股份公司');
    expect(first).toContain('跟进：上海 王芳（项目 2 个）');
    const second = await options(page).nth(1).innerText();
    expect(second).toContain(longInvestor);
    // Who holds it wraps instead of being cut.
    const holders = options(page).nth(1).locator('.duplicate-match-holders');
    expect(await holders.innerText()).toBe(
      `首报：深圳 ${longPromoter}（2021-03-01）；跟进：本部 李雷（项目 1 个）、深圳 ${longPromoter}（项目 1 个）`,
    );
    expect(await holders.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await cutWithoutTitle(page)).toBe(0);
    expect(await sideways(page)).toBe(false);

    // The picker's keys on the name's box: ↓ ↑ round the list, Esc folds it, ↓ opens it again.
    await box.press('ArrowDown');
    await expect.poll(() => selected(page)).toEqual([true, false]);
    await box.press('ArrowDown');
    await expect.poll(() => selected(page)).toEqual([false, true]);
    expect(await box.getAttribute('aria-activedescendant')).toBe(
      await options(page).nth(1).getAttribute('id'),
    );
    await shoot(page, 'name-warning-project');
    await box.press('Escape');
    await expect.poll(() => options(page).count()).toBe(0);
    expect(await warning(page).innerText()).toContain('相近的已有投资方 2 家，已收起');
    expect(await box.inputValue()).toBe('西门子（中国）有限公司');
    await box.press('ArrowDown');
    await expect.poll(() => selected(page)).toEqual([true, false]);

    // Enter uses the highlighted investor; the form is not saved by it.
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('西门子股份公司');
    expect(await page.getByText('已选用已有投资方「西门子股份公司」').count()).toBe(1);
    expect(await warning(page).count()).toBe(0);
    expect(await page.locator('.save-state').innerText()).not.toBe('已保存');

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('.save-state').innerText()).toBe('已保存');
    const { rows } = await rpc<{ rows: { id: string; name: string }[] }>('ledger.query', {
      q: '西门子北京研发中心项目',
    });
    const saved = await rpc<ProjectRecord>('project.get', { id: rows[0]!.id });
    expect(saved).toMatchObject({ investorId: siemens.id, investor: '西门子股份公司' });
    expect(await investorNames()).toEqual([longInvestor, '西门子股份公司'].sort());

    expect(problems).toEqual([]);
    await context.close();
  });

  it('a fair capture warns as the name is typed, and 转为项目 uses the existing investor', async () => {
    const capture = await rpc<CaptureRecord>('capture.create', {
      investorName: '西门子（中国）有限公司',
      contactName: '张经理',
      interest: '华北区域数字化工厂选址',
    });
    const context = await newLaptopContext(harness.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(harness.server.url);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '展会速记' })
      .click();
    await expect.poll(() => page.getByRole('heading', { name: '展会速记' }).count()).toBe(1);

    // At the stand: the warning comes as the name is typed; Enter without a pick still saves.
    await page.getByRole('combobox', { name: '投资方' }).pressSequentially('SIEMENS');
    await expect.poll(() => options(page).count()).toBe(1);
    expect(await options(page).innerText()).toContain('跟进：上海 王芳（项目 2 个）');
    // In the form's narrow column long names are cut, whole in their tooltips.
    await page.getByRole('combobox', { name: '投资方' }).fill('西门子能源');
    await expect.poll(() => options(page).count()).toBe(2);
    expect(await cutWithoutTitle(page)).toBe(0);
    await shoot(page, 'name-warning-fair-form');
    await page.getByRole('combobox', { name: '投资方' }).fill('');
    await expect.poll(() => warning(page).count()).toBe(0);

    const item = page
      .getByRole('list', { name: '速记列表' })
      .getByRole('listitem')
      .filter({ hasText: '张经理' });
    await item.getByRole('button', { name: '转为项目' }).click();
    await expect.poll(() => options(page).count()).toBe(2);
    const siemensOption = options(page).filter({ hasText: '西门子股份公司' });
    expect(await siemensOption.innerText()).toContain('跟进：上海 王芳（项目 2 个）');
    expect(await warning(page).innerText()).toContain('速记的投资方「西门子（中国）有限公司」');
    expect(await cutWithoutTitle(page)).toBe(0);
    await shoot(page, 'name-warning-capture');

    await siemensOption.getByRole('button', { name: '使用此投资方' }).click();
    await expect
      .poll(() => item.locator('.fair-chosen').innerText())
      .toContain('投资方：使用已有「西门子股份公司」');
    expect(await warning(page).count()).toBe(0);
    await item.getByRole('button', { name: '确定转为项目' }).click();
    await expect.poll(() => page.locator('.fair-outcome').innerText()).toContain('已转为项目');

    const converted = (await rpc<CaptureRecord[]>('capture.list', {})).find(
      (c) => c.id === capture.id,
    );
    const project = await rpc<ProjectRecord>('project.get', { id: converted!.projectId });
    expect(project).toMatchObject({ investorId: siemens.id, investor: '西门子股份公司' });
    expect(await investorNames()).toEqual([longInvestor, '西门子股份公司'].sort());

    expect(problems).toEqual([]);
    await context.close();
  });
  it('the new-investor form flags the same 统一社会信用代码 whatever the name; ↓ Enter opens it', async () => {
    const tencent = await rpc<InvestorRecord>('investor.create', {
      nameZh: '深圳市腾讯计算机系统有限公司',
      creditCode: '9144030071526726XG',
    });
    await rpc('project.create', {
      name: '腾讯华东云计算数据中心',
      investorId: tencent.id,
      office: '深圳',
      owner: '马晓腾',
    });
    const context = await newLaptopContext(harness.browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(harness.server.url);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '投资方' })
      .click();
    await page.getByRole('button', { name: '新建投资方' }).click();
    const form = page.getByRole('form', { name: '新建投资方' });
    const nameBox = form.getByRole('combobox', { name: '中文名称' });
    await nameBox.fill('企鹅科技');
    await form.getByLabel('统一社会信用代码').fill('9144030071526726xg');
    await expect.poll(() => options(page).count()).toBe(1);
    const text = await options(page).innerText();
    expect(text).toContain('深圳市腾讯计算机系统有限公司');
    expect(text).toContain('统一社会信用代码相同');
    expect(text).toContain('跟进：深圳 马晓腾（项目 1 个）');

    await nameBox.press('ArrowDown');
    await expect.poll(() => selected(page)).toEqual([true]);
    await nameBox.press('Enter');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('深圳市腾讯计算机系统有限公司');
    expect(await investorNames()).not.toContain('企鹅科技');

    expect(problems).toEqual([]);
    await context.close();
  });
});
