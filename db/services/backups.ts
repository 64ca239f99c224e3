// Backups of the whole database with SQLite's online backup (consistent while the app keeps
// working, a step of pages at a time), each checked by opening it before it counts. They run in the
// database host's writer thread, never the window's; a backup asked for from the window and a
// restore report their progress (db/job-progress.ts). The daily copies: backup-daily.ts.
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { format } from 'date-fns';
import { AppError } from '../../domain/errors';
import type { BackupInfo } from '../../domain/backups';
import type { AppDatabase } from '../app-database';
import { withProgress } from '../job-progress';
import { checkOutputFile } from '../output-file';
import type { ReportProgress } from '../job-progress';
import { zoneOf } from '../sync/zone';
import { migrationNames } from '../migrations/index';
import { backupDir } from './backup-dir';

export { backupDir };

/** Pages copied per step of the online backup (4 MB of 16 KB pages); calls run between steps. */
export const PAGES_PER_STEP = 256;

/** Copies the live database to `file` (default: a dated file in the backups folder). */
export async function createBackup(app: AppDatabase, file?: string): Promise<BackupInfo> {
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    checkOutputFile(app.file, file);
  }
  return withProgress(app, '备份数据库', (report) => copyDatabase(app, file, report));
}

/**
 * The copy itself, reporting 复制数据库 page by page, then 校验备份. A copy that fails its check is
 * deleted and refused (BACKUP_INVALID); any other failure deletes it too (BACKUP_FAILED).
 */
export async function copyDatabase(
  app: AppDatabase,
  file: string | undefined,
  report: ReportProgress,
): Promise<BackupInfo> {
  if (app.file === ':memory:') throw new AppError('BACKUP_FAILED', '内存数据库无法备份');
  const target = file ?? join(backupDir(app), `${format(new Date(), 'yyyyMMdd-HHmmss')}.sqlite`);
  mkdirSync(dirname(target), { recursive: true });
  try {
    // Told before each step, so the last step's end is reported once the copy is whole.
    const { totalPages } = await app.sqlite.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        report('复制数据库', totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    report('复制数据库', totalPages, totalPages);
    report('校验备份', 0, 1);
    singleFile(target);
    const checked = verifiedBackup(target);
    report('校验备份', 1, 1);
    return checked;
  } catch (error) {
    rmSync(target, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('BACKUP_FAILED', (error as Error).message);
  }
}

/** A backup is one self-contained file: no WAL beside it to lose when it is copied. */
function singleFile(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** Opens a backup read-only and checks it is whole and is one of ours; returns its details. */
export function verifiedBackup(file: string): BackupInfo {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    const ours = db
      .prepare(
        "SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('project', 'sync_change', 'sync_meta')",
      )
      .get() as { n: number };
    if (check !== 'ok' || ours.n !== 3) throw new AppError('BACKUP_INVALID', basename(file));
    const applied = db.prepare('SELECT name FROM kysely_migration').all() as { name: string }[];
    if (applied.some((m) => !migrationNames.includes(m.name))) {
      throw new AppError('BACKUP_NEWER', basename(file));
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BACKUP_INVALID', `${basename(file)}：${(error as Error).message}`);
  } finally {
    db?.close();
  }
  return info(file);
}

/**
 * Replaces the database with a checked backup. A safety copy of the current database is taken
 * first and put back if the backup cannot be opened.
 */
export function restoreBackup(
  app: AppDatabase,
  file: string,
): Promise<{ restoredFrom: string; safetyCopy: string }> {
  return withProgress(app, '恢复备份', async (report) => {
    report('校验备份', 0, 1);
    const source = verifiedBackup(file).file;
    checkSameZone(app, source);
    const stamp = format(new Date(), 'yyyyMMdd-HHmmss');
    const safetyFile = join(backupDir(app), `pre-restore-${stamp}.sqlite`);
    const safety = await copyDatabase(app, safetyFile, (phase, done, total) =>
      report(phase === '复制数据库' ? '备份当前数据库' : '校验当前数据库的备份', done, total),
    );
    report('替换数据库', 0, 1);
    try {
      await app.replaceWith(source);
    } catch (error) {
      await app.replaceWith(safety.file);
      throw new AppError('RESTORE_FAILED', (error as Error).message);
    }
    report('替换数据库', 1, 1);
    return { restoredFrom: source, safetyCopy: safety.file };
  });
}

/**
 * A laptop of a zone restores only a backup of the same zone: another zone's (or a demo
 * database's) would mix its data into every office's with the next sync file. A laptop alone in
 * its solo zone may restore any.
 */
function checkSameZone(app: AppDatabase, backup: string): void {
  const ours = zoneOf(app.sqlite);
  if (ours.kind === 'solo') return;
  const db = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    const meta = (key: string) =>
      (db.prepare('SELECT value FROM sync_meta WHERE key = ?').pluck().get(key) as
        string | undefined) ?? null;
    const id = meta('zone_id');
    if (id === ours.id) return;
    const name =
      meta('zone_kind') === 'demo' ? '演示分区' : `「${meta('zone_name') ?? '未加入分区'}」`;
    throw new AppError(
      'ZONE_MISMATCH',
      `备份属于${name}（${(id ?? '—').slice(0, 8)}），本机属于「${ours.name}」（${ours.id.slice(0, 8)}）`,
    );
  } finally {
    db.close();
  }
}

const IMPORTED_PREFIX = 'imported-';

/**
 * Keeps a backup's bytes from the window (a file dropped or chosen there) in the backups folder as
 * imported-<name>-<hash>.sqlite, once they check out as a backup like any other; bytes that do not
 * are deleted and refused. Nothing is replaced here: restoring is backup.restore's, after the
 * window asks. The same bytes again give the same file.
 */
export function importBackupData(
  app: AppDatabase,
  input: { name: string; dataBase64: string; modifiedMs?: number },
): Promise<BackupInfo> {
  return withProgress(app, '导入备份文件', async (report) => {
    report('保存备份文件', 0, 1);
    const bytes = Buffer.from(input.dataBase64, 'base64');
    const dir = backupDir(app);
    const safeName = basename(input.name).replace(/[\\/:*?"<>|\s]+/g, '_') || 'backup.sqlite';
    const stem = basename(safeName, extname(safeName)).slice(0, 80);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    const target = join(dir, `${IMPORTED_PREFIX}${stem}-${hash}.sqlite`);
    if (existsSync(target)) return verifiedBackup(target);
    // Checked under the sender's own name (the refusal names it), in a folder backup.list skips.
    const incoming = join(dir, `.incoming-${randomBytes(6).toString('hex')}`);
    mkdirSync(incoming, { recursive: true });
    const file = join(incoming, safeName);
    try {
      writeFileSync(file, bytes);
      report('校验备份', 0, 1);
      // Lets the window's poll see this phase before the check holds the thread.
      await new Promise((resolve) => setImmediate(resolve));
      verifiedBackup(file);
      renameSync(file, target);
    } finally {
      rmSync(incoming, { recursive: true, force: true });
    }
    const at = new Date(Math.min(input.modifiedMs ?? app.now(), app.now()));
    utimesSync(target, at, at);
    report('校验备份', 1, 1);
    return info(target);
  });
}

export function listBackups(app: AppDatabase): BackupInfo[] {
  const dir = backupDir(app);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.sqlite'));
  } catch {
    return [];
  }
  return names.map((n) => info(join(dir, n))).sort((a, b) => (a.at < b.at ? 1 : -1));
}

export function info(file: string): BackupInfo {
  const stat = statSync(file);
  return { file, bytes: stat.size, at: stat.mtime.toISOString() };
}
