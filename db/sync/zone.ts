// The zone this replica belongs to (docs/sync.md, "Zones and keys"): its id, name and kind, its
// file keys by epoch, the root's public key (and private key at 本部), this laptop's signing and
// key-exchange keys, and the roster of invitations, laptops, revocations and file key epochs
// (rekey.ts). A replica that has joined no zone works alone in a solo zone of its own, created
// when it is first opened; 本部 turns its solo zone into the real one (createZone), offices join
// it with an invitation (invitation.ts).
// One file over 400 lines: the roster's records and the rules that verify them (who may certify,
// revoke or rekey) must be read together to see that a forged roster cannot pass.
import type Database from 'better-sqlite3';
import { AppError } from '../../domain/errors';
import { labelOf, offices } from '../../domain/vocabulary';
import type { ZoneKind, ZoneStatus } from '../../domain/sync';
import { readMeta, writeMeta } from '../replica-identity';
import { Sql } from '../sql';
import { hasherAt, storeHead } from './chain';
import {
  ROOT_SITE,
  newKeyPair,
  newKxKeyPair,
  openEnvelope,
  publicKeyFor,
  randomId,
  rootKxKey,
  signStatement,
  unsigned,
  verifyStatement,
} from './zone-crypto';
import type { Grant, Rekey, Revocation, Role, Roster, SiteCert } from './zone-crypto';

export interface Zone {
  id: string;
  name: string;
  kind: ZoneKind;
  /** The file key of the newest epoch this laptop holds: exports are encrypted under it. */
  key: Buffer;
  epoch: number;
  /** Every epoch's file key this laptop holds: imports accept any of them. */
  keys: Map<number, Buffer>;
  rootPublic: string;
  /** Only at 本部 (and on a laptop joined with a 本部 invitation). */
  rootPrivate: string | null;
  siteKey: string;
  /** This laptop's X25519 private key, to which 本部 wraps new file keys (never synced). */
  siteKx: string;
  /** The site id the two keys above belong to. */
  keySite: string;
  grantId: string;
}

/** File keys by epoch, as invitations carry them. */
export type ZoneKeys = Map<number, Buffer>;

export const SOLO_ZONE_NAME = '本机（未加入分区）';
export const DEMO_ZONE_NAME = '演示数据';

type Meta = Database.Database;

export function readZone(sqlite: Meta): Zone | undefined {
  const id = readMeta(sqlite, 'zone_id');
  if (!id) return undefined;
  const rootPrivate = readMeta(sqlite, 'zone_root_private');
  const rows = sqlite.prepare('SELECT epoch, key FROM zone_key ORDER BY epoch').raw().all() as [
    number,
    string,
  ][];
  const keys = new Map(rows.map(([epoch, key]) => [epoch, Buffer.from(key, 'base64')]));
  const epoch = rows.at(-1)?.[0] ?? 0;
  return {
    id,
    name: readMeta(sqlite, 'zone_name') ?? id,
    kind: (readMeta(sqlite, 'zone_kind') ?? 'solo') as ZoneKind,
    key: keys.get(epoch) ?? Buffer.alloc(0),
    epoch,
    keys,
    rootPublic: readMeta(sqlite, 'zone_root_public') ?? '',
    rootPrivate: rootPrivate ?? null,
    siteKey: readMeta(sqlite, 'site_key') ?? '',
    siteKx: readMeta(sqlite, 'site_kx_key') ?? '',
    keySite: readMeta(sqlite, 'site_key_site') ?? '',
    grantId: readMeta(sqlite, 'zone_grant_id') ?? '',
  };
}

export function storeZoneKey(sqlite: Meta, epoch: number, key: Buffer): void {
  sqlite
    .prepare(
      'INSERT INTO zone_key (epoch, key) VALUES (?, ?) ON CONFLICT (epoch) DO UPDATE SET key = excluded.key',
    )
    .run(epoch, key.toString('base64'));
}

export function zoneOf(sqlite: Meta): Zone {
  const zone = readZone(sqlite);
  if (!zone) throw new Error('the replica has no zone (ensureZone runs at open)');
  return zone;
}

/** Writes a zone's keys and a grant for this laptop; the roster tables are emptied first. */
function adoptZone(
  sqlite: Meta,
  zone: { id: string; name: string; kind: ZoneKind; keys: ZoneKeys; rootPublic: string },
  rootPrivate: string | null,
  grant: Grant,
  grantKey: string,
): void {
  for (const table of ['zone_grant', 'zone_site', 'zone_revocation', 'zone_rekey', 'zone_key']) {
    sqlite.prepare(`DELETE FROM ${table}`).run();
  }
  writeMeta(sqlite, 'zone_id', zone.id);
  writeMeta(sqlite, 'zone_name', zone.name);
  writeMeta(sqlite, 'zone_kind', zone.kind);
  for (const [epoch, key] of zone.keys) storeZoneKey(sqlite, epoch, key);
  writeMeta(sqlite, 'zone_root_public', zone.rootPublic);
  if (rootPrivate) writeMeta(sqlite, 'zone_root_private', rootPrivate);
  else sqlite.prepare("DELETE FROM sync_meta WHERE key = 'zone_root_private'").run();
  writeMeta(sqlite, 'zone_grant_id', grant.grantId);
  // Read by the mutation layer: an office laptop does not write 本部's data.
  writeMeta(sqlite, 'zone_role', grant.role);
  writeMeta(sqlite, 'zone_grant_key', grantKey);
  storeGrant(sqlite, grant);
}

function makeGrant(zone: string, role: Role, rootPrivate: string, at: string, office?: string) {
  const keys = newKeyPair();
  const body = {
    zone,
    grantId: randomId(8),
    role,
    publicKey: keys.publicKey,
    issuedAt: at,
    ...(office ? { office } : {}),
  };
  const grant: Grant = { ...body, sig: signStatement('grant', body, rootPrivate) };
  return { grant, grantKey: keys.privateKey };
}

/** A zone of this laptop alone (solo) or the demo zone, with this laptop as its 本部. */
function createOwnZone(sqlite: Meta, kind: ZoneKind, name: string, at: string): void {
  const root = newKeyPair();
  const id = randomId(16);
  const { grant, grantKey } = makeGrant(id, 'hq', root.privateKey, at);
  const zone = { id, name, kind, keys: new Map([[0, randomKey()]]), rootPublic: root.publicKey };
  adoptZone(sqlite, zone, root.privateKey, grant, grantKey);
}

export const randomKey = () => Buffer.from(randomId(32), 'hex');

/**
 * At open: a replica without a zone gets a solo zone, and the current site id (new after a copied
 * database or user-data folder) a certificate from this laptop's grant.
 */
export function ensureZone(sqlite: Meta, siteId: string, office: string | null, at: string): void {
  if (!readMeta(sqlite, 'zone_id')) createOwnZone(sqlite, 'solo', SOLO_ZONE_NAME, at);
  ensureSiteCert(sqlite, siteId, office, at);
}

/**
 * Certifies this laptop's signing key and X25519 key for its site id with its grant, unless already
 * done. The keys stay for the life of the site id (heads it signed are relayed for ever); a new
 * site id (a copied database or user-data folder) gets new keys, after the old signing key has
 * vouched for the old origin's changes one last time. A certificate of an older version, without
 * the X25519 key, is issued again with it.
 */
export function ensureSiteCert(
  sqlite: Meta,
  siteId: string,
  office: string | null,
  at: string,
): void {
  const zone = zoneOf(sqlite);
  const current = sqlite
    .prepare('SELECT statement FROM zone_site WHERE site_id = ?')
    .get(siteId) as { statement: string } | undefined;
  const cert = current ? (JSON.parse(current.statement) as SiteCert) : undefined;
  const officeName = office ?? '';
  const keySite = readMeta(sqlite, 'site_key_site');
  let siteKey = zone.siteKey;
  let kxKey = zone.siteKx;
  if (siteKey && keySite !== siteId) {
    if (keySite) sealOrigin(sqlite, zone, keySite, siteKey);
    siteKey = '';
    kxKey = '';
  }
  const publicKey = siteKey ? publicKeyFor(siteKey) : undefined;
  const kx = kxKey ? publicKeyFor(kxKey) : undefined;
  if (
    cert &&
    cert.zone === zone.id &&
    cert.office === officeName &&
    cert.publicKey === publicKey &&
    kx !== undefined &&
    cert.kx === kx
  ) {
    return;
  }
  if (!siteKey) {
    siteKey = newKeyPair().privateKey;
    writeMeta(sqlite, 'site_key', siteKey);
    writeMeta(sqlite, 'site_key_site', siteId);
  }
  if (!kxKey) {
    kxKey = newKxKeyPair().privateKey;
    writeMeta(sqlite, 'site_kx_key', kxKey);
  }
  const body = {
    zone: zone.id,
    siteId,
    office: officeName,
    publicKey: publicKeyFor(siteKey),
    kx: publicKeyFor(kxKey),
    grantId: zone.grantId,
    issuedAt: later(at, cert?.issuedAt),
  };
  const grantKey = readMeta(sqlite, 'zone_grant_key')!;
  storeSite(sqlite, { ...body, sig: signStatement('site', body, grantKey) });
}

/** `at`, or just after `previous` when the clock has not passed it: a statement issued again wins. */
export function later(at: string, previous: string | undefined): string {
  if (previous === undefined || at > previous) return at;
  return new Date(Date.parse(previous) + 1).toISOString();
}

/** A head for an origin this laptop wrote as, signed with that origin's key. */
function sealOrigin(sqlite: Meta, zone: Zone, origin: string, key: string): void {
  const sql = new Sql(sqlite);
  const top = sql.prepare('SELECT max_seq FROM sync_vv WHERE origin = ?').pluck().get(origin) as
    number | undefined;
  if (!top) return;
  const hasher = hasherAt(sql, origin, top);
  if (!hasher) return;
  const state = hasher.state();
  const sig = signStatement('head', headBody(zone.id, origin, top, state), key);
  storeHead(sql, { origin, seq: top, state, sig });
}

function storeGrant(sqlite: Meta, grant: Grant): void {
  sqlite
    .prepare('INSERT OR IGNORE INTO zone_grant (grant_id, statement) VALUES (?, ?)')
    .run(grant.grantId, JSON.stringify(grant));
}

function storeSite(sqlite: Meta, cert: SiteCert): void {
  sqlite
    .prepare(
      `INSERT INTO zone_site (site_id, office, statement) VALUES (?, ?, ?)
       ON CONFLICT (site_id) DO UPDATE SET office = excluded.office, statement = excluded.statement`,
    )
    .run(cert.siteId, cert.office, JSON.stringify(cert));
}

function storeRevocation(sqlite: Meta, r: Revocation): void {
  sqlite
    .prepare(
      'INSERT OR IGNORE INTO zone_revocation (site_id, last_seq, statement) VALUES (?, ?, ?)',
    )
    .run(r.siteId, r.lastSeq, JSON.stringify(r));
}

export function storedRekey(sqlite: Meta, epoch: number): Rekey | undefined {
  const known = sqlite
    .prepare('SELECT statement FROM zone_rekey WHERE epoch = ?')
    .pluck()
    .get(epoch) as string | undefined;
  return known ? (JSON.parse(known) as Rekey) : undefined;
}

/** Keeps a root-verified statement of an epoch unless a later one is stored; true if kept. */
export function storeRekey(sqlite: Meta, r: Rekey): boolean {
  const known = storedRekey(sqlite, r.epoch);
  if (known && !laterRekey(r, known)) return false;
  sqlite
    .prepare(
      `INSERT INTO zone_rekey (epoch, statement) VALUES (?, ?)
       ON CONFLICT (epoch) DO UPDATE SET statement = excluded.statement`,
    )
    .run(r.epoch, JSON.stringify(r));
  return true;
}

/** Of two statements of one epoch, every replica keeps the same one: the later, then by signature. */
const laterRekey = (a: Rekey, b: Rekey) =>
  a.issuedAt > b.issuedAt || (a.issuedAt === b.issuedAt && a.sig > b.sig);

export function readRoster(sql: Sql): Roster {
  const all = (table: string) =>
    (sql.prepare(`SELECT statement FROM ${table} ORDER BY 1`).pluck().all() as string[]).map(
      (s) => JSON.parse(s) as never,
    );
  const rekeys = all('zone_rekey') as Rekey[];
  return {
    grants: all('zone_grant'),
    sites: all('zone_site'),
    revocations: all('zone_revocation'),
    // Left out while there are none: a file reads as one made before rekeying existed.
    ...(rekeys.length ? { rekeys } : {}),
  };
}

/** A site's key and standing, as the roster vouches for it. */
export interface Member {
  siteId: string;
  office: string;
  publicKey: string;
  /** Its X25519 key, when its certificate has one. */
  kx: string | undefined;
  role: Role;
  /** Set when revoked: its changes above this seq are refused. */
  lastSeq: number | null;
}

/**
 * The members a roster vouches for, every statement checked against the zone's root key: grants,
 * revocations and file key epochs signed by the root, each laptop's certificate by a grant of the
 * zone. Returns undefined when any statement is forged or of another zone.
 */
export function verifyRoster(zone: Zone, roster: Roster): Map<string, Member> | undefined {
  const grants = new Map<string, Grant>();
  for (const g of roster.grants) {
    if (g.zone !== zone.id || !verifyStatement('grant', unsigned(g), g.sig, zone.rootPublic)) {
      return undefined;
    }
    grants.set(g.grantId, g);
  }
  const revoked = new Map<string, number>();
  // A revoked grant's laptops: only those every revocation of it keeps.
  const grantKeeps = new Map<string, Set<string>>();
  for (const r of roster.revocations) {
    if (r.zone !== zone.id || !verifyStatement('revoke', unsigned(r), r.sig, zone.rootPublic)) {
      return undefined;
    }
    revoked.set(r.siteId, Math.min(r.lastSeq, revoked.get(r.siteId) ?? Infinity));
    if (r.grant) {
      const keep = new Set(r.grant.keep);
      const before = grantKeeps.get(r.grant.grantId);
      grantKeeps.set(
        r.grant.grantId,
        before ? new Set([...before].filter((id) => keep.has(id))) : keep,
      );
    }
  }
  for (const r of roster.rekeys ?? []) {
    if (r.zone !== zone.id || !verifyStatement('rekey', unsigned(r), r.sig, zone.rootPublic)) {
      return undefined;
    }
  }
  const members = new Map<string, Member>();
  for (const s of roster.sites) {
    const grant = grants.get(s.grantId);
    if (!grant || s.zone !== zone.id) return undefined;
    if (!verifyStatement('site', unsigned(s), s.sig, grant.publicKey)) return undefined;
    // Certified with a revoked grant after its revocation (or the revoked laptop itself, which
    // keeps its revocation's seq below): not a member, though its statement is genuine.
    const keeps = grantKeeps.get(s.grantId);
    if (keeps && !keeps.has(s.siteId) && !revoked.has(s.siteId)) continue;
    members.set(s.siteId, {
      siteId: s.siteId,
      office: s.office,
      publicKey: s.publicKey,
      kx: s.kx,
      role: grant.role,
      lastSeq: revoked.get(s.siteId) ?? null,
    });
  }
  return members;
}

/** The union of the local roster and a file's, as written by mergeRoster. */
export function unionRoster(a: Roster, b: Roster): Roster {
  const by = <T>(items: T[], key: (t: T) => string) => [
    ...new Map(items.map((t) => [key(t), t])).values(),
  ];
  return {
    grants: by([...a.grants, ...b.grants], (g) => g.grantId),
    // A laptop's newer certificate (a renamed office) replaces the older one.
    sites: by(
      [...a.sites, ...b.sites].sort((x, y) => (x.issuedAt < y.issuedAt ? -1 : 1)),
      (s) => s.siteId,
    ),
    revocations: by([...a.revocations, ...b.revocations], (r) => r.siteId),
    rekeys: by(
      [...(a.rekeys ?? []), ...(b.rekeys ?? [])].sort((x, y) => (laterRekey(x, y) ? 1 : -1)),
      (r) => String(r.epoch),
    ),
  };
}

/**
 * Stores a verified roster's statements (those already known stay). A file key epoch's statement
 * with an envelope for this laptop gives it that epoch's key.
 */
export function mergeRoster(sqlite: Meta, roster: Roster): void {
  const zone = zoneOf(sqlite);
  for (const r of roster.rekeys ?? []) {
    const stored = storeRekey(sqlite, r);
    if (!stored && zone.keys.has(r.epoch)) continue;
    const key = unwrapOwn(zone, stored ? r : storedRekey(sqlite, r.epoch)!);
    if (key) storeZoneKey(sqlite, r.epoch, key);
  }
  for (const g of roster.grants) storeGrant(sqlite, g);
  for (const s of roster.sites) {
    const known = sqlite
      .prepare('SELECT statement FROM zone_site WHERE site_id = ?')
      .get(s.siteId) as { statement: string } | undefined;
    if (!known || (JSON.parse(known.statement) as SiteCert).issuedAt < s.issuedAt) {
      storeSite(sqlite, s);
    }
  }
  for (const r of roster.revocations) storeRevocation(sqlite, r);
}

/**
 * The file key in a statement's envelope for this laptop, if it has one that opens; at a holder of
 * the root, the root's envelope.
 */
export function unwrapOwn(zone: Zone, r: Rekey): Buffer | undefined {
  const bound = { zone: zone.id, epoch: r.epoch };
  const envelope = r.envelopes.find((e) => e.siteId === zone.keySite);
  const own = envelope && zone.siteKx ? openEnvelope(envelope, zone.siteKx, bound) : undefined;
  if (own || !zone.rootPrivate) return own;
  return openEnvelope({ ...r.root, siteId: ROOT_SITE }, rootKxKey(zone.rootPrivate), bound);
}

export function requireRoot(zone: Zone): string {
  if (!zone.rootPrivate) throw new AppError('ZONE_NOT_HQ');
  return zone.rootPrivate;
}

/**
 * 本部 creates the zone once: a solo replica becomes the zone's first laptop, with a new zone id
 * and keys. The root vouches for every other origin already in its log (data from before zones),
 * so that those changes stay verifiable when relayed.
 */
export function createZone(sql: Sql, siteId: string, name: string, at: string): Zone {
  const sqlite = sql.sqlite;
  const current = zoneOf(sqlite);
  if (current.kind === 'demo') throw new AppError('ZONE_DEMO');
  if (current.kind !== 'solo') throw new AppError('ZONE_ALREADY_JOINED', current.name);
  createOwnZone(sqlite, 'real', name.trim() || '招商分区', at);
  const office = readMeta(sqlite, 'office_id') ?? null;
  ensureSiteCert(sqlite, siteId, office && labelOf(offices, office), at);
  const zone = zoneOf(sqlite);
  sql.sqlite.prepare('DELETE FROM sync_head').run();
  const origins = sql
    .prepare('SELECT origin, max_seq FROM sync_vv WHERE origin <> ? AND max_seq > 0')
    .all(siteId) as { origin: string; max_seq: number }[];
  for (const { origin, max_seq } of origins) {
    const hasher = hasherAt(sql, origin, max_seq);
    if (!hasher) continue;
    const state = hasher.state();
    const sig = signStatement('head', headBody(zone.id, origin, max_seq, state), zone.rootPrivate!);
    storeHead(sql, { origin, seq: max_seq, state, sig });
  }
  return zone;
}

/** A demo database lives in a zone of its own, marked demo, which no real zone accepts. */
export function markDemoZone(sqlite: Meta, siteId: string, office: string | null, at: string) {
  const zone = zoneOf(sqlite);
  if (zone.kind === 'demo') return;
  if (zone.kind !== 'solo') throw new AppError('ZONE_ALREADY_JOINED', zone.name);
  createOwnZone(sqlite, 'demo', DEMO_ZONE_NAME, at);
  ensureSiteCert(sqlite, siteId, office, at);
}

export function headBody(zone: string, origin: string, seq: number, state: Buffer) {
  return { zone, origin, seq, state: state.toString('hex') };
}

/** 本部 revokes a lost laptop: its changes up to what 本部 holds stay, later ones are refused. */
export function revokeSite(sql: Sql, siteId: string, at: string): Revocation {
  const zone = zoneOf(sql.sqlite);
  const root = requireRoot(zone);
  const known = sql.prepare('SELECT 1 FROM zone_site WHERE site_id = ?').get(siteId);
  if (!known) throw new AppError('SITE_NOT_FOUND', siteId);
  const held = sql.prepare('SELECT max_seq FROM sync_vv WHERE origin = ?').pluck().get(siteId) as
    number | undefined;
  const site = JSON.parse(
    sql.prepare('SELECT statement FROM zone_site WHERE site_id = ?').pluck().get(siteId) as string,
  ) as SiteCert;
  const keep = readRoster(sql)
    .sites.filter((s) => s.grantId === site.grantId && s.siteId !== siteId)
    .map((s) => s.siteId)
    .sort();
  const body = {
    zone: zone.id,
    siteId,
    lastSeq: held ?? 0,
    revokedAt: at,
    grant: { grantId: site.grantId, keep },
  };
  const revocation = { ...body, sig: signStatement('revoke', body, root) };
  storeRevocation(sql.sqlite, revocation);
  return revocation;
}

/**
 * A new grant (an invitation's enrolment key), signed by the root: only at 本部. A grant made for
 * one office's laptop names it, so that every replica its roster reaches counts that laptop as one
 * of the office's before it has sent a file (exportTarget in peers.ts).
 */
export function issueGrant(sql: Sql, role: Role, at: string, office?: string) {
  const zone = zoneOf(sql.sqlite);
  const made = makeGrant(zone.id, role, requireRoot(zone), at, office);
  storeGrant(sql.sqlite, made.grant);
  return { zone, ...made };
}

/** Joins the zone an invitation carries; this replica must still be alone in its solo zone. */
export function joinZone(
  sql: Sql,
  siteId: string,
  office: string | null,
  invitation: {
    zone: {
      id: string;
      name: string;
      keys: ZoneKeys;
      rootPublic: string;
      rootPrivate: string | null;
    };
    grant: Grant;
    grantKey: string;
    roster: Roster;
  },
  at: string,
): void {
  const sqlite = sql.sqlite;
  const current = zoneOf(sqlite);
  if (current.kind === 'demo') throw new AppError('ZONE_DEMO');
  if (current.kind !== 'solo') {
    if (current.id === invitation.zone.id) return;
    throw new AppError('ZONE_ALREADY_JOINED', current.name);
  }
  const { zone, grant, grantKey, roster } = invitation;
  const next = { ...zoneOf(sqlite), ...zone, kind: 'real' as const };
  const withGrant = unionRoster(roster, { grants: [grant], sites: [], revocations: [] });
  if (!verifyRoster(next, withGrant)) {
    throw new AppError('INVITATION_INVALID', '邀请中的签名无效');
  }
  adoptZone(sqlite, next, zone.rootPrivate, grant, grantKey);
  mergeRoster(sqlite, withGrant);
  sqlite.prepare('DELETE FROM sync_head').run();
  ensureSiteCert(sqlite, siteId, office, at);
}

/** What `zone --json` and the 同步 screen show. */
export function zoneStatus(sql: Sql, siteId: string): ZoneStatus {
  const zone = zoneOf(sql.sqlite);
  const roster = readRoster(sql);
  const members = verifyRoster(zone, roster) ?? new Map<string, Member>();
  const revocations = new Map(roster.revocations.map((r) => [r.siteId, r]));
  const offices = new Map<string, ZoneStatus['offices'][number]>();
  for (const cert of roster.sites) {
    const member = members.get(cert.siteId);
    const revoked = revocations.get(cert.siteId);
    const name = cert.office || '未设置驻点';
    let entry = offices.get(name);
    if (!entry) offices.set(name, (entry = { office: name, laptops: [] }));
    entry.laptops.push({
      siteId: cert.siteId,
      publicKey: cert.publicKey,
      role: member?.role ?? 'office',
      issuedAt: cert.issuedAt,
      state: revoked ? 'revoked' : member ? 'active' : 'unverified',
      revokedAt: revoked?.revokedAt ?? null,
      lastSeq: revoked?.lastSeq ?? null,
      thisLaptop: cert.siteId === siteId,
    });
  }
  return {
    zoneId: zone.id,
    name: zone.name,
    kind: zone.kind,
    siteId,
    role: members.get(siteId)?.role ?? 'office',
    isRoot: zone.rootPrivate !== null,
    rootPublicKey: zone.rootPublic,
    epoch: zone.epoch,
    offices: [...offices.values()].sort((a, b) => (a.office < b.office ? -1 : 1)),
  };
}
