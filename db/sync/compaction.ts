// Compaction of the change log (docs/sync.md S19). A change leaves the live log when
//  - every known peer holds it, and no export to one can still have to send its line: exports
//    start at a block start (chain.ts), so per origin only seqs up to the block end below every
//    peer's acknowledged seq go (the lines of a partially acknowledged block stay);
//  - each field it wrote has a later write of the same row that counts: applied (not refused by
//    Z6, not quarantined) and not among an undoable import's changes, so an undo still finds
//    every value it has to restore (S17);
//  - it is not protected: the first change of a row (its creation time, author and first values,
//    which claims and lists read), the highest seq of its origin (vectors are read from it), the
//    changes of an undoable import, refused or quarantined changes, and every change of a row
//    with a recorded conflict (whether it is open is read from the log).
// What stays of it (sync_archive): its key, so that the same change coming back is skipped, and,
// for a project, author, clock and values for the field history. A silent peer holds compaction
// back like any other until the user, having seen it named, excludes it: then what it lacks may
// go, and it can only come back by a snapshot (an export that would need a dropped line refuses).
import { AppError } from '../../domain/errors';
import type { CompactionPeer, CompactionReport } from '../../domain/compaction';
import { DEFAULT_SILENT_DAYS } from '../../domain/compaction';
import type { AppDatabase } from '../app-database';
import { withProgressSync } from '../job-progress';
import type { ReportProgress } from '../job-progress';
import type { Sql } from '../sql';
import type { Tx } from '../tx';
import { readMeta } from '../replica-identity';
import { BLOCK, chainAtBlock, storeBlocks } from './chain';
import { countAbove, heldBy, localVector, pendingInvitations } from './peers';
import { findSettling, settleFound } from './settled';
import type { SettleRules } from './settled';
import type { Vector } from './peers';
import { undoableImports } from './undo-import';

interface Peer extends CompactionPeer {
  acked: Vector;
}

/** Every laptop of the zone this replica knows, as exportTarget counts them, with what it holds. */
export function compactionPeers(sql: Sql, siteId: string, nowMs: number, silentDays: number) {
  const revoked = new Set(
    sql.prepare('SELECT site_id FROM zone_revocation').pluck().all() as string[],
  );
  const heard = sql
    .prepare('SELECT site_id, office, acked, last_in_at FROM sync_peer ORDER BY office, site_id')
    .all() as {
    site_id: string;
    office: string | null;
    acked: string;
    last_in_at: string | null;
  }[];
  const roster = sql.prepare('SELECT site_id, office FROM zone_site ORDER BY site_id').all() as {
    site_id: string;
    office: string | null;
  }[];
  const known = new Set(heard.map((p) => p.site_id));
  const rows = [
    ...heard,
    ...roster
      .filter((r) => !known.has(r.site_id))
      .map((r) => ({ ...r, acked: '{}', last_in_at: null })),
  ].filter((p) => p.site_id !== siteId && !revoked.has(p.site_id));
  const silentBefore = nowMs - silentDays * 86_400_000;
  const excluded = new Set(
    sql.prepare('SELECT site_id FROM sync_excluded').pluck().all() as string[],
  );
  // A laptop invited but not yet heard of holds at most its invitation's data, which is not
  // recorded: it counts as holding nothing, named by the invitation, silent once the set time has
  // passed since the invitation was made.
  const invited = pendingInvitations(sql).map((g): Peer => {
    return {
      siteId: g.grantId,
      office: g.office ?? (g.role === 'hq' ? '本部' : null),
      lastIn: null,
      silent: Date.parse(g.issuedAt) < silentBefore,
      lacking: countAbove(sql, {}),
      excluded: excluded.has(g.grantId),
      invitation: true,
      acked: {},
    };
  });
  const laptops = rows.map((p): Peer => {
    // The laptop a database was copied from, silent ever after, holds back only what others wrote.
    const acked = heldBy(p.site_id, p.acked);
    return {
      siteId: p.site_id,
      office: p.office,
      lastIn: p.last_in_at,
      silent: p.last_in_at === null || Date.parse(p.last_in_at) < silentBefore,
      lacking: countAbove(sql, acked),
      excluded: excluded.has(p.site_id),
      invitation: false,
      acked,
    };
  });
  return [...laptops, ...invited];
}

const strip = ({ acked: _, ...p }: Peer): CompactionPeer => p;

/** The silent laptops, as a compaction now would name them. */
export function silentPeers(tx: Tx, nowMs: number): CompactionPeer[] {
  const peers = compactionPeers(tx.sql, tx.siteId, nowMs, silentDaysSetting(tx.sql));
  return peers.filter((p) => p.silent).map(strip);
}

/** Per origin, the block end up to which every counted peer holds every change. */
function limits(held: Vector, peers: Peer[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [origin, top] of Object.entries(held)) {
    let seq = top;
    for (const p of peers) seq = Math.min(seq, p.acked[origin] ?? 0);
    out.set(origin, Math.floor(seq / BLOCK) * BLOCK);
  }
  return out;
}

/**
 * Keys `origin seq` of changes that never go (frozen) and of those that count for nothing as a
 * later write (uncounted): refused, quarantined and undoable changes are both; an origin's top is
 * frozen only.
 */
function protectedChanges(sql: Sql): { frozen: Set<string>; uncounted: Set<string> } {
  const uncounted = new Set<string>();
  const add = (set: Set<string>, query: string, ...params: unknown[]) => {
    const rows = sql
      .prepare(query)
      .raw()
      .iterate(...params) as Iterable<[string, number]>;
    for (const [o, s] of rows) set.add(`${o} ${s}`);
  };
  add(uncounted, 'SELECT origin, seq FROM sync_refused');
  add(uncounted, 'SELECT origin, seq FROM sync_quarantine');
  add(
    uncounted,
    `SELECT c.origin, c.seq FROM sync_import_run r JOIN sync_change c
       ON c.origin = r.origin AND c.seq BETWEEN r.first_seq AND r.last_seq
     WHERE r.import_id IN (SELECT value FROM json_each(?))`,
    JSON.stringify([...undoableImports(sql)]),
  );
  const frozen = new Set(uncounted);
  add(frozen, 'SELECT origin, max(seq) FROM sync_change GROUP BY origin');
  return { frozen, uncounted };
}

interface Dropped {
  origin: string;
  seq: number;
  tbl: string;
  row_id: string;
  hlc: string;
  author: string | null;
  fields: string;
}

/** What the rules above protect, and up to where each origin's changes are held everywhere. */
interface Rules extends SettleRules {
  /** Keys `origin seq` that count for nothing as a later write. */
  uncounted: Set<string>;
}

function rulesOf(sql: Sql, limit: Map<string, number>): Rules {
  const conflicted = new Set(
    (
      sql.prepare('SELECT DISTINCT tbl, row_id FROM sync_conflict').raw().all() as [
        string,
        string,
      ][]
    ).map(([t, r]) => `${t} ${r}`),
  );
  return { ...protectedChanges(sql), conflicted, limit };
}

/** Whether a change may leave the live log at all: held everywhere, not protected. */
const mayGo = (rules: Rules, c: { origin: string; seq: number; tbl: string; row_id: string }) =>
  !rules.frozen.has(`${c.origin} ${c.seq}`) &&
  c.seq <= (rules.limit.get(c.origin) ?? 0) &&
  !rules.conflicted.has(`${c.tbl} ${c.row_id}`);

/** The superseded changes that may leave the log, by the rules above. */
function droppable(sql: Sql, rules: Rules): Dropped[] {
  const rows = sql
    .prepare('SELECT tbl, row_id FROM sync_change GROUP BY tbl, row_id HAVING count(*) > 1')
    .raw()
    .all() as [string, string][];
  const rowLog = sql.prepare(
    `SELECT origin, seq, tbl, row_id, hlc, author, fields FROM sync_change
     WHERE tbl = ? AND row_id = ? ORDER BY hlc DESC`,
  );
  const out: Dropped[] = [];
  for (const [tbl, rowId] of rows) {
    if (rules.conflicted.has(`${tbl} ${rowId}`)) continue;
    const log = rowLog.all(tbl, rowId) as Dropped[];
    const written = new Set<string>();
    // Newest first; the last one, the row's first change, always stays.
    for (let i = 0; i < log.length - 1; i++) {
      const c = log[i]!;
      const cols = Object.keys(JSON.parse(c.fields) as object);
      if (mayGo(rules, c) && cols.every((col) => written.has(col))) out.push(c);
      if (!rules.uncounted.has(`${c.origin} ${c.seq}`)) for (const col of cols) written.add(col);
    }
  }
  return out;
}

function originNumber(sql: Sql, origin: string): { n: number; floor: number } {
  sql.prepare('INSERT OR IGNORE INTO sync_archive_origin (origin) VALUES (?)').run(origin);
  return sql.prepare('SELECT n, floor FROM sync_archive_origin WHERE origin = ?').get(origin) as {
    n: number;
    floor: number;
  };
}

export interface CompactOptions {
  nowMs: number;
  exclude?: readonly string[];
  silentDays?: number;
}

/** Reports a phase's progress every this many changes moved. */
const REPORT_EVERY = 1000;

/**
 * Moves what may go out of the live log, in the caller's transaction, reporting its phases. Returns
 * the counts and the peers that held it back.
 */
export function compactLog(tx: Tx, options: CompactOptions, report: ReportProgress = () => {}) {
  const { sql } = tx;
  report('找出可压缩的变更', 0, 0);
  const silentDays = options.silentDays ?? silentDaysSetting(sql);
  const peers = compactionPeers(sql, tx.siteId, options.nowMs, silentDays);
  // A laptop or invitation by its id, or an office's silent ones by the office's name.
  const exclude = new Set<string>();
  for (const given of options.exclude ?? []) {
    const byId = peers.find((p) => p.siteId === given);
    const named = byId ? [byId] : peers.filter((p) => p.office === given);
    if (named.length === 0) throw new AppError('UNKNOWN_PEER', given);
    const silent = named.filter((p) => p.silent);
    if (silent.length === 0 || (byId && !byId.silent))
      throw new AppError(
        'VALIDATION',
        `只能排除久未来文件的同步对象，${byId?.office ?? given} 不是`,
      );
    for (const p of silent) exclude.add(p.siteId);
  }
  const at = new Date(options.nowMs).toISOString();
  const remember = sql.prepare('INSERT OR IGNORE INTO sync_excluded (site_id, at) VALUES (?, ?)');
  for (const id of exclude) remember.run(id, at);
  for (const p of peers) if (exclude.has(p.siteId)) p.excluded = true;
  const counted = peers.filter((p) => !p.excluded);
  const changesBefore = countChanges(sql);
  const rules = rulesOf(sql, limits(localVector(sql), counted));
  const drops = droppable(sql, rules);
  const settling = findSettling(sql, rules);

  // Each origin's new floor is the block end above its highest dropped seq; the chain there must
  // be stored before the lines it is computed from go, or no export could start above it.
  const top = new Map<string, number>();
  for (const d of drops) top.set(d.origin, Math.max(top.get(d.origin) ?? 0, d.seq));
  for (const [origin, seq] of settling.tops) top.set(origin, Math.max(top.get(origin) ?? 0, seq));
  const skip = new Set<string>();
  const numbers = new Map<string, number>();
  for (const [origin, seq] of top) {
    const { n, floor } = originNumber(sql, origin);
    const k = Math.ceil(seq / BLOCK);
    const chain = chainAtBlock(sql, origin, k);
    if (!chain) {
      skip.add(origin);
      continue;
    }
    storeBlocks(sql, origin, [[k, chain]]);
    numbers.set(origin, n);
    sql
      .prepare('UPDATE sync_archive_origin SET floor = ? WHERE n = ?')
      .run(Math.max(floor, k * BLOCK), n);
  }
  const archive = sql.prepare(
    'INSERT INTO sync_archive (origin_n, seq, row_id, hlc, author, fields) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const remove = sql.prepare('DELETE FROM sync_change WHERE origin = ? AND seq = ?');
  let archived = 0;
  const moving = '移出被取代的变更';
  for (const [i, d] of drops.entries()) {
    if (i % REPORT_EVERY === 0) report(moving, i, drops.length);
    if (skip.has(d.origin)) continue;
    const project = d.tbl === 'project';
    archive.run(
      numbers.get(d.origin)!,
      d.seq,
      project ? d.row_id : null,
      project ? d.hlc : null,
      project ? d.author : null,
      project ? d.fields : null,
    );
    remove.run(d.origin, d.seq);
    archived += 1;
  }
  if (drops.length) report(moving, drops.length, drops.length);
  // One statement moves them all: the phase has no share, only the count.
  if (settling.found)
    report(`移出各电脑都已收到的变更 ${settling.found.toLocaleString('zh-CN')} 条`, 0, 0);
  const settled = settleFound(sql, skip);
  return {
    changesBefore,
    changesAfter: changesBefore - archived - settled,
    archived,
    settled,
    heldBackBy: counted.filter((p) => p.lacking > 0).map(strip),
    silent: peers.filter((p) => p.silent).map(strip),
    excluded: peers.filter((p) => p.excluded).map((p) => p.siteId),
  };
}

const countChanges = (sql: Sql) =>
  sql.prepare('SELECT count(*) FROM sync_change').pluck().get() as number;

/** The file's size in bytes as SQLite lays it out (the WAL aside). */
export function databaseBytes(sql: Sql): number {
  const pages = sql.sqlite.pragma('page_count', { simple: true }) as number;
  const size = sql.sqlite.pragma('page_size', { simple: true }) as number;
  return pages * size;
}

export const silentDaysSetting = (sql: Sql) =>
  Number(readMeta(sql.sqlite, 'compaction_silent_days') ?? DEFAULT_SILENT_DAYS);

type CompactInput = { exclude?: string[]; silentDays?: number; vacuum?: boolean };

/**
 * Compacts in one write transaction, then rewrites the file (VACUUM) so that the pages freed go
 * back to the disk: SQLite does not shrink a file by DELETE alone. It holds the thread to its end,
 * reporting its phases as the job 压缩变更日志.
 */
export function compact(app: AppDatabase, input: CompactInput = {}): CompactionReport {
  return withProgressSync(app, '压缩变更日志', (report) => compactReported(app, input, report));
}

function compactReported(
  app: AppDatabase,
  input: CompactInput,
  report: ReportProgress,
): CompactionReport {
  const t0 = performance.now();
  app.checkpointFully();
  const bytesBefore = databaseBytes(app.sql);
  const done = app.transact((tx) => compactLog(tx, { ...input, nowMs: app.now() }, report));
  if (input.vacuum !== false && done.archived + done.settled > 0) {
    report('整理数据库文件', 0, 0);
    app.sqlite.exec('VACUUM');
  }
  app.checkpointFully();
  const bytesAfter = databaseBytes(app.sql);
  const held = done.heldBackBy.map((p) => p.office ?? p.siteId);
  const count = (n: number) => n.toLocaleString('zh-CN');
  const moved = [
    done.archived ? `${count(done.archived)} 条被取代的变更移出变更日志` : '',
    done.settled ? `${count(done.settled)} 条各电脑均已收到的变更改由数据行本身保存` : '',
  ].filter(Boolean);
  const message =
    (moved.length
      ? `已压缩变更日志：${moved.join('，')}（${count(done.changesBefore)} → ${count(done.changesAfter)} 条），` +
        `文件 ${mb(bytesBefore)} → ${mb(bytesAfter)}`
      : `没有可以压缩的变更（变更日志 ${count(done.changesBefore)} 条）`) +
    (held.length ? `；${held.join('、')} 尚缺的变更保留未动` : '');
  return { ...done, bytesBefore, bytesAfter, ms: Math.round(performance.now() - t0), message };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
