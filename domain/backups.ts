// Backups of the database file: what a backup is, and the inputs to make or restore one.
import { z } from 'zod';
import { base64Upload, fileName, strictObject } from './fields';

export interface BackupInfo {
  file: string;
  bytes: number;
  at: string;
  /** In backup.list's answer to the window: the handle to pass as backup.check/restore's `file`. */
  handle?: string;
}
export const backupCreateInput = strictObject({ file: z.string().min(1).optional() }).optional();
export const backupRestoreInput = strictObject({ file: z.string().min(1, '请选择备份文件') });

/**
 * The largest backup the 设置 screen sends as bytes (backup.importData): they cross IPC/HTTP as
 * base64 text in one JavaScript string. A bigger backup is restored from its path with the CLI.
 */
export const MAX_BACKUP_UPLOAD_BYTES = 256 * 1024 * 1024;

/** A backup file chosen or dropped on the 设置 screen: its own name and its bytes. */
export const backupImportDataInput = strictObject({
  name: fileName,
  dataBase64: base64Upload(MAX_BACKUP_UPLOAD_BYTES, {
    choose: '请选择备份文件',
    empty: '文件是空的，不是有效的备份',
    tooLarge: '备份文件过大（超过 256 MB），请用命令行恢复',
  }),
  /** The file's own last-modified time (ms), shown as the backup's time; now when absent. */
  modifiedMs: z.number().int().nonnegative().optional(),
});
