import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    // Unpacks the browser tests' Chromium and font once, before test files run side by side.
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests poll the page; on a two-core CI machine running test files side by side, a
    // screen can take longer than the 1 s default to appear.
    expect: { poll: { timeout: 5_000 } },
  },
});
