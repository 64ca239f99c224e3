// Merges another replica's changes into this one (SYNC.md S5-S8, S14, S16), inside the caller's
// transaction: every change is kept in the log (losers too, so they are relayed), each field takes
// the value of its greatest-hlc change, conflicts are recorded for review, changes for unknown tables
// or columns are quarantined. Rows are written only through the mutation layer's apply path.
import { AppError } from '../../domain/errors';
import type { Tx } from '../app-database';
import { canonicalJson } from '../mutation';
import type { Fields, FieldValue } from '../mutation';
import { projectsReferencing, USD_RATE_SETTING } from '../derived';
import { readMeta, writeMeta } from '../replica-identity';
import type { ColumnType, SyncedTable } from '../synced-tables';
import { syncedTableNames, syncedTables } from '../synced-tables';
import type { Change } from './change-codec';
import { compareClocks, formatHlc, parseHlc, ZERO_CLOCK } from './hlc';

/** The tables and columns this version can apply; tests pass an older one to act as an old app. */
export type KnownSchema = Readonly<Record<string, Readonly<Record<string, ColumnType>>>>;

export const currentSchema: KnownSchema = Object.fromEntries(
  syncedTableNames.map((t) => [t, syncedTables[t].columns]),
);

export interface ApplyOptions {
  schema?: KnownSchema;
  /** Office names by site, for messages. */
  sites?: Record<string, string>;
  /** Called before each change: tests inject failures here. */
  beforeChange?: (index: number) => void;
}

export interface ApplyOutcome {
  new: number;
  skipped: number;
  conflicts: number;
  quarantined: number;
  orphans: number;
}

interface Logged {
  origin: string;
  hlc: string;
  fields: Fields;
  prev: Record<string, string>;
}

/** Parent references a child row may hold before its parent arrives (S8). */
const parentRefs: Partial<Record<SyncedTable, [string, SyncedTable][]>> = {
  project: [['investor_id', 'investor']],
  contact: [
    ['investor_id', 'investor'],
    ['project_id', 'project'],
  ],
  activity: [
    ['project_id', 'project'],
    ['investor_id', 'investor'],
  ],
  task: [['project_id', 'project']],
  capital_arrival: [['project_id', 'project']],
  target_actual: [['target_id', 'target']],
};

function typeMatches(type: ColumnType, value: FieldValue): boolean {
  if (value === null) return true;
  if (type === 'text') return typeof value === 'string';
  if (type === 'integer') return Number.isSafeInteger(value);
  return typeof value === 'number';
}

/** Known columns must carry values of their type; checked before anything is written. */
export function checkKnownTypes(changes: Change[], schema: KnownSchema = currentSchema): void {
  changes.forEach((c, i) => {
    const columns = schema[c.tbl];
    if (!columns) return;
    for (const [col, value] of Object.entries(c.fields)) {
      const type = columns[col];
      if (type && !typeMatches(type, value)) {
        throw new AppError('FILE_CORRUPT', `第 ${i + 1} 条变更：${c.tbl}.${col} 的值类型错误`);
      }
    }
  });
}

export function applyChanges(tx: Tx, changes: Change[], options: ApplyOptions = {}): ApplyOutcome {
  const schema = options.schema ?? currentSchema;
  const { sql } = tx;
  const getChange = sql.prepare(
    'SELECT hlc, tbl, row_id, fields, prev, author FROM sync_change WHERE origin = ? AND seq = ?',
  );
  const rowLog = sql.prepare(
    'SELECT origin, hlc, fields, prev FROM sync_change WHERE tbl = ? AND row_id = ?',
  );
  const insertChange = sql.prepare(
    `INSERT INTO sync_change (origin, seq, hlc, tbl, row_id, fields, prev, author)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const quarantine = sql.prepare(
    'INSERT OR IGNORE INTO sync_quarantine (origin, seq, tbl) VALUES (?, ?, ?)',
  );
  const addConflict = sql.prepare(
    `INSERT OR IGNORE INTO sync_conflict (a_hlc, b_hlc, col, kind, tbl, row_id)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const out: ApplyOutcome = { new: 0, skipped: 0, conflicts: 0, quarantined: 0, orphans: 0 };
  const touched = new Map<string, Set<string>>();
  const origins = new Set<string>();
  let maxHlc = '';

  const conflict = (a: string, b: string, col: string, kind: string, c: Change) => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    out.conflicts += addConflict.run(
      kind === 'concurrent' ? lo : a,
      kind === 'concurrent' ? hi : b,
      col,
      kind,
      c.tbl,
      c.rowId,
    ).changes;
  };

  tx.mutate.bulk(() => {
    changes.forEach((c, index) => {
      options.beforeChange?.(index);
      const fieldsJson = canonicalJson(c.fields);
      const prevJson = canonicalJson(c.prev);
      const known = getChange.get(c.origin, c.seq) as
        | {
            hlc: string;
            tbl: string;
            row_id: string;
            fields: string;
            prev: string;
            author: string | null;
          }
        | undefined;
      if (known) {
        const same =
          known.hlc === c.hlc &&
          known.tbl === c.tbl &&
          known.row_id === c.rowId &&
          known.fields === fieldsJson &&
          known.prev === prevJson &&
          known.author === c.author;
        if (!same) {
          const office = options.sites?.[c.origin] ?? c.origin;
          throw new AppError('ORIGIN_SEQ_REUSE', `来源 ${office}，序号 ${c.seq}`);
        }
        out.skipped += 1;
        return;
      }
      const columns = schema[c.tbl];
      const earlier = columns
        ? (
            rowLog.all(c.tbl, c.rowId) as {
              origin: string;
              hlc: string;
              fields: string;
              prev: string;
            }[]
          ).map((e): Logged => ({
            origin: e.origin,
            hlc: e.hlc,
            fields: JSON.parse(e.fields) as Fields,
            prev: JSON.parse(e.prev) as Record<string, string>,
          }))
        : [];
      insertChange.run(c.origin, c.seq, c.hlc, c.tbl, c.rowId, fieldsJson, prevJson, c.author);
      out.new += 1;
      origins.add(c.origin);
      if (c.hlc > maxHlc) maxHlc = c.hlc;
      if (!columns) {
        quarantine.run(c.origin, c.seq, c.tbl);
        out.quarantined += 1;
        return;
      }

      const winning: Fields = {};
      let unknown = false;
      for (const [col, value] of Object.entries(c.fields)) {
        if (!columns[col]) {
          unknown = true;
          continue;
        }
        let newest = true;
        for (const e of earlier) {
          if (!Object.hasOwn(e.fields, col)) continue;
          if (e.hlc > c.hlc) newest = false;
          // S6: both authors saw the same value and wrote different ones.
          if ((e.prev[col] ?? '') === (c.prev[col] ?? '') && e.fields[col] !== value) {
            conflict(e.hlc, c.hlc, col, 'concurrent', c);
          }
        }
        if (newest) winning[col] = value;
      }
      if (unknown) {
        quarantine.run(c.origin, c.seq, c.tbl);
        out.quarantined += 1;
      }

      // S7: an edit made elsewhere after a delete its author had not seen.
      const isDelete = c.fields.deleted === 1;
      const isEdit = isPlainEdit(c.fields);
      for (const e of earlier) {
        if (e.origin === c.origin) continue;
        if (isDelete && isPlainEdit(e.fields) && e.hlc > c.hlc) {
          conflict(c.hlc, e.hlc, 'deleted', 'edit_after_delete', c);
        } else if (isEdit && e.fields.deleted === 1 && e.hlc < c.hlc) {
          conflict(e.hlc, c.hlc, 'deleted', 'edit_after_delete', c);
        }
      }

      tx.mutate.applyMerged(c.tbl as SyncedTable, c.rowId, winning);
      let rows = touched.get(c.tbl);
      if (!rows) touched.set(c.tbl, (rows = new Set()));
      rows.add(c.rowId);
    });
    refreshDerived(tx, touched);
  });

  out.orphans = countOrphans(tx, touched);
  advanceVectors(tx, origins);
  if (maxHlc) observeClock(tx, maxHlc);
  return out;
}

/** A change that writes fields but does not touch `deleted`. */
function isPlainEdit(fields: Fields): boolean {
  if (Object.hasOwn(fields, 'deleted')) return false;
  for (const _ in fields) return true;
  return false;
}

/** Region, tier and the other derived project columns of every project the import touched (directly or through its investor, owner or the exchange rates). */
export function refreshDerived(tx: Tx, touched: Map<string, Set<string>>): void {
  const projects = new Set(touched.get('project'));
  for (const table of ['investor', 'promoter'] as const) {
    for (const id of touched.get(table) ?? []) {
      for (const p of projectsReferencing(tx.sql, table, id)) projects.add(p);
    }
  }
  if (touched.get('setting')?.has(USD_RATE_SETTING)) {
    const usd = tx.sql
      .prepare("SELECT id FROM project WHERE investment_currency = 'USD'")
      .all() as {
      id: string;
    }[];
    for (const { id } of usd) projects.add(id);
  }
  for (const id of projects) tx.mutate.refreshProject(id);
}

function countOrphans(tx: Tx, touched: Map<string, Set<string>>): number {
  let orphans = 0;
  for (const [table, ids] of touched) {
    const refs = parentRefs[table as SyncedTable];
    if (!refs) continue;
    const row = tx.sql.prepare(
      `SELECT ${refs.map(([c]) => c).join(', ')} FROM ${table} WHERE id = ?`,
    );
    for (const id of ids) {
      const values = row.get(id) as Record<string, string | null>;
      const missing = refs.some(
        ([col, parent]) =>
          values[col] != null &&
          !tx.sql.prepare(`SELECT 1 FROM ${parent} WHERE id = ?`).get(values[col]),
      );
      if (missing) orphans += 1;
    }
  }
  return orphans;
}

/** Each origin's vector entry: the highest seq below which every change is held (S9). */
function advanceVectors(tx: Tx, origins: Set<string>): void {
  const upsert = tx.sql.prepare(
    `INSERT INTO sync_vv (origin, max_seq) VALUES (?, ?)
     ON CONFLICT (origin) DO UPDATE SET max_seq = excluded.max_seq`,
  );
  const stats = tx.sql.prepare(
    'SELECT count(*) AS n, max(seq) AS top FROM sync_change WHERE origin = ?',
  );
  const has = tx.sql.prepare('SELECT 1 FROM sync_change WHERE origin = ? AND seq = ?');
  const current = tx.sql.prepare('SELECT max_seq FROM sync_vv WHERE origin = ?');
  for (const origin of origins) {
    const { n, top } = stats.get(origin) as { n: number; top: number };
    let seq: number;
    // Our own origin is never behind: the next local write must take a fresh sequence number.
    if (n === top || origin === tx.siteId) seq = top;
    else {
      seq = (current.get(origin) as { max_seq: number } | undefined)?.max_seq ?? 0;
      while (has.get(origin, seq + 1)) seq += 1;
    }
    upsert.run(origin, seq);
  }
}

/** S4: the local clock moves past every imported change. */
function observeClock(tx: Tx, hlc: string): void {
  const stored = readMeta(tx.sql.sqlite, 'hlc_last');
  const last = stored ? parseHlc(stored) : ZERO_CLOCK;
  const seen = parseHlc(hlc);
  if (compareClocks(seen, last) > 0) {
    writeMeta(tx.sql.sqlite, 'hlc_last', formatHlc(seen, tx.siteId));
  }
}
