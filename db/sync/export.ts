// Export (docs/sync.md S9-S12): every change, from every origin, above the vector the peer last
// acknowledged (or all of them), written to a temporary name, flushed, renamed, read back and
// verified before it counts. The file is named who-to-whom-when: 上海-to-本部-20210612-1530.zsync.
// The export is the job 导出同步文件 for the progress poll (job-progress.ts): 读取变更 (one read
// transaction), 压缩 / 压缩并加密 N 条变更 (off the main thread), 写入文件, 校验文件.
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'date-fns';
import { AppError } from '../../domain/errors';
import type { SyncExportResult } from '../../domain/sync';
import type { AppDatabase } from '../app-database';
import type { Sql } from '../sql';
import { writeFileDurably } from '../durable-file';
import { checkOutputFile, writeFailure } from '../output-file';
import { withProgress } from '../job-progress';
import type { ReportProgress } from '../job-progress';
import { SCHEMA_VERSION } from '../migrations/index';
import { FILE_EXTENSION, PayloadCompressor, encodeFileTo, readManifestOfFile } from './file-format';
import type { ManifestDraft, Segment } from './file-format';
import { BLOCK, ChainHasher, blockStart, chainAtBlock, headWithin, storeBlocks } from './chain';
import { writePayload } from './export-payload';
import type { PayloadRange } from './export-payload';
import { checkNotCompacted } from './archive';
import { coverNewLaptops } from './rekey';
import { headBody, readRoster, zoneOf } from './zone';
import type { Zone } from './zone';
import { signStatement } from './zone-crypto';
import { previousSiteIds } from '../replica-identity';
import { exportTarget, knownSites, localVector, ownOffice, recordFileOut } from './peers';
import type { Vector } from './peers';
import { MIN_READER_SCHEMA } from './versions';

export const APP_VERSION = '0.1.0';

export interface ExportInput {
  /** A file path, or an existing folder to put the file named per S12 into. */
  out: string;
  for?: string;
  full?: boolean;
  passphrase?: string;
}

export interface ExportOptions {
  /** Lower only in tests: a payload of many gzip members. */
  pieceBytes?: number;
}

interface Snapshot {
  draft: ManifestDraft;
  /** The payload, being gzipped on the thread pool piece by piece as it was read. */
  compressor: PayloadCompressor;
  siteIds: string[];
  zone: Zone;
  /** Chains of this replica's own blocks computed on the way, kept for the next export. */
  ownBlocks: [number, Buffer][];
}

/** The S12 name: sender office, `to-` peer office (or 全量 for a full export), local time to the minute. */
export function exportFileName(from: string | null, to: string | null, at: Date): string {
  const clean = (name: string | null, fallback: string) =>
    (name ?? fallback).replace(/[\\/:*?"<>|\s]+/g, '_');
  const whom = to === null ? '全量' : `to-${clean(to, '')}`;
  return `${clean(from, '未设置驻点')}-${whom}-${format(at, 'yyyyMMdd-HHmm')}${FILE_EXTENSION}`;
}

export function suggestedName(app: AppDatabase, input: { for?: string; full?: boolean }): string {
  return app.transact(
    (tx) => {
      const to = input.for && !input.full ? exportTarget(tx.sql, input.for).office : null;
      return exportFileName(ownOffice(tx.sql), to, new Date(app.now()));
    },
    { write: false },
  );
}

/** Revoked laptops: their changes up to this seq are kept and relayed, later ones never. */
function revokedUpTo(sql: Sql): Map<string, number> {
  const rows = sql.prepare('SELECT site_id, last_seq FROM zone_revocation').raw().all() as [
    string,
    number,
  ][];
  return new Map(rows);
}

/**
 * What a file for a peer that holds `vector` carries of each origin: from the block start below
 * the first seq it lacks, up to the highest head that vouches for them (this replica signs its own
 * at its top). An origin whose chain cannot be shown here (changes from before the zone that
 * 本部 never vouched for) is left out.
 */
function planSegments(sql: Sql, zone: Zone, siteId: string, vector: Vector) {
  const held = localVector(sql);
  const revoked = revokedUpTo(sql);
  const ranges: PayloadRange[] = [];
  const segments: (Segment | (() => Segment))[] = [];
  for (const [origin, top] of Object.entries(held)) {
    const upTo = Math.min(top, revoked.get(origin) ?? Infinity);
    const known = Math.min(vector[origin] ?? 0, upTo);
    if (upTo <= known) continue;
    const from = blockStart(known + 1);
    checkNotCompacted(sql, origin, from, () => knownSites(sql, siteId)[origin] ?? origin);
    const prefix = chainAtBlock(sql, origin, (from - 1) / BLOCK);
    if (!prefix) continue;
    if (origin === siteId) {
      const hasher = new ChainHasher(prefix, from - 1);
      ranges.push({ origin, from, to: upTo, hasher });
      // Signed once the payload writer has hashed the lines.
      segments.push(() => {
        const state = hasher.state();
        const sig = signStatement('head', headBody(zone.id, origin, upTo, state), zone.siteKey);
        return {
          origin,
          from,
          to: upTo,
          prefix: prefix.toString('hex'),
          state: state.toString('hex'),
          sig,
        };
      });
      continue;
    }
    const head = headWithin(sql, origin, known + 1, upTo);
    if (!head) continue;
    ranges.push({ origin, from, to: head.seq });
    segments.push({
      origin,
      from,
      to: head.seq,
      prefix: prefix.toString('hex'),
      state: head.state.toString('hex'),
      sig: head.sig,
    });
  }
  return { ranges, segments, held };
}

function snapshot(
  app: AppDatabase,
  input: ExportInput,
  createdAt: Date,
  pieceBytes?: number,
): Snapshot {
  return app.transact(
    (tx) => {
      const full = input.full === true || input.for === undefined;
      const target = full
        ? { vector: {}, siteIds: [], office: null }
        : exportTarget(tx.sql, input.for!);
      const zone = zoneOf(tx.sql.sqlite);
      const plan = planSegments(tx.sql, zone, tx.siteId, target.vector);
      const compressor = new PayloadCompressor();
      writePayload(tx.sql, plan.ranges, (piece, n) => compressor.add(piece, n), pieceBytes);
      // The vector states only what the segments show: nothing above a head left out.
      const vector: Vector = {};
      for (const [origin, seq] of Object.entries(plan.held)) vector[origin] = seq;
      const draft: ManifestDraft = {
        fileId: randomUUID(),
        zone: { id: zone.id, name: zone.name, kind: zone.kind },
        sender: { siteId: tx.siteId, office: ownOffice(tx.sql) },
        replaces: previousSiteIds(tx.sql.sqlite).slice(-20),
        app: { version: APP_VERSION },
        schemaVersion: SCHEMA_VERSION,
        minReaderSchema: MIN_READER_SCHEMA,
        createdAt: createdAt.toISOString(),
        vector,
        sites: knownSites(tx.sql, tx.siteId),
        forSite: target.siteIds.length === 1 ? target.siteIds[0]! : null,
        forOffice: target.office,
        full,
        segments: plan.segments.map((s) => (typeof s === 'function' ? s() : s)),
        roster: readRoster(tx.sql),
      };
      const own = plan.ranges.find((r) => r.origin === tx.siteId)?.hasher?.blocks ?? [];
      return { draft, compressor, siteIds: target.siteIds, zone, ownBlocks: own };
    },
    { write: false },
  );
}

export function exportFile(
  app: AppDatabase,
  input: ExportInput,
  options: ExportOptions = {},
): Promise<SyncExportResult> {
  return withProgress(app, '导出同步文件', (report) => exportReported(app, input, options, report));
}

async function exportReported(
  app: AppDatabase,
  input: ExportInput,
  options: ExportOptions,
  report: ReportProgress,
): Promise<SyncExportResult> {
  if (!isFolder(input.out)) checkOutputFile(app.file, input.out);
  const createdAt = new Date(app.now());
  // The changes are read at once, in one read transaction (what the call saw); writing and checking
  // the file are synchronous too, so a waiting poll is answered before they start.
  report('读取变更', 0, 0);
  // At 本部, a laptop it knows that lacks the newest file key gets it with this file's roster.
  app.transact((tx) => coverNewLaptops(tx.sql, createdAt.toISOString()));
  const { draft, compressor, siteIds, zone, ownBlocks } = snapshot(
    app,
    input,
    createdAt,
    options.pieceBytes,
  );
  const count = compressor.changes.toLocaleString('zh-CN');
  report(`${input.passphrase === undefined ? '压缩' : '压缩并加密'} ${count} 条变更`, 0, 0);
  const encoded = await encodeFileTo(draft, await compressor.finish(), {
    zoneKey: zone.key,
    epoch: zone.epoch,
    signKey: zone.siteKey,
    passphrase: input.passphrase,
  });
  const file = resolveTarget(
    input.out,
    exportFileName(draft.sender.office, draft.forOffice, createdAt),
  );
  const { manifest } = encoded;
  report('写入文件', 0, 0);
  await nextTurn();
  // Written as it is encrypted, so no buffer of the whole file is made.
  let built: Buffer | undefined;
  writeDurably(file, (write) => (built = encoded.emit(write)));
  report('校验文件', 0, 0);
  try {
    // What is on disk must be exactly what was built, and its framing and hash must check out
    // (the decoder the importer uses), read back in pieces: the hash of everything before the tail,
    // taken from the disk, must be the one taken while writing. Decoding every change again would
    // only re-test the encoder.
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size !== encoded.bytes) throw new Error('读回的内容与写入的不同');
      const { manifest: read } = readManifestOfFile(fd, size);
      const tail = Buffer.alloc(32);
      readSync(fd, tail, 0, 32, size - tail.length - 8);
      if (!built || !tail.equals(built)) throw new Error('读回的内容与写入的不同');
      if (read.fileId !== manifest.fileId) throw new Error('清单不符');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(file, { force: true });
    throw new AppError('EXPORT_FAILED', `写入后校验失败：${(error as Error).message}`);
  }
  app.transact((tx) => {
    storeBlocks(tx.sql, tx.siteId, ownBlocks);
    if (siteIds.length) recordFileOut(tx.sql, siteIds, file, createdAt.toISOString());
  });
  return {
    file,
    fileId: manifest.fileId,
    changes: manifest.changes,
    bytes: encoded.bytes,
    encrypted: true,
    forSite: manifest.forSite,
    forOffice: manifest.forOffice,
  };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A folder gets the S12 name inside it (made unique); anything else is the file path itself. */
const isFolder = (out: string) => existsSync(out) && statSync(out).isDirectory();

function resolveTarget(out: string, name: string): string {
  if (!isFolder(out)) return out;
  let file = join(out, name);
  for (let n = 2; existsSync(file); n += 1) {
    file = join(out, name.replace(FILE_EXTENSION, `-${n}${FILE_EXTENSION}`));
  }
  return file;
}

/** A crash leaves no half file (durable-file.ts); a failed write is an EXPORT_FAILED. */
function writeDurably(file: string, bytes: Parameters<typeof writeFileDurably>[1]): void {
  try {
    writeFileDurably(file, bytes);
  } catch (error) {
    throw new AppError('EXPORT_FAILED', writeFailure(error));
  }
}
