// Issue 16's small things in Chromium, at 1366×768 and 1280×720: the project page's header keeps
// 保存 whole however long the name; 新建跟进's project picker and the Ctrl+K search are driven by
// the arrow keys, Enter and Esc; Esc closes the 台账's Excel menu (and its other menus); the focus
// ring shows on white, on the dark nav bar and round a coloured button; and a backup picked from
// the list on 设置 is restored (last: it replaces the database the other tests use).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { BackupInfo } from '../../domain/backups';
import type { ProjectRecord } from '../../domain/project-input';
import { artifactsDir, startHarness, watchProblems } from './harness';
import type { Harness } from './harness';

const longName =
  '西门子年产二十万台高端智能制造装备及工业自动化控制系统研发生产基地暨华东区域总部结算中心与数字化创新研究院建设项目（一期、二期、三期）';
const pickable = ['华东新能源电池材料项目', '华东新能源汽车零部件项目', '华东新能源储能电站项目'];
const sizes = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ prefix: 'zs-small-things-' });
  await h.rpc<ProjectRecord>('project.create', {
    name: longName,
    investor: '西门子（中国）有限公司',
    country: 'DE',
    totalInvestmentCny: 20,
    stage: 'negotiating',
  });
  for (const name of pickable) {
    await h.rpc('project.create', { name, investor: '某新能源集团', country: 'CN', stage: 'lead' });
  }
});

afterAll(async () => {
  await h?.close();
});

async function open(size: { width: number; height: number }): Promise<{
  context: BrowserContext;
  page: Page;
  problems: string[];
}> {
  const context = await h.browser.newContext({ viewport: size, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(h.server.url);
  await expect.poll(() => dataRows(page).count()).toBeGreaterThan(0);
  return { context, page, problems };
}

const dataRows = (page: Page) => page.locator('.ledger-body [role="row"]:not(.placeholder)');
const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' });

/** Presses Tab until `target` has the focus, as a keyboard user gets there. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the element');
}

/** WCAG relative luminance and contrast of two `rgb(…)` colours. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('issue 16, the small things, in the browser', () => {
  it('keeps 保存 whole beside a very long project name, at 1366×768 and 1280×720', async () => {
    for (const size of sizes) {
      const { context, page, problems } = await open(size);
      await dataRows(page).filter({ hasText: '西门子' }).click();
      const title = page.getByRole('heading', { level: 1 });
      await expect.poll(() => title.innerText()).toBe(longName);
      // Unsaved: the header's longest state line.
      await page.getByLabel('下一步工作', { exact: true }).fill('约客户来访');
      await expect.poll(() => page.locator('.save-state').innerText()).toBe('有未保存的修改');

      const save = page.locator('.project-head').getByRole('button', { name: '保存', exact: true });
      const box = (await save.boundingBox())!;
      expect(box.x + box.width, `${size.width}`).toBeLessThanOrEqual(size.width);
      const fits = await save.evaluate((el) => ({
        whole: el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight,
        lines: (() => {
          const range = el.ownerDocument.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        })(),
      }));
      expect(fits, `${size.width}`).toEqual({ whole: true, lines: 1 });
      expect(box.height).toBeLessThan(40);
      // The title gives way, cut with an ellipsis, and still names the project in full on hover.
      const cut = await title.evaluate((el) => ({
        cut: el.scrollWidth > el.clientWidth,
        ellipsis: getComputedStyle(el).textOverflow,
        title: el.getAttribute('title'),
      }));
      expect(cut).toEqual({ cut: true, ellipsis: 'ellipsis', title: longName });
      const back = page.getByRole('button', { name: '← 返回台账' });
      expect((await back.boundingBox())!.height).toBeLessThan(30);
      expect(await page.evaluate(`document.documentElement.scrollWidth > innerWidth`)).toBe(false);

      await page.screenshot({
        path: join(artifactsDir, `small-things-header-${size.width}.png`),
      });
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 60_000);

  it('drives 新建跟进’s project picker with the arrow keys, Enter and Esc', async () => {
    const { context, page, problems } = await open(sizes[1]);
    await nav(page).getByRole('button', { name: '跟进' }).click();
    await page.getByRole('button', { name: '新建跟进' }).click();
    const form = page.getByRole('form', { name: '新建跟进' });
    const box = form.getByRole('combobox', { name: '项目' });
    await box.focus();
    await page.keyboard.type('华东新能源');
    const options = form.getByRole('option');
    await expect.poll(() => options.count()).toBe(3);
    const names = await options.locator('.match-name').allInnerTexts();
    expect([...names].sort()).toEqual([...pickable].sort());

    const active = async () => {
      const id = await box.getAttribute('aria-activedescendant');
      const selected = await form
        .locator('[role="option"][aria-selected="true"]')
        .getAttribute('id');
      expect(selected).toBe(id);
      return id === null ? null : page.locator(`[id="${id}"] .match-name`).innerText();
    };
    expect(await active()).toBe(names[0]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(active).toBe(names[1]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // past the last: back to the first
    await expect.poll(active).toBe(names[0]);
    await page.keyboard.press('ArrowUp'); // before the first: the last
    await expect.poll(active).toBe(names[2]);
    await page.screenshot({ path: join(artifactsDir, 'small-things-picker-1280.png') });

    // Esc closes the list and keeps the words; ArrowDown opens it again.
    await page.keyboard.press('Escape');
    await expect.poll(() => options.count()).toBe(0);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();
    expect(await box.inputValue()).toBe('华东新能源');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => options.count()).toBe(3);
    await expect.poll(active).toBe(names[0]);
    await page.keyboard.press('ArrowDown');

    // Enter picks the active one; the form is not submitted by it.
    await page.keyboard.press('Enter');
    await expect.poll(() => form.locator('.followups-picked').innerText()).toContain(names[1]);
    expect(await h.rpc<unknown[]>('task.list', { done: false })).toHaveLength(0);

    // The Ctrl+K search's list works the same way.
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: '快速搜索' });
    const search = palette.getByRole('combobox');
    await search.fill('华东新能源');
    await expect.poll(() => palette.getByRole('option').count()).toBeGreaterThanOrEqual(3);
    const first = await search.getAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => search.getAttribute('aria-activedescendant')).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => search.getAttribute('aria-activedescendant')).toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(() => palette.count()).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('closes the 台账’s Excel menu (and its other menus) with Esc, focus back on the button', async () => {
    const { context, page, problems } = await open(sizes[0]);
    const excel = page.getByRole('button', { name: 'Excel', exact: true });
    const menu = page.getByRole('dialog', { name: 'Excel 导入导出' });
    await excel.click();
    await expect.poll(() => menu.count()).toBe(1);
    expect(await excel.getAttribute('aria-expanded')).toBe('true');
    await page.screenshot({ path: join(artifactsDir, 'small-things-excel-menu-1366.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await excel.getAttribute('aria-expanded')).toBe('false');
    expect(await excel.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    // Esc from inside the menu, and a click elsewhere, close it too.
    await excel.click();
    await menu.getByRole('checkbox').first().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    await excel.click();
    await page.getByRole('heading', { level: 1 }).click();
    await expect.poll(() => menu.count()).toBe(0);

    // The 台账's other menus (列, 视图) close on Esc as well.
    for (const name of [/^列/, /^视图/]) {
      const button = page.locator('.ledger-menu-button').filter({ hasText: name });
      if ((await button.count()) === 0) continue;
      await button.click();
      await expect.poll(() => page.locator('.ledger-popover-panel').count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.ledger-popover-panel').count()).toBe(0);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows one focus ring of at least 3:1 on white, on the nav bar and round a coloured button', async () => {
    for (const size of sizes) {
      const { context, page, problems } = await open(size);
      const ring = (target: Locator) =>
        target.evaluate((el) => {
          const style = getComputedStyle(el);
          return {
            focusVisible: el.matches(':focus-visible'),
            style: style.outlineStyle,
            width: style.outlineWidth,
            offset: style.outlineOffset,
            color: style.outlineColor,
            shadow: style.boxShadow,
            fill: style.backgroundColor,
          };
        });
      const bg = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => getComputedStyle(el).backgroundColor);

      // A nav item on the dark bar.
      const item = nav(page).getByRole('button', { name: '跟进' });
      await tabTo(page, item);
      const onNav = await ring(item);
      const navBg = await bg('.nav');
      expect(onNav).toMatchObject({ focusVisible: true, style: 'solid', width: '2px' });
      const halo = onNav.shadow.match(/rgb\([^)]*\)/)![0];
      expect(onNav.shadow).toMatch(/inset/);
      expect(contrast(halo, navBg), 'white band on the nav bar').toBeGreaterThanOrEqual(3);
      await page.screenshot({
        path: join(artifactsDir, `small-things-focus-nav-${size.width}.png`),
        clip: { x: 0, y: 0, width: 300, height: 260 },
      });

      // A coloured button (新建项目) on the page: the ring stands off its fill.
      const create = page.getByRole('button', { name: '新建项目' });
      await tabTo(page, create);
      const onButton = await ring(create);
      const pageBg = await bg('.app-main');
      expect(onButton).toMatchObject({ focusVisible: true, style: 'solid', width: '2px' });
      expect(parseFloat(onButton.offset)).toBeGreaterThanOrEqual(2);
      expect(contrast(onButton.color, pageBg), 'ring on the page').toBeGreaterThanOrEqual(3);
      expect(
        contrast(onButton.color, 'rgb(255, 255, 255)'),
        'ring on white',
      ).toBeGreaterThanOrEqual(3);
      const band = onButton.shadow.match(/rgb\([^)]*\)/)![0];
      expect(contrast(band, onButton.fill), 'band against the button fill').toBeGreaterThanOrEqual(
        3,
      );
      expect(onButton.color).toBe(onNav.color); // one ring, not one per screen
      const box = (await create.boundingBox())!;
      await page.screenshot({
        path: join(artifactsDir, `small-things-focus-button-${size.width}.png`),
        clip: { x: Math.max(0, box.x - 40), y: Math.max(0, box.y - 30), width: 320, height: 90 },
      });

      // A plain white button (secondary) too.
      const excel = page.getByRole('button', { name: 'Excel', exact: true });
      await tabTo(page, excel);
      const onWhite = await ring(excel);
      expect(onWhite.focusVisible).toBe(true);
      expect(
        contrast(onWhite.color, onWhite.fill),
        'ring beside a white button',
      ).toBeGreaterThanOrEqual(3);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('restores a backup picked from the list on 设置', async () => {
    const backup = await h.rpc<BackupInfo>('backup.create', {});
    await h.rpc('project.create', { name: '备份之后才建的项目', country: 'CN', stage: 'lead' });

    for (const size of sizes) {
      const { context, page, problems } = await open(size);
      await nav(page).getByRole('button', { name: '设置' }).click();
      const section = page.getByRole('region', { name: '备份与恢复' });
      const list = section.getByRole('table', { name: '备份列表' });
      await expect.poll(() => list.getByRole('row').count()).toBe(2);
      const name = backup.file.split(/[\\/]/).pop()!;
      await section.scrollIntoViewIfNeeded();
      await expect
        .poll(() => section.locator('.settings-restore-file').innerText())
        .toBe('把备份文件拖到这里，或');
      await page.screenshot({
        path: join(artifactsDir, `small-things-restore-empty-${size.width}.png`),
      });
      await list.getByRole('button', { name: `选择 ${name} 用于恢复` }).click();
      await expect.poll(() => section.innerText()).toContain('备份完好');
      expect(await section.locator('.settings-restore-file').innerText()).toBe(name);
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({
        path: join(artifactsDir, `small-things-restore-${size.width}.png`),
      });
      const dialog = page.getByRole('dialog', { name: '恢复备份' });
      if (size.width === 1366) {
        // The confirmation, like every dialog, goes with Esc and replaces nothing.
        await section.getByRole('button', { name: '恢复此备份……' }).click();
        await expect.poll(() => dialog.count()).toBe(1);
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.count()).toBe(0);
        const rows = await h.rpc<{ rows: { name: string }[] }>('ledger.query', {});
        expect(rows.rows.map((r) => r.name)).toContain('备份之后才建的项目');
      } else {
        await section.getByRole('button', { name: '恢复此备份……' }).click();
        await expect.poll(() => dialog.innerText()).toContain(name);
        await dialog.getByRole('button', { name: '确认恢复' }).click();
        await expect.poll(() => page.getByText('已从备份').count(), { timeout: 15_000 }).toBe(1);
        const rows = await h.rpc<{ rows: { name: string }[] }>('ledger.query', {});
        expect(rows.rows.map((r) => r.name)).not.toContain('备份之后才建的项目');
        expect(rows.rows).toHaveLength(4);
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
