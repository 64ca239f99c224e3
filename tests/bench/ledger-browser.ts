/// <reference lib="dom" />
// The ledger as a promoter sees it: the harness serves a database, Debian's Chromium opens the
// 台账, and we time (a) navigation start to the first real rows in the DOM and (b) a filter change to the
// totals row showing the new count. Runs several times; prints median and worst.
import type { ElementHandle } from 'playwright-core';
import { startWebServer } from '../../web/server';
import { launchChromium, newLaptopContext, requireBuiltRenderer } from '../browser/harness';

export interface BrowserLedgerFigures {
  firstRows: number[];
  filter: number[];
}

export async function benchLedgerInBrowser(
  dbFile: string,
  runs: number,
): Promise<BrowserLedgerFigures> {
  requireBuiltRenderer();
  const server = await startWebServer({ port: 0, dbFile });
  const browser = await launchChromium();
  const figures: BrowserLedgerFigures = { firstRows: [], filter: [] };
  try {
    const context = await newLaptopContext(browser);
    // The page notes when the first real row enters the DOM, so the figure is the page's own time
    // since navigation start, not that plus the test driver's polling.
    await context.addInitScript(() => {
      const w = window as unknown as { firstRowsAt?: number };
      new MutationObserver((_, observer) => {
        if (document.querySelector('.ledger-body [role="row"]:not([aria-busy])')) {
          w.firstRowsAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
    });
    const page = await context.newPage();
    for (let i = 0; i <= runs; i++) {
      await page.goto(server.url);
      await page.waitForSelector('.ledger-body [role="row"]:not([aria-busy])');
      const ms = await page.evaluate(
        () => (window as unknown as { firstRowsAt?: number }).firstRowsAt ?? performance.now(),
      );
      if (i > 0) figures.firstRows.push(ms); // the first load warms the server's statements
    }
    const region = (await page
      .getByLabel('地区')
      .elementHandle()) as ElementHandle<HTMLSelectElement>;
    for (let i = 0; i <= runs; i++) {
      const value = i % 2 === 0 ? 'de_jp' : '';
      const ms = await page.evaluate(
        async ({ select, value }) => {
          const foot = document.querySelector('.ledger-foot')!;
          const before = foot.textContent;
          const changed = new Promise<void>((resolve) => {
            const observer = new MutationObserver(() => {
              if (foot.textContent !== before) {
                observer.disconnect();
                resolve();
              }
            });
            observer.observe(foot, { subtree: true, childList: true, characterData: true });
          });
          const started = performance.now();
          // React watches the native value setter; set it as a user's choice would.
          Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(
            select,
            value,
          );
          select.dispatchEvent(new Event('change', { bubbles: true }));
          await changed;
          return performance.now() - started;
        },
        { select: region, value },
      );
      if (i > 0) figures.filter.push(ms);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}
