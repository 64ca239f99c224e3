// Shared set-up for browser tests: the built renderer must exist, Chromium (found or provisioned
// by ./chromium) driven by playwright-core, a harness server on a fresh database, a page watcher
// that records console errors, uncaught exceptions and CSP violations, and the folder screenshots
// go to.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RPC_TOKEN_HEADER, startWebServer } from '../../web/server';
import type { WebServer } from '../../web/server';
import { expectOk, tempDir } from '../helpers';
import { provideChromium } from './chromium';

export const rendererIndex = fileURLToPath(
  new URL('../../out/renderer/index.html', import.meta.url),
);
export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));

export function requireBuiltRenderer(): void {
  if (!existsSync(rendererIndex)) {
    throw new Error(
      `缺少 ${rendererIndex}：浏览器测试需要构建好的界面，请先运行 npx electron-vite build（npm test 会先构建）`,
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  const { executablePath, env } = await provideChromium();
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath,
    env: { ...process.env, ...env },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A 1366×768 laptop screen, Chinese locale. */
export function newLaptopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
}

/** Everything the page complains about; a healthy page leaves this empty. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // The page's own reload or navigation cancels what it was still fetching (the 看板's code,
    // preloaded when the window is idle): not a failure of the request.
    if (error === 'net::ERR_ABORTED') return;
    problems.push(`requestfailed: ${request.url()} ${error}`);
  });
  // A string, not a function: this file is type-checked without the DOM library.
  void page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));`,
  });
  return problems;
}

/**
 * Records every text the job progress bar (renderer/src/ui/ProgressBar.tsx) shows from now on, as
 * it changes, in `window.barTexts`: a test's own poll, slower than the page, would miss phases.
 * Returns a reader of what was recorded.
 */
export async function recordBarTexts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const texts: string[] = [];
    Object.assign(window, { barTexts: texts });
    new MutationObserver(() => {
      const text = document.querySelector('.job-progress-text')?.textContent;
      if (text && texts.at(-1) !== text) texts.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { barTexts: string[] }).barTexts);
}

/** Headers of a call to the server's /rpc as its page makes it: JSON, with the run's token. */
export function rpcHeaders(server: WebServer): Record<string, string> {
  return { 'Content-Type': 'application/json', [RPC_TOKEN_HEADER]: server.rpcToken };
}

/** Calls the server's /rpc over HTTP, as its page does; throws on a failed result. */
export async function httpRpc<T>(server: WebServer, method: string, input?: unknown): Promise<T> {
  const response = await fetch(new URL(`rpc/${method}`, server.url), {
    method: 'POST',
    headers: rpcHeaders(server),
    body: JSON.stringify(input ?? null),
  });
  const result = (await response.json()) as { ok: boolean; data?: T; message?: string };
  if (!result.ok) throw new Error(`${method}: ${result.message}`);
  return result.data as T;
}

export interface Harness {
  server: WebServer;
  browser: Browser;
  /** Calls the API directly, as set-up and checks do; throws on a failed result. */
  rpc<T>(method: string, input: unknown): Promise<T>;
  close(): Promise<void>;
}

interface ServerOptions {
  /** The temp folder's prefix. */
  prefix: string;
  user?: string;
  office?: string;
  demoProjects?: number;
}

/** A harness server on a new database in a temp folder. */
export function startServer(options: ServerOptions): Promise<WebServer> {
  return startWebServer({
    port: 0,
    dbFile: join(tempDir(options.prefix), 'crm.sqlite'),
    user: options.user ?? '测试员',
    office: options.office ?? '上海',
    ...(options.demoProjects ? { demoProjects: options.demoProjects } : {}),
  });
}

/** A harness server on a new database in a temp folder, and Chromium to drive it. */
export async function startHarness(options: ServerOptions): Promise<Harness> {
  requireBuiltRenderer();
  const server = await startServer(options);
  const browser = await launchChromium();
  return {
    server,
    browser,
    rpc: async <T>(method: string, input: unknown) =>
      expectOk(await server.dispatch(method, input)) as T,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
