// Bundles the CLI into one ES module for the pinned Node (`npm run build:cli`), with the workbook
// worker beside it; tests that need a bundle of their own build it with the same options.
// better-sqlite3 stays outside (a native module), and bundled CommonJS libraries such as exceljs
// get a real `require` for Node's modules.
import { buildSync } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkers } from './bundle-worker';

const root = fileURLToPath(new URL('..', import.meta.url));

export function cliBuildOptions(outfile: string): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: ['cli/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3'],
    banner: {
      js: "import { createRequire as bannerRequire } from 'node:module'; const require = bannerRequire(import.meta.url);",
    },
    outfile,
    logLevel: 'warning',
  };
}

export function bundleCli(outfile: string): void {
  buildSync(cliBuildOptions(outfile));
  bundleWorkers(dirname(outfile), [
    'workbook-worker.cjs',
    'snapshot-chains-worker.cjs',
    // The demo's spelling thread runs the database worker's bundle (db/services/demo-spelling.ts).
    'db-worker.cjs',
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  bundleCli('out/cli/main.mjs');
}
