// Zone invitations (docs/sync.md, "Zones and keys"): made at 本部, carried to an office on a USB
// stick or by e-mail, opened with a passphrase that 本部 gives by another channel (a phone call).
// One carries the zone's id, name, newest file key and its epoch, root public key, a grant (an
// enrolment key the root signed) with which the joining laptop certifies its own keys, the
// roster, and optionally a full sync file of the zone's data. An invitation for a replacement 本部
// laptop (hq) also carries the root's private key and every epoch's file key.
//
//   "ZSINVITE\r\n" | u32 header length | header JSON | iv (12) | AES-256-GCM(payload JSON) | tag (16)
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import type { SyncImportReport, ZoneStatus } from '../../domain/sync';
import type { AppDatabase } from '../app-database';
import { writeFileDurably } from '../durable-file';
import { checkOutputFile, writeFailure } from '../output-file';
import { exportFile } from './export';
import { MAX_FILE_BYTES, passphraseKey, rosterSchema } from './file-format';
import { importFile } from './import';
import { issueGrant, joinZone, readRoster, zoneOf, zoneStatus } from './zone';
import { ownOffice } from './peers';

const MAGIC = Buffer.from('ZSINVITE\r\n', 'latin1');
const MAX_HEADER = 4096;

const zoneId = z.string().regex(/^[0-9a-f]{32}$/);
const key = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const sig = z.string().regex(/^[A-Za-z0-9+/]{86}==$/);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const headerSchema = z.strictObject({
  version: z.literal(1),
  zoneId: zoneId,
  zoneName: z.string().max(100),
  salt: base64.max(40),
});

const grantSchema = z.strictObject({
  zone: zoneId,
  grantId: z.string().regex(/^[0-9a-f]{16}$/),
  role: z.enum(['hq', 'office']),
  publicKey: key,
  issuedAt: z.string().max(40),
  office: z.string().min(1).max(100).optional(),
  sig,
});

const payloadSchema = z.strictObject({
  zone: z.strictObject({
    id: zoneId,
    name: z.string().max(100),
    /** The newest file key, of `epoch` (absent in invitations made before epochs: 0). */
    key: base64.max(60),
    epoch: z.number().int().nonnegative().max(1_000_000).optional(),
    /** Every epoch's key, in an hq invitation. */
    keys: z
      .array(
        z.strictObject({
          epoch: z.number().int().nonnegative().max(1_000_000),
          key: base64.max(60),
        }),
      )
      .max(1000)
      .optional(),
    rootPublic: key,
    rootPrivate: base64.max(200).nullable(),
  }),
  grant: grantSchema,
  grantKey: base64.max(200),
  roster: rosterSchema,
  /** A full sync file of the zone's data, base64. */
  data: base64.nullable(),
});
type Payload = z.infer<typeof payloadSchema>;

export interface InvitationResult {
  file: string;
  zoneId: string;
  role: 'hq' | 'office';
  withData: boolean;
}

/** At 本部: writes an invitation to `out`, with the zone's data unless `withoutData`. */
export async function makeInvitation(
  app: AppDatabase,
  input: { out: string; passphrase: string; hq?: boolean; withoutData?: boolean; office?: string },
): Promise<InvitationResult> {
  checkOutputFile(app.file, input.out);
  const role = input.hq ? 'hq' : 'office';
  const at = new Date(app.now()).toISOString();
  const issued = app.transact((tx) => {
    if (zoneOf(tx.sql.sqlite).kind !== 'real') throw new AppError('ZONE_NOT_CREATED');
    const made = issueGrant(tx.sql, role, at, input.office);
    return { ...made, roster: readRoster(tx.sql) };
  });
  let data: string | null = null;
  if (!input.withoutData) {
    const dir = mkdtempSync(join(tmpdir(), 'zs-invite-'));
    try {
      const exported = await exportFile(app, { out: dir, full: true });
      data = readFileSync(exported.file).toString('base64');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const payload: Payload = {
    zone: {
      id: issued.zone.id,
      name: issued.zone.name,
      key: issued.zone.key.toString('base64'),
      epoch: issued.zone.epoch,
      ...(input.hq
        ? {
            keys: [...issued.zone.keys].map(([epoch, key]) => ({
              epoch,
              key: key.toString('base64'),
            })),
          }
        : {}),
      rootPublic: issued.zone.rootPublic,
      rootPrivate: input.hq ? issued.zone.rootPrivate : null,
    },
    grant: issued.grant,
    grantKey: issued.grantKey,
    roster: issued.roster,
    data,
  };
  const salt = randomBytes(16);
  const header = Buffer.from(
    JSON.stringify({
      version: 1,
      zoneId: issued.zone.id,
      zoneName: issued.zone.name,
      salt: salt.toString('base64'),
    }),
  );
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await passphraseKey(input.passphrase, salt), iv);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload)), cipher.final()]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  const bytes = Buffer.concat([MAGIC, length, header, iv, body, cipher.getAuthTag()]);
  try {
    writeFileDurably(input.out, bytes);
  } catch (error) {
    throw new AppError('INVITATION_WRITE_FAILED', writeFailure(error));
  }
  return { file: input.out, zoneId: issued.zone.id, role, withData: data !== null };
}

const invalid = (detail?: string): never => {
  throw new AppError('INVITATION_INVALID', detail);
};

/** Opens an invitation: every part checked, the passphrase's key tried once. */
export async function readInvitation(file: string, passphrase: string): Promise<Payload> {
  let bytes: Buffer;
  try {
    // The size first: a file past the cap is never read into memory.
    if (statSync(file).size > MAX_FILE_BYTES) invalid('文件过大');
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('FILE_NOT_FOUND', file);
  }
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) invalid();
  const headerLength = bytes.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (headerLength > MAX_HEADER || start + headerLength + 12 + 16 > bytes.length)
    invalid('文件不完整');
  const headerBytes = bytes.subarray(start, start + headerLength);
  let header: z.infer<typeof headerSchema>;
  try {
    header = headerSchema.parse(JSON.parse(headerBytes.toString('utf8')));
  } catch {
    return invalid('文件头格式错误');
  }
  const iv = bytes.subarray(start + headerLength, start + headerLength + 12);
  const sealed = bytes.subarray(start + headerLength + 12);
  const salt = Buffer.from(header.salt, 'base64');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', await passphraseKey(passphrase, salt), iv);
    decipher.setAAD(headerBytes);
    decipher.setAuthTag(sealed.subarray(-16));
    plain = Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]);
  } catch {
    throw new AppError('INVITATION_BAD_PASSPHRASE');
  }
  try {
    const payload = payloadSchema.parse(JSON.parse(plain.toString('utf8')));
    if (payload.zone.id !== header.zoneId) invalid('分区编号不符');
    return payload;
  } catch (error) {
    if (error instanceof AppError) throw error;
    return invalid('内容格式错误');
  }
}

/** The file keys an invitation carries by epoch: every epoch's (hq), and the newest. */
function invitedKeys(zone: Payload['zone']): Map<number, Buffer> {
  const keys = new Map<number, Buffer>();
  for (const k of zone.keys ?? []) keys.set(k.epoch, Buffer.from(k.key, 'base64'));
  keys.set(zone.epoch ?? 0, Buffer.from(zone.key, 'base64'));
  for (const key of keys.values()) if (key.length !== 32) invalid('文件密钥格式错误');
  return keys;
}

/** Joins the invitation's zone, then imports the zone's data it carries. */
export async function joinWithInvitation(
  app: AppDatabase,
  input: { file: string; passphrase: string; skipData?: boolean },
): Promise<{ zone: ZoneStatus; imported: SyncImportReport | null }> {
  const payload = await readInvitation(input.file, input.passphrase);
  const at = new Date(app.now()).toISOString();
  app.transact((tx) => {
    joinZone(
      tx.sql,
      tx.siteId,
      ownOffice(tx.sql),
      {
        zone: {
          id: payload.zone.id,
          name: payload.zone.name,
          keys: invitedKeys(payload.zone),
          rootPublic: payload.zone.rootPublic,
          rootPrivate: payload.zone.rootPrivate,
        },
        grant: payload.grant,
        grantKey: payload.grantKey,
        roster: payload.roster,
      },
      at,
    );
  });
  let imported: SyncImportReport | null = null;
  if (payload.data && !input.skipData) {
    const dir = mkdtempSync(join(tmpdir(), 'zs-join-'));
    try {
      const file = join(dir, 'zone.zsync');
      writeFileSync(file, Buffer.from(payload.data, 'base64'));
      imported = await importFile(app, file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { zone: app.transact((tx) => zoneStatus(tx.sql, tx.siteId), { write: false }), imported };
}
