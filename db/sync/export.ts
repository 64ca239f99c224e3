// Export (SYNC.md S9-S12): every change, from every origin, above the vector the peer last
// acknowledged (or all of them), written to a temporary name, flushed, renamed, read back and
// verified before it counts. The file is named who-to-whom-when: 上海-to-本部-20210612-1530.zsync.
// The export is the task 导出同步文件 for the progress poll (task-progress.ts): 读取变更 (one read
// transaction), 压缩 / 压缩并加密 N 条变更 (off the main thread), 写入文件, 校验文件.
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { format } from 'date-fns';
import { AppError } from '../../domain/errors';
import type { SyncExportResult } from '../../domain/sync';
import type { AppDatabase } from '../app-database';
import type { Sql } from '../sql';
import { withProgress } from '../task-progress';
import type { ReportProgress } from '../task-progress';
import { SCHEMA_VERSION } from '../migrations/index';
import { FILE_EXTENSION, PayloadCompressor, encodeFile, readManifest } from './file-format';
import type { ManifestDraft } from './file-format';
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
  /** Lower only in tests (see file-format.ts). */
  scryptLogN?: number;
  /** Lower only in tests: a payload of many gzip members. */
  pieceBytes?: number;
}

interface Snapshot {
  draft: ManifestDraft;
  /** The payload, being gzipped on the thread pool piece by piece as it was read. */
  compressor: PayloadCompressor;
  siteIds: string[];
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

/**
 * A change's file line (encodeStored, byte for byte: a test checks it), built by SQLite from the
 * stored canonical JSON and handed over as UTF-8 bytes: the payload never becomes JS strings, which
 * cost more than the query itself. The type tags come from json_each in key (= document) order.
 */
const LINE_SQL = `SELECT CAST('[' || json_quote(origin) || ',' || seq || ',' || json_quote(hlc) || ','
    || json_quote(tbl) || ',' || json_quote(row_id) || ',"'
    || coalesce((SELECT string_agg(CASE type WHEN 'text' THEN 's' WHEN 'null' THEN 'n'
         WHEN 'integer' THEN iif(atom BETWEEN -9007199254740991 AND 9007199254740991, 'i', 'r')
         ELSE 'r' END, '' ORDER BY id) FROM json_each(fields)), '')
    || '",' || fields || ',' || prev || ',' || json_quote(author) || ']' || char(10) AS BLOB)
  FROM sync_change WHERE origin = ? AND seq > ? ORDER BY seq`;

/** The payload goes to the compressor in pieces of about this size (whole lines each). */
const PIECE_BYTES = 4 << 20;

/**
 * The NDJSON payload, the lines of the changes above `vector` in (origin, seq) order, handed to
 * `onPiece` in pieces of about `pieceBytes`: each a buffer of whole lines that is not touched
 * again, with its number of lines.
 */
export function writePayloadAbove(
  sql: Sql,
  vector: Vector,
  onPiece: (piece: Buffer, changes: number) => void,
  pieceBytes = PIECE_BYTES,
): void {
  const rows = sql.prepare(LINE_SQL).pluck();
  const origins = sql
    .prepare('SELECT origin FROM sync_vv ORDER BY origin')
    .pluck()
    .all() as string[];
  let piece = Buffer.allocUnsafe(pieceBytes);
  let length = 0;
  let changes = 0;
  for (const origin of origins) {
    for (const line of rows.iterate(origin, vector[origin] ?? 0) as Iterable<Buffer>) {
      if (length + line.length > piece.length) {
        if (length > 0) onPiece(piece.subarray(0, length), changes);
        piece = Buffer.allocUnsafe(Math.max(pieceBytes, line.length));
        length = 0;
        changes = 0;
      }
      length += line.copy(piece, length);
      changes += 1;
    }
  }
  if (length > 0) onPiece(piece.subarray(0, length), changes);
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
      const compressor = new PayloadCompressor();
      writePayloadAbove(tx.sql, target.vector, (piece, n) => compressor.add(piece, n), pieceBytes);
      const draft: ManifestDraft = {
        fileId: randomUUID(),
        sender: { siteId: tx.siteId, office: ownOffice(tx.sql) },
        app: { version: APP_VERSION },
        schemaVersion: SCHEMA_VERSION,
        minReaderSchema: MIN_READER_SCHEMA,
        createdAt: createdAt.toISOString(),
        vector: localVector(tx.sql),
        sites: knownSites(tx.sql, tx.siteId),
        forSite: target.siteIds.length === 1 ? target.siteIds[0]! : null,
        forOffice: target.office,
        full,
      };
      return { draft, compressor, siteIds: target.siteIds };
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
  const createdAt = new Date(app.now());
  // The changes are read at once, in one read transaction (what the call saw); writing and checking
  // the file are synchronous too, so a waiting poll is answered before they start.
  report('读取变更', 0, 0);
  const { draft, compressor, siteIds } = snapshot(app, input, createdAt, options.pieceBytes);
  const count = compressor.changes.toLocaleString('zh-CN');
  report(`${input.passphrase === undefined ? '压缩' : '压缩并加密'} ${count} 条变更`, 0, 0);
  const { bytes, manifest } = await encodeFile(draft, await compressor.finish(), {
    passphrase: input.passphrase,
    scryptLogN: options.scryptLogN,
  });
  const file = resolveTarget(
    input.out,
    exportFileName(draft.sender.office, draft.forOffice, createdAt),
  );
  report('写入文件', 0, 0);
  await nextTurn();
  writeDurably(file, bytes);
  report('校验文件', 0, 0);
  try {
    // What is on disk must be exactly what was built, and its framing and hash must check out
    // (the decoder the importer uses); decoding every change again would only re-test the encoder.
    const written = readFileSync(file);
    if (!written.equals(bytes)) throw new Error('读回的内容与写入的不同');
    if (readManifest(written).manifest.fileId !== manifest.fileId) throw new Error('清单不符');
  } catch (error) {
    rmSync(file, { force: true });
    throw new AppError('EXPORT_FAILED', `写入后校验失败：${(error as Error).message}`);
  }
  if (siteIds.length) {
    app.transact((tx) => recordFileOut(tx.sql, siteIds, file, createdAt.toISOString()));
  }
  return {
    file,
    fileId: manifest.fileId,
    changes: manifest.changes,
    bytes: bytes.length,
    encrypted: manifest.encryption !== null,
    forSite: manifest.forSite,
    forOffice: manifest.forOffice,
  };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A folder gets the S12 name inside it (made unique); anything else is the file path itself. */
function resolveTarget(out: string, name: string): string {
  if (!(existsSync(out) && statSync(out).isDirectory())) return out;
  let file = join(out, name);
  for (let n = 2; existsSync(file); n += 1) {
    file = join(out, name.replace(FILE_EXTENSION, `-${n}${FILE_EXTENSION}`));
  }
  return file;
}

/** Temporary name, write, fsync, rename, fsync the folder: a crash leaves no half file. */
function writeDurably(file: string, bytes: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new AppError('EXPORT_FAILED', (error as Error).message);
  }
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic.
  }
}
