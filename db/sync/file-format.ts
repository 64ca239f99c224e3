// The sync file (docs/sync.md, "Files"): magic, format version, a JSON manifest, the sender's
// signature of the manifest, the payload (gzipped NDJSON, AES-256-GCM encrypted with a key derived
// from the zone key of the epoch the manifest names, and from a passphrase when one is set on top,
// with the manifest as associated data), a SHA-256 of everything before it and an end marker.
// Decoding checks integrity first, so a damaged file (FILE_TRUNCATED, FILE_CORRUPT) is never
// mistaken for a forged one or a wrong passphrase; then the zone, the roster, the sender's
// signature, the epoch's key, the payload and every origin's signed head (chain.ts), all before
// anything is written.
// One file over 400 lines so that the byte layout and every check made on it read in one place;
// the chains (chain.ts), roster (zone.ts) and key wrapping (rekey.ts) live apart.
//
//   "ZSYNC\0\r\n" | u16 version | u32 manifest length | manifest | signature (64 bytes) |
//   u64 payload length | payload | sha256 (32 bytes) | "ZSYNCEND"
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { promisify } from 'node:util';
import type { TransformOptions } from 'node:stream';
import { createGunzip, gzip } from 'node:zlib';
import type { ZlibOptions } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { MAX_SEQ } from '../../domain/sync';

export { MAX_SEQ };
import type { ErrorCode } from '../../domain/errors';
import type { ReportProgress } from '../job-progress';
import { ChangeShapeError, decodeChange } from './change-codec';
import type { Change } from './change-codec';
import { BLOCK, ChainHasher } from './chain';
import type { VerifiedChain } from './chain';
import { keyForEpoch } from './rekey';
import type { Zone, Member } from './zone';
import { headBody, unionRoster, verifyRoster } from './zone';
import { fileKey, signStatement, verifyStatement } from './zone-crypto';
import type { Roster } from './zone-crypto';

/**
 * 3: file key epochs and X25519 keys in the roster; a version 2 file reads as epoch 0.
 * 4: the manifest may name the site ids the sender replaced (`replaces`); older files name none.
 */
export const FORMAT_VERSION = 4;
export const FILE_EXTENSION = '.zsync';
const MAGIC = Buffer.from('ZSYNC\0\r\n', 'latin1');
const END = Buffer.from('ZSYNCEND', 'latin1');
const HEAD = MAGIC.length + 2 + 4;
const SIG = 64;
const TAIL = 32 + END.length;
/** Caps that keep a hostile or broken file from exhausting memory or time. */
export const MAX_FILE_BYTES = 1 << 30;
/** The inflated payload: about 3.5 million changes of today's average size. */
export const MAX_RAW_BYTES = 1 << 30;
/** One change: every field at its form cap fits several times over. */
export const MAX_LINE_BYTES = 1 << 20;
const MAX_MANIFEST_BYTES = 4 << 20;
/** File key epochs: one per replaced key, so far more than a zone will ever use. */
const MAX_EPOCH = 1_000_000;

/**
 * scrypt cost of a passphrase (a file's on top of the zone key, an invitation's): fixed, never
 * taken from a file; N = 2^17 takes about a second. Tests run the same code at a lower cost unless
 * they ask for the real one (ZS_TEST_SCRYPT_LOG_N), as the browser test of the progress bar does.
 */
export function scryptLogN(): number {
  return process.env.VITEST ? Number(process.env.ZS_TEST_SCRYPT_LOG_N ?? 10) : 17;
}
const SCRYPT_R = 8;
const SCRYPT_P = 1;

const site = z.string().regex(/^[0-9a-f]{16}$/);
const vector = z.record(site, z.number().int().nonnegative().max(MAX_SEQ));
const base64 = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);
const key = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const sig = z.string().regex(/^[A-Za-z0-9+/]{86}==$/);
const hex32 = z.string().regex(/^[0-9a-f]{64}$/);
const zoneId = z.string().regex(/^[0-9a-f]{32}$/);
/** A wrapped file key: 12-byte iv, 32-byte key and 16-byte tag, base64. */
const envelopeIv = z.string().regex(/^[A-Za-z0-9+/]{16}$/);
const envelopeBox = z.string().regex(/^[A-Za-z0-9+/]{64}$/);
const text = (max: number) => z.string().max(max);
const at = text(40);

export const rosterSchema = z.strictObject({
  grants: z
    .array(
      z.strictObject({
        zone: zoneId,
        grantId: z.string().regex(/^[0-9a-f]{16}$/),
        role: z.enum(['hq', 'office']),
        publicKey: key,
        issuedAt: at,
        office: z.string().min(1).max(100).optional(),
        sig,
      }),
    )
    .max(1000),
  sites: z
    .array(
      z.strictObject({
        zone: zoneId,
        siteId: site,
        office: text(100),
        publicKey: key,
        kx: key.optional(),
        grantId: z.string().regex(/^[0-9a-f]{16}$/),
        issuedAt: at,
        sig,
      }),
    )
    .max(5000),
  revocations: z
    .array(
      z.strictObject({
        zone: zoneId,
        siteId: site,
        lastSeq: z.number().int().nonnegative().max(MAX_SEQ),
        revokedAt: at,
        grant: z
          .strictObject({
            grantId: z.string().regex(/^[0-9a-f]{16}$/),
            keep: z.array(site).max(5000),
          })
          .optional(),
        sig,
      }),
    )
    .max(5000),
  rekeys: z
    .array(
      z.strictObject({
        zone: zoneId,
        epoch: z.number().int().positive().max(MAX_EPOCH),
        issuedAt: at,
        envelopes: z
          .array(
            z.strictObject({
              siteId: site,
              epk: key,
              iv: envelopeIv,
              box: envelopeBox,
            }),
          )
          .max(5000),
        root: z.strictObject({ epk: key, iv: envelopeIv, box: envelopeBox }),
        sig,
      }),
    )
    .max(1000)
    .optional(),
});

/** One origin's changes in the file: seqs from … to, the chain before them and its signed head. */
const segmentSchema = z.strictObject({
  origin: site,
  from: z.number().int().positive().max(MAX_SEQ),
  to: z.number().int().positive().max(MAX_SEQ),
  prefix: hex32,
  state: hex32,
  sig,
});
export type Segment = z.infer<typeof segmentSchema>;

export const manifestSchema = z.strictObject({
  fileId: z.string().min(1).max(100),
  zone: z.strictObject({ id: zoneId, name: text(100), kind: z.enum(['solo', 'real', 'demo']) }),
  sender: z.strictObject({ siteId: site, office: text(100).nullable() }),
  /**
   * The site ids this laptop had before (a restored backup, a copied folder: S2), so that the
   * receiver stops listing them as peers of their own.
   */
  replaces: z.array(site).max(20).optional(),
  app: z.strictObject({ version: text(50) }),
  schemaVersion: z.number().int().positive().max(10_000),
  minReaderSchema: z.number().int().positive().max(10_000),
  createdAt: at,
  /** The sender's version vector: what it holds of each origin (S9). */
  vector,
  /** Office names of the sites the sender knows, for messages about relayed changes. */
  sites: z.record(site, text(100)),
  forSite: site.nullable(),
  forOffice: text(100).nullable(),
  full: z.boolean(),
  changes: z.number().int().nonnegative(),
  segments: z.array(segmentSchema).max(100_000),
  roster: rosterSchema,
  /**
   * A snapshot (snapshot.ts): the payload is the sender's database image, not changes; an
   * incremental import refuses it, and a reader that predates snapshots refuses the manifest.
   */
  snapshot: z
    .strictObject({
      changes: z.number().int().nonnegative(),
      schemaVersion: z.number().int().positive().max(10_000),
      /** The image in pieces of `pieceBytes` (the last shorter), each its own gzip member. */
      pieceBytes: z
        .number()
        .int()
        .min(1 << 16)
        .max(1 << 26),
      /** Each member's gzipped length, so that the pieces inflate side by side. */
      pieces: z.array(z.number().int().positive().max(MAX_RAW_BYTES)).max(1 << 16),
    })
    .optional(),
  payload: z.strictObject({
    compression: z.literal('gzip'),
    bytes: z.number().int().nonnegative(),
    rawBytes: z.number().int().nonnegative().max(MAX_RAW_BYTES),
    sha256: hex32,
  }),
  encryption: z.strictObject({
    cipher: z.literal('aes-256-gcm'),
    kdf: z.literal('hkdf-sha256'),
    salt: base64,
    iv: base64,
    /** A passphrase is needed on top of the zone key. */
    passphrase: z.boolean(),
    /** The file key epoch (absent in version 2 files: 0). */
    epoch: z.number().int().nonnegative().max(MAX_EPOCH).optional(),
  }),
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

/** A passphrase's key at the fixed scrypt cost: a file's on top of the zone key, an invitation's. */
export function passphraseKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  const N = 2 ** scryptLogN();
  return scryptAsync(passphrase.normalize('NFC'), salt, 32, {
    N,
    r: SCRYPT_R,
    p: SCRYPT_P,
    maxmem: 256 * N * SCRYPT_R + (1 << 20),
  });
}

const sha256 = (...parts: Buffer[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

export interface EncodeOptions {
  /** The zone's file key that encrypts the file, and its epoch. */
  zoneKey: Buffer;
  epoch: number;
  /** The sender's signing key (PKCS#8, base64). */
  signKey: string;
  passphrase?: string;
}

/** Level 3: about a third of level 6's time for a slightly larger file. */
const GZIP_LEVEL = 3;

/** The payload already gzipped (PayloadCompressor), with its inflated size and number of lines. */
export interface GzippedPayload {
  /** The gzip bytes: one buffer, or its members one after another. */
  gzipped: Buffer | readonly Buffer[];
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

  /** The members, not joined: the file is written from them (encodeFileTo). */
  async finish(): Promise<GzippedPayload> {
    const members = await Promise.all(this.members);
    // An empty payload is still one (empty) gzip member.
    const gzipped = members.length
      ? members
      : await gzipAsync(Buffer.alloc(0), { level: GZIP_LEVEL });
    return { gzipped, rawBytes: this.rawBytes, changes: this.changes };
  }
}

function gzipLines(lines: string[]): Promise<GzippedPayload> {
  const compressor = new PayloadCompressor();
  compressor.add(Buffer.from(lines.map((line) => line + '\n').join(''), 'utf8'), lines.length);
  return compressor.finish();
}

/** Encrypted in pieces of this size, so that no buffer the size of the payload is made again. */
const CIPHER_PIECE = 256 * 1024;

/** A file ready to be written: its manifest, its size, and its bytes handed over in order. */
export interface EncodedFile {
  manifest: Manifest;
  bytes: number;
  /** Hands the file's bytes to `write` in order; returns the SHA-256 of all but its tail. */
  emit(write: (part: Buffer) => void): Buffer;
}

/**
 * Builds a whole file from the manifest draft and the changes, in (origin, seq) order: their lines,
 * or the payload gzipped already (PayloadCompressor).
 */
export async function encodeFile(
  draft: ManifestDraft,
  lines: string[] | GzippedPayload,
  options: EncodeOptions,
): Promise<{ bytes: Buffer; manifest: Manifest }> {
  const file = await encodeFileTo(draft, lines, options);
  const parts: Buffer[] = [];
  file.emit((part) => parts.push(part));
  return { bytes: Buffer.concat(parts, file.bytes), manifest: file.manifest };
}

/** encodeFile, its bytes made only as they are written (export.ts writes them to the file). */
export async function encodeFileTo(
  draft: ManifestDraft,
  lines: string[] | GzippedPayload,
  options: EncodeOptions,
): Promise<EncodedFile> {
  const payload = Array.isArray(lines) ? await gzipLines(lines) : (lines as GzippedPayload);
  const members = Buffer.isBuffer(payload.gzipped) ? [payload.gzipped] : payload.gzipped;
  let compressedBytes = 0;
  const payloadHash = createHash('sha256');
  for (const member of members) {
    payloadHash.update(member);
    compressedBytes += member.length;
  }
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const passKey =
    options.passphrase === undefined ? undefined : await passphraseKey(options.passphrase, salt);
  const key = fileKey(options.zoneKey, salt, passKey);
  // The manifest is the cipher's associated data, so it is fixed first: GCM adds exactly a 16-byte
  // tag, and the payload hash is that of the gzip bytes (checked after decryption).
  const manifest: Manifest = {
    ...draft,
    changes: payload.changes,
    payload: {
      compression: 'gzip',
      bytes: compressedBytes + 16,
      rawBytes: payload.rawBytes,
      sha256: payloadHash.digest('hex'),
    },
    encryption: {
      cipher: 'aes-256-gcm',
      kdf: 'hkdf-sha256',
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      passphrase: passKey !== undefined,
      epoch: options.epoch,
    },
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const signature = Buffer.from(
    signStatement('manifest', manifestBytes, options.signKey),
    'base64',
  );
  const emit = (write: (part: Buffer) => void) => {
    const body = createHash('sha256');
    const out = (part: Buffer) => {
      body.update(part);
      write(part);
    };
    out(framingHead(manifestBytes.length));
    out(manifestBytes);
    out(signature);
    const payloadLength = Buffer.alloc(8);
    payloadLength.writeBigUInt64BE(BigInt(compressedBytes + 16));
    out(payloadLength);
    // GCM is a stream cipher: these pieces give the bytes encryptPayload gives for the whole.
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(manifestBytes);
    for (const member of members) {
      for (let at = 0; at < member.length; at += CIPHER_PIECE) {
        out(cipher.update(member.subarray(at, at + CIPHER_PIECE)));
      }
    }
    out(cipher.final());
    out(cipher.getAuthTag());
    const hash = body.digest();
    write(hash);
    write(END);
    return hash;
  };
  const bytes = HEAD + manifestBytes.length + SIG + 8 + compressedBytes + 16 + TAIL;
  return { manifest, bytes, emit };
}

/** AES-256-GCM with the manifest as associated data; the 16-byte tag follows the ciphertext. */
export function encryptPayload(plain: Buffer, manifestBytes: Buffer, key: Buffer, iv: Buffer) {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(manifestBytes);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** The plaintext of encryptPayload's output; throws when the key, manifest or bytes differ. */
export function decryptPayload(payload: Buffer, manifestBytes: Buffer, key: Buffer, iv: Buffer) {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(manifestBytes);
  decipher.setAuthTag(payload.subarray(-16));
  const plain = decipher.update(payload.subarray(0, -16));
  // Checks the tag; GCM adds no bytes here, so the plaintext is not copied again.
  const rest = decipher.final();
  return rest.length ? Buffer.concat([plain, rest]) : plain;
}

/** The file's first bytes: magic, format version and the manifest's length. */
function framingHead(manifestLength: number): Buffer {
  const head = Buffer.alloc(HEAD);
  MAGIC.copy(head, 0);
  head.writeUInt16BE(FORMAT_VERSION, MAGIC.length);
  head.writeUInt32BE(manifestLength, MAGIC.length + 2);
  return head;
}

const reject = (code: ErrorCode, detail?: string): never => {
  throw new AppError(code, detail);
};

/** The manifest of a file whose framing and hash are intact; no key needed. */
export function readManifest(bytes: Buffer): {
  manifest: Manifest;
  manifestBytes: Buffer;
  signature: Buffer;
  payload: Buffer;
} {
  const framed = readFraming({
    length: bytes.length,
    read: (at, n) => bytes.subarray(at, at + n),
    bodyHash: (n) => sha256(bytes.subarray(0, n)),
  });
  const { payloadAt, payloadLength, ...rest } = framed;
  return { ...rest, payload: bytes.subarray(payloadAt, payloadAt + payloadLength) };
}

/**
 * readManifest of a file left on disk (a snapshot, up to MAX_FILE_BYTES): the hash is taken
 * reading it piece by piece into one buffer, and the payload is left where it is (`payloadAt`,
 * `payloadLength`) for its reader to read piece by piece too. Whoever reads it again must
 * authenticate what it reads (as GCM and the manifest's payload hash do): the file may change.
 */
export function readManifestOfFile(fd: number, size: number) {
  const read = (at: number, n: number) => {
    const out = Buffer.alloc(Math.max(0, Math.min(n, size - at)));
    if (out.length > 0) readSync(fd, out, 0, out.length, at);
    return out;
  };
  const bodyHash = (n: number) => {
    const h = createHash('sha256');
    const piece = Buffer.allocUnsafe(Math.min(n, 4 << 20));
    for (let at = 0; at < n;) {
      const got = readSync(fd, piece, 0, Math.min(piece.length, n - at), at);
      if (got === 0) reject('FILE_TRUNCATED');
      h.update(piece.subarray(0, got));
      at += got;
    }
    return h.digest();
  };
  return readFraming({ length: size, read, bodyHash });
}

/** The bytes of a file as readFraming needs them: its length, a part of it, its body's hash. */
interface Framed {
  length: number;
  /** `n` bytes from `at`, fewer at the end. */
  read(at: number, n: number): Buffer;
  /** The SHA-256 of its first `n` bytes. */
  bodyHash(n: number): Buffer;
}

function readFraming(file: Framed): {
  manifest: Manifest;
  manifestBytes: Buffer;
  signature: Buffer;
  payloadAt: number;
  payloadLength: number;
} {
  const length = file.length;
  if (length > MAX_FILE_BYTES) reject('FILE_TOO_LARGE');
  const magicSeen = file.read(0, MAGIC.length);
  if (!magicSeen.equals(MAGIC.subarray(0, magicSeen.length))) reject('NOT_SYNC_FILE');
  if (length < HEAD) reject('FILE_TRUNCATED');
  const head = file.read(0, HEAD);
  const version = head.readUInt16BE(MAGIC.length);
  const manifestLength = head.readUInt32BE(MAGIC.length + 2);
  const ended =
    length >= HEAD + END.length && file.read(length - END.length, END.length).equals(END);
  // A file cut short lacks its end marker; one with the marker but wrong lengths is damaged.
  const short = (declared: number) =>
    reject(!ended && declared > length ? 'FILE_TRUNCATED' : 'FILE_CORRUPT');
  const sigLength = version >= 2 ? SIG : 0;
  const fixed = HEAD + manifestLength + sigLength + 8 + TAIL;
  if (manifestLength > MAX_MANIFEST_BYTES) short(Infinity);
  if (fixed > length) short(fixed);
  const payloadLength = Number(file.read(HEAD + manifestLength + sigLength, 8).readBigUInt64BE(0));
  const total = fixed + payloadLength;
  if (total !== length) short(total);
  if (!ended) reject('FILE_CORRUPT');
  const bodyLength = length - TAIL;
  if (!file.bodyHash(bodyLength).equals(file.read(bodyLength, 32))) reject('FILE_CORRUPT');
  if (version > FORMAT_VERSION) reject('NEEDS_UPGRADE', `文件格式版本 ${version}`);
  if (version === 1) reject('LEGACY_FILE');
  if (version < 1) reject('FILE_CORRUPT');
  const manifestBytes = file.read(HEAD, manifestLength);
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  } catch {
    return reject('FILE_CORRUPT', '清单格式错误');
  }
  const signature = file.read(HEAD + manifestLength, SIG);
  const payloadAt = HEAD + manifestLength + SIG + 8;
  if (manifest.payload.bytes !== payloadLength) reject('FILE_CORRUPT', '数据长度与清单不符');
  return { manifest, manifestBytes, signature, payloadAt, payloadLength };
}

export interface DecodedFile {
  manifest: Manifest;
  changes: Change[];
  /** The zone's members as this file and the local roster vouch for them. */
  members: Map<string, Member>;
  /** Changes of revoked laptops above what their revocation keeps: verified, then left out. */
  revoked: number;
  /** Each origin's verified chain: blocks to keep and the head to relay. */
  chains: VerifiedChain[];
  /** The union of the local roster and the file's, as verified: what the import stores. */
  roster: Roster;
}

/** What a replica trusts: its zone and roster. */
export interface Trust {
  zone: Zone;
  roster: Roster;
}

const unauthenticated = (detail: string): never => reject('FILE_UNAUTHENTICATED', detail);

/**
 * The zone and sender of a file whose framing is intact: another zone is refused naming both, a
 * forged roster or manifest signature as unauthenticated. Returns the members it vouches for.
 */
export function checkSender(
  trust: Trust,
  manifest: Manifest,
  manifestBytes: Buffer,
  signature: Buffer,
): Map<string, Member> {
  const { zone } = trust;
  if (manifest.zone.id !== zone.id) {
    const theirs = manifest.zone.kind === 'demo' ? '演示分区' : `「${manifest.zone.name}」`;
    reject(
      'ZONE_MISMATCH',
      `文件属于${theirs}（${manifest.zone.id.slice(0, 8)}），本机属于「${zone.name}」（${zone.id.slice(0, 8)}）`,
    );
  }
  const members = verifyRoster(zone, unionRoster(trust.roster, manifest.roster));
  if (!members) return unauthenticated('成员名单中有无效签名');
  const sender = members.get(manifest.sender.siteId);
  if (!sender) return unauthenticated('发送方不是本分区的成员');
  if (sender.lastSeq !== null) unauthenticated(`发送方 ${sender.office} 的电脑已被吊销`);
  if (!verifyStatement('manifest', manifestBytes, signature.toString('base64'), sender.publicKey)) {
    unauthenticated('发送方签名无效');
  }
  return members;
}

/**
 * Checks and decodes a whole file: framing, hash, manifest, reader schema, zone, sender, key,
 * gunzip within the declared size, every change's shape, order and count, every origin's chain
 * and signed head. Throws AppError; writes nothing. `report` hears the phases (解密, 解压,
 * 校验变更 n/N); between pieces it yields to the event loop, so a progress poll is answered.
 */
export async function decodeFile(
  bytes: Buffer,
  options: { trust: Trust; passphrase?: string; schemaVersion: number; report?: ReportProgress },
): Promise<DecodedFile> {
  const report: ReportProgress = options.report ?? (() => undefined);
  const { manifest, manifestBytes, signature, payload } = readManifest(bytes);
  if (manifest.snapshot) reject('SNAPSHOT_NOT_INCREMENTAL');
  if (manifest.minReaderSchema > options.schemaVersion) {
    reject(
      'NEEDS_UPGRADE',
      `需要数据库版本 ${manifest.minReaderSchema}，本机为 ${options.schemaVersion}`,
    );
  }
  const members = checkSender(options.trust, manifest, manifestBytes, signature);
  const roster = unionRoster(options.trust.roster, manifest.roster);
  const e = manifest.encryption;
  // A key the roster wraps for this laptop is unwrapped here, once per file.
  const zoneKey = keyForEpoch(options.trust.zone, options.trust.roster, roster, e.epoch ?? 0);
  if (e.passphrase && options.passphrase === undefined) reject('PASSPHRASE_REQUIRED');
  report('解密', 0, 0);
  const salt = Buffer.from(e.salt, 'base64');
  const iv = Buffer.from(e.iv, 'base64');
  if (salt.length !== 16 || iv.length !== 12 || payload.length < 16) reject('FILE_CORRUPT');
  const passKey = e.passphrase ? await passphraseKey(options.passphrase!, salt) : undefined;
  let compressed: Buffer;
  try {
    const key = fileKey(zoneKey, salt, passKey);
    compressed = decryptPayload(payload, manifestBytes, key, iv);
  } catch {
    // The file's hash and the sender's signature matched, so it is intact: another key.
    return reject(
      e.passphrase ? 'BAD_PASSPHRASE' : 'FILE_UNAUTHENTICATED',
      '无法用本分区的密钥解密',
    );
  }
  if (sha256(compressed).toString('hex') !== manifest.payload.sha256) {
    reject('FILE_UNAUTHENTICATED', '数据与清单不符');
  }
  const heads = new HeadCheck(options.trust.zone, manifest, members);
  const changes = await inflateChanges(compressed, manifest, heads, report);
  if (changes.length !== manifest.changes) {
    reject('FILE_CORRUPT', `变更条数 ${changes.length} 与清单 ${manifest.changes} 不符`);
  }
  heads.finish();
  const kept = heads.revokedAbove.size ? changes.filter((c) => !heads.isRevoked(c)) : changes;
  return {
    manifest,
    changes: kept,
    members,
    revoked: changes.length - kept.length,
    chains: heads.chains,
    roster,
  };
}

/**
 * Follows each origin's lines through its segment: the seqs from … to without a gap, hashed into
 * the chain from the segment's prefix, ending at the state its head signature vouches for. The
 * head is signed by the origin's laptop, or by the zone root for an origin older than the zone.
 */
export class HeadCheck {
  private readonly segments = new Map<string, Segment>();
  private current: {
    segment: Segment;
    hasher: ChainHasher;
    /** The seq of the last line added. */
    seq: number;
    /** Lines added but not hashed yet: `pending` lines ending at `end` in `text`. */
    text: Buffer;
    start: number;
    end: number;
    pending: number;
  } | null = null;
  /** Revoked origins, with the last seq their revocation keeps. */
  readonly revokedAbove = new Map<string, number>();
  readonly chains: VerifiedChain[] = [];

  constructor(
    private readonly zone: Zone,
    private readonly manifest: Manifest,
    private readonly members: Map<string, Member>,
  ) {
    for (const s of manifest.segments) {
      if (this.segments.has(s.origin)) reject('FILE_CORRUPT', `站点 ${s.origin} 的签名段重复`);
      if ((s.from - 1) % BLOCK !== 0 || s.to < s.from) reject('FILE_CORRUPT', '签名段范围错误');
      if (s.to > (manifest.vector[s.origin] ?? 0)) {
        reject(
          'SEQ_OUT_OF_RANGE',
          `${this.office(s.origin)} 的序号 ${s.to} 超出发送方声明的 ${manifest.vector[s.origin] ?? 0}`,
        );
      }
      this.segments.set(s.origin, s);
      const lastSeq = members.get(s.origin)?.lastSeq;
      if (lastSeq !== null && lastSeq !== undefined && s.to > lastSeq) {
        this.revokedAbove.set(s.origin, lastSeq);
      }
    }
  }

  private office(origin: string): string {
    return this.members.get(origin)?.office || this.manifest.sites[origin] || `站点 ${origin}`;
  }

  isRevoked(c: Change): boolean {
    const last = this.revokedAbove.get(c.origin);
    return last !== undefined && c.seq > last;
  }

  /**
   * The next change, in file order, and its line: bytes start … end (after its \n) of `text`.
   * Consecutive lines of one text are hashed as one run up to each block end.
   */
  add(c: Change, text: Buffer, start: number, end: number): void {
    if (this.current?.segment.origin !== c.origin) {
      this.close();
      const segment =
        this.segments.get(c.origin) ?? unauthenticated(`${this.office(c.origin)} 的变更没有签名`);
      if (c.seq !== segment.from) reject('FILE_CORRUPT', `${this.office(c.origin)} 的变更不连续`);
      this.current = {
        segment,
        hasher: new ChainHasher(Buffer.from(segment.prefix, 'hex'), segment.from - 1),
        seq: segment.from - 1,
        text,
        start,
        end: start,
        pending: 0,
      };
    }
    const current = this.current;
    if (c.seq !== current.seq + 1) reject('FILE_CORRUPT', `${this.office(c.origin)} 的变更不连续`);
    if (current.pending > 0 && (text !== current.text || start !== current.end)) this.hashPending();
    if (current.pending === 0) {
      current.text = text;
      current.start = start;
    }
    current.seq = c.seq;
    current.end = end;
    current.pending += 1;
    if (c.seq % BLOCK === 0) this.hashPending();
  }

  private hashPending(): void {
    const current = this.current!;
    if (current.pending === 0) return;
    current.hasher.addLines(current.text.subarray(current.start, current.end), current.pending);
    current.pending = 0;
  }

  /** Checks the segment just read against its signed head. */
  private close(): void {
    if (!this.current) return;
    this.hashPending();
    const { segment, hasher } = this.current;
    this.current = null;
    if (hasher.seq !== segment.to)
      reject('FILE_CORRUPT', `${this.office(segment.origin)} 的变更不完整`);
    const state = hasher.state();
    if (state.toString('hex') !== segment.state) {
      unauthenticated(`${this.office(segment.origin)} 的变更与其签名不符`);
    }
    const body = headBody(this.zone.id, segment.origin, segment.to, state);
    const member = this.members.get(segment.origin);
    const signer = member?.publicKey ?? this.zone.rootPublic;
    if (!verifyStatement('head', body, segment.sig, signer)) {
      unauthenticated(`${this.office(segment.origin)} 的变更签名无效`);
    }
    this.segments.delete(segment.origin);
    const k = (segment.from - 1) / BLOCK;
    this.chains.push({
      origin: segment.origin,
      blocks: [
        ...(k > 0 ? [[k, Buffer.from(segment.prefix, 'hex')] as [number, Buffer]] : []),
        ...hasher.blocks,
      ],
      head: { seq: segment.to, state, sig: segment.sig },
    });
  }

  finish(): void {
    this.close();
    if (this.segments.size > 0) reject('FILE_CORRUPT', '清单中的签名段没有对应的变更');
  }
}

/**
 * Inflated pieces of this size: the thread pool inflates the next pieces while this thread decodes
 * the lines of the last one, so gunzip costs almost no time of its own.
 */
const INFLATE_PIECE = 1 << 20;
const INFLATE_AHEAD = 8 * INFLATE_PIECE;

/**
 * The payload's NDJSON lines as changes, strictly increasing in (origin, seq), inflated within the
 * declared size. Between pieces it yields to the event loop and reports 校验变更 n/N. A line cut
 * by a piece's end is kept as its pieces until its end arrives, so a long line costs linear time.
 */
async function inflateChanges(
  compressed: Buffer,
  manifest: Manifest,
  heads: HeadCheck,
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
  /** The start of a line the last pieces cut off, and its length. */
  let carry: Buffer[] = [];
  let carried = 0;
  try {
    for await (const piece of gunzip as AsyncIterable<Buffer>) {
      inflated += piece.length;
      if (inflated > cap) reject('FILE_CORRUPT', '解压后长度与清单不符');
      const end = piece.lastIndexOf(0x0a) + 1;
      if (end === 0) {
        carry.push(piece);
        carried += piece.length;
        if (carried > MAX_LINE_BYTES) reject('FILE_CORRUPT', `第 ${changes.length + 1} 条变更过长`);
        continue;
      }
      if (carry.length) {
        const first = piece.indexOf(0x0a) + 1;
        decodeLines(Buffer.concat([...carry, piece.subarray(0, first)]), changes, heads);
        decodeLines(piece.subarray(first, end), changes, heads);
      } else {
        decodeLines(piece.subarray(0, end), changes, heads);
      }
      carry = end < piece.length ? [piece.subarray(end)] : [];
      carried = piece.length - end;
      report('校验变更', changes.length, Math.max(declared, changes.length));
    }
  } catch (error) {
    gunzip.destroy();
    if (error instanceof AppError) throw error;
    return reject('FILE_CORRUPT', '数据无法解压');
  }
  if (inflated !== cap) reject('FILE_CORRUPT', '解压后长度与清单不符');
  if (carry.length) reject('FILE_CORRUPT', '最后一行不完整');
  return changes;
}

/** Decodes whole NDJSON lines onto `changes`, checking their order, length and chain. */
function decodeLines(text: Buffer, changes: Change[], heads: HeadCheck): void {
  let last = changes.at(-1);
  // The chain hashes a line's bytes and the log keeps its text: bytes that are not UTF-8 would be
  // kept as U+FFFD, and the line re-created for a relay would no longer match its origin's head.
  const utf8 = isUtf8(text);
  // One string per line: converting a line alone is several times faster than its part of one
  // string for the whole piece, which is two-byte throughout once any line holds Chinese.
  for (let start = 0; start < text.length;) {
    const end = text.indexOf(0x0a, start);
    const n = changes.length + 1;
    if (end - start > MAX_LINE_BYTES) reject('FILE_CORRUPT', `第 ${n} 条变更过长`);
    if (!utf8 && !isUtf8(text.subarray(start, end))) {
      reject('FILE_CORRUPT', `第 ${n} 条变更不是有效的 UTF-8 文本`);
    }
    const line = text.toString('utf8', start, end);
    let change: Change;
    try {
      change = decodeChange(line);
    } catch (error) {
      if (error instanceof ChangeShapeError)
        return reject('FILE_CORRUPT', `第 ${n} 条变更：${error.message}`);
      throw error;
    }
    if (change.seq > MAX_SEQ) reject('SEQ_OUT_OF_RANGE', `第 ${n} 条变更的序号 ${change.seq}`);
    if (
      last &&
      (change.origin < last.origin || (change.origin === last.origin && change.seq <= last.seq))
    ) {
      reject('FILE_CORRUPT', `第 ${n} 条变更顺序错误`);
    }
    heads.add(change, text, start, end + 1);
    changes.push(change);
    last = change;
    start = end + 1;
  }
}
