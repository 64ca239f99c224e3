// 设置 in Chromium at 1366×768, through the browser harness: a new 2021 rate re-tiers that year's
// USD project, an industry is added and removed, a backup is made and listed (the daily ones marked
// 自动备份), a file that is no backup chosen on 恢复 (its bytes sent, as from a USB stick) gets the
// Chinese BACKUP_INVALID message while the page naming a path itself is refused, a listed backup
// checks out, and a confirmed restore of a file chosen there brings the backed-up data back and
// lists the safety copy.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startWebServer } from '../../web/server';
import type { WebServer } from '../../web/server';
import { errorMessages } from '../../domain/errors';
import { expectOk, tempDir } from '../helpers';
import {
  artifactsDir,
  launchChromium,
  newLaptopContext,
  requireBuiltRenderer,
  watchProblems,
  httpRpc,
} from './harness';

let browser: Browser;
let server: WebServer;
let dir: string;
let usdProjectId: string;

const rpc = <T>(method: string, input?: unknown) => httpRpc<T>(server, method, input);

const tierOf = async (id: string) => (await rpc<{ tier: string }>('project.get', { id })).tier;

beforeAll(async () => {
  requireBuiltRenderer();
  dir = tempDir('zs-settings-');
  server = await startWebServer({
    port: 0,
    dbFile: join(dir, 'settings.sqlite'),
    user: '测试员',
    office: '上海',
    demoProjects: 200,
  });
  // US$1.6 bn signed in 2021: 103.2 亿元 at the seeded 6.4515, a 百亿 project; at 6.0 it is 96 亿.
  const project = await rpc<{ id: string }>('project.create', {
    name: '美国某半导体设备华东制造基地',
    investor: '某某半导体设备公司',
    country: 'US',
    totalInvestmentUsd: 1_600_000_000,
    stage: 'signed',
    signedOn: '2021-06-18',
    office: '上海',
  });
  usdProjectId = project.id;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSettings(page: Page): Promise<void> {
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '设置' })
    .click();
  await expect.poll(() => page.getByRole('heading', { name: '设置', level: 1 }).count()).toBe(1);
  await expect.poll(() => page.getByLabel('2021 年汇率').count()).toBe(1);
}

const section = (page: Page, name: string) => page.getByRole('region', { name });

describe('设置 in the browser', () => {
  it('saves a new 2021 rate, which re-tiers that year’s USD project', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openSettings(page);

    for (const name of [
      '当前用户',
      '汇率（元/美元，按年）',
      '字典',
      '备份与恢复',
      '落地率定义与五未规则',
    ]) {
      expect(await section(page, name).count(), name).toBe(1);
    }
    expect(await page.getByLabel('姓名').inputValue()).toBe('测试员');
    expect(await page.getByLabel('驻点').inputValue()).toBe('上海');
    expect(await section(page, '落地率定义与五未规则').innerText()).toContain('落地率口径');
    expect(await page.getByLabel('签约未注册：规则名称').inputValue()).toBe('签约未注册');
    expect(await page.getByLabel('2021 年汇率').inputValue()).toBe('6.4515');
    expect(await tierOf(usdProjectId)).toBe('t100');

    // Nothing sticks out sideways at 1366 px.
    const overflow = await page.evaluate(
      `document.documentElement.scrollWidth > window.innerWidth`,
    );
    expect(overflow).toBe(false);
    await page.screenshot({ path: join(artifactsDir, 'settings.png') });

    const rates = section(page, '汇率（元/美元，按年）');
    const save = rates.getByRole('button', { name: '保存汇率' });
    expect(await save.isDisabled()).toBe(true);

    // Inline validation: out of range is refused before anything is sent.
    await page.getByLabel('2021 年汇率').fill('25');
    await expect.poll(() => rates.innerText()).toContain('汇率须在 1–20 之间');
    expect(await save.isDisabled()).toBe(true);
    expect(await page.getByLabel('2021 年汇率').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('2021 年汇率').fill('6.0');
    await expect.poll(() => rates.innerText()).toContain('已修改，未保存');
    await save.click();
    await expect.poll(() => rates.innerText()).toContain('规模档次已重新计算');
    expect(await tierOf(usdProjectId)).toBe('t50_100');
    const settings = await rpc<{ usdRates: Record<string, number> }>('settings.get');
    expect(settings.usdRates['2021']).toBe(6);

    // A new year goes into the table and is saved with the button.
    await page.getByLabel('新增年份').fill('2021');
    await page.getByLabel('该年汇率').fill('7');
    await rates.getByRole('button', { name: '添加年份' }).click();
    await expect.poll(() => rates.innerText()).toContain('已有 2021 年的汇率');
    // (A year the demo data has no rate for: it carries the last known rate up to this year.)
    await page.getByLabel('新增年份').fill('2030');
    await rates.getByRole('button', { name: '添加年份' }).click();
    await expect.poll(() => page.getByLabel('2030 年汇率').inputValue()).toBe('7');
    await save.click();
    await expect
      .poll(async () => (await rpc<{ usdRates: Record<string, number> }>('settings.get')).usdRates)
      .toMatchObject({ '2021': 6, '2030': 7 });

    expect(problems).toEqual([]);
    await context.close();
  });

  it('adds an industry and removes it again', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openSettings(page);
    const industries = async () =>
      (await rpc<{ industries: string[] }>('dictionary.list')).industries;

    const label = '海洋生物医药（测试）';
    const dictionaries = section(page, '字典');
    await expect.poll(() => dictionaries.getByRole('list', { name: /^产业/ }).count()).toBe(1);
    await page.getByLabel('新增产业').fill(label);
    await dictionaries.getByLabel('新增产业').press('Enter');
    await expect
      .poll(() => dictionaries.getByRole('list', { name: /^产业/ }).innerText())
      .toContain(label);
    expect(await industries()).toContain(label);
    expect(await page.getByLabel('新增产业').inputValue()).toBe('');

    await page.getByRole('button', { name: `删除产业「${label}」` }).click();
    await expect
      .poll(() => dictionaries.getByRole('list', { name: /^产业/ }).innerText())
      .not.toContain(label);
    expect(await industries()).not.toContain(label);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('makes a backup and lists it; a file that is no backup is refused in Chinese', async () => {
    // A daily copy the way the app names them, to see it marked 自动备份 (in-process: a path).
    expectOk(
      await server.dispatch('backup.create', {
        file: join(dir, 'backups', 'auto-20240101.sqlite'),
      }),
    );

    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openSettings(page);
    const backup = section(page, '备份与恢复');
    const list = page.getByRole('table', { name: '备份列表' });
    await expect.poll(() => list.getByRole('row').count()).toBe(2); // header + the auto copy
    expect(await list.innerText()).toContain('自动备份');

    await backup.getByRole('button', { name: '立即备份' }).click();
    await expect
      .poll(() => backup.innerText())
      .toMatch(/已备份：\d{8}-\d{6}\.sqlite（[\d.]+ (KB|MB)）/);
    await expect.poll(() => list.getByRole('row').count()).toBe(3);
    const rows = await list.getByRole('row').allInnerTexts();
    expect(rows[1]).toContain('手动备份'); // newest first
    expect(rows[2]).toContain('自动备份');
    const made = await rpc<{ file: string }[]>('backup.list');
    expect(made).toHaveLength(2);

    // The page cannot name a file itself, not even a listed backup's.
    // A string, not a function: this file is type-checked without the DOM library.
    const byPath = await page.evaluate(
      `window.api['backup.check']({ file: ${JSON.stringify(made[0]!.file)} })`,
    );
    expect(byPath).toMatchObject({ ok: false, code: 'FILE_NOT_CHOSEN' });

    // A file that is no backup at all, chosen with 「选择文件……」: refused, and not kept.
    const bogus = join(dir, '不是备份.sqlite');
    writeFileSync(bogus, '这不是数据库');
    await backup.getByLabel('选择备份文件').setInputFiles(bogus);
    const alert = backup.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain(errorMessages.BACKUP_INVALID);
    expect(await alert.innerText()).toContain('不是备份.sqlite');
    expect(await backup.getByRole('button', { name: '恢复此备份……' }).isDisabled()).toBe(true);
    expect(await rpc<unknown[]>('backup.list')).toHaveLength(2);

    // A listed backup checks out.
    await list.getByRole('row').nth(1).getByRole('button', { name: /^选择/ }).click();
    await expect.poll(() => backup.innerText()).toContain('备份完好');
    expect(await backup.locator('.settings-restore-file').innerText()).toMatch(/\.sqlite$/);

    await backup.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'settings-backup.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('restores a backup after a confirmation that mentions the safety copy', async () => {
    const before = await rpc<{ file: string }>('backup.create');
    const label = '恢复后应消失的产业';
    await rpc('dictionary.add', { kind: 'industry', label });

    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openSettings(page);
    const backup = section(page, '备份与恢复');
    await expect.poll(() => section(page, '字典').innerText()).toContain(label);

    // Chosen with 「选择文件……」, as from a USB stick.
    await backup.getByLabel('选择备份文件').setInputFiles(before.file);
    await expect.poll(() => backup.innerText()).toContain('备份完好');
    await backup.getByRole('button', { name: '恢复此备份……' }).click();
    const dialog = page.getByRole('dialog', { name: '恢复备份' });
    await expect.poll(() => dialog.innerText()).toContain('安全副本');
    await page.screenshot({ path: join(artifactsDir, 'settings-restore-dialog.png') });
    await dialog.getByRole('button', { name: '确认恢复' }).click();

    await expect.poll(() => page.getByText('已从备份').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('.settings-banner').innerText()).toContain('安全副本');
    await expect.poll(() => section(page, '字典').innerText()).not.toContain(label);
    expect((await rpc<{ industries: string[] }>('dictionary.list')).industries).not.toContain(
      label,
    );
    // The safety copy is listed and marked as such.
    await expect
      .poll(() => page.getByRole('table', { name: '备份列表' }).innerText())
      .toContain('恢复前副本');
    await page.locator('.settings-scroll').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: join(artifactsDir, 'settings-restored.png') });

    expect(problems).toEqual([]);
    await context.close();
  });
});
