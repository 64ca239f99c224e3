// The zone's keys and signed statements (docs/sync.md, "Zones and keys"). Every statement is signed
// with Ed25519 over a domain-separated text ("zsync:<kind>:v1" and canonical JSON), so a signature
// made for one kind of statement can never be replayed as another:
//   grant   the zone root admits an invitation's enrolment key, with a role (hq or office);
//   site    an enrolment key admits one laptop's own signing key and site id;
//   revoke  the zone root revokes a laptop: its changes above lastSeq are refused;
//   head    a site (or the root, for origins that predate the zone) vouches for its change log up
//           to seq, by the chain state of chain.ts;
//   manifest  the sender vouches for a file's manifest (and, through its payload hash, the payload);
//   rekey   the zone root issues the file key of a new epoch, wrapped to each laptop's X25519 key.
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export type Role = 'hq' | 'office';

export interface Grant {
  zone: string;
  grantId: string;
  role: Role;
  /** Ed25519 public key (base64url of the raw 32 bytes). */
  publicKey: string;
  issuedAt: string;
  /** The office whose laptop the invitation is for, when 本部 named one. */
  office?: string;
  sig: string;
}

export interface SiteCert {
  zone: string;
  siteId: string;
  office: string;
  publicKey: string;
  /** The laptop's X25519 public key, to which new file keys are wrapped (absent in older certs). */
  kx?: string;
  grantId: string;
  issuedAt: string;
  sig: string;
}

export interface Revocation {
  zone: string;
  siteId: string;
  /** The revoked site's changes up to here stay valid; later ones are refused. */
  lastSeq: number;
  revokedAt: string;
  /**
   * The grant that certified the laptop, revoked with it: the laptop keeps the grant's enrolment
   * key, so a thief could certify new laptops with it. Only the laptops in `keep` (the grant's
   * others known at revocation) stay members. Absent in revocations of the first zone format.
   */
  grant?: { grantId: string; keep: string[] };
  sig: string;
}

/** A new file key wrapped to one laptop's X25519 key (sealEnvelope). */
export interface Envelope {
  siteId: string;
  /** The ephemeral X25519 public key (base64url raw). */
  epk: string;
  iv: string;
  /** AES-256-GCM of the 32-byte key, tag appended (base64). */
  box: string;
}

/** The root's statement of a file key epoch: its key, wrapped for each laptop it covers. */
export interface Rekey {
  zone: string;
  epoch: number;
  issuedAt: string;
  /** In site id order. */
  envelopes: Envelope[];
  /** The key wrapped to the root's own X25519 key (rootKxKey), for any holder of the root. */
  root: Omit<Envelope, 'siteId'>;
  sig: string;
}

export interface Roster {
  grants: Grant[];
  sites: SiteCert[];
  revocations: Revocation[];
  /** The latest statement of each epoch above 0; absent in files made before rekeying existed. */
  rekeys?: Rekey[];
}

export interface KeyPair {
  /** base64url raw public key. */
  publicKey: string;
  /** base64 PKCS#8 DER. */
  privateKey: string;
}

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ format: 'jwk' }).x!,
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

const publicKeys = new Map<string, KeyObject>();

function publicKeyOf(x: string): KeyObject {
  let key = publicKeys.get(x);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    if (publicKeys.size < 10_000) publicKeys.set(x, key);
  }
  return key;
}

const privateKeys = new Map<string, KeyObject>();

function privateKeyOf(der: string): KeyObject {
  let key = privateKeys.get(der);
  if (!key) {
    key = createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
    privateKeys.set(der, key);
  }
  return key;
}

/** The public key of a private one, for checking that stored keys belong together. */
export function publicKeyFor(privateKey: string): string {
  return createPublicKey(privateKeyOf(privateKey)).export({ format: 'jwk' }).x!;
}

export type StatementKind = 'grant' | 'site' | 'revoke' | 'head' | 'manifest' | 'rekey';

/** JSON with keys in sorted order at every level: one spelling per statement. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function message(kind: StatementKind, body: unknown): Buffer {
  const text = Buffer.isBuffer(body) ? body : Buffer.from(canonical(body), 'utf8');
  return Buffer.concat([Buffer.from(`zsync:${kind}:v1\n`, 'utf8'), text]);
}

export function signStatement(kind: StatementKind, body: unknown, privateKey: string): string {
  return sign(null, message(kind, body), privateKeyOf(privateKey)).toString('base64');
}

export function verifyStatement(
  kind: StatementKind,
  body: unknown,
  sig: string,
  publicKey: string,
): boolean {
  try {
    const signature = Buffer.from(sig, 'base64');
    if (signature.length !== 64) return false;
    return verify(null, message(kind, body), publicKeyOf(publicKey), signature);
  } catch {
    return false;
  }
}

/** A statement without its signature, as signed. */
export function unsigned<T extends { sig: string }>(s: T): Omit<T, 'sig'> {
  const body: Partial<T> = { ...s };
  delete body.sig;
  return body as Omit<T, 'sig'>;
}

export const randomId = (bytes: number) => randomBytes(bytes).toString('hex');

/** A file's key: the zone key, and the passphrase's key when one is set on top, with the file's salt. */
export function fileKey(zoneKey: Buffer, salt: Buffer, passKey?: Buffer): Buffer {
  const ikm = passKey ? Buffer.concat([zoneKey, passKey]) : zoneKey;
  return Buffer.from(hkdfSync('sha256', ikm, salt, 'zsync-file-v2', 32));
}

/** A laptop's X25519 key pair, for receiving file keys (sealEnvelope). */
export function newKxKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ format: 'jwk' }).x!,
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/** The site id a statement's root envelope is bound to. */
export const ROOT_SITE = 'root';

/** The PKCS#8 prefix of a raw X25519 private key (RFC 8410). */
const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');

/**
 * The root's X25519 private key, derived from its Ed25519 one: whoever holds the root (a 本部
 * laptop restored from an --hq invitation made before a rekey, too) can open every epoch's key.
 */
export function rootKxKey(rootPrivate: string): string {
  const seed = Buffer.from(privateKeyOf(rootPrivate).export({ format: 'jwk' }).d!, 'base64url');
  const raw = Buffer.from(hkdfSync('sha256', seed, 'zsync-root-kx-v1', '', 32));
  return Buffer.concat([X25519_PKCS8, raw]).toString('base64');
}

const kxPublicKeyOf = (x: string) =>
  createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x }, format: 'jwk' });

/** The key that wraps one envelope: HKDF of the X25519 secret, bound to zone, epoch and site. */
function wrappingKey(shared: Buffer, epk: string, to: string, bound: EnvelopeBinding): Buffer {
  const info = `zsync-rekey-v1\n${bound.zone}\n${bound.epoch}\n${bound.siteId}`;
  return Buffer.from(hkdfSync('sha256', shared, `${epk}.${to}`, info, 32));
}

interface EnvelopeBinding {
  zone: string;
  epoch: number;
  siteId: string;
}

const bindingText = (b: EnvelopeBinding) => Buffer.from(`${b.zone}:${b.epoch}:${b.siteId}`);

/** Wraps a file key to a laptop's X25519 public key `to` with a fresh ephemeral key. */
export function sealEnvelope(key: Buffer, to: string, bound: EnvelopeBinding): Envelope {
  const ephemeral = generateKeyPairSync('x25519');
  const epk = ephemeral.publicKey.export({ format: 'jwk' }).x!;
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: kxPublicKeyOf(to) });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(shared, epk, to, bound), iv);
  cipher.setAAD(bindingText(bound));
  const box = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  return { siteId: bound.siteId, epk, iv: iv.toString('base64'), box: box.toString('base64') };
}

/**
 * The file key in an envelope for this laptop, opened with its X25519 private key; undefined when
 * the envelope was not made for this key, zone, epoch and site.
 */
export function openEnvelope(
  envelope: Envelope,
  privateKey: string,
  bound: { zone: string; epoch: number },
): Buffer | undefined {
  try {
    const own = privateKeyOf(privateKey);
    const to = createPublicKey(own).export({ format: 'jwk' }).x!;
    const binding = { ...bound, siteId: envelope.siteId };
    const shared = diffieHellman({ privateKey: own, publicKey: kxPublicKeyOf(envelope.epk) });
    const box = Buffer.from(envelope.box, 'base64');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      wrappingKey(shared, envelope.epk, to, binding),
      Buffer.from(envelope.iv, 'base64'),
    );
    decipher.setAAD(bindingText(binding));
    decipher.setAuthTag(box.subarray(-16));
    const key = Buffer.concat([decipher.update(box.subarray(0, -16)), decipher.final()]);
    return key.length === 32 ? key : undefined;
  } catch {
    return undefined;
  }
}
