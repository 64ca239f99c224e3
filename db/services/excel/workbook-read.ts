// Reading a spreadsheet file off the thread that answers the window: a worker parses it
// (workbook-parse.ts) under a heap ceiling, so a hostile workbook that still fills memory ends the
// worker only and the user is told the file is too large.
import { Worker } from 'node:worker_threads';
import { AppError, errorMessages } from '../../../domain/errors';
import type { ErrorCode } from '../../../domain/errors';
import type { SheetGrid } from '../../../domain/excel/cell-values';
import { workerEntry } from '../../worker-entry';
import { WORKER_HEAP_MB, tooLarge } from './workbook-limits';

export interface WorkbookJob {
  fileName: string;
  bytes: Uint8Array;
}

export type WorkbookReply = { sheets: SheetGrid[] } | { code: ErrorCode; message: string };

const outOfMemory = (heapMb: number) =>
  tooLarge(`解析时所需内存超过 ${heapMb.toLocaleString('en-US')} MB 的上限`);

/** The file's sheets, parsed in a worker whose heap may grow to `heapMb`. */
export function readSheets(
  fileName: string,
  bytes: Uint8Array,
  heapMb = WORKER_HEAP_MB,
): Promise<SheetGrid[]> {
  const entry = workerEntry('workbook-worker.cjs');
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
