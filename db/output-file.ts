// Where a file the app writes at the user's word may go (sync files, snapshots, invitations,
// workbooks, backups): never over the open database or its WAL, shared-memory or journal files,
// nor over any other SQLite database (a backup, a copy from another laptop), nor onto a folder;
// and its folder must exist. Checked before any work, so a mistyped path costs nothing.
import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../domain/errors';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Throws OUTPUT_* unless `out` may be written; `databaseFile` is the open database. */
export function checkOutputFile(databaseFile: string, out: string): void {
  const folder = dirname(resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new AppError('OUTPUT_FOLDER_MISSING', folder);
  }
  const path = join(realpathSync(folder), basename(out));
  if (existsSync(path)) {
    const target = realpathSync(path);
    if (statSync(target).isDirectory()) throw new AppError('OUTPUT_IS_FOLDER', out);
    if (isDatabaseFile(databaseFile, target) || startsLikeSqlite(target)) {
      throw new AppError('OUTPUT_IS_DATABASE', out);
    }
  } else if (isDatabaseFile(databaseFile, path)) {
    // Its WAL or shared-memory file, absent between sessions.
    throw new AppError('OUTPUT_IS_DATABASE', out);
  }
}

function isDatabaseFile(databaseFile: string, target: string): boolean {
  if (databaseFile === ':memory:' || !existsSync(databaseFile)) return false;
  const db = realpathSync(databaseFile);
  const same = (a: string, b: string) =>
    process.platform === 'win32' || process.platform === 'darwin'
      ? a.toLowerCase() === b.toLowerCase()
      : a === b;
  return ['', '-wal', '-shm', '-journal'].some((suffix) => same(target, db + suffix));
}

function startsLikeSqlite(file: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const systemReasons: Record<string, string> = {
  ENAMETOOLONG: '文件名过长',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘空间不足',
  EACCES: '没有写入该位置的权限',
  EPERM: '没有写入该位置的权限',
  EROFS: '该位置只读（U 盘是否写保护？）',
  EBUSY: '文件正被其他程序使用',
  ENOENT: '保存位置已不存在（U 盘是否已拔出？）',
  EIO: '读写出错（U 盘是否已拔出？）',
};

/** Why writing a file failed, in Chinese where the system said why, for the refusal's detail. */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && systemReasons[code]) || (error as Error).message;
}
