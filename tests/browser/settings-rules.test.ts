// 设置 › 落地率定义与五未规则 in Chromium: the landing milestone changed to 开工 (the 看板's definition
// follows), a 五未 rule's days edited, a rule switched to its planned date (its days then the
// fallback for a project without one, here cleared), 开工未竣工's 730-day fallback shown, one added
// with a row message until it is named, one removed; all saved through settings.update. Screenshot:
// tests/artifacts/settings-rules.png.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { WebServer } from '../../web/server';
import type { Settings } from '../../domain/settings';
import { expectOk } from '../helpers';
import { artifactsDir, newLaptopContext, watchProblems, startHarness } from './harness';
import type { Harness } from './harness';

let harness: Harness;
let browser: Browser;
let server: WebServer;

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-rules-' });
  ({ server, browser } = harness);
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

async function settings(): Promise<Settings> {
  return expectOk(await server.dispatch('settings.get', null)) as Settings;
}

describe('设置: 落地率 and 五未 rules', () => {
  it('edits, adds and removes rules and changes the landing definition', async () => {
    const page = await (await newLaptopContext(browser)).newPage();
    const problems = watchProblems(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '设置' })
      .click();
    const landing = page.getByRole('form', { name: '落地率口径' });
    await landing.getByLabel('达到哪个阶段算落地').selectOption({ label: '开工' });
    expect(await landing.innerText()).toContain('已达「开工」阶段');
    await landing.getByRole('button', { name: '保存口径' }).click();
    await landing.getByText('已保存').waitFor();
    expect((await settings()).landingRule).toEqual({
      milestone: 'started',
      cohort: 'signed_in_year',
    });

    const rules = page.getByRole('group', { name: '五未规则' });
    await rules.getByLabel('签约未注册：天数').fill('120');
    // 开工未竣工 is by the planned date, with 730 days for a project without one.
    expect(await rules.getByLabel('开工未竣工：无计划日期时按天数').inputValue()).toBe('730');
    expect(await rules.getByRole('row', { name: /开工未竣工/ }).innerText()).toContain(
      '无计划日期时按',
    );
    // Switched to its planned date, 注册未供地 keeps its days as the fallback, here cleared.
    await rules.getByLabel('注册未供地：期限').selectOption({ label: '计划日期前' });
    const fallback = rules.getByLabel('注册未供地：无计划日期时按天数');
    expect(await fallback.inputValue()).toBe('180');
    await fallback.fill('');
    await rules
      .getByRole('row', { name: /竣工未投产/ })
      .getByRole('button', { name: '删除' })
      .click();
    await rules.getByRole('button', { name: '添加规则' }).click();
    await rules.getByRole('button', { name: '保存规则' }).click();
    // The new row has no name yet: its own message, nothing saved.
    expect(await rules.getByRole('alert').first().innerText()).toContain('请填写规则名称');
    expect((await settings()).stalledRules).toHaveLength(5);
    await rules.getByLabel('第 5 条规则：规则名称').fill('投产未达产');
    await rules.getByLabel('投产未达产：已达到').selectOption({ label: '开工' });
    await rules.getByLabel('投产未达产：未达到').selectOption({ label: '签约' });
    await rules.getByRole('button', { name: '保存规则' }).click();
    expect(await rules.getByRole('alert').first().innerText()).toContain(
      '须在“已达到”的里程碑之后',
    );
    await rules.getByLabel('投产未达产：未达到').selectOption({ label: '投产' });
    await rules.getByLabel('投产未达产：天数').fill('365');
    await page.screenshot({ path: join(artifactsDir, 'settings-rules.png') });
    await rules.getByRole('button', { name: '保存规则' }).click();
    await rules.getByText('已保存').waitFor();

    const saved = (await settings()).stalledRules;
    expect(saved.map((r) => [r.label, r.from, r.to, r.days, r.usePlannedDate])).toEqual([
      ['签约未注册', 'signed', 'registered', 120, false],
      ['注册未供地', 'registered', 'land_supplied', null, true],
      ['供地未开工', 'land_supplied', 'started', 180, false],
      ['开工未竣工', 'started', 'completed', 730, true],
      ['投产未达产', 'started', 'producing', 365, false],
    ]);

    // The 看板 states the new definition.
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '看板' })
      .click();
    await expect
      .poll(() => page.locator('[data-metric="landing_rate"]').innerText())
      .toContain('已达「开工」');
    expect(problems).toEqual([]);
  });
});
