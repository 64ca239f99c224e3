// The daily automatic backup: once a day a checked copy named auto-YYYYMMDD.sqlite, made in the
// database host's writer thread when the app opens and again whenever the day has changed while
// it stays open. Only these copies are pruned, by age (domain/backup-retention.ts); the copies
// made with 立即备份, before a restore, or brought in from a file are the user's and stay.
import { rmSync, utimesSync } from 'node:fs';
import { basename, join } from 'node:path';
import { format } from 'date-fns';
import { backupsToKeep } from '../../domain/backup-retention';
import type { BackupInfo } from '../../domain/backups';
import type { AppDatabase } from '../app-database';
import { backupDir, copyDatabase, listBackups } from './backups';

const AUTO_PREFIX = 'auto-';

function isAutomaticBackup(file: string): boolean {
  return basename(file).startsWith(AUTO_PREFIX);
}

/**
 * Today's copy if there is none yet (null when there is), then the automatic copies the
 * retention rule no longer keeps are deleted. No progress is reported: no window waits for it,
 * and the bar shows the job the window did start.
 */
export async function dailyBackup(
  app: AppDatabase,
  today: Date = new Date(),
): Promise<BackupInfo | null> {
  const name = `${AUTO_PREFIX}${format(today, 'yyyyMMdd')}.sqlite`;
  const exists = listBackups(app).some((b) => basename(b.file) === name);
  let made: BackupInfo | null = null;
  if (!exists) {
    const copy = await copyDatabase(app, join(backupDir(app), name), () => {});
    // The copy's time is the day it stands for (a test's day, too): retention reads it.
    utimesSync(copy.file, today, today);
    made = { ...copy, at: today.toISOString() };
  }
  pruneAutomaticBackups(app, today.getTime());
  return made;
}

function pruneAutomaticBackups(app: AppDatabase, now: number): void {
  const autos = listBackups(app)
    .filter((b) => isAutomaticBackup(b.file))
    .map((b) => ({ file: b.file, at: Date.parse(b.at) }));
  const kept = new Set(backupsToKeep(autos, now).map((b) => b.file));
  for (const old of autos.filter((b) => !kept.has(b.file))) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(old.file + suffix, { force: true });
  }
}

/** How often the writer looks whether the day has changed. */
export const DAILY_CHECK_MS = 60 * 60 * 1000;
