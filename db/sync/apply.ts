// Merges another replica's changes into this one (SYNC.md S5-S8, S14, S16), inside the caller's
// transaction: every change is kept in the log (losers too, so they are relayed), each field takes
// the value of its greatest-hlc change, conflicts are recorded for review, changes for unknown tables
// or columns are quarantined. Rows are written only through the mutation layer's apply path.
import { AppError } from '../../domain/errors';
import type { Tx } from '../app-database';
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
  const maxSeq = sql.prepare('SELECT max(seq) AS top FROM sync_change WHERE origin = ?');
  const tops = new Map<string, number>();
  /** Rows with no change in the log before this import: they do not exist yet. */
  const newRows = new Set<string>();
  const seen = new Map<string, Logged[]>();
  const out: ApplyOutcome = { new: 0, skipped: 0, conflicts: 0, quarantined: 0, orphans: 0 };
  const pending = new Map<string, Map<string, Fields>>();
  const touched = new Map<string, Set<string>>();
  const origins = new Set<string>();
  let maxHlc = '';

  /** Records a pair once, whichever arrives second: concurrent ones in clock order, a delete first. */
  const conflict = (a: string, b: string, col: string, kind: string, c: Change) => {
    const [first, second] = kind === 'concurrent' && b < a ? [b, a] : [a, b];
    out.conflicts += addConflict.run(first, second, col, kind, c.tbl, c.rowId).changes;
  };

  tx.mutate.bulk(() => {
    changes.forEach((c, index) => {
      options.beforeChange?.(index);
      // Decoded changes have their keys in sorted order already (change-codec checks it).
      const fieldsJson = JSON.stringify(c.fields);
      const prevJson = JSON.stringify(c.prev);
      // Above the origin's highest stored seq a change is certainly new: no lookup needed.
      let top = tops.get(c.origin);
      if (top === undefined) {
        top = (maxSeq.get(c.origin) as { top: number | null }).top ?? 0;
        tops.set(c.origin, top);
      }
      const known = (c.seq <= top ? getChange.get(c.origin, c.seq) : undefined) as
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
      // A row's earlier changes: read from the log once per row, then kept in memory as this
      // import adds to them (the log would give the same, at a query per change).
      const rowKey = `${c.tbl}/${c.rowId}`;
      let earlier = seen.get(rowKey);
      if (columns && !earlier) {
        earlier = (
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
        }));
        seen.set(rowKey, earlier);
        if (earlier.length === 0) newRows.add(rowKey);
      }
      earlier ??= [];
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
      for (const col in c.fields) {
        const value = c.fields[col]!;
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

      // Rows are written once each, after the loop: the merge reads only the log.
      let rows = pending.get(c.tbl);
      if (!rows) pending.set(c.tbl, (rows = new Map()));
      const row = rows.get(c.rowId);
      if (row) Object.assign(row, winning);
      else rows.set(c.rowId, winning);
      earlier.push(c);
    });
    for (const [table, rows] of pending) touched.set(table, new Set(rows.keys()));
    // Parents before projects, so a project's derived investor and owner names are current.
    const order = [...pending.keys()].sort(
      (a, b) => Number(a === 'project') - Number(b === 'project'),
    );
    for (const table of order) {
      for (const [id, fields] of pending.get(table)!) {
        tx.mutate.applyMerged(table as SyncedTable, id, fields, newRows.has(`${table}/${id}`));
      }
    }
    refreshDerived(tx, touched, touched.get('project'));
  });

  out.orphans = countOrphans(tx, pending, newRows);
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

/**
 * Refreshes the derived columns of projects touched directly or through their investor, owner or
 * the exchange rates; `fresh` projects were just written with theirs and are left alone.
 */
export function refreshDerived(
  tx: Tx,
  touched: Map<string, Set<string>>,
  fresh: ReadonlySet<string> = new Set(),
): void {
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
  for (const id of projects) if (!fresh.has(id)) tx.mutate.refreshProject(id);
}

/** Rows written by this import that point at a parent this replica does not have (S8). */
function countOrphans(
  tx: Tx,
  pending: Map<string, Map<string, Fields>>,
  newRows: Set<string>,
): number {
  let orphans = 0;
  const exists = (table: string, id: string) =>
    pending.get(table)?.has(id) ||
    tx.sql.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  for (const [table, rows] of pending) {
    const refs = parentRefs[table as SyncedTable];
    if (!refs) continue;
    const read = tx.sql.prepare(
      `SELECT ${refs.map(([c]) => c).join(', ')} FROM ${table} WHERE id = ?`,
    );
    for (const [id, fields] of rows) {
      // A new row's pending fields are all it has; an older one is read back.
      const values = newRows.has(`${table}/${id}`) ? fields : (read.get(id) as Fields);
      const missing = refs.some(([col, parent]) => {
        const ref = values[col];
        return typeof ref === 'string' && !exists(parent, ref);
      });
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
