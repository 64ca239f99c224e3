// 本部's data in Chromium (issue 14 point 3): on an office laptop of a real zone (上海, joined with
// an invitation that carried 本部's data) 目标设置 and 设置's rates, 落地率, 五未 rules and
// dictionaries are shown read-only with 「由本部统一维护」, while the user's own name stays editable;
// 「提建议」 records a proposal as a follow-up task 「建议修改：2021 年合同外资目标」 that reaches 本部
// with 上海's next sync file and shows in 本部's 跟进 list; at 本部 the same screens keep their
// inputs. Screenshots at 1366×768 and 1280×720 go to tests/artifacts/hq-authority-*.png.
import { join } from 'node:path';
import { addDays, format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { WebServer } from '../../web/server';
import { todayIso } from '../../domain/dates';
import type { TaskRecord } from '../../domain/entities';
import type { ZoneStatus } from '../../domain/sync';
import {
  artifactsDir,
  launchChromium,
  newLaptopContext,
  requireBuiltRenderer,
  watchProblems,
} from './harness';
import { carry, serverRpc, startHq, startJoined } from './zone-servers';

let browser: Browser;
let hq: WebServer;
let shanghai: WebServer;

const proposalTitle = '建议修改：2021 年合同外资目标';

const rpc = serverRpc;

beforeAll(async () => {
  requireBuiltRenderer();
  hq = await startHq('zs-hqauth');
  shanghai = await startJoined(hq, 'zs-hqauth', { office: '上海', user: '王晓明' });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await shanghai?.close();
  await hq?.close();
});

async function newPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await (await newLaptopContext(browser)).newPage();
  return { page, problems: watchProblems(page) };
}

async function openTargets(page: Page, server: WebServer): Promise<void> {
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '看板' })
    .click();
  await page.getByRole('group', { name: '看板范围' }).getByLabel('年份').selectOption('2021');
  await page.getByRole('button', { name: '目标设置', exact: true }).click();
  await expect.poll(() => page.getByRole('row', { name: /^合同外资/ }).count()).toBe(1);
}

async function openSettings(page: Page, server: WebServer): Promise<void> {
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '设置' })
    .click();
  await expect.poll(() => page.getByRole('region', { name: '字典' }).count()).toBe(1);
  await expect.poll(() => page.getByText('产业').count()).toBeGreaterThan(0);
}

/** Both laptop screens; the page is left at 1366×768. Nothing may push the page sideways. */
async function screenshots(page: Page, name: string, target?: Locator): Promise<void> {
  for (const [width, height] of [
    [1366, 768],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    if (target) await target.scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow, `${name} at ${width}`).toBe(0);
    await page.screenshot({ path: join(artifactsDir, `hq-authority-${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('本部’s data on an office laptop', () => {
  it('shows the targets read-only and turns a proposal into a follow-up task', async () => {
    const zone = await rpc<ZoneStatus>(shanghai, 'zone.status');
    expect(zone).toMatchObject({ kind: 'real', role: 'office', isRoot: false });
    const { page, problems } = await newPage();
    await openTargets(page, shanghai);

    expect(await page.getByText('由本部统一维护').count()).toBe(1);
    // 合同外资 as 本部 seeded it (7亿美元 = 70,000万美元), as text: no field that would be refused.
    const row = page.getByRole('row', { name: /^合同外资/ });
    expect(await row.locator('input').count()).toBe(0);
    expect(await row.innerText()).toContain('70,000');
    expect(await page.locator('.targets-table input').count()).toBe(0);
    await row.getByRole('button', { name: /^分配到驻点/ }).click();
    const panel = page.getByRole('group', { name: '合同外资：分配到驻点' });
    expect(await panel.locator('input').count()).toBe(0);
    expect(await panel.getByRole('row', { name: /^上海/ }).innerText()).toContain('—');
    await screenshots(page, 'office-targets');
    const manual = page.getByRole('row', { name: /^引育海内外高端人才 / });
    await manual.getByRole('button', { name: /^月度实际/ }).click();
    const months = page.getByRole('group', { name: '引育海内外高端人才：月度实际' });
    expect(await months.innerText()).toContain('由本部填报');
    expect(await months.locator('input').count()).toBe(0);
    await manual.getByRole('button', { name: /^月度实际/ }).click();

    await row.getByRole('button', { name: `提建议：2021 年合同外资目标` }).click();
    const dialog = page.getByRole('dialog', { name: '向本部提建议' });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.getByLabel('建议修改哪一项').inputValue()).toBe('2021 年合同外资目标');
    expect(await dialog.innerText()).toContain(`待办标题：${proposalTitle}`);
    await dialog.getByRole('button', { name: '记下建议' }).click();
    await expect.poll(() => dialog.getByText('请写明建议怎样修改').count()).toBe(1);
    expect(await rpc<TaskRecord[]>(shanghai, 'task.list', { done: false })).toEqual([]);

    await dialog.getByLabel('建议怎样修改').fill('确保目标由 70,000 万美元调整为 65,000 万美元');
    await dialog.getByLabel('理由').fill('两个重点项目的签约推迟到 2022 年');
    await screenshots(page, 'office-proposal');
    await dialog.getByRole('button', { name: '记下建议' }).click();
    const sent = page.getByRole('dialog', { name: '建议已记下' });
    await expect.poll(() => sent.count()).toBe(1);
    const confirmation = await sent.getByRole('status').innerText();
    expect(confirmation).toContain(`已记为待办「${proposalTitle}」`);
    expect(confirmation).toContain('随本机下次导出给本部的同步文件送到本部');
    expect(confirmation).toContain('本部「跟进」的待办');
    await screenshots(page, 'office-proposal-sent');

    const tasks = await rpc<TaskRecord[]>(shanghai, 'task.list', { done: false });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      title: proposalTitle,
      projectId: null,
      assigneeId: null,
      dueOn: format(addDays(new Date(), 7), 'yyyy-MM-dd'),
    });
    expect(tasks[0]?.notes).toBe(
      [
        '建议：确保目标由 70,000 万美元调整为 65,000 万美元',
        '理由：两个重点项目的签约推迟到 2022 年',
        `提出：上海 王晓明（${todayIso()}）`,
      ].join('\n'),
    );
    await sent.getByRole('button', { name: '知道了' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // A year 本部 has not set: no 从上一年复制, which would be refused.
    await page.getByLabel('年份').selectOption('2022');
    await expect.poll(() => page.getByText('本部还没有发来 2022 年的目标').count()).toBe(1);
    expect(await page.getByRole('button', { name: '从上一年复制' }).count()).toBe(0);
    // The target itself is unchanged: the proposal is 本部's to take up.
    const target = (
      await rpc<{ key: string; scope: string; guarantee: number }[]>(shanghai, 'target.list', {
        year: 2021,
      })
    ).find((t) => t.key === 'contracted_fdi' && t.scope === 'zone');
    expect(target?.guarantee).toBe(700_000_000);
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows rates, rules and dictionaries read-only; the user’s name stays editable', async () => {
    const { page, problems } = await newPage();
    await openSettings(page, shanghai);

    const rates = page.getByRole('region', { name: '汇率（元/美元，按年）' });
    expect(await rates.getByText('由本部统一维护').count()).toBe(1);
    expect(await rates.locator('input, select').count()).toBe(0);
    expect(await rates.getByRole('button', { name: '保存汇率' }).count()).toBe(0);
    expect(await rates.getByRole('row', { name: /^2021 年/ }).innerText()).toContain('6.4515');

    const rules = page.getByRole('region', { name: '落地率定义与五未规则' });
    // 落地率口径, 序时口径与红黄绿灯, 五未规则.
    expect(await rules.getByText('由本部统一维护').count()).toBe(3);
    expect(await rules.locator('input, select').count()).toBe(0);
    expect(await rules.getByRole('button', { name: /^保存/ }).count()).toBe(0);
    expect(await rules.getByRole('group', { name: '五未规则' }).innerText()).toContain('天内');

    const dictionaries = page.getByRole('region', { name: '字典' });
    expect(await dictionaries.getByText('由本部统一维护').count()).toBe(1);
    expect(await dictionaries.locator('input').count()).toBe(0);
    expect(await dictionaries.getByRole('button', { name: /^删除/ }).count()).toBe(0);
    await dictionaries.getByRole('button', { name: '建议增删产业' }).click();
    const dialog = page.getByRole('dialog', { name: '向本部提建议' });
    expect(await dialog.getByLabel('建议修改哪一项').inputValue()).toBe('产业字典');
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // 当前用户 is this laptop's own: still a form that saves.
    const user = page.getByRole('region', { name: '当前用户' });
    await user.getByLabel('姓名').fill('王晓明（上海）');
    await user.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => user.getByText('已保存').count()).toBe(1);
    await user.getByLabel('姓名').fill('王晓明');
    await user.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => rpc<{ user: string }>(shanghai, 'app.status'))
      .toMatchObject({
        user: '王晓明',
      });

    await screenshots(page, 'office-settings', rates);
    await screenshots(page, 'office-settings-rules', rules);
    await screenshots(page, 'office-settings-dictionaries', dictionaries);
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('本部’s own laptop', () => {
  it('receives the proposal in its 跟进 list with 上海’s sync file', async () => {
    const report = await carry(shanghai, hq, '本部');
    expect(report.refused).toBe(0);

    const { page, problems } = await newPage();
    await page.goto(hq.url);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '跟进' })
      .click();
    // 只看我的 (the default) lists it: nobody is named for a proposal.
    const item = page.locator('.followups-item').filter({ hasText: proposalTitle });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain('建议：确保目标由 70,000 万美元调整为 65,000 万美元');
    await screenshots(page, 'hq-followups');
    expect(problems).toEqual([]);
  }, 60_000);

  it('keeps the targets, rates, rules and dictionaries editable', async () => {
    const { page, problems } = await newPage();
    await openTargets(page, hq);
    expect(await page.getByText('由本部统一维护').count()).toBe(0);
    expect(await page.getByLabel('合同外资 确保', { exact: true }).inputValue()).toBe('70000');
    expect(await page.getByRole('button', { name: /^提建议/ }).count()).toBe(0);
    await screenshots(page, 'hq-targets');

    await openSettings(page, hq);
    expect(await page.getByText('由本部统一维护').count()).toBe(0);
    expect(await page.getByRole('button', { name: /向本部提建议|建议增删/ }).count()).toBe(0);
    expect(await page.getByLabel('2021 年汇率').inputValue()).toBe('6.4515');
    const rules = page.getByRole('region', { name: '落地率定义与五未规则' });
    expect(await rules.getByRole('button', { name: '保存口径' }).count()).toBe(1);
    expect(await rules.getByRole('button', { name: '添加规则' }).count()).toBe(1);
    const dictionaries = page.getByRole('region', { name: '字典' });
    expect(await dictionaries.getByLabel('新增产业').count()).toBe(1);
    expect(await dictionaries.getByRole('button', { name: /^删除产业/ }).count()).toBeGreaterThan(
      0,
    );
    expect(problems).toEqual([]);
  }, 60_000);
});
