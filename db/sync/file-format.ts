// The sync file (SYNC.md S10, S11): magic, format version, JSON manifest, payload (gzipped NDJSON,
// optionally AES-256-GCM encrypted with a scrypt key and the manifest as associated data), a SHA-256
// of everything before it and an end marker. Decoding checks integrity before anything else, so a
// damaged file (FILE_TRUNCATED, FILE_CORRUPT) is never mistaken for a wrong passphrase.
//
//   "ZSYNC\0\r\n" | u16 version | u32 manifest length | manifest | u64 payload length | payload |
//   sha256 (32 bytes) | "ZSYNCEND"
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import type { TransformOptions } from 'node:stream';
import { createGunzip, gzip } from 'node:zlib';
import type { ZlibOptions } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import type { ErrorCode } from '../../domain/errors';
import type { ReportProgress } from '../task-progress';
import { ChangeShapeError, decodeChange } from './change-codec';
import type { Change } from './change-codec';

export const FORMAT_VERSION = 1;
export const FILE_EXTENSION = '.zsync';
const MAGIC = Buffer.from('ZSYNC\0\r\n', 'latin1');
const END = Buffer.from('ZSYNCEND', 'latin1');
const HEAD = MAGIC.length + 2 + 4;
const TAIL = 32 + END.length;
/** Caps that keep a hostile or broken file from exhausting memory. */
export const MAX_FILE_BYTES = 1 << 30;
const MAX_RAW_BYTES = 2 ** 31 - 1;
const MAX_MANIFEST_BYTES = 1 << 20;

/** scrypt cost: N = 2^17 takes about a second here; a file may say less, never more than 2^20. */
export const DEFAULT_SCRYPT_LOG_N = 17;
const SCRYPT_R = 8;
const SCRYPT_P = 1;

const site = z.string().regex(/^[0-9a-f]{16}$/);
const vector = z.record(site, z.number().int().nonnegative());
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const manifestSchema = z.strictObject({
  fileId: z.string().min(1).max(100),
  sender: z.strictObject({ siteId: site, office: z.string().max(100).nullable() }),
  app: z.strictObject({ version: z.string().max(50) }),
  schemaVersion: z.number().int().positive(),
  minReaderSchema: z.number().int().positive(),
  createdAt: z.string().max(40),
  /** The sender's version vector: what it holds of each origin (S9). */
  vector,
  /** Office names of the sites the sender knows, for messages about relayed changes. */
  sites: z.record(site, z.string().max(100)),
  forSite: site.nullable(),
  forOffice: z.string().max(100).nullable(),
  full: z.boolean(),
  changes: z.number().int().nonnegative(),
  payload: z.strictObject({
    compression: z.literal('gzip'),
    bytes: z.number().int().nonnegative(),
    rawBytes: z.number().int().nonnegative().max(MAX_RAW_BYTES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  encryption: z
    .strictObject({
      kdf: z.literal('scrypt'),
      logN: z.number().int().min(10).max(20),
      r: z.number().int().min(1).max(16),
      p: z.number().int().min(1).max(4),
      salt: base64,
      cipher: z.literal('aes-256-gcm'),
      iv: base64,
    })
    .nullable(),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestDraft = Omit<Manifest, 'payload' | 'encryption' | 'changes'>;

const gzipAsync = promisify(gzip);
const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

function deriveKey(passphrase: string, e: NonNullable<Manifest['encryption']>): Promise<Buffer> {
  const N = 2 ** e.logN;
  return scryptAsync(passphrase.normalize('NFC'), Buffer.from(e.salt, 'base64'), 32, {
    N,
    r: e.r,
    p: e.p,
    maxmem: 256 * N * e.r + (1 << 20),
  });
}

const sha256 = (...parts: Buffer[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

export interface EncodeOptions {
  passphrase?: string;
  /** Lower only in tests: scrypt at full cost takes about a second per file. */
  scryptLogN?: number;
}

/** Level 3: about a third of level 6's time for a slightly larger file. */
const GZIP_LEVEL = 3;

/** The payload already gzipped (PayloadCompressor), with its inflated size and number of lines. */
export interface GzippedPayload {
  gzipped: Buffer;
  rawBytes: number;
  changes: number;
}

/**
 * Gzips a payload piece by piece while the caller builds the next piece: each piece becomes a gzip
 * member of its own, handed to the thread pool at once, so most of its compression happens while
 * the caller is still busy (each member finishes on a later turn of the event loop). Members one
 * after another are a valid gzip stream (RFC 1952); Node's gunzip, and so every version of this app,
 * reads them as one.
 */
export class PayloadCompressor {
  private readonly members: Promise<Buffer>[] = [];
  private rawBytes = 0;
  /** Lines added so far. */
  changes = 0;

  /** `piece` holds whole lines and must not change afterwards. */
  add(piece: Buffer, changes: number): void {
    if (piece.length === 0) return;
    this.rawBytes += piece.length;
    this.changes += changes;
    // One output chunk the size of the piece: NDJSON shrinks, so a member fits it.
    const chunkSize = Math.max(64 * 1024, piece.length + 1024);
    const member = gzipAsync(piece, { level: GZIP_LEVEL, chunkSize });
    // Should the caller fail before finish(), a failed member is not an unhandled rejection.
    member.catch(() => undefined);
    this.members.push(member);
  }

  async finish(): Promise<GzippedPayload> {
    const members = await Promise.all(this.members);
    // An empty payload is still one (empty) gzip member.
    const gzipped = members.length
      ? Buffer.concat(members)
      : await gzipAsync(Buffer.alloc(0), { level: GZIP_LEVEL });
    return { gzipped, rawBytes: this.rawBytes, changes: this.changes };
  }
}

function gzipLines(lines: string[]): Promise<GzippedPayload> {
  const compressor = new PayloadCompressor();
  compressor.add(Buffer.from(lines.map((line) => line + '\n').join(''), 'utf8'), lines.length);
  return compressor.finish();
}

/**
 * Builds a whole file from the manifest draft and the changes, in (origin, seq) order: their lines,
 * or the payload gzipped already (PayloadCompressor).
 */
export async function encodeFile(
  draft: ManifestDraft,
  lines: string[] | GzippedPayload,
  options: EncodeOptions = {},
): Promise<{ bytes: Buffer; manifest: Manifest }> {
  const {
    gzipped: compressed,
    rawBytes,
    changes,
  } = Array.isArray(lines) ? await gzipLines(lines) : lines;
  let encryption: Manifest['encryption'] = null;
  let key: Buffer | undefined;
  if (options.passphrase !== undefined) {
    encryption = {
      kdf: 'scrypt',
      logN: options.scryptLogN ?? DEFAULT_SCRYPT_LOG_N,
      r: SCRYPT_R,
      p: SCRYPT_P,
      salt: randomBytes(16).toString('base64'),
      cipher: 'aes-256-gcm',
      iv: randomBytes(12).toString('base64'),
    };
    key = await deriveKey(options.passphrase, encryption);
  }
  // The manifest is the cipher's associated data, so it is fixed first: GCM adds exactly a 16-byte
  // tag, and the payload hash is that of the gzip bytes (checked after decryption when encrypted).
  const manifest: Manifest = {
    ...draft,
    changes,
    payload: {
      compression: 'gzip',
      bytes: compressed.length + (key ? 16 : 0),
      rawBytes,
      sha256: sha256(compressed).toString('hex'),
    },
    encryption,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  let payload = compressed;
  if (key && encryption) {
    const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(encryption.iv, 'base64'));
    cipher.setAAD(manifestBytes);
    payload = Buffer.concat([cipher.update(compressed), cipher.final(), cipher.getAuthTag()]);
  }
  return { bytes: assemble(manifestBytes, payload), manifest };
}

function assemble(manifestBytes: Buffer, payload: Buffer): Buffer {
  const head = Buffer.alloc(HEAD);
  MAGIC.copy(head, 0);
  head.writeUInt16BE(FORMAT_VERSION, MAGIC.length);
  head.writeUInt32BE(manifestBytes.length, MAGIC.length + 2);
  const payloadLength = Buffer.alloc(8);
  payloadLength.writeBigUInt64BE(BigInt(payload.length));
  const body = Buffer.concat([head, manifestBytes, payloadLength, payload]);
  return Buffer.concat([body, sha256(body), END]);
}

const reject = (code: ErrorCode, detail?: string): never => {
  throw new AppError(code, detail);
};

/** The manifest of a file whose framing and hash are intact; no passphrase needed. */
export function readManifest(bytes: Buffer): {
  manifest: Manifest;
  manifestBytes: Buffer;
  payload: Buffer;
} {
  if (bytes.length > MAX_FILE_BYTES) reject('FILE_TOO_LARGE');
  const magicSeen = bytes.subarray(0, MAGIC.length);
  if (!magicSeen.equals(MAGIC.subarray(0, magicSeen.length))) reject('NOT_SYNC_FILE');
  if (bytes.length < HEAD) reject('FILE_TRUNCATED');
  const manifestLength = bytes.readUInt32BE(MAGIC.length + 2);
  const ended = bytes.length >= HEAD + END.length && bytes.subarray(-END.length).equals(END);
  // A file cut short lacks its end marker; one with the marker but wrong lengths is damaged.
  const short = (declared: number) =>
    reject(!ended && declared > bytes.length ? 'FILE_TRUNCATED' : 'FILE_CORRUPT');
  if (manifestLength > MAX_MANIFEST_BYTES) short(Infinity);
  if (HEAD + manifestLength + 8 + TAIL > bytes.length) short(HEAD + manifestLength + 8 + TAIL);
  const payloadLength = Number(bytes.readBigUInt64BE(HEAD + manifestLength));
  const total = HEAD + manifestLength + 8 + payloadLength + TAIL;
  if (total !== bytes.length) short(total);
  if (!ended) reject('FILE_CORRUPT');
  const body = bytes.subarray(0, bytes.length - TAIL);
  if (!sha256(body).equals(bytes.subarray(body.length, body.length + 32))) reject('FILE_CORRUPT');
  const version = bytes.readUInt16BE(MAGIC.length);
  if (version > FORMAT_VERSION) reject('NEEDS_UPGRADE', `文件格式版本 ${version}`);
  if (version < 1) reject('FILE_CORRUPT');
  const manifestBytes = bytes.subarray(HEAD, HEAD + manifestLength);
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  } catch {
    return reject('FILE_CORRUPT', '清单格式错误');
  }
  const payload = bytes.subarray(
    HEAD + manifestLength + 8,
    HEAD + manifestLength + 8 + payloadLength,
  );
  if (manifest.payload.bytes !== payload.length) reject('FILE_CORRUPT', '数据长度与清单不符');
  return { manifest, manifestBytes, payload };
}

export interface DecodedFile {
  manifest: Manifest;
  changes: Change[];
}

/**
 * Checks and decodes a whole file: framing, hash, manifest, reader schema, passphrase, gunzip
 * within the declared size, every change's shape, order and count. Throws AppError; writes nothing.
 * `report` hears the phases (解密, 解压, 校验变更 n/N); between chunks of changes it yields to the
 * event loop, so a progress poll is answered while a large file is checked.
 */
export async function decodeFile(
  bytes: Buffer,
  options: { passphrase?: string; schemaVersion: number; report?: ReportProgress },
): Promise<DecodedFile> {
  const report: ReportProgress = options.report ?? (() => undefined);
  const { manifest, manifestBytes, payload } = readManifest(bytes);
  if (manifest.minReaderSchema > options.schemaVersion) {
    reject(
      'NEEDS_UPGRADE',
      `需要数据库版本 ${manifest.minReaderSchema}，本机为 ${options.schemaVersion}`,
    );
  }
  let compressed = payload;
  if (manifest.encryption) {
    if (options.passphrase === undefined) reject('PASSPHRASE_REQUIRED');
    const e = manifest.encryption;
    report('解密', 0, 0);
    const key = await deriveKey(options.passphrase!, e);
    if (payload.length < 16) reject('FILE_CORRUPT');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(e.iv, 'base64'));
      decipher.setAAD(manifestBytes);
      decipher.setAuthTag(payload.subarray(-16));
      compressed = Buffer.concat([decipher.update(payload.subarray(0, -16)), decipher.final()]);
    } catch {
      // The file's hash matched, so it is intact: a failed tag means another key.
      return reject('BAD_PASSPHRASE');
    }
  }
  if (sha256(compressed).toString('hex') !== manifest.payload.sha256) {
    reject(manifest.encryption ? 'BAD_PASSPHRASE' : 'FILE_CORRUPT');
  }
  const changes = await inflateChanges(compressed, manifest, report);
  if (changes.length !== manifest.changes) {
    reject('FILE_CORRUPT', `变更条数 ${changes.length} 与清单 ${manifest.changes} 不符`);
  }
  return { manifest, changes };
}

/**
 * Inflated pieces of this size: the thread pool inflates the next pieces while this thread decodes
 * the lines of the last one, so gunzip costs almost no time of its own.
 */
const INFLATE_PIECE = 1 << 20;
const INFLATE_AHEAD = 8 * INFLATE_PIECE;

/**
 * The payload's NDJSON lines as changes, strictly increasing in (origin, seq), inflated within the
 * declared size. Between pieces it yields to the event loop and reports 校验变更 n/N.
 */
async function inflateChanges(
  compressed: Buffer,
  manifest: Manifest,
  report: ReportProgress,
): Promise<Change[]> {
  const declared = manifest.changes;
  const cap = manifest.payload.rawBytes;
  report('解压', 0, 0);
  const changes: Change[] = [];
  const options: ZlibOptions & TransformOptions = {
    chunkSize: INFLATE_PIECE,
    readableHighWaterMark: INFLATE_AHEAD,
  };
  const gunzip = createGunzip(options);
  gunzip.end(compressed);
  let inflated = 0;
  /** The start of a line the last piece cut off. */
  let carry: Buffer | null = null;
  try {
    for await (const piece of gunzip as AsyncIterable<Buffer>) {
      inflated += piece.length;
      if (inflated > cap) reject('FILE_CORRUPT', '解压后长度与清单不符');
      const text: Buffer = carry ? Buffer.concat([carry, piece]) : piece;
      const end: number = text.lastIndexOf(0x0a) + 1;
      decodeLines(text.subarray(0, end), changes);
      carry = end < text.length ? text.subarray(end) : null;
      report('校验变更', changes.length, Math.max(declared, changes.length));
    }
  } catch (error) {
    gunzip.destroy();
    if (error instanceof AppError) throw error;
    return reject('FILE_CORRUPT', '数据无法解压');
  }
  if (inflated !== cap) reject('FILE_CORRUPT', '解压后长度与清单不符');
  if (carry) reject('FILE_CORRUPT', '最后一行不完整');
  return changes;
}

/** Decodes whole NDJSON lines onto `changes`, checking their order. */
function decodeLines(text: Buffer, changes: Change[]): void {
  let last = changes.at(-1);
  // One string per line: converting a line alone is several times faster than its part of one
  // string for the whole piece, which is two-byte throughout once any line holds Chinese.
  for (let start = 0; start < text.length;) {
    const end = text.indexOf(0x0a, start);
    const line = text.toString('utf8', start, end);
    start = end + 1;
    const n = changes.length + 1;
    let change: Change;
    try {
      change = decodeChange(line);
    } catch (error) {
      if (error instanceof ChangeShapeError)
        return reject('FILE_CORRUPT', `第 ${n} 条变更：${error.message}`);
      throw error;
    }
    if (
      last &&
      (change.origin < last.origin || (change.origin === last.origin && change.seq <= last.seq))
    ) {
      reject('FILE_CORRUPT', `第 ${n} 条变更顺序错误`);
    }
    changes.push(change);
    last = change;
  }
}
