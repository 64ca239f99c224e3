// Who this replica is (docs/sync.md, "Identity"): a random site id in the database, and beside it,
// outside the database, a file with the install id, the machine it belongs to and the highest
// sequence number this replica has reserved. The file is written and fsynced before the commit of
// every transaction that takes new sequence numbers. A database that arrives without its file, with
// another install's or site's file, on another machine (a copied or roaming user-data folder), or
// behind its reserved mark (a restored copy, or a commit that never happened) takes a new site id,
// so sequence numbers are never reused; the old id stays an ordinary origin in the change log.
import { existsSync, readFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { arch, hostname, platform } from 'node:os';
import type Database from 'better-sqlite3';
import { writeFileDurably } from './durable-file';

export function readMeta(sqlite: Database.Database, key: string): string | undefined {
  const row = sqlite.prepare('SELECT value FROM sync_meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

/** The site ids this database had before it took its present one (S2), oldest first. */
export function previousSiteIds(sqlite: Database.Database): string[] {
  const previous = readMeta(sqlite, 'previous_site_ids');
  return previous ? previous.split(',') : [];
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
  /** The highest seq reserved: written before the commit that uses it. */
  seq: number;
  /** The machine this install lives on (machineId()); absent in files of older versions. */
  machine?: string;
}

/** This machine, as far as a copied folder can tell: host name, OS and, on Linux, its machine id. */
export function machineId(): string {
  let id = '';
  for (const file of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
    try {
      id = readFileSync(file, 'utf8').trim();
      if (id) break;
    } catch {
      // not on this system
    }
  }
  return createHash('sha256')
    .update(`${hostname()}\n${platform()}\n${arch()}\n${id}`)
    .digest('hex')
    .slice(0, 32);
}

function readIdentityFile(file: string): IdentityFile | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<IdentityFile>;
    if (typeof parsed.installId === 'string' && typeof parsed.siteId === 'string') {
      return {
        installId: parsed.installId,
        siteId: parsed.siteId,
        seq: Number(parsed.seq) || 0,
        ...(typeof parsed.machine === 'string' ? { machine: parsed.machine } : {}),
      };
    }
  } catch {
    // unreadable: treated as missing, which at worst costs a fresh site id
  }
  return undefined;
}

/**
 * Records the high-water mark, written durably (durable-file.ts), so it is never torn and survives
 * a power cut that the commit after it survives.
 */
export function writeIdentityFile(file: string, identity: IdentityFile): void {
  writeFileDurably(
    file,
    JSON.stringify({ ...identity, machine: identity.machine ?? machineId() }) + '\n',
  );
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
      (file.machine !== undefined && file.machine !== machineId()) ||
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
      machine: machineId(),
    });
  }
  return siteId;
}
