// 压缩变更日志 in Chromium, on a real 本部 database of a zone: 20 projects made months ago (in
// process, on the replica's own clock), then served today, so the zone's first 本部 laptop, heard
// from only at the join, is silent. The card names it in its banner; 压缩…… with it ticked shows the
// bar while it runs, the result names the changes the rows now keep, and the laptop is then named
// as excluded. The card and the dialog
// are photographed at 1366×768 and 1280×720, and nothing runs off either.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startWebServer } from '../../web/server';
import type { WebServer } from '../../web/server';
import { tempDir } from '../helpers';
import { call, openReplica } from '../sync/replicas';
import {
  artifactsDir,
  launchChromium,
  newLaptopContext,
  recordBarTexts,
  requireBuiltRenderer,
  watchProblems,
} from './harness';

let server: WebServer;
let browser: Browser;
let dbFile: string;

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

beforeAll(async () => {
  requireBuiltRenderer();
  // Whole blocks of 16 changes: a block leaves the log only when every counted laptop holds it.
  const hq = await openReplica('本部', { dir: tempDir('zs-compaction-ui-') });
  for (let i = 0; i < 20; i++) {
    hq.clock.ms += 60_000;
    call(hq, 'project.create', { name: `定稿项目${i}`, office: '本部' });
  }
  dbFile = hq.app.file;
  hq.app.close();
  server = await startWebServer({ port: 0, dbFile });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSync(page: Page): Promise<Locator> {
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '同步' })
    .click();
  const card = page.getByRole('region', { name: '压缩变更日志' });
  await card.waitFor();
  return card;
}

/** Photographs `target` at each size; nothing may run off the page or out of the target. */
async function shootAtEachSize(page: Page, target: Locator, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await target.scrollIntoViewIfNeeded();
    await target.screenshot({ path: join(artifactsDir, `${name}-${size.width}.png`) });
    const overflow = await target.evaluate((el) => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      self: el.scrollWidth - el.clientWidth,
      bottom: el.getBoundingClientRect().bottom - window.innerHeight,
    }));
    expect(overflow.page, `${name} ${size.width}`).toBeLessThanOrEqual(0);
    expect(overflow.self, `${name} ${size.width}`).toBeLessThanOrEqual(0);
    if (name.includes('dialog'))
      expect(overflow.bottom, `${name} ${size.width}`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize(SIZES[0]);
}

describe('压缩变更日志 on the 同步 screen', () => {
  it('names the silent laptop, compacts with it excluded and says what the rows keep', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    const card = await openSync(page);

    const banner = card.getByRole('status');
    await expect
      .poll(() => banner.textContent())
      .toMatch(/超过 90 天没有来过文件（或从未来过）：(.*、)?本部 [0-9a-f]{8}（尚缺 \d+ 条）/);
    await expect.poll(() => card.textContent()).toContain('新建后再没改过的数据');
    await shootAtEachSize(page, card, 'compaction-card-before');

    const barTexts = await recordBarTexts(page);

    await card.getByRole('button', { name: '压缩……' }).click();
    const dialog = page.getByRole('dialog', { name: '压缩变更日志' });
    // The laptop, and the test zone's invitations no laptop joined with (they hold nothing).
    for (const box of await dialog.getByRole('checkbox').all()) await box.check();
    await shootAtEachSize(page, dialog, 'compaction-dialog');
    await dialog.getByRole('button', { name: '确认压缩' }).click();

    const result = card.locator('.sync-result');
    await expect
      .poll(() => result.textContent(), { timeout: 20_000 })
      .toMatch(/^已压缩变更日志：([\d,]+) 条各电脑均已收到的变更改由数据行本身保存/);
    await expect.poll(() => dialog.count()).toBe(0);
    const settled = Number(
      /([\d,]+) 条各电脑均已收到的变更/
        .exec((await result.textContent()) ?? '')![1]!
        .replace(/,/g, ''),
    );
    const db = new Database(dbFile, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM sync_settled').pluck().get()).toBe(settled);
    } finally {
      db.close();
    }
    expect(settled).toBeGreaterThanOrEqual(16);

    const shown = await barTexts();
    expect(shown.length, shown.join('；')).toBeGreaterThan(0);
    for (const text of shown)
      expect(text).toMatch(
        /^(正在压缩……|开始……|找出可压缩的变更……|移出被取代的变更 .*|移出各电脑都已收到的变更 .*|整理数据库文件……)$/,
      );

    // Excluded now, it is named as such, and no longer offered.
    await expect.poll(() => card.textContent()).toMatch(/已排除：(.*、)?本部 [0-9a-f]{8}(、.*)?。/);
    expect(await banner.count()).toBe(0);
    await shootAtEachSize(page, card, 'compaction-card-after');
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
