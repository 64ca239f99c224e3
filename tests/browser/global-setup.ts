// Vitest global set-up: provisions the browser tests' Chromium and font once, before test files
// start side by side (see ./chromium). A failure is left for the browser tests to report.
import { provideChromium } from './chromium';

export default async function provisionChromium(): Promise<void> {
  const started = Date.now();
  try {
    const { source } = await provideChromium();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`browser tests: Chromium from ${source} (${seconds} s)`);
  } catch (error) {
    console.warn(`browser tests: no Chromium yet: ${(error as Error).message}`);
  }
}
