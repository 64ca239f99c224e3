// Who this replica is (SYNC.md S2): a random site id in the database, and beside it, outside the
// database, a file with the install id and the highest sequence number this replica has written.
// A database that arrives without its file, with another install's or site's file, or behind its own
// high-water mark was copied or restored: it takes a new site id so sequence numbers are never reused, and the
// old id stays an ordinary origin in the change log.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

export function readMeta(sqlite: Database.Database, key: string): string | undefined {
  const row = sqlite.prepare('SELECT value FROM sync_meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

export function writeMeta(sqlite: Database.Database, key: string, value: string): void {
  sqlite
    .prepare(
      'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(key, value);
}

export function ownSeq(sqlite: Database.Database, siteId: string): number {
  const row = sqlite.prepare('SELECT max_seq FROM sync_vv WHERE origin = ?').get(siteId) as
    { max_seq: number } | undefined;
  return row?.max_seq ?? 0;
}

interface IdentityFile {
  installId: string;
  siteId: string;
  seq: number;
}

function readIdentityFile(file: string): IdentityFile | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<IdentityFile>;
    if (typeof parsed.installId === 'string' && typeof parsed.siteId === 'string') {
      return { installId: parsed.installId, siteId: parsed.siteId, seq: Number(parsed.seq) || 0 };
    }
  } catch {
    // unreadable: treated as missing, which at worst costs a fresh site id
  }
  return undefined;
}

/** Records the high-water mark; written to a temporary name and renamed, so it is never torn. */
export function writeIdentityFile(file: string, identity: IdentityFile): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(identity) + '\n');
  renameSync(`${file}.tmp`, file);
}

/** Returns the site id to use, rotating it when the database is not where this install left it. */
export function ensureSiteId(sqlite: Database.Database, identityFile?: string): string {
  const file = identityFile ? readIdentityFile(identityFile) : undefined;
  let siteId = readMeta(sqlite, 'site_id');
  const installId = readMeta(sqlite, 'install_id');
  const moved =
    siteId !== undefined &&
    identityFile !== undefined &&
    (file === undefined ||
      file.installId !== installId ||
      file.siteId !== siteId ||
      file.seq > ownSeq(sqlite, siteId));
  if (siteId === undefined || moved) {
    if (siteId !== undefined) {
      const previous = readMeta(sqlite, 'previous_site_ids');
      writeMeta(sqlite, 'previous_site_ids', previous ? `${previous},${siteId}` : siteId);
    }
    siteId = randomBytes(8).toString('hex');
    writeMeta(sqlite, 'site_id', siteId);
  }
  const newInstallId = file?.installId ?? installId ?? randomBytes(16).toString('hex');
  writeMeta(sqlite, 'install_id', newInstallId);
  if (identityFile) {
    writeIdentityFile(identityFile, {
      installId: newInstallId,
      siteId,
      seq: ownSeq(sqlite, siteId),
    });
  }
  return siteId;
}
