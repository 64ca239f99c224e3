// Where a worker thread's code is at run time. Built (the app, the CLI): a self-contained CommonJS
// file beside the running bundle, written by build/bundle-worker.ts: out/main/ for the app, out/cli/
// for the CLI. CommonJS, because Electron loads a worker's CommonJS from inside app.asar;
// self-contained but for better-sqlite3 (native, shipped in node_modules), so it needs no chunk of
// the main bundle. Run from the TypeScript sources (vitest, tsx): every worker bundled by esbuild,
// a dev dependency loaded only then, into out/dev/ (through tsx, every worker would spend seconds
// compiling), and bundled again only when one of its input files has changed since: the database
// worker takes seconds to bundle, and every browser test file starts one.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Esbuild from 'esbuild';

/** Each worker's file name and entry module (relative to db/). */
export const workerSources = {
  'workbook-worker.cjs': 'services/excel/workbook-worker.ts',
  'db-worker.cjs': 'host/worker.ts',
  'snapshot-chains-worker.cjs': 'sync/snapshot-chains-worker.ts',
} as const;

export type WorkerFile = keyof typeof workerSources;

/** The repository, where esbuild works: it names inputs relative to it. */
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * esbuild's options for one worker. `import.meta.url` becomes the bundle's own file URL, so that
 * what the bundled code finds beside itself (the workbook worker, better-sqlite3 for the background
 * checkpoint) it finds beside the bundle.
 */
export function workerBuildOptions(file: WorkerFile, outfile: string): Esbuild.BuildOptions {
  return {
    // A variable, so that no bundler of this module takes the path for an asset.
    entryPoints: [fileURLToPath(new URL(workerSources[file], import.meta.url))],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "var importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    outfile,
    write: false,
    logLevel: 'warning',
  };
}

/**
 * Bundles `files` into `dir`, each by rename: processes running side by side see whole files.
 * With `recordInputs`, `<file>.inputs.json` beside each lists the files it was built from and when.
 */
export function bundleWorkers(
  esbuild: Pick<typeof Esbuild, 'buildSync'>,
  dir: string,
  files: readonly WorkerFile[],
  { minify = false, recordInputs = false }: { minify?: boolean; recordInputs?: boolean } = {},
): void {
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const outfile = join(dir, file);
    const startedMs = Date.now();
    const built = esbuild.buildSync({
      ...workerBuildOptions(file, outfile),
      minify,
      metafile: recordInputs,
    });
    const output = built.outputFiles?.[0];
    if (!output) throw new Error(`esbuild wrote no ${file}`);
    // Libraries change only with package-lock.json, which stands in for the thousands of them.
    const inputs = Object.keys(built.metafile?.inputs ?? {})
      .filter((input) => !input.startsWith('node_modules/'))
      .map((input) => resolve(root, input))
      .concat(resolve(root, 'package-lock.json'));
    writeByRename(outfile, output.contents);
    if (recordInputs) {
      writeByRename(`${outfile}.inputs.json`, JSON.stringify({ startedMs, inputs }));
    }
  }
}

function writeByRename(file: string, contents: string | Uint8Array): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, contents);
  renameSync(partial, file);
}

/** Whether the bundle exists and none of its inputs changed after it was started. */
function isCurrent(outfile: string): boolean {
  try {
    const { startedMs, inputs } = JSON.parse(readFileSync(`${outfile}.inputs.json`, 'utf8')) as {
      startedMs: number;
      inputs: string[];
    };
    if (!existsSync(outfile) || inputs.length === 0) return false;
    return inputs.every((input) => statSync(input).mtimeMs < startedMs);
  } catch {
    return false;
  }
}

let fromSources: string | undefined;

/** The worker's file: beside the running bundle, or bundled from the sources into out/dev/. */
export function workerEntry(file: WorkerFile): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL(`./${file}`, import.meta.url);
  if (fromSources === undefined) {
    const dir = join(root, 'out', 'dev');
    // All of them: a bundled worker finds the others beside itself.
    const stale = (Object.keys(workerSources) as WorkerFile[]).filter(
      (worker) => !isCurrent(join(dir, worker)),
    );
    if (stale.length > 0) {
      const esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
      bundleWorkers(esbuild, dir, stale, { recordInputs: true });
    }
    fromSources = dir;
  }
  return pathToFileURL(join(fromSources, file));
}
