// File key epochs (docs/sync.md Z5, Z7): after a lost laptop is revoked, 本部 replaces the zone's
// file key without phoning a new secret to anyone. `zone rekey` makes a random key for the next
// epoch and a root-signed statement that carries it wrapped to the X25519 key of every certified,
// unrevoked laptop; the statement travels in every manifest's roster, so each laptop takes its key
// from the first file that reaches it and encrypts its own files under the newest epoch it holds.
// A revoked laptop gets no envelope: it cannot read a file of the new epoch. A laptop certified
// later gets its envelope when 本部 next learns of it (coverNewLaptops).
import { AppError } from '../../domain/errors';
import type { ZoneRekeyResult } from '../../domain/sync';
import type { Sql } from '../sql';
import {
  later,
  randomKey,
  readRoster,
  requireRoot,
  storeRekey,
  storeZoneKey,
  storedRekey,
  unwrapOwn,
  verifyRoster,
  zoneOf,
} from './zone';
import type { Member, Zone } from './zone';
import { ROOT_SITE, publicKeyFor, rootKxKey, sealEnvelope, signStatement } from './zone-crypto';
import type { Envelope, Rekey, Roster } from './zone-crypto';

/** The laptops a new key is for: certified and not revoked. */
function activeMembers(sql: Sql, zone: Zone, members?: Map<string, Member>): Member[] {
  const verified = members ?? verifyRoster(zone, readRoster(sql));
  // Every stored statement was verified on its way in: a roster that fails here is a bug.
  if (!verified) throw new Error('the stored roster does not verify');
  return [...verified.values()].filter((m) => m.lastSeq === null);
}

/**
 * The statement of `epoch` for the active laptops, keeping the envelopes `previous` made for them.
 * A laptop without an X25519 key (a certificate of an older app) or with one that cannot take a
 * key is left waiting.
 */
function issue(
  zone: Zone,
  rootPrivate: string,
  epoch: number,
  key: Buffer,
  active: Member[],
  previous: Rekey | undefined,
  issuedAt: string,
): { rekey: Rekey; waiting: string[] } {
  const kept = new Map((previous?.envelopes ?? []).map((e) => [e.siteId, e]));
  const envelopes: Envelope[] = [];
  const waiting: string[] = [];
  for (const m of [...active].sort((a, b) => (a.siteId < b.siteId ? -1 : 1))) {
    let envelope = kept.get(m.siteId);
    if (!envelope && m.kx) {
      try {
        envelope = sealEnvelope(key, m.kx, { zone: zone.id, epoch, siteId: m.siteId });
      } catch {
        // A key no X25519 exchange accepts (a low-order point): that laptop cannot be covered.
      }
    }
    if (envelope) envelopes.push(envelope);
    else waiting.push(m.siteId);
  }
  const root = previous?.root ?? rootEnvelope(zone, rootPrivate, epoch, key);
  const body = { zone: zone.id, epoch, issuedAt, envelopes, root };
  return { rekey: { ...body, sig: signStatement('rekey', body, rootPrivate) }, waiting };
}

/** The key wrapped to the root's X25519 key: any holder of the root can open every epoch's. */
function rootEnvelope(zone: Zone, rootPrivate: string, epoch: number, key: Buffer) {
  const to = publicKeyFor(rootKxKey(rootPrivate));
  const bound = { zone: zone.id, epoch, siteId: ROOT_SITE };
  const { epk, iv, box } = sealEnvelope(key, to, bound);
  return { epk, iv, box };
}

/** The highest epoch this replica holds a key or a statement of. */
function topEpoch(sql: Sql, zone: Zone): number {
  const stated = sql.prepare('SELECT max(epoch) FROM zone_rekey').pluck().get() as number | null;
  return Math.max(zone.epoch, stated ?? 0);
}

/** 本部 replaces the file key: a new random key at the next epoch, wrapped for each laptop. */
export function rekeyZone(sql: Sql, at: string): ZoneRekeyResult {
  const zone = zoneOf(sql.sqlite);
  const root = requireRoot(zone);
  if (zone.kind !== 'real') throw new AppError('ZONE_NOT_CREATED');
  const epoch = topEpoch(sql, zone) + 1;
  const key = randomKey();
  const { rekey, waiting } = issue(zone, root, epoch, key, activeMembers(sql, zone), undefined, at);
  storeRekey(sql.sqlite, rekey);
  storeZoneKey(sql.sqlite, epoch, key);
  return { epoch, laptops: rekey.envelopes.length, waiting };
}

/**
 * At 本部, when the newest epoch's statement lacks an active laptop that could take a key (one
 * certified after the rekey, or whose certificate gained its X25519 key since), issues it again
 * with that laptop's envelope added and revoked ones left out: the same key and epoch, a later
 * time. Returns whether it did. `members` is the verified roster when the caller has it.
 */
export function coverNewLaptops(sql: Sql, at: string, members?: Map<string, Member>): boolean {
  const zone = zoneOf(sql.sqlite);
  if (!zone.rootPrivate || zone.epoch === 0 || topEpoch(sql, zone) !== zone.epoch) return false;
  const current = storedRekey(sql.sqlite, zone.epoch);
  if (!current) return false;
  const active = activeMembers(sql, zone, members);
  const covered = new Set(current.envelopes.map((e) => e.siteId));
  if (!active.some((m) => m.kx && !covered.has(m.siteId))) return false;
  const { rekey } = issue(
    zone,
    zone.rootPrivate,
    zone.epoch,
    zone.key,
    active,
    current,
    later(at, current.issuedAt),
  );
  if (rekey.envelopes.every((e) => covered.has(e.siteId))) return false;
  return storeRekey(sql.sqlite, rekey);
}

/**
 * The key of the epoch a file names: the one wrapped for this laptop in a statement of that epoch
 * that the file brings (later than the one held here, so at most once per file), else the one this
 * replica holds. The unwrapped key is stored with the roster when the import writes. A laptop
 * without either — revoked before the epoch, or not reached by 本部 since — cannot read the file
 * (FILE_KEY_MISSING).
 */
export function keyForEpoch(zone: Zone, held: Roster, union: Roster, epoch: number): Buffer {
  const statement = union.rekeys?.find((r) => r.epoch === epoch);
  const known = held.rekeys?.find((r) => r.epoch === epoch);
  // A later statement of an epoch wins everywhere, even with another key (docs/sync.md Z7).
  const brought =
    statement && statement.sig !== known?.sig ? unwrapOwn(zone, statement) : undefined;
  const key = brought ?? zone.keys.get(epoch) ?? (statement && unwrapOwn(zone, statement));
  if (key) return key;
  const holds = [...zone.keys.keys()].join('、');
  throw new AppError('FILE_KEY_MISSING', `文件用第 ${epoch} 代密钥加密，本机持有第 ${holds} 代`);
}
