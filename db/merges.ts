// What merges mean for the stored rows (docs/sync.md S20). A merge is one synced value, the
// merged-away record's `merged_into`; everything else follows from the synced values alone, after
// every transaction that wrote, so every replica stores the same rows whatever order the changes
// came in: a merged-away record is stored as deleted, and a column naming it (a project's investor,
// an arrival's project, ...) as its survivor. `merge_override` keeps the synced value under each
// such stored one, for an unmerge or a later change to find.
import { AppError } from '../domain/errors';
import type { Sql } from './sql';
import type { SyncedTable } from './synced-tables';

// As db/mutation.ts has them (which imports this module).
type FieldValue = string | number | null;
type Fields = Record<string, FieldValue>;

export const mergeableTables = ['investor', 'project', 'contact'] as const;
export type MergeableTable = (typeof mergeableTables)[number];

interface Reference {
  table: SyncedTable;
  column: string;
  target: MergeableTable;
}

/** Every column that names a mergeable record, and so moves to its survivor. */
export const mergeReferences: readonly Reference[] = [
  { table: 'investor', column: 'parent_investor_id', target: 'investor' },
  { table: 'project', column: 'investor_id', target: 'investor' },
  { table: 'contact', column: 'investor_id', target: 'investor' },
  { table: 'activity', column: 'investor_id', target: 'investor' },
  { table: 'contact', column: 'project_id', target: 'project' },
  { table: 'activity', column: 'project_id', target: 'project' },
  { table: 'capital_arrival', column: 'project_id', target: 'project' },
  { table: 'key_investment', column: 'project_id', target: 'project' },
  { table: 'task', column: 'project_id', target: 'project' },
  { table: 'capture', column: 'project_id', target: 'project' },
  { table: 'claim', column: 'investor_id', target: 'investor' },
  { table: 'claim', column: 'project_id', target: 'project' },
];

const relevant = new Set<string>([...mergeableTables, ...mergeReferences.map((r) => r.table)]);

/** Whether a write to this table can change what merges store. */
export function touchesMerges(table: SyncedTable): boolean {
  return relevant.has(table);
}

export function isMergeable(table: string): table is MergeableTable {
  return (mergeableTables as readonly string[]).includes(table);
}

/** The synced values under this row's stored ones, by column (empty for almost every row). */
export function syncedUnderneath(
  sql: Sql,
  table: SyncedTable,
  id: string,
): Map<string, FieldValue> {
  const rows = sql
    .prepare('SELECT col, raw FROM merge_override WHERE tbl = ? AND row_id = ?')
    .all(table, id) as { col: string; raw: FieldValue }[];
  return new Map(rows.map((r) => [r.col, r.raw]));
}

/** A write of these columns stores their synced value again: what a merge stored goes. */
export function forgetOverrides(sql: Sql, table: SyncedTable, id: string, cols: string[]): void {
  sql
    .prepare(
      `DELETE FROM merge_override WHERE tbl = ? AND row_id = ?
       AND col IN (SELECT value FROM json_each(?))`,
    )
    .run(table, id, JSON.stringify(cols));
}

/** Whether any record of this replica is merged into another (checked once per transaction). */
export function anyMerges(sql: Sql): boolean {
  return mergeableTables.some(
    (t) =>
      sql.prepare(`SELECT 1 FROM ${t} WHERE merged_into IS NOT NULL LIMIT 1`).get() !== undefined,
  );
}

/** Whether these written fields name a record that is merged into another. */
export function namesMerged(sql: Sql, table: SyncedTable, fields: Fields): boolean {
  return mergeReferences.some((ref) => {
    const value = ref.table === table ? fields[ref.column] : undefined;
    return (
      typeof value === 'string' &&
      sql
        .prepare(`SELECT 1 FROM ${ref.target} WHERE id = ? AND merged_into IS NOT NULL`)
        .get(value) !== undefined
    );
  });
}

/** Whether this record is merged away, or a merge into it waits (it was not held yet). */
export function mergeEdgeAt(sql: Sql, table: MergeableTable, id: string): boolean {
  return (
    sql
      .prepare(
        `SELECT 1 FROM ${table} WHERE id = ? AND merged_into IS NOT NULL
         UNION ALL SELECT 1 FROM ${table} WHERE merged_into = ? LIMIT 1`,
      )
      .get(id, id) !== undefined
  );
}

export function hasOverrides(sql: Sql, table: SyncedTable): boolean {
  return sql.prepare('SELECT 1 FROM merge_override WHERE tbl = ? LIMIT 1').get(table) !== undefined;
}

/**
 * The survivor of every merged-away record of a table. A merge into a record this replica does
 * not hold yet waits for it. Two offices merging a pair in opposite directions make a cycle: its
 * oldest merge is set aside, so the latest one stands everywhere.
 */
export function survivors(sql: Sql, table: MergeableTable): Map<string, string> {
  const rows = sql
    .prepare(
      `SELECT t.id, t.merged_into AS target,
         (SELECT max(c.hlc) FROM sync_change c WHERE c.tbl = '${table}' AND c.row_id = t.id
            AND json_type(c.fields, '$.merged_into') IS NOT NULL) AS hlc
       FROM ${table} t
       WHERE t.merged_into IS NOT NULL AND t.merged_into <> t.id
         AND EXISTS (SELECT 1 FROM ${table} s WHERE s.id = t.merged_into)`,
    )
    .all() as { id: string; target: string; hlc: string | null }[];
  const edges = new Map(rows.map((r) => [r.id, { to: r.target, hlc: r.hlc ?? '' }]));
  breakCycles(edges);
  const survivor = new Map<string, string>();
  const find = (id: string): string => {
    const known = survivor.get(id);
    if (known !== undefined) return known;
    const edge = edges.get(id);
    const end = edge ? find(edge.to) : id;
    if (edge) survivor.set(id, end);
    return end;
  };
  for (const id of edges.keys()) find(id);
  return survivor;
}

/** The record a merged-away one now is (the end of its chain), or undefined if it stands. */
export function survivorOf(sql: Sql, table: MergeableTable, id: string): string | undefined {
  return survivors(sql, table).get(id);
}

/** A record's name as its lists show it. */
export function mergeableName(sql: Sql, table: MergeableTable, id: string): string | undefined {
  const column = table === 'investor' ? 'name_zh' : 'name';
  return sql.prepare(`SELECT ${column} FROM ${table} WHERE id = ?`).pluck().get(id) as
    string | undefined;
}

/** Refuses to use a merged-away record, naming the record it now is. */
export function refuseMergedAway(sql: Sql, table: MergeableTable, id: string): void {
  const survivor = survivorOf(sql, table, id);
  if (survivor !== undefined) {
    throw new AppError(
      'MERGED_AWAY',
      `已并入「${mergeableName(sql, table, survivor) ?? survivor}」`,
    );
  }
}

/** Each record has at most one merge, so each group of records holds at most one cycle. */
function breakCycles(edges: Map<string, { to: string; hlc: string }>): void {
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of [...edges.keys()]) {
    const path: string[] = [];
    let node: string | undefined = start;
    while (node !== undefined && !state.has(node) && edges.has(node)) {
      state.set(node, 'walking');
      path.push(node);
      node = edges.get(node)!.to;
    }
    if (node !== undefined && state.get(node) === 'walking') {
      const cycle = path.slice(path.indexOf(node));
      const oldest = cycle.reduce((a, b) => (edges.get(a)!.hlc <= edges.get(b)!.hlc ? a : b));
      edges.delete(oldest);
    }
    for (const p of path) state.set(p, 'done');
  }
}

type Store = (table: SyncedTable, id: string, fields: Fields) => void;

/** Brings the stored rows in line with the merges; `store` writes without recording a change. */
export function reconcileMerges(sql: Sql, store: Store): void {
  for (const table of mergeableTables) {
    const survivor = survivors(sql, table);
    storeMergedAsDeleted(sql, table, survivor, store);
    for (const ref of mergeReferences) {
      if (ref.target === table) redirect(sql, ref, survivor, store);
    }
  }
}

const setOverride = (sql: Sql, table: string, id: string, col: string, raw: FieldValue) =>
  sql
    .prepare(
      `INSERT INTO merge_override (tbl, row_id, col, raw) VALUES (?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET raw = excluded.raw`,
    )
    .run(table, id, col, raw);

const dropOverride = (sql: Sql, table: string, id: string, col: string) =>
  sql
    .prepare('DELETE FROM merge_override WHERE tbl = ? AND row_id = ? AND col = ?')
    .run(table, id, col);

function overridden(sql: Sql, table: string, col: string): Map<string, FieldValue> {
  const rows = sql
    .prepare('SELECT row_id, raw FROM merge_override WHERE tbl = ? AND col = ?')
    .all(table, col) as { row_id: string; raw: FieldValue }[];
  return new Map(rows.map((r) => [r.row_id, r.raw]));
}

function storeMergedAsDeleted(
  sql: Sql,
  table: MergeableTable,
  survivor: Map<string, string>,
  store: Store,
): void {
  const under = overridden(sql, table, 'deleted');
  const deletedOf = sql.prepare(`SELECT deleted FROM ${table} WHERE id = ?`).pluck();
  for (const id of survivor.keys()) {
    if (under.has(id)) continue;
    const deleted = deletedOf.get(id) as number;
    if (deleted === 1) continue;
    setOverride(sql, table, id, 'deleted', deleted);
    store(table, id, { deleted: 1 });
  }
  for (const [id, raw] of under) {
    if (survivor.has(id)) continue;
    dropOverride(sql, table, id, 'deleted');
    store(table, id, { deleted: raw });
  }
}

function redirect(sql: Sql, ref: Reference, survivor: Map<string, string>, store: Store): void {
  const under = overridden(sql, ref.table, ref.column);
  const candidates = new Map<string, { raw: FieldValue; stored: FieldValue }>();
  const storedOf = sql.prepare(`SELECT ${ref.column} FROM ${ref.table} WHERE id = ?`).pluck();
  for (const [id, raw] of under)
    candidates.set(id, { raw, stored: storedOf.get(id) as FieldValue });
  if (survivor.size > 0) {
    const naming = sql
      .prepare(
        `SELECT id, ${ref.column} AS value FROM ${ref.table}
         WHERE ${ref.column} IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify([...survivor.keys()])) as { id: string; value: string }[];
    for (const { id, value } of naming) {
      if (!candidates.has(id)) candidates.set(id, { raw: value, stored: value });
    }
  }
  for (const [id, { raw, stored }] of candidates) {
    let wanted = typeof raw === 'string' ? (survivor.get(raw) ?? raw) : raw;
    // A record merged into its own child keeps naming the (now deleted) parent it had.
    if (ref.table === ref.target && wanted === id) wanted = raw;
    if (wanted === raw) {
      if (under.has(id)) dropOverride(sql, ref.table, id, ref.column);
    } else {
      setOverride(sql, ref.table, id, ref.column, raw);
    }
    if (stored !== wanted) store(ref.table, id, { [ref.column]: wanted });
  }
}
