// Snapshot files (docs/sync.md S22): the zone's current data in one file, so that a new laptop (or
// one too far behind) joins without replaying every change. A snapshot is a sync file (same
// framing, sender's signature, encryption under the zone's file key, zone check) whose manifest
// says `snapshot` and whose payload is an image of the maker's database: the synced tables with
// their derived columns, the whole change log (so every change stays verifiable as its origin's
// and relayable), the chains and heads, vectors, conflicts, quarantine, refusals and merge state.
// Local data never leaves: keys, the peer list, the import log, saved views are emptied with
// secure_delete on and the image is vacuumed, so no page still holds them.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import Database from 'better-sqlite3';
import { AppError } from '../../domain/errors';
import type { AppDatabase } from '../app-database';
import { writeFileDurably } from '../durable-file';
import { checkOutputFile, writeFailure } from '../output-file';
import { withProgress } from '../job-progress';
import { SCHEMA_VERSION } from '../migrations/index';
import { previousSiteIds, readMeta, writeMeta } from '../replica-identity';
import { hasherAt, storeBlocks, storeHead } from './chain';
import { encodeFile, readManifest } from './file-format';
import type { ManifestDraft } from './file-format';
import { knownSites, localVector, ownOffice } from './peers';
import { coverNewLaptops } from './rekey';
import { headBody, readRoster, requireRoot, zoneOf } from './zone';
import { signStatement } from './zone-crypto';
import { MIN_READER_SCHEMA } from './versions';
import { APP_VERSION } from './export';

/** Tables of this laptop alone, emptied in the image: the receiver keeps its own. */
export const LOCAL_TABLES = [
  'sync_meta',
  'sync_peer',
  'sync_import_log',
  'sync_import_run',
  'sync_import_touch',
  'zone_key',
  'zone_grant',
  'zone_site',
  'zone_revocation',
  'zone_rekey',
  'saved_view',
  // Which silent peers this laptop's user excluded from compaction (S19): this laptop's choice.
  'sync_excluded',
];

/** Pieces of the image, each gzipped (and later inflated) on the thread pool beside the others. */
const PIECE_BYTES = 4 << 20;
const GZIP_LEVEL = 3;
const gzipAsync = promisify(gzip);

export interface SnapshotResult {
  file: string;
  fileId: string;
  changes: number;
  bytes: number;
  imageBytes: number;
}

/** Signs this laptop's head at its top, so that its own changes in the image are verifiable. */
function signOwnHead(app: AppDatabase): void {
  app.transact((tx) => {
    const top = localVector(tx.sql)[tx.siteId] ?? 0;
    if (top === 0) return;
    const hasher = hasherAt(tx.sql, tx.siteId, top);
    if (!hasher) throw new AppError('EXPORT_FAILED', '本机变更不完整，无法签名');
    const zone = zoneOf(tx.sql.sqlite);
    const state = hasher.state();
    storeBlocks(tx.sql, tx.siteId, hasher.blocks);
    const sig = signStatement('head', headBody(zone.id, tx.siteId, top, state), zone.siteKey);
    storeHead(tx.sql, { origin: tx.siteId, seq: top, state, sig });
  });
}

/** The database image without local data: a consistent copy, its local tables wiped. */
function imageOf(app: AppDatabase, dir: string): Buffer {
  const file = join(dir, 'image.sqlite');
  app.sqlite.prepare('VACUUM INTO ?').run(file);
  const image = new Database(file);
  try {
    image.pragma('secure_delete = ON');
    image.transaction(() => {
      for (const table of LOCAL_TABLES) image.exec(`DELETE FROM ${table}`);
      // The rules the rows' derived columns were computed by: a receiver on other rules (the same
      // migrations, another release) recomputes them after the load.
      writeMeta(image, 'derived_version', readMeta(app.sqlite, 'derived_version') ?? '');
    })();
    image.exec('VACUUM');
  } finally {
    image.close();
  }
  return readFileSync(file);
}

/** Writes a snapshot of this laptop's zone data to `out`. */
export async function makeSnapshot(
  app: AppDatabase,
  input: { out: string; passphrase?: string },
): Promise<SnapshotResult> {
  checkOutputFile(app.file, input.out);
  // Laptops take a snapshot only from a 本部 laptop (snapshot-open.ts): refused here, not there.
  requireRoot(zoneOf(app.sqlite));
  return writeSnapshot(app, input);
}

/**
 * The snapshot itself, whichever laptop writes it: receivers must refuse one an office laptop (or
 * a changed program) made, and tests make one so.
 */
export function writeSnapshot(
  app: AppDatabase,
  input: { out: string; passphrase?: string },
): Promise<SnapshotResult> {
  return withProgress(app, '制作快照', async (report) => {
    const createdAt = new Date(app.now());
    report('读取数据', 0, 0);
    app.transact((tx) => coverNewLaptops(tx.sql, createdAt.toISOString()));
    signOwnHead(app);
    const { draft, zone, changes } = app.transact(
      (tx) => {
        const zone = zoneOf(tx.sql.sqlite);
        const changes = tx.sql.prepare('SELECT count(*) FROM sync_change').pluck().get() as number;
        const draft: ManifestDraft = {
          fileId: randomUUID(),
          zone: { id: zone.id, name: zone.name, kind: zone.kind },
          sender: { siteId: tx.siteId, office: ownOffice(tx.sql) },
          replaces: previousSiteIds(tx.sql.sqlite).slice(-20),
          app: { version: APP_VERSION },
          schemaVersion: SCHEMA_VERSION,
          minReaderSchema: Math.max(MIN_READER_SCHEMA, SCHEMA_VERSION),
          createdAt: createdAt.toISOString(),
          vector: localVector(tx.sql),
          sites: knownSites(tx.sql, tx.siteId),
          forSite: null,
          forOffice: null,
          full: true,
          segments: [],
          roster: readRoster(tx.sql),
        };
        return { draft, zone, changes };
      },
      { write: false },
    );
    const dir = mkdtempSync(join(tmpdir(), 'zs-snapshot-'));
    try {
      report('复制数据库', 0, 0);
      const image = imageOf(app, dir);
      report('压缩并加密', 0, 0);
      const members: Promise<Buffer>[] = [];
      for (let at = 0; at < image.length; at += PIECE_BYTES) {
        members.push(gzipAsync(image.subarray(at, at + PIECE_BYTES), { level: GZIP_LEVEL }));
      }
      const gzipped = await Promise.all(members);
      draft.snapshot = {
        changes,
        schemaVersion: SCHEMA_VERSION,
        pieceBytes: PIECE_BYTES,
        pieces: gzipped.map((m) => m.length),
      };
      const payload = { gzipped: Buffer.concat(gzipped), rawBytes: image.length, changes: 0 };
      const { bytes, manifest } = await encodeFile(draft, payload, {
        zoneKey: zone.key,
        epoch: zone.epoch,
        signKey: zone.siteKey,
        passphrase: input.passphrase,
      });
      report('写入文件', 0, 0);
      try {
        writeFileDurably(input.out, bytes);
      } catch (error) {
        // Nothing was renamed over the target: whatever was there stays.
        throw new AppError('EXPORT_FAILED', writeFailure(error));
      }
      try {
        const written = readFileSync(input.out);
        if (!written.equals(bytes) || readManifest(written).manifest.fileId !== manifest.fileId) {
          throw new Error('读回的内容与写入的不同');
        }
      } catch (error) {
        rmSync(input.out, { force: true });
        throw new AppError('EXPORT_FAILED', (error as Error).message);
      }
      return {
        file: input.out,
        fileId: manifest.fileId,
        changes,
        bytes: bytes.length,
        imageBytes: image.length,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
