// Backups of the database file: what a backup is, and the inputs to make or restore one.
import { z } from 'zod';
import { strictObject } from './fields';

export interface BackupInfo {
  file: string;
  bytes: number;
  at: string;
  /** In backup.list's answer to the window: the handle to pass as backup.check/restore's `file`. */
  handle?: string;
}
export const backupCreateInput = strictObject({ file: z.string().min(1).optional() }).optional();
export const backupRestoreInput = strictObject({ file: z.string().min(1, '请选择备份文件') });
