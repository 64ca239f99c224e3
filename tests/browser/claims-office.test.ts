// 首报首谈 between two laptops of a real zone (issue 18 point 4): on 上海's office laptop a disputed
// investor shows on 首报首谈认定 read-only, with why and no 「认定」 (claim.decide answers HQ_ONLY),
// and 首报首谈门槛 is read-only; 上海's sync file brings the claims to 本部, whose screen decides
// for the challenger; 本部's file back makes 上海's investor page say 本部认定. Screenshots at
// 1366×768 and 1280×720: tests/artifacts/claims-office-*.png.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { WebServer } from '../../web/server';
import { artifactsDir, launchChromium, requireBuiltRenderer, watchProblems } from './harness';
import { carry as carryFile, serverRpc, startHq, startJoined } from './zone-servers';

const investor = '华东冷链物流装备（苏州）有限公司';

let browser: Browser;
let hq: WebServer;
let shanghai: WebServer;

const rpc = serverRpc;

/** One laptop's changes carried to the other by a file; none may be refused. */
async function carry(from: WebServer, to: WebServer, office: string): Promise<void> {
  expect((await carryFile(from, to, office)).refused).toBe(0);
}

beforeAll(async () => {
  requireBuiltRenderer();
  hq = await startHq('zs-claims');
  shanghai = await startJoined(hq, 'zs-claims', { office: '上海', user: '王晓明' });
  await rpc(shanghai, 'investor.create', { nameZh: investor, hqCountry: 'CN' });
  await rpc(shanghai, 'project.create', {
    name: '冷链装备华东基地项目',
    investor,
    office: '上海',
    owner: '王晓明',
  });
  const investorId = (
    await rpc<{ id: string }[]>(shanghai, 'investor.similar', { name: investor })
  )[0]!.id;
  await rpc(shanghai, 'claim.add', {
    investorId,
    claimedOn: '2021-03-01',
    reported: '投资意向：冷链装备基地',
  });
  // A 北京 claim made after it, as 北京's file would bring it.
  await rpc(shanghai, 'claim.add', {
    investorId,
    officeId: 'beijing',
    claimedOn: '2021-02-10',
    reported: '北京推介会上首次接洽',
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await shanghai?.close();
  await hq?.close();
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name, exact: true });

async function openArbitration(page: Page, server: WebServer) {
  await page.goto(server.url);
  await nav(page, '同步').click();
  await page.getByRole('button', { name: '打开认定列表' }).click();
  const item = page.getByRole('listitem', { name: `投资方：${investor}` });
  await item.waitFor();
  return item;
}

describe('首报首谈 on an office laptop and at 本部', () => {
  it('shows the dispute read-only at 上海 and lets 本部 decide it', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const problems = watchProblems(page);

    const item = await openArbitration(page, shanghai);
    await page.getByRole('note').getByText('本机是驻点电脑，只能查看').waitFor();
    expect(await item.getByRole('button', { name: /^认定/ }).count()).toBe(0);
    expect(await item.innerText()).toContain('北京推介会上首次接洽');
    const refused = await shanghai.dispatch('claim.decide', { claimId: 'x' });
    expect(refused.ok ? null : refused.code).toBe('HQ_ONLY');
    for (const [width, height] of [
      [1366, 768],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: join(artifactsDir, `claims-office-arbitration-${width}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await nav(page, '设置').click();
    const thresholds = page.getByRole('region', { name: '首报首谈门槛' });
    await thresholds.getByText('由本部统一维护').waitFor();
    expect(await thresholds.innerText()).toContain('10 亿元及以上');
    expect(await thresholds.locator('input').count()).toBe(0);
    await thresholds.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'claims-office-settings-1366.png') });

    await carry(shanghai, hq, '本部');
    const atHq = await openArbitration(page, hq);
    await atHq.getByRole('button', { name: /^认定 北京 · / }).click();
    await page.getByRole('heading', { name: '没有待认定的首报首谈争议' }).waitFor();

    await carry(hq, shanghai, '上海');
    await page.goto(shanghai.url);
    await nav(page, '投资方').click();
    await page
      .getByRole('table', { name: '投资方列表' })
      .getByRole('button', { name: investor })
      .click();
    const section = page.getByRole('region', { name: '首报首谈' });
    await section.getByText('本部认定').waitFor();
    expect(await section.innerText()).toContain('持有：北京');
    await page.screenshot({ path: join(artifactsDir, 'claims-office-investor-1366.png') });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
