// Who this replica exchanges files with (docs/sync.md S9): version vectors, each peer's acknowledged
// vector (read from the manifests of its files), the last file in and out, and this site's identity.
import { AppError } from '../../domain/errors';
import type { SyncPeer, SyncSite } from '../../domain/sync';
import { labelOf, offices } from '../../domain/vocabulary';
import type { Sql } from '../sql';
import { previousSiteIds, readMeta } from '../replica-identity';
import { parseHlc } from './hlc';

export type Vector = Record<string, number>;

/** What this replica holds: per origin, the highest seq below which it has every change. */
export function localVector(sql: Sql): Vector {
  const rows = sql.prepare('SELECT origin, max_seq FROM sync_vv ORDER BY origin').all() as {
    origin: string;
    max_seq: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.origin, r.max_seq]));
}

/** This replica's office as people name it (上海), from the key stored at first run. */
export function ownOffice(sql: Sql): string | null {
  const key = readMeta(sql.sqlite, 'office_id');
  return key === undefined ? null : labelOf(offices, key);
}

interface PeerRow {
  site_id: string;
  office: string | null;
  acked: string;
  last_in_at: string | null;
  last_in_file: string | null;
  last_out_at: string | null;
  last_out_file: string | null;
}

const peerRows = (sql: Sql) =>
  sql.prepare('SELECT * FROM sync_peer ORDER BY office, site_id').all() as PeerRow[];

/** Office names of every site this replica knows, itself included. */
export function knownSites(sql: Sql, siteId: string): Record<string, string> {
  const sites: Record<string, string> = {};
  for (const p of peerRows(sql)) if (p.office) sites[p.site_id] = p.office;
  const office = ownOffice(sql);
  if (office) sites[siteId] = office;
  return sites;
}

/**
 * Merges a peer's stated vector into what it is known to hold, clamped to what this replica holds
 * itself: a peer can claim no more than this replica could send it, so an inflated claim never
 * empties later exports. A vector never moves back but by resetPeer.
 */
export function recordFileIn(
  sql: Sql,
  peer: { siteId: string; office: string | null; vector: Vector },
  file: string,
  at: string,
): void {
  const row = sql.prepare('SELECT acked FROM sync_peer WHERE site_id = ?').get(peer.siteId) as
    { acked: string } | undefined;
  const held = localVector(sql);
  const stated: Vector = {};
  for (const [origin, seq] of Object.entries(peer.vector)) {
    const clamped = Math.min(seq, held[origin] ?? 0);
    if (clamped > 0) stated[origin] = clamped;
  }
  const acked = maxVector(row ? readVector(row.acked) : {}, stated);
  sql
    .prepare(
      `INSERT INTO sync_peer (site_id, office, acked, last_in_at, last_in_file) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (site_id) DO UPDATE SET office = coalesce(excluded.office, office),
         acked = excluded.acked, last_in_at = excluded.last_in_at, last_in_file = excluded.last_in_file`,
    )
    .run(peer.siteId, peer.office, JSON.stringify(sortedVector(acked)), at, file);
  sql.prepare('DELETE FROM sync_excluded WHERE site_id = ?').run(peer.siteId);
}

/**
 * A sender that names the site ids it replaced (a restored backup or a copied folder took a new
 * one, S2) is the same laptop: those stop being listed as peers of their own, which would lack
 * changes forever. Only peers of the sender's own office: no laptop hides another office's.
 */
export function forgetReplaced(sql: Sql, replaced: readonly string[], office: string | null): void {
  const forget = sql.prepare('DELETE FROM sync_peer WHERE site_id = ? AND office IS ?');
  for (const siteId of replaced) forget.run(siteId, office);
}

/** Forgets what a peer is known to hold: the next export for it carries everything. */
export function resetPeer(sql: Sql, siteId: string): void {
  const done = sql.prepare("UPDATE sync_peer SET acked = '{}' WHERE site_id = ?").run(siteId);
  if (done.changes === 0) throw new AppError('UNKNOWN_PEER', siteId);
}

/** A stored vector; anything but a map of seqs reads as empty (what the peer holds is unknown). */
function readVector(text: string): Vector {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const out: Vector = {};
    for (const [origin, seq] of Object.entries(parsed)) {
      if (Number.isSafeInteger(seq) && (seq as number) > 0) out[origin] = seq as number;
    }
    return out;
  } catch {
    return {};
  }
}

/**
 * What a laptop holds: what it acknowledged, and every change it made itself, since one that lost
 * some (restored, copied) goes on under a new site id (S2). Compaction, exports and the peers'
 * 尚缺 count all read it.
 */
export function heldBy(siteId: string, acked: string): Vector {
  return { ...readVector(acked), [siteId]: Number.MAX_SAFE_INTEGER };
}

export function recordFileOut(sql: Sql, siteIds: string[], file: string, at: string): void {
  const stmt = sql.prepare(
    'UPDATE sync_peer SET last_out_at = ?, last_out_file = ? WHERE site_id = ?',
  );
  for (const site of siteIds) stmt.run(at, file, site);
}

export interface ExportTarget {
  /** Everything above this vector goes into the file. */
  vector: Vector;
  siteIds: string[];
  office: string | null;
}

/**
 * The peer named by a site id or an office name. An office with several laptops gets what the
 * least advanced of them lacks; an office never heard from gets everything.
 */
export function exportTarget(sql: Sql, name: string): ExportTarget {
  // Every laptop of the zone's roster is a peer, heard from or not: one never heard from is known
  // to hold nothing, so an export for its office carries everything.
  const heard = new Set(peerRows(sql).map((p) => p.site_id));
  const own = readMeta(sql.sqlite, 'site_id');
  const roster = sql.prepare('SELECT site_id, office FROM zone_site').all() as {
    site_id: string;
    office: string;
  }[];
  // Laptops excluded from compaction (S19) are left out like revoked ones until heard from again.
  const revoked = new Set(
    sql
      .prepare('SELECT site_id FROM zone_revocation UNION SELECT site_id FROM sync_excluded')
      .pluck()
      .all() as string[],
  );
  const peers = [
    ...peerRows(sql).filter((p) => !revoked.has(p.site_id)),
    ...roster
      .filter(
        (r) => !heard.has(r.site_id) && !revoked.has(r.site_id) && r.site_id !== own && r.office,
      )
      .map((r) => ({ site_id: r.site_id, office: r.office, acked: '{}' }) as PeerRow),
  ];
  const bySite = peers.filter((p) => p.site_id === name);
  const byOffice = peers.filter((p) => p.office === name.trim());
  const chosen = bySite.length ? bySite : byOffice;
  if (chosen.length === 0 || (bySite.length === 0 && invitedLaptopPending(sql, name.trim()))) {
    const office = offices.find((o) => o.label === name.trim() || o.key === name.trim());
    if (!office) throw new AppError('UNKNOWN_PEER', name);
    return { vector: {}, siteIds: chosen.map((p) => p.site_id), office: office.label };
  }
  // An export for a laptop never heard from carries none of its own changes, which compaction
  // may have settled.
  const vectors = chosen.map((p) => heldBy(p.site_id, p.acked));
  const vector: Vector = {};
  for (const origin of new Set(vectors.flatMap((v) => Object.keys(v)))) {
    const seq = Math.min(...vectors.map((v) => v[origin] ?? 0));
    if (seq > 0) vector[origin] = seq;
  }
  return { vector, siteIds: chosen.map((p) => p.site_id), office: chosen[0]!.office };
}

/**
 * Whether 本部 invited a laptop for this office that no certificate in the roster belongs to yet:
 * it holds only what its invitation brought, so the office's exports carry everything until it
 * is heard of.
 */
function invitedLaptopPending(sql: Sql, office: string): boolean {
  return pendingInvitations(sql).some((g) => g.office === office && g.role === 'office');
}

/** Invitations that no laptop in the roster joined with yet. */
export function pendingInvitations(sql: Sql) {
  const used = new Set(
    (sql.prepare('SELECT statement FROM zone_site').pluck().all() as string[]).map(
      (s) => (JSON.parse(s) as { grantId?: string }).grantId,
    ),
  );
  return (sql.prepare('SELECT statement FROM zone_grant').pluck().all() as string[])
    .map(
      (s) => JSON.parse(s) as { grantId: string; role: string; office?: string; issuedAt: string },
    )
    .filter((g) => !used.has(g.grantId));
}

/** Changes this replica holds above `vector`. */
export function countAbove(sql: Sql, vector: Vector): number {
  const total = (sql.prepare('SELECT count(*) AS n FROM sync_change').get() as { n: number }).n;
  const below = sql.prepare('SELECT count(*) AS n FROM sync_change WHERE origin = ? AND seq <= ?');
  let known = 0;
  for (const [origin, seq] of Object.entries(vector)) {
    known += (below.get(origin, seq) as { n: number }).n;
  }
  return total - known;
}

export function listPeers(sql: Sql): SyncPeer[] {
  return peerRows(sql).map((p) => {
    const acknowledged = readVector(p.acked);
    return {
      siteId: p.site_id,
      office: p.office,
      acknowledged,
      lastIn: p.last_in_at ? { at: p.last_in_at, file: p.last_in_file ?? '' } : null,
      lastOut: p.last_out_at ? { at: p.last_out_at, file: p.last_out_file ?? '' } : null,
      lacking: countAbove(sql, heldBy(p.site_id, p.acked)),
    };
  });
}

const CLOCK_BEHIND_WARNING_MS = 2 * 60_000;

export function siteInfo(sql: Sql, siteId: string, wallMs: number): SyncSite {
  const last = readMeta(sql.sqlite, 'hlc_last');
  const lastMs = last ? parseHlc(last).ms : null;
  const behind = lastMs === null ? 0 : lastMs - wallMs;
  return {
    siteId,
    office: ownOffice(sql),
    user: readMeta(sql.sqlite, 'user_name') ?? null,
    previousSiteIds: previousSiteIds(sql.sqlite),
    vector: localVector(sql),
    changes: (sql.prepare('SELECT count(*) AS n FROM sync_change').get() as { n: number }).n,
    lastClock: lastMs === null ? null : new Date(lastMs).toISOString(),
    clockWarning:
      behind > CLOCK_BEHIND_WARNING_MS
        ? `本机时钟比已收到的最新修改慢 ${describeOffset(behind)}，请核对电脑的日期和时间`
        : null,
  };
}

export function describeOffset(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} 分钟`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} 小时` : `${Math.round(hours / 24)} 天`;
}

export function maxVector(a: Vector, b: Vector): Vector {
  const out: Vector = { ...a };
  for (const [origin, seq] of Object.entries(b)) out[origin] = Math.max(out[origin] ?? 0, seq);
  return out;
}

export function sortedVector(v: Vector): Vector {
  return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
