// The workbook worker's entry (a bundle of its own: electron.vite.config.ts, build/bundle-cli.ts):
// parses one file given in workerData and posts its sheets, or the AppError that refused it.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../domain/errors';
import { parseSheets } from './workbook-parse';
import type { WorkbookJob, WorkbookReply } from './workbook-read';

const { fileName, bytes } = workerData as WorkbookJob;

parseSheets(fileName, bytes).then(
  (sheets) => parentPort?.postMessage({ sheets } satisfies WorkbookReply),
  (error: unknown) => {
    const reply: WorkbookReply =
      error instanceof AppError
        ? { code: error.code, message: error.message }
        : { code: 'SHEET_UNREADABLE', message: new AppError('SHEET_UNREADABLE').message };
    parentPort?.postMessage(reply);
  },
);
