// Backups of the whole database with SQLite's online backup (consistent while the app keeps
// working), each checked by opening it before it counts. A daily automatic copy is kept for a week.
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
import { zoneOf } from '../sync/zone';
import { migrationNames } from '../migrations/index';
import { backupDir } from './backup-dir';

export { backupDir };

const AUTO_PREFIX = 'auto-';
const KEEP_AUTO = 7;

/** Copies the live database to `file` (default: a dated file in the backups folder). */
export async function createBackup(app: AppDatabase, file?: string): Promise<BackupInfo> {
  if (app.file === ':memory:') throw new AppError('BACKUP_FAILED', '内存数据库无法备份');
  const target = file ?? join(backupDir(app), `${format(new Date(), 'yyyyMMdd-HHmmss')}.sqlite`);
  mkdirSync(dirname(target), { recursive: true });
  try {
    await app.sqlite.backup(target);
    singleFile(target);
    return verifiedBackup(target);
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
export async function restoreBackup(
  app: AppDatabase,
  file: string,
): Promise<{ restoredFrom: string; safetyCopy: string }> {
  const source = verifiedBackup(file).file;
  checkSameZone(app, source);
  const stamp = format(new Date(), 'yyyyMMdd-HHmmss');
  const safety = await createBackup(app, join(backupDir(app), `pre-restore-${stamp}.sqlite`));
  try {
    await app.replaceWith(source);
  } catch (error) {
    await app.replaceWith(safety.file);
    throw new AppError('RESTORE_FAILED', (error as Error).message);
  }
  return { restoredFrom: source, safetyCopy: safety.file };
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
): BackupInfo {
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
    verifiedBackup(file);
    renameSync(file, target);
  } finally {
    rmSync(incoming, { recursive: true, force: true });
  }
  const at = new Date(Math.min(input.modifiedMs ?? app.now(), app.now()));
  utimesSync(target, at, at);
  return verifiedBackup(target);
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

/** Once a day: a copy named auto-YYYYMMDD.sqlite; the week's newest seven are kept. */
export async function dailyBackup(
  app: AppDatabase,
  today: Date = new Date(),
): Promise<BackupInfo | null> {
  const dir = backupDir(app);
  const name = `${AUTO_PREFIX}${format(today, 'yyyyMMdd')}.sqlite`;
  const autos = listBackups(app).filter((b) => basename(b.file).startsWith(AUTO_PREFIX));
  const made = autos.some((b) => basename(b.file) === name)
    ? null
    : await createBackup(app, join(dir, name));
  const all = listBackups(app)
    .filter((b) => basename(b.file).startsWith(AUTO_PREFIX))
    .sort((a, b) => (basename(a.file) < basename(b.file) ? 1 : -1));
  for (const old of all.slice(KEEP_AUTO)) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(old.file + suffix, { force: true });
  }
  return made;
}

function info(file: string): BackupInfo {
  const stat = statSync(file);
  return { file, bytes: stat.size, at: stat.mtime.toISOString() };
}
