// Reading a spreadsheet file off the thread that answers the window: a worker parses it
// (workbook-parse.ts) under a heap ceiling, so a hostile workbook that still fills memory ends the
// worker only and the user is told the file is too large.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, errorMessages } from '../../domain/errors';
import type * as Esbuild from 'esbuild';
import type { ErrorCode } from '../../domain/errors';
import type { SheetGrid } from '../../domain/sheet-values';
import { WORKER_HEAP_MB, tooLarge } from './workbook-limits';

export interface WorkbookJob {
  fileName: string;
  bytes: Uint8Array;
}

export type WorkbookReply = { sheets: SheetGrid[] } | { code: ErrorCode; message: string };

/** The worker's file (build/bundle-worker.ts). A variable, so no bundler takes it for an asset. */
const WORKER_FILE = 'workbook-worker.cjs';

/** Beside the running bundle: out/main/ in the app, out/cli/ for the CLI. */
function workerEntry(): URL {
  if (import.meta.url.endsWith('.ts')) return bundledFromSources();
  return new URL(`./${WORKER_FILE}`, import.meta.url);
}

let sourceBundle: URL | undefined;

/**
 * Run from the TypeScript sources (vitest, tsx): the worker bundled by esbuild, a dev dependency
 * loaded only here, once per process into out/dev/ (through tsx, every worker would spend seconds
 * compiling). Written by rename: processes running side by side each see a whole file.
 */
function bundledFromSources(): URL {
  if (sourceBundle) return sourceBundle;
  const outfile = fileURLToPath(new URL(`../../out/dev/${WORKER_FILE}`, import.meta.url));
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof Esbuild;
  const [output] = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./workbook-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    write: false,
    logLevel: 'warning',
  }).outputFiles;
  mkdirSync(dirname(outfile), { recursive: true });
  const partial = `${outfile}.${process.pid}.tmp`;
  writeFileSync(partial, output!.contents);
  renameSync(partial, outfile);
  sourceBundle = pathToFileURL(outfile);
  return sourceBundle;
}

const outOfMemory = (heapMb: number) =>
  tooLarge(`解析时所需内存超过 ${heapMb.toLocaleString('en-US')} MB 的上限`);

/** The file's sheets, parsed in a worker whose heap may grow to `heapMb`. */
export function readSheets(
  fileName: string,
  bytes: Uint8Array,
  heapMb = WORKER_HEAP_MB,
): Promise<SheetGrid[]> {
  const entry = workerEntry();
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, {
      workerData: { fileName, bytes } satisfies WorkbookJob,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.once('message', (reply: WorkbookReply) =>
      settle(() => ('sheets' in reply ? resolve(reply.sheets) : reject(appError(reply)))),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? outOfMemory(heapMb)
            : new AppError('SHEET_UNREADABLE', '读取表格时出错'),
        ),
      ),
    );
    worker.once('exit', () =>
      settle(() => reject(new AppError('SHEET_UNREADABLE', '读取表格的进程意外退出'))),
    );
  });
}

function appError(reply: { code: ErrorCode; message: string }): AppError {
  const code = Object.hasOwn(errorMessages, reply.code) ? reply.code : 'SHEET_UNREADABLE';
  return Object.assign(new AppError(code), { message: reply.message });
}
