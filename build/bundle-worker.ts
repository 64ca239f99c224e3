// The worker threads (db/worker-entry.ts) as self-contained CommonJS files, written beside the
// bundle that starts them: out/main/ for the app (electron.vite.config.ts), out/cli/ for the CLI
// (bundle-cli.ts, which needs the workbook and snapshot-chains workers).
import { buildSync } from 'esbuild';
import { bundleWorkers as bundle, workerSources } from '../db/worker-entry';
import type { WorkerFile } from '../db/worker-entry';

export const WORKER_FILES = Object.keys(workerSources) as WorkerFile[];

export function bundleWorkers(dir: string, files: readonly WorkerFile[] = WORKER_FILES): void {
  // Minified: exceljs a second time in app.asar costs 1 MB instead of 2.6.
  bundle({ buildSync }, dir, files, { minify: true });
}
