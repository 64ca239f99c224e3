// Shared set-up for browser tests: the built renderer must exist, Debian's Chromium driven by
// playwright-core, a page watcher that records console errors, uncaught exceptions and CSP
// violations, and the folder screenshots go to.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const rendererIndex = fileURLToPath(
  new URL('../../out/renderer/index.html', import.meta.url),
);
export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));
const chromiumPath = '/usr/bin/chromium';

export function requireBuiltRenderer(): void {
  if (!existsSync(rendererIndex)) {
    throw new Error(
      `缺少 ${rendererIndex}：浏览器测试需要构建好的界面，请先运行 npx electron-vite build（npm test 会先构建）`,
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `缺少 ${chromiumPath}：apt-get install -y --no-install-recommends chromium fonts-wqy-microhei`,
    );
  }
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
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
  page.on('requestfailed', (request) =>
    problems.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  // A string, not a function: this file is type-checked without the DOM library.
  void page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));`,
  });
  return problems;
}
