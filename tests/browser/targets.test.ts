// 目标设置 in Chromium at 1366×768: opened from the 看板's 「目标设置」, 2021 as seeded; 合同外资's 确保
// edited in 万美元 (stored in 美元); its allocation to the offices with the sum check (a warning
// while the shares fall short, a tick once they add up); a bad number's Chinese message; a manual
// metric's monthly actual, which the 看板 then shows; 2022 started with 「从上一年复制」.
// Screenshots: targets-allocation.png, targets-copied.png.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { WebServer } from '../../web/server';
import type { TargetRecord } from '../../domain/targets';
import { expectOk } from '../helpers';
import { artifactsDir, newLaptopContext, watchProblems, startHarness } from './harness';
import type { Harness } from './harness';

let harness: Harness;
let browser: Browser;
let server: WebServer;

beforeAll(async () => {
  harness = await startHarness({ prefix: 'zs-targets-' });
  ({ server, browser } = harness);
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

async function targets(year: number): Promise<TargetRecord[]> {
  return expectOk(await server.dispatch('target.list', { year })) as TargetRecord[];
}

async function stored(year: number, scope: string, key: string) {
  return (await targets(year)).find((t) => t.scope === scope && t.key === key);
}

/** Types into a field and leaves it with Enter, as a person saves a value. */
async function enter(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(text);
  await input.press('Enter');
}

describe('目标设置', () => {
  it('edits a target, checks the office allocation and keeps monthly actuals', async () => {
    const page = await (await newLaptopContext(browser)).newPage();
    const problems = watchProblems(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '看板' })
      .click();
    await page.getByRole('group', { name: '看板范围' }).getByLabel('年份').selectOption('2021');
    await page.getByRole('button', { name: '目标设置', exact: true }).click();
    await page.getByRole('heading', { name: '目标设置' }).waitFor();
    // 2021 as seeded: 合同外资 确保 7亿美元 = 70,000万美元.
    expect(await page.getByLabel('合同外资 确保', { exact: true }).inputValue()).toBe('70000');
    expect(await page.getByLabel('合同外资 力争', { exact: true }).inputValue()).toBe('80000');

    await enter(page, '合同外资 确保', '75000');
    await expect
      .poll(async () => (await stored(2021, 'zone', 'contracted_fdi'))?.guarantee)
      .toBe(750_000_000);

    await enter(page, '合同外资 力争', '八万');
    expect(await page.getByRole('alert').first().innerText()).toBe('请输入数字');
    expect((await stored(2021, 'zone', 'contracted_fdi'))?.strive).toBe(800_000_000);
    await page.getByLabel('合同外资 力争', { exact: true }).press('Escape');

    const row = page.getByRole('row', { name: /^合同外资/ });
    await row.getByRole('button', { name: /^分配到驻点/ }).click();
    const panel = page.getByRole('group', { name: '合同外资：分配到驻点' });
    await enter(page, '合同外资 上海 确保', '30000');
    await enter(page, '合同外资 北京 确保', '20000');
    await expect
      .poll(() => panel.getByRole('list', { name: '分配核对' }).innerText())
      .toContain('⚠ 确保：各驻点合计 50,000万美元，比全区 75,000万美元少 25,000万美元');
    await enter(page, '合同外资 本部 确保', '15000');
    await enter(page, '合同外资 深圳 确保', '10000');
    await expect
      .poll(() => panel.getByRole('list', { name: '分配核对' }).innerText())
      .toContain('✓ 确保：各驻点合计 75,000万美元，与全区一致');
    expect(await row.getByRole('button', { name: /^分配到驻点/ }).innerText()).toBe(
      '分配到驻点（4） ✓',
    );
    expect((await stored(2021, 'shanghai', 'contracted_fdi'))?.guarantee).toBe(300_000_000);
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(artifactsDir, 'targets-allocation.png') });

    // A manual metric's actual for March.
    await page
      .getByRole('row', { name: /^GDP可比增长/ })
      .getByRole('button', { name: /^月度实际/ })
      .click();
    await enter(page, 'GDP可比增长 3月实际', '7');
    await expect
      .poll(async () => (await stored(2021, 'zone', 'gdp_growth'))?.actuals)
      .toEqual({ 3: 7 });
    expect(problems).toEqual([]);

    // The 看板 shows the typed actual, and for 上海 reads its allocation.
    await page.getByRole('button', { name: '返回看板' }).click();
    const gdp = page.getByRole('list', { name: '各项目标完成情况' }).locator('li', {
      hasText: 'GDP可比增长',
    });
    await expect.poll(() => gdp.innerText()).toContain('7%');
    await page
      .getByRole('group', { name: '看板范围' })
      .getByLabel('驻点')
      .selectOption({ label: '上海' });
    await expect
      .poll(() => page.locator('[data-metric="contracted_fdi"]').innerText())
      .toContain('确保 30,000万美元');
  });

  it('starts 2022 as a copy of 2021', async () => {
    const page = await (await newLaptopContext(browser)).newPage();
    const problems = watchProblems(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '看板' })
      .click();
    await page.getByRole('button', { name: '目标设置', exact: true }).click();
    await page.getByLabel('年份').selectOption('2022');
    await page.getByText('2022 年还没有目标').waitFor();
    await page.getByRole('button', { name: '从上一年复制' }).click();
    await page.getByLabel('合同外资 确保', { exact: true }).waitFor();
    expect(await page.getByLabel('合同外资 确保', { exact: true }).inputValue()).toBe('75000');
    const copied = await targets(2022);
    expect(copied).toHaveLength((await targets(2021)).length);
    expect(copied.find((t) => t.scope === 'shanghai')?.guarantee).toBe(300_000_000);
    await page.screenshot({ path: join(artifactsDir, 'targets-copied.png') });
    expect(problems).toEqual([]);
  });
});
