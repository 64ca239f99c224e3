// The workbook worker (db/services/workbook-read.ts) as one self-contained CommonJS file, written
// beside the bundle that starts it: out/main/workbook-worker.cjs for the app (electron.vite.config.ts),
// out/cli/ for the CLI (bundle-cli.ts). CommonJS, because Electron loads a worker's CommonJS from
// inside app.asar; self-contained, so that it needs no chunk of the main bundle and no node_modules.
import { buildSync } from 'esbuild';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const WORKBOOK_WORKER_FILE = 'workbook-worker.cjs';

/** Writes the worker into `dir`; by rename, so that a test reading it never sees half a file. */
export function bundleWorkbookWorker(dir: string): void {
  const outfile = join(dir, WORKBOOK_WORKER_FILE);
  const [output] = buildSync({
    absWorkingDir: root,
    entryPoints: ['db/services/workbook-worker.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // exceljs a second time in app.asar: minified, it costs 1 MB instead of 2.6.
    minify: true,
    outfile,
    write: false,
    logLevel: 'warning',
  }).outputFiles;
  if (!output) throw new Error('esbuild wrote no workbook worker');
  const partial = `${outfile}.${process.pid}.tmp`;
  writeFileSync(partial, output.contents);
  renameSync(partial, outfile);
}
