// Smoke test of the built app (`npm run build`, then `npm run test:electron`) in a real Electron,
// through playwright-core's _electron on a throwaway --user-data-dir: the window loads the UI from
// app://, the page has window.api but no `process` or `require`, navigating away and opening popups
// are refused, and the database file appears in the data folder. It runs the unpackaged app with
// node_modules/electron's binary: a packaged one has the inspect fuse off, which Playwright needs.
// Skipped, saying so, where there is no Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD, as here).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { _electron } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * The Electron binary node_modules/electron would start, found the way its index.js does but
 * without its fallback of downloading one: `require('electron')` would try the network.
 */
function findElectron(): { path: string } | { missing: string } {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const binary = path.join(override, relative ?? 'electron');
    return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
  }
  if (relative === null) {
    return { missing: 'node_modules/electron has no path.txt (installed without its binary)' };
  }
  const binary = path.join(pkg, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}

const electron = findElectron();
const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const unbuilt = built.filter((file) => !existsSync(path.join(root, file)));
if ('missing' in electron) {
  console.log(`skipped: no Electron binary — ${electron.missing}`);
}

describe.skipIf('missing' in electron)('the built app in Electron', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (unbuilt.length > 0) throw new Error(`${unbuilt.join(', ')} missing: run npm run build`);
    if (!('path' in electron)) return;
    dataDir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-smoke-'));
    const env = { ...process.env } as Record<string, string>;
    // An unpackaged app would load the dev server instead of app://.
    delete env.ELECTRON_RENDERER_URL;
    app = await _electron.launch({
      executablePath: electron.path,
      args: [root, `--user-data-dir=${dataDir}`],
      cwd: root,
      env,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the UI from app://renderer/', async () => {
    expect(page.url()).toBe('app://renderer/index.html');
    expect(await page.title()).toContain('招商项目管理');
    await expect
      .poll(() => page.locator('#root > *').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
  });

  it('gives the page window.api and nothing of Node', async () => {
    const globals = await page.evaluate(() => {
      const api = (window as unknown as { api?: Record<string, unknown> }).api;
      return {
        api: typeof api,
        status: typeof api?.['app.status'],
        process: typeof (globalThis as { process?: unknown }).process,
        require: typeof (globalThis as { require?: unknown }).require,
      };
    });
    expect(globals).toEqual({
      api: 'object',
      status: 'function',
      process: 'undefined',
      require: 'undefined',
    });
    const status = await page.evaluate(() =>
      (window as unknown as { api: Record<string, (input: unknown) => Promise<unknown>> }).api[
        'app.status'
      ]?.(undefined),
    );
    expect(status).toMatchObject({ ok: true });
  });

  it('keeps the database in the --user-data-dir folder', async () => {
    await vi.waitFor(() => expect(existsSync(path.join(dataDir, 'zhaoshang.sqlite'))).toBe(true), {
      timeout: 10_000,
    });
  });

  it('refuses to navigate to another site', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1_000);
    expect(page.url()).toBe('app://renderer/index.html');
  });

  it('opens no popup, for a remote site or for the app itself', async () => {
    const opened = await page.evaluate(() => [
      window.open('https://example.com/') === null,
      window.open('app://renderer/index.html') === null,
    ]);
    expect(opened).toEqual([true, true]);
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
  });
});
