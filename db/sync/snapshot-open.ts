// A snapshot file as far as its database image (docs/sync.md S22): the checks of any sync file
// (framing, hash, zone, roster, the sender's signature, that the sender is a 本部 laptop, key), then
// the payload decrypted, hashed and inflated piece by piece into a file of its own. The file is
// read piece by piece into one buffer, twice (its hash, then its payload), and no buffer the size
// of the file, the payload or the image is made: on the machines measured, touching fresh memory
// costs more than the cipher, the hashes and much of the inflating. Nothing here writes to the
// database; the image is used only once the tag and the hash have verified.
import { createDecipheriv, createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { AppError } from '../../domain/errors';
import type { AppDatabase } from '../app-database';
import { checkSender, passphraseKey, readManifestOfFile } from './file-format';
import { keyForEpoch } from './rekey';
import { readRoster, unionRoster, zoneOf } from './zone';
import { fileKey } from './zone-crypto';

const gunzipAsync = promisify(gunzip);

/** Pieces inflated at once: the thread pool's four threads, and as many waiting. */
const INFLATE_AHEAD = 8;

export type OpenedSnapshot = Awaited<ReturnType<typeof openFile>>;

/**
 * The snapshot's manifest, members and key, after every check short of decryption; `fd` is the
 * open file of `size` bytes, read again by decryptAndInflate.
 */
export async function openFile(app: AppDatabase, fd: number, size: number, passphrase?: string) {
  const { manifest, manifestBytes, signature, payloadAt, payloadLength } = readManifestOfFile(
    fd,
    size,
  );
  if (!manifest.snapshot) throw new AppError('NOT_SNAPSHOT');
  const { snapshot } = manifest;
  const trust = app.transact(
    (tx) => ({ zone: zoneOf(tx.sql.sqlite), roster: readRoster(tx.sql) }),
    { write: false },
  );
  const members = checkSender(trust, manifest, manifestBytes, signature);
  if (members.get(manifest.sender.siteId)?.role !== 'hq') {
    throw new AppError('FILE_UNAUTHENTICATED', '快照只能由本部的电脑制作');
  }
  const roster = unionRoster(trust.roster, manifest.roster);
  const e = manifest.encryption;
  const zoneKey = keyForEpoch(trust.zone, trust.roster, roster, e.epoch ?? 0);
  if (e.passphrase && passphrase === undefined) throw new AppError('PASSPHRASE_REQUIRED');
  const salt = Buffer.from(e.salt, 'base64');
  const iv = Buffer.from(e.iv, 'base64');
  if (salt.length !== 16 || iv.length !== 12 || payloadLength < 16) {
    throw new AppError('FILE_CORRUPT');
  }
  const { pieces } = snapshot;
  if (
    pieces.reduce((a, b) => a + b, 0) !== payloadLength - 16 ||
    pieces.length !== Math.ceil(manifest.payload.rawBytes / snapshot.pieceBytes)
  ) {
    throw new AppError('FILE_CORRUPT', '快照分段与清单不符');
  }
  const passKey = e.passphrase ? await passphraseKey(passphrase!, salt) : undefined;
  const key = fileKey(zoneKey, salt, passKey);
  const undecryptable = () =>
    new AppError(
      e.passphrase ? 'BAD_PASSPHRASE' : 'FILE_UNAUTHENTICATED',
      '无法用本分区的密钥解密',
    );
  const payload = { fd, at: payloadAt, length: payloadLength };
  return { manifest, manifestBytes, members, roster, payload, key, iv, undecryptable };
}

/**
 * Decrypts the payload (AES-256-GCM, the manifest as associated data, as decryptPayload) piece by
 * piece, hashes each piece, and inflates it on the thread pool beside the others, within its
 * stated size, writing it at its place in `file`. Throws unless the tag verifies and the hash is
 * the one the signed manifest names (GCM alone does not stop another member who holds the file key
 * from substituting a payload); a piece that fails to inflate counts only after those.
 */
export async function decryptAndInflate(opened: OpenedSnapshot, file: string): Promise<void> {
  const { manifest, payload } = opened;
  const { pieceBytes, pieces } = manifest.snapshot!;
  const raw = manifest.payload.rawBytes;
  const read = (at: number, into: Buffer) => {
    for (let got = 0; got < into.length;) {
      const n = readSync(payload.fd, into, got, into.length - got, payload.at + at + got);
      if (n === 0) throw new AppError('FILE_TRUNCATED');
      got += n;
    }
    return into;
  };
  const decipher = createDecipheriv('aes-256-gcm', opened.key, opened.iv);
  decipher.setAAD(opened.manifestBytes);
  decipher.setAuthTag(read(payload.length - 16, Buffer.alloc(16)));
  const ciphertext = Buffer.allocUnsafe(Math.max(...pieces));
  const hash = createHash('sha256');
  let failed: AppError | null = null;
  const running = new Set<Promise<void>>();
  const fd = openSync(file, 'w');
  try {
    const inflate = async (member: Buffer, i: number) => {
      const want = Math.min(pieceBytes, raw - i * pieceBytes);
      let piece: Buffer;
      try {
        // One output chunk of the piece's size: nothing to join, one trip through this thread.
        const chunkSize = Math.max(want, 1024);
        piece = await gunzipAsync(member, { maxOutputLength: want, chunkSize });
      } catch {
        throw new AppError('FILE_CORRUPT', '数据无法解压');
      }
      if (piece.length !== want) throw new AppError('FILE_CORRUPT', '解压后长度与清单不符');
      writeSync(fd, piece, 0, piece.length, i * pieceBytes);
    };
    let at = 0;
    for (const [i, n] of pieces.entries()) {
      const member = decipher.update(read(at, ciphertext.subarray(0, n)));
      at += n;
      hash.update(member);
      if (failed) continue;
      const job: Promise<void> = inflate(member, i)
        .catch((error: AppError) => void (failed ??= error))
        .finally(() => running.delete(job));
      running.add(job);
      if (running.size >= INFLATE_AHEAD) await Promise.race(running);
    }
    await Promise.all(running);
    try {
      decipher.final();
    } catch {
      throw opened.undecryptable();
    }
    if (hash.digest('hex') !== manifest.payload.sha256) {
      throw new AppError('FILE_UNAUTHENTICATED', '数据与清单不符');
    }
    if (failed) throw failed;
  } finally {
    closeSync(fd);
  }
}
