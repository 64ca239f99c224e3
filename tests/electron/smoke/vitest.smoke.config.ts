// `npm run test:electron`: the smoke suite that starts the built app in a real Electron. Apart from
// `npm test` (whose include is tests/**/*.test.ts), since most machines here have no Electron binary;
// there it reports itself skipped.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '../../..'),
    include: ['tests/electron/smoke/**/*.smoke.ts'],
    pool: 'forks',
    reporters: ['verbose'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
