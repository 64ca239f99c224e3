// Files for the 同步 screen, which never sees paths: exports go to an outbox folder beside the
// database (and are read back from there only, to be downloaded), imported bytes are kept in an inbox
// folder and then imported by the engine's own importFile.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { format, parse } from 'date-fns';
import { AppError } from '../../domain/errors';
import { MAX_IMPORT_UPLOAD_BYTES } from '../../domain/sync';
import type { SyncFolders, SyncImportReport } from '../../domain/sync';
import type { AppDatabase } from '../app-database';
import { FILE_EXTENSION, MAX_FILE_BYTES } from './file-format';
import { importFile } from './import';

/** Inbox copies of imported files: the newest this many are kept, older ones for this many days. */
export const KEEP_INBOX_COPIES = 20;
export const KEEP_INBOX_DAYS = 30;
const STAMP = 'yyyyMMdd-HHmmss-SSS';
const STAMP_NAME = /^(\d{8}-\d{6}-\d{3})(-\d+)?$/;

export function syncFolders(app: AppDatabase): SyncFolders {
  const base = dirname(resolve(app.file));
  const folders = { outbox: join(base, 'sync-outbox'), inbox: join(base, 'sync-inbox') };
  mkdirSync(folders.outbox, { recursive: true });
  mkdirSync(folders.inbox, { recursive: true });
  return folders;
}

/** Keeps the bytes as `<inbox>/<time>/<name>` and imports that file; a failed import's copy goes. */
export async function importData(
  app: AppDatabase,
  input: { name: string; dataBase64: string; passphrase?: string },
): Promise<SyncImportReport> {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length > Math.min(MAX_FILE_BYTES, MAX_IMPORT_UPLOAD_BYTES)) {
    throw new AppError('FILE_TOO_LARGE');
  }
  const { inbox } = syncFolders(app);
  const safeName = basename(input.name).replace(/[\\/:*?"<>|\s]+/g, '_') || `file${FILE_EXTENSION}`;
  // Each import gets its own folder named for the time, so the copy keeps the sender's file name.
  const stamp = format(new Date(app.now()), STAMP);
  let folder = join(inbox, stamp);
  for (let n = 2; existsSync(folder); n += 1) folder = join(inbox, `${stamp}-${n}`);
  mkdirSync(folder);
  const file = join(folder, safeName);
  writeFileSync(file, bytes);
  try {
    const report = await importFile(app, file, { passphrase: input.passphrase });
    // A repeat wrote nothing: its copy would only be clutter.
    if (report.alreadyImported) rmSync(folder, { recursive: true, force: true });
    else pruneInbox(inbox, app.now(), { keep: folder });
    return report;
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** The bytes of an exported file, for a download; only files directly in the outbox are served. */
export function readExport(app: AppDatabase, file: string): { name: string; dataBase64: string } {
  const { outbox } = syncFolders(app);
  const target = resolve(file);
  if (dirname(target) !== outbox || !target.endsWith(FILE_EXTENSION)) {
    throw new AppError('VALIDATION', '只能下载同步导出文件夹中的 .zsync 文件');
  }
  if (!existsSync(target) || !statSync(target).isFile()) {
    throw new AppError('FILE_NOT_FOUND', basename(target));
  }
  if (statSync(target).size > MAX_IMPORT_UPLOAD_BYTES) throw new AppError('FILE_TOO_LARGE');
  return { name: basename(target), dataBase64: readFileSync(target).toString('base64') };
}

/**
 * Removes the inbox copies (folders named for their import time) beyond the newest
 * KEEP_INBOX_COPIES that are also older than KEEP_INBOX_DAYS: the import log keeps the reports,
 * and the database its own backups. Anything else in the inbox is left alone. Returns what went.
 */
export function pruneInbox(
  inbox: string,
  nowMs: number,
  options: { keep?: string; copies?: number; days?: number } = {},
): string[] {
  const copies = options.copies ?? KEEP_INBOX_COPIES;
  const oldest = nowMs - (options.days ?? KEEP_INBOX_DAYS) * 86_400_000;
  const stamped = readdirSync(inbox, { withFileTypes: true })
    .filter((e) => e.isDirectory() && STAMP_NAME.test(e.name))
    .map((e) => e.name)
    .sort()
    .reverse();
  const removed: string[] = [];
  for (const name of stamped.slice(copies)) {
    const folder = join(inbox, name);
    const at = parse(STAMP_NAME.exec(name)![1]!, STAMP, new Date(0)).getTime();
    if (folder === options.keep || !(at < oldest)) continue;
    rmSync(folder, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
