// A backup through the browser harness's database host: while the writer thread copies a real
// 20,000-project database step by step, the host answers the progress poll (job.progress) and a
// read, so neither the window nor its 台账 waits; in Chromium, 立即备份 shows the bar's phase.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startWebServer } from '../../web/server';
import type { WebServer } from '../../web/server';
import type { JobProgress } from '../../domain/job-progress';
import { tempDir } from '../helpers';
import {
  artifactsDir,
  launchChromium,
  newLaptopContext,
  recordBarTexts,
  requireBuiltRenderer,
  httpRpc,
  watchProblems,
} from './harness';

let server: WebServer;
let browser: Browser;

const rpc = <T>(method: string, input?: unknown) => httpRpc<T>(server, method, input);

beforeAll(async () => {
  requireBuiltRenderer();
  server = await startWebServer({
    port: 0,
    dbFile: join(tempDir('zs-backup-progress-'), 'big.sqlite'),
    user: '测试员',
    office: '上海',
    demoProjects: 20_000,
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('backup progress', () => {
  it('the poll and a read are answered while the writer copies the database', async () => {
    const seen: JobProgress[] = [];
    let reads = 0;
    let finished = false;
    const backup = rpc<{ file: string; bytes: number }>('backup.create').finally(() => {
      finished = true;
    });
    while (!finished) {
      const progress = await rpc<JobProgress | null>('job.progress');
      if (progress) seen.push(progress);
      if (progress?.phase === '复制数据库') {
        await rpc('ledger.query', { limit: 1 });
        reads += 1;
      }
    }
    const made = await backup;
    const copying = seen.filter((p) => p.job === '备份数据库' && p.phase === '复制数据库');
    expect(copying.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
    expect(reads).toBeGreaterThan(0);
    expect(made.bytes).toBeGreaterThan(100 * 1024 * 1024);
  }, 60_000);

  it('立即备份 shows the phase on a bar, then the copy made', async () => {
    const context = await newLaptopContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    // The page's calls in flight, counted (web-api.js calls fetch).
    await page.addInitScript(() => {
      let calls = 0;
      let idleSince = performance.now();
      const fetch = window.fetch.bind(window);
      window.fetch = (...args) => {
        calls += 1;
        return fetch(...args).finally(() => {
          calls -= 1;
          idleSince = performance.now();
        });
      };
      // No call in flight, nor any answered in the last half second.
      Object.defineProperty(window, 'settled', {
        get: () => calls === 0 && performance.now() - idleSince > 500,
      });
    });
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '设置' })
      .click();
    const card = page.getByRole('region', { name: '备份与恢复' });
    // 设置 loads its sections with a dozen reads, some of them slow at 20,000 projects on a busy
    // machine (数据质量). Chromium sends at most six requests to one host at a time, so reads still
    // loading when 立即备份 is pressed can hold every connection while the backup copies, and the
    // bar's progress polls wait behind them. The Electron window's IPC has no such limit: the test
    // presses 立即备份 once the screen has loaded.
    await card.getByText('已有备份').waitFor();
    await page.waitForFunction(
      () => (window as unknown as { settled: boolean }).settled,
      undefined,
      {
        timeout: 30_000,
      },
    );
    // The page records every text the bar shows, so a slow poll from here cannot miss a phase.
    await recordBarTexts(page);
    await card.getByRole('button', { name: '立即备份' }).click();
    // The copy, then the check of a 170 MB file (quick_check): either phase, with its count.
    const phaseShown = '^(复制数据库|校验备份) [\\d,]+\\s/\\s[\\d,]+$';
    const made = card.getByText(/已备份：\d{8}-\d{6}\.sqlite/);
    const phaseOrMade = await page.waitForFunction(
      (pattern) =>
        (window as unknown as { barTexts: string[] }).barTexts.some((t) =>
          new RegExp(pattern).test(t),
        ) || document.body.innerText.includes('已备份：'),
      phaseShown,
      { timeout: 30_000 },
    );
    await phaseOrMade.dispose();
    if (!(await made.isVisible())) {
      await page.screenshot({ path: join(artifactsDir, 'backup-progress.png') });
    }
    await made.waitFor({ timeout: 30_000 });
    const shown = await page.evaluate(() => (window as unknown as { barTexts: string[] }).barTexts);
    expect(
      shown.some((t) => new RegExp(phaseShown).test(t)),
      shown.join('；'),
    ).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
