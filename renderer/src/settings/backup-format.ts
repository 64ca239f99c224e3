// How backups are shown: file name without the folder, size in KB/MB, time in Chinese, and who made
// the copy: the app's daily backup (auto-YYYYMMDD.sqlite), the safety copy a restore keeps
// (pre-restore-….sqlite), a file brought in on 恢复 (imported-….sqlite), or someone pressing
// 「立即备份」.
import { format, parseISO } from 'date-fns';
import { zhCN } from 'date-fns/locale';
import type { MethodOutput } from '../../../domain/contract';
import type { BackupInfo } from '../../../domain/backups';

/** backup.restore's answer: the file restored and the copy of the database it replaced. */
export type RestoreResult = MethodOutput<'backup.restore'>;

/** A backup to check and restore: its handle for the API, its path for display. */
export interface ChosenBackup {
  handle: string;
  path: string;
  /** A file from outside: the name it had there. */
  name?: string;
}

/**
 * A backup from backup.list, which gives the window a handle for each listed file. Without one (it
 * never comes without), the check answers that the file must be chosen again.
 */
export function listedBackup(backup: BackupInfo): ChosenBackup {
  return { handle: backup.handle ?? '', path: backup.file };
}

/** The last part of a Windows or POSIX path. */
export function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** The folder part of a path (without the trailing separator). */
export function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut > 0 ? file.slice(0, cut) : '';
}

/**
 * auto-…: the app's daily copy; pre-restore-…: the safety copy a restore keeps; imported-…: a file
 * brought in on 恢复; else 立即备份.
 */
export type BackupKind = 'auto' | 'safety' | 'imported' | 'manual';

export function backupKind(file: string): BackupKind {
  const name = fileName(file);
  if (name.startsWith('auto-')) return 'auto';
  if (name.startsWith('pre-restore-')) return 'safety';
  if (name.startsWith('imported-')) return 'imported';
  return 'manual';
}

export const backupKindLabels: Record<BackupKind, string> = {
  auto: '自动备份',
  safety: '恢复前副本',
  imported: '外来文件',
  manual: '手动备份',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatTime(iso: string): string {
  const date = parseISO(iso);
  return Number.isNaN(date.getTime()) ? iso : format(date, 'yyyy年M月d日 HH:mm', { locale: zhCN });
}

/** The backups, newest first. */
export function newestFirst(backups: readonly BackupInfo[]): BackupInfo[] {
  return [...backups].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
