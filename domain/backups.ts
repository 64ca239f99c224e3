// Backups of the database file: what a backup is, and the inputs to make or restore one.
import { z } from 'zod';
import { fileName, strictObject } from './fields';

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
  dataBase64: z
    .string({ error: '请选择备份文件' })
    .min(1, '文件是空的，不是有效的备份')
    .max(Math.ceil(MAX_BACKUP_UPLOAD_BYTES / 3) * 4, '备份文件过大（超过 256 MB），请用命令行恢复')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码有误，请重新选择文件'),
  /** The file's own last-modified time (ms), shown as the backup's time; now when absent. */
  modifiedMs: z.number().int().nonnegative().optional(),
});
