// The mutation layer (docs/sync.md S3): the only code that writes synced tables. Each write updates the
// row and appends one change (origin, seq, hlc, table, row id, fields, prev) in the same transaction.
// A per-connection guard (installMutationGuard) aborts any other write to a synced table.
// One file over 400 lines: local writes, sync's merged writes and the derived columns both refresh
// keep one invariant (a row and its change, or its derived values, in the same transaction), which
// reads best in one place.
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../domain/errors';
import { MAX_SEQ } from '../domain/sync';
import { Sql } from './sql';
import type { ColumnType, SyncedTable } from './synced-tables';
import { hqOnlyTables, syncedTables, syncedTableNames } from './synced-tables';
import type { Clock } from './sync/hlc';
import { formatHlc, tick } from './sync/hlc';
import {
  cachedLookups,
  deriveInvestor,
  deriveProject,
  directLookups,
  GROUP_COLUMNS,
  INVESTOR_SEARCH_COLUMNS,
  projectsBelowInvestors,
  projectsReferencing,
} from './derived';
import type { DeriveLookups } from './derived';
import { readMeta, writeMeta } from './replica-identity';
import {
  anyMerges,
  forgetOverrides,
  hasOverrides,
  isMergeable,
  mergeEdgeAt,
  namesMerged,
  reconcileMerges,
  syncedUnderneath,
  touchesMerges,
} from './merges';

export type FieldValue = string | number | null;
export type Fields = Record<string, FieldValue>;

/** Page cache for bulk writes, in KiB when negative (SQLite's convention): 256 MB. */
const BULK_CACHE_SIZE = -262_144;

/** Written by `Mutations`; everything else sees the gate closed. */
let gateOpen = false;

function throughGate<T>(write: () => T): T {
  gateOpen = true;
  try {
    return write();
  } finally {
    gateOpen = false;
  }
}

const guardedOps = ['INSERT', 'UPDATE', 'DELETE'] as const;
const guardName = (table: string, op: string) => `guard_${table}_${op.toLowerCase()}`;

/** Makes SQLite refuse writes to synced tables that do not come through this module. */
export function installMutationGuard(sqlite: Database.Database): void {
  sqlite.function('zs_mutation_open', { deterministic: false }, () => (gateOpen ? 1 : 0));
  for (const table of syncedTableNames) {
    for (const op of guardedOps) {
      sqlite.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS ${guardName(table, op)} BEFORE ${op} ON main.${table}
         WHEN zs_mutation_open() = 0
         BEGIN SELECT RAISE(ABORT, 'synced table ${table} written outside the mutation layer'); END`,
      );
    }
  }
}

export function removeMutationGuard(sqlite: Database.Database): void {
  for (const table of syncedTableNames) {
    for (const op of guardedOps) sqlite.exec(`DROP TRIGGER IF EXISTS temp.${guardName(table, op)}`);
  }
}

export interface MutationContext {
  readonly sql: Sql;
  readonly siteId: string;
  readonly author: string | null;
  readonly clock: Clock;
  readonly wallMs: () => number;
}

/** One transaction's writes. Created and finished by AppDatabase.transact. */
export class Mutations {
  private clock: Clock;
  private seq: number | null = null;
  private lastSeq = 0;
  /** Whether this transaction wrote a table whose stored rows merges decide (db/merges.ts). */
  private mergesTouched = false;
  /** Whether any record is merged away; read at the first write that could name one. */
  private mergesExist: boolean | undefined;
  /** While load() runs: whether it wrote arrivals (their 市外 waits for its end), and lookups. */
  private loading: { arrivals: boolean; lookups: DeriveLookups | null } | null = null;

  /** Whether this transaction appended to the change log. */
  get wrote(): boolean {
    return this.seq !== null;
  }

  /** The highest seq this transaction wrote (0 when it wrote none). */
  get highestSeq(): number {
    return this.lastSeq;
  }

  constructor(private readonly ctx: MutationContext) {
    this.clock = ctx.clock;
  }

  /** Creates a row; returns its id (a new UUIDv7 unless a deterministic seed id is given). */
  insert(table: SyncedTable, fields: Fields, id: string = uuidv7()): string {
    this.checkAuthority(table);
    // A new row's missing fields are NULL already: leaving nulls out keeps the change small.
    const values = checked(table, withoutNulls(fields));
    const row = { ...values, ...this.derivedFor(table, values) };
    // One statement per table, every column bound: a statement per set of columns cost a bulk
    // load a tenth of its time in building and looking up its text.
    const { cols, insert } = statementsOf(table);
    throughGate(() => this.ctx.sql.prepare(insert).run(bindRow(cols, id, row)));
    this.record(table, id, values, {});
    if (table !== 'project') this.afterWrite(table, id, values, true);
    this.resolveMerges(table, id, values, false);
    return id;
  }

  /**
   * Writes the fields that differ from the stored row; returns them (empty when nothing changed).
   * With `always`, every given field is recorded even if unchanged: resolving a sync conflict in
   * favour of the current value must still write a change that reaches the other offices.
   */
  update(
    table: SyncedTable,
    id: string,
    fields: Fields,
    options: { always?: boolean } = {},
  ): Fields {
    this.checkAuthority(table);
    const values = checked(table, fields);
    const current = this.ctx.sql.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as
      Record<string, FieldValue> | undefined;
    if (!current) throw new Error(`update of missing ${table} row ${id}`);
    // Where a merge stored another value, the author changes the synced one underneath.
    const merged = touchesMerges(table) ? syncedUnderneath(this.ctx.sql, table, id) : undefined;
    const changed: Fields = {};
    for (const [col, value] of Object.entries(values)) {
      const synced = merged?.has(col) ? merged.get(col) : current[col];
      if (options.always || synced !== value) changed[col] = value;
    }
    const cols = Object.keys(changed);
    if (cols.length === 0) return changed;
    throughGate(() =>
      this.ctx.sql
        .prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`)
        .run(...Object.values(changed), id),
    );
    if (merged?.size) forgetOverrides(this.ctx.sql, table, id, cols);
    this.record(table, id, changed, this.winningClocks(table, id, cols));
    this.afterWrite(table, id, changed);
    this.resolveMerges(
      table,
      id,
      changed,
      cols.some((c) => merged?.has(c)),
    );
    return changed;
  }

  /** Creates the row with a known id, or updates it if it exists (seeds use deterministic ids). */
  put(table: SyncedTable, id: string, fields: Fields): void {
    const exists = this.ctx.sql.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id);
    if (exists) this.update(table, id, fields);
    else this.insert(table, fields, id);
  }

  /** Soft delete (S7): values survive, a later `deleted = 0` restores the row. */
  remove(table: SyncedTable, id: string): boolean {
    return Object.keys(this.update(table, id, { deleted: 1 })).length > 0;
  }

  /**
   * Sync apply (docs/sync.md S5): writes the merged winning values of other replicas' changes, creating
   * the row if needed, in one statement per row (a project's derived columns included). Records
   * nothing: the changes themselves are already in the log (db/sync/apply.ts appended them).
   * `isNew` (no change for the row was in the log) skips reading the row.
   */
  applyMerged(table: SyncedTable, id: string, fields: Fields, isNew = false): void {
    this.applyMergedRows(table, [[id, fields, isNew]], directLookups(this.ctx.sql));
  }

  /**
   * applyMerged for many rows of one table with one prepared upsert. Projects derive their columns
   * with `lookups`: by default remembered for the batch, so the caller must have written the
   * batch's investors, promoters and settings before (sync apply writes parents first).
   */
  applyMergedRows(
    table: SyncedTable,
    rows: Iterable<readonly [id: string, fields: Fields, isNew: boolean]>,
    lookups: DeriveLookups = cachedLookups(this.ctx.sql),
  ): void {
    const { sql } = this.ctx;
    const { cols, upsert: text } = statementsOf(table);
    const upsert = sql.prepare(text);
    const read = sql.prepare(`SELECT * FROM ${table} WHERE id = ?`);
    const updatedAt = table === 'project' ? this.nowIso() : null;
    const values: FieldValue[] = new Array<FieldValue>(cols.length + 1);
    const merged = touchesMerges(table) && hasOverrides(sql, table);
    this.mergesTouched ||= touchesMerges(table);
    throughGate(() => {
      for (const [id, fields, isNew] of rows) {
        checked(table, fields);
        if (merged && !isNew) forgetOverrides(sql, table, id, Object.keys(fields));
        let row: Fields = isNew ? fields : { ...(read.get(id) as Fields | undefined), ...fields };
        if (updatedAt !== null) {
          row = Object.assign({}, row, deriveProject(sql, row, lookups), { updated_at: updatedAt });
        } else if (table === 'investor') {
          row = Object.assign({}, row, deriveInvestor(row));
        }
        upsert.run(bindRow(cols, id, row, values));
      }
    });
  }

  /**
   * applyMergedRows for new rows whose only change is the one just logged: SQLite reads their
   * values from the logged JSON itself, so a large import binds no value array per row. The caller
   * (sync apply) guarantees what applyMergedRows would check or do otherwise: each row has exactly
   * one change in the log, of columns this version knows, with values of their types (the importer
   * checks every change first), and neither its id nor its text holds a lone surrogate (SQLite's
   * JSON decodes one into other characters than JS does). Not for projects, whose derived columns
   * are computed in JS.
   */
  applyLoggedRows(table: Exclude<SyncedTable, 'project'>, ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.mergesTouched ||= touchesMerges(table);
    const cols = Object.keys(syncedTables[table].columns);
    const value = (c: string) =>
      c === 'deleted' ? `coalesce(n.fields ->> '$.deleted', 0)` : `n.fields ->> '$.${c}'`;
    // An investor's search text, derived in SQL by the function that derives it in JS.
    const derived =
      table === 'investor'
        ? { search_text: `zs_search(${INVESTOR_SEARCH_COLUMNS.map(value).join(', ')})` }
        : {};
    const names = [...cols, ...Object.keys(derived)];
    const values = [...cols.map(value), ...Object.values(derived)];
    // The ids drive the join (CROSS JOIN keeps them outside), each finding its change by the log's
    // row index. WHERE true: an upsert's SELECT needs one, or ON CONFLICT would read as a join's ON.
    const text =
      `INSERT INTO ${table} (id, ${names.join(', ')}) ` +
      `SELECT n.row_id, ${values.join(', ')} FROM json_each(?) AS j CROSS JOIN ` +
      `sync_change AS n ON n.tbl = '${table}' AND n.row_id = j.value WHERE true ` +
      `ON CONFLICT (id) DO UPDATE SET ${names.map((c) => `${c} = excluded.${c}`).join(', ')}`;
    const written = throughGate(() => this.ctx.sql.prepare(text).run(JSON.stringify(ids)).changes);
    if (written !== ids.length) {
      throw new Error(
        `applyLoggedRows: ${written} of ${ids.length} ${table} rows found in the log`,
      );
    }
  }

  /** Undo of an import (db/sync/undo-import.ts): rows no remaining change speaks of cease to exist. */
  dropRows(table: SyncedTable, ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.mergesTouched ||= touchesMerges(table);
    throughGate(() =>
      this.ctx.sql
        .prepare(`DELETE FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`)
        .run(JSON.stringify(ids)),
    );
  }

  /**
   * Undo of an import: projects take back the local "last written here" time they had. The merges
   * are settled first, since settling them may write a project and stamp that time again.
   */
  restoreUpdatedAt(times: readonly (readonly [id: string, at: string | null])[]): void {
    if (this.mergesTouched) {
      reconcileMerges(this.ctx.sql, (table, id, fields) => this.storeDerived(table, id, fields));
      this.mergesTouched = false;
    }
    const set = this.ctx.sql.prepare('UPDATE project SET updated_at = ? WHERE id = ?');
    throughGate(() => {
      for (const [id, at] of times) set.run(at, id);
    });
  }

  /**
   * Runs many writes of this layer without the per-row guard triggers, which cost about a third of
   * a bulk load. Only this layer's own methods run meanwhile (the call is synchronous), so the guard
   * has nothing to catch; it is back in place before this returns, even on error. A larger page
   * cache meanwhile keeps index pages in memory instead of spilling them (a third less time at 100k
   * projects in the benchmark).
   */
  bulk<T>(work: () => T): T {
    const sqlite = this.ctx.sql.sqlite;
    const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
    removeMutationGuard(sqlite);
    sqlite.pragma(`cache_size = ${BULK_CACHE_SIZE}`);
    try {
      return work();
    } finally {
      sqlite.pragma(`cache_size = ${cacheSize}`);
      installMutationGuard(sqlite);
    }
  }

  /**
   * bulk() for a load of new rows (demo data), with the work per row that reads other rows done
   * once: projects derive their columns from lookups remembered until an investor, promoter or
   * setting is written, and the 市外 of the arrivals written is computed at the end in one
   * statement instead of once per arrival. The database ends as row-by-row writes leave it.
   */
  load<T>(work: () => T): T {
    return this.bulk(() => {
      const loading: { arrivals: boolean; lookups: DeriveLookups | null } = {
        arrivals: false,
        lookups: null,
      };
      this.loading = loading;
      try {
        const result = work();
        // One pass over every arrival: at a demo's size several times quicker than finding the
        // loaded ones by id (0.7 against 1.2-2.1 s at 105,000); those already right are only read.
        if (loading.arrivals) this.refreshArrivals({ all: true });
        return result;
      } finally {
        this.loading = null;
      }
    });
  }

  /**
   * 本部's data (targets, settings, dictionaries: hqOnlyTables) is written only on a 本部 laptop or
   * one alone in its zone; another office's change would be refused by every replica anyway.
   */
  private checkAuthority(table: SyncedTable): void {
    if (hqOnlyTables.has(table) && readMeta(this.ctx.sql.sqlite, 'zone_role') === 'office') {
      throw new AppError('HQ_ONLY');
    }
  }

  /** Persists the clock and sequence; returns the clock to keep in memory once committed. */
  finish(): Clock {
    if (this.mergesTouched) {
      reconcileMerges(this.ctx.sql, (table, id, fields) => this.storeDerived(table, id, fields));
    }
    if (this.seq !== null) {
      this.ctx.sql
        .prepare(
          `INSERT INTO sync_vv (origin, max_seq) VALUES (?, ?)
           ON CONFLICT (origin) DO UPDATE SET max_seq = excluded.max_seq`,
        )
        .run(this.ctx.siteId, this.lastSeq);
      writeMeta(this.ctx.sql.sqlite, 'hlc_last', formatHlc(this.clock, this.ctx.siteId));
    }
    return this.clock;
  }

  private record(table: SyncedTable, id: string, fields: Fields, prev: Record<string, string>) {
    if (this.seq === null) {
      const row = this.ctx.sql
        .prepare('SELECT max_seq FROM sync_vv WHERE origin = ?')
        .get(this.ctx.siteId) as { max_seq: number } | undefined;
      this.seq = row?.max_seq ?? 0;
    }
    // A seq that is not a safe integer (or above what files may carry) would be stored rounded and
    // collide: refuse the write instead, whatever the log holds.
    if (!Number.isSafeInteger(this.seq + 1) || this.seq + 1 > MAX_SEQ) {
      throw new AppError('SEQ_EXHAUSTED', `站点 ${this.ctx.siteId}`);
    }
    this.seq += 1;
    this.lastSeq = this.seq;
    this.clock = tick(this.clock, this.ctx.wallMs());
    this.ctx.sql
      .prepare(
        `INSERT INTO sync_change (origin, seq, hlc, tbl, row_id, fields, prev, author)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.ctx.siteId,
        this.seq,
        formatHlc(this.clock, this.ctx.siteId),
        table,
        id,
        canonicalJson(fields),
        canonicalJson(prev),
        this.ctx.author,
      );
  }

  /** For each column, the hlc of the change whose value the author is looking at. */
  private winningClocks(table: SyncedTable, id: string, cols: string[]): Record<string, string> {
    const changes = this.ctx.sql
      .prepare('SELECT hlc, fields FROM sync_change WHERE tbl = ? AND row_id = ? ORDER BY hlc DESC')
      .all(table, id) as { hlc: string; fields: string }[];
    const prev: Record<string, string> = {};
    for (const col of cols) {
      const winner = changes.find((c) => Object.hasOwn(JSON.parse(c.fields) as object, col));
      if (winner) prev[col] = winner.hlc;
    }
    return prev;
  }

  private derivedFor(table: SyncedTable, values: Fields): Fields {
    if (table === 'investor') return deriveInvestor(values);
    if (table !== 'project') return {};
    const loading = this.loading;
    const lookups = loading ? (loading.lookups ??= cachedLookups(this.ctx.sql)) : undefined;
    return { ...deriveProject(this.ctx.sql, values, lookups), updated_at: this.nowIso() };
  }

  /** `inserted`: the row was just written whole, its own derived columns with it. */
  private afterWrite(table: SyncedTable, id: string, changed: Fields, inserted = false) {
    // What a project derives from: a load's remembered lookups are read again after this write.
    if (this.loading && LOOKUP_TABLES.has(table)) this.loading.lookups = null;
    if (table === 'project') this.refreshProject(id);
    if (table === 'capital_arrival') {
      if (this.loading) this.loading.arrivals = true;
      else this.refreshArrivals({ arrivals: [id] });
    }
    if (table === 'investor' && !inserted && INVESTOR_SEARCH_COLUMNS.some((c) => c in changed)) {
      this.refreshInvestor(id);
    }
    // A new parent, HQ or place moves the region and 市外 of every project in the group below.
    const regrouped = table === 'investor' && GROUP_COLUMNS.some((c) => c in changed);
    const renamed =
      (table === 'investor' &&
        ('name_zh' in changed || 'name_en' in changed || 'aliases' in changed)) ||
      (table === 'promoter' && 'name' in changed);
    if (regrouped) {
      for (const projectId of projectsBelowInvestors(this.ctx.sql, [id]))
        this.refreshProject(projectId);
    } else if (renamed) {
      for (const projectId of projectsReferencing(this.ctx.sql, table, id))
        this.refreshProject(projectId);
    }
  }

  /**
   * A local write that merges, or names a merged-away record, is resolved at once, so that what the
   * service reads back (and returns) is what will be stored, and again when the transaction ends.
   * Any other local write leaves every merge as it stored it (docs/sync.md S20), so it costs one
   * lookup per reference written and nothing more, however many records are merged: a row that had
   * a merge's value under a column written (`hadOverrides`), a merged-away row itself and a row a merge waits
   * for are the other writes that can change what merges store.
   */
  private resolveMerges(table: SyncedTable, id: string, fields: Fields, hadOverrides: boolean) {
    if (!touchesMerges(table)) return;
    const sql = this.ctx.sql;
    const merging = 'merged_into' in fields;
    this.mergesExist =
      typeof fields.merged_into === 'string' || (this.mergesExist ?? anyMerges(sql));
    if (!this.mergesExist && !merging) return;
    if (
      merging ||
      hadOverrides ||
      namesMerged(sql, table, fields) ||
      (isMergeable(table) && mergeEdgeAt(sql, table, id))
    ) {
      this.mergesTouched = true;
      reconcileMerges(sql, (t, rowId, f) => this.storeDerived(t, rowId, f));
    }
  }

  /** Stores values derived from synced ones (a merge's), recording no change. */
  private storeDerived(table: SyncedTable, id: string, fields: Fields): void {
    const cols = Object.keys(fields);
    throughGate(() =>
      this.ctx.sql
        .prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`)
        .run(...Object.values(fields), id),
    );
    this.afterWrite(table, id, fields);
  }

  /** Recomputes an investor's search text from its stored row. */
  private refreshInvestor(id: string): void {
    const row = this.ctx.sql.prepare('SELECT * FROM investor WHERE id = ?').get(id) as Fields;
    throughGate(() =>
      this.ctx.sql
        .prepare('UPDATE investor SET search_text = ? WHERE id = ?')
        .run(deriveInvestor(row).search_text, id),
    );
  }

  /** Recomputes whether these arrivals (or those of these projects) count as 市外内资. */
  refreshArrivals(by: Parameters<typeof refreshArrivalsOutside>[1]): void {
    throughGate(() => refreshArrivalsOutside(this.ctx.sql, by));
  }

  /**
   * Recomputes a project's local derived columns; derived values are never recorded as changes.
   * `lookups` as for applyMergedRows; read fresh by default.
   */
  refreshProject(id: string, lookups?: DeriveLookups): void {
    this.refreshProjectRow(id, lookups);
    this.refreshArrivals({ projects: [id] });
  }

  private refreshProjectRow(id: string, lookups?: DeriveLookups): void {
    const row = this.ctx.sql.prepare('SELECT * FROM project WHERE id = ?').get(id) as Fields;
    // Only the values that moved (and the time): each column set costs the updates of every
    // index over it, some twenty for all of them (a new rate moves two).
    const derived: Fields = {};
    for (const [col, value] of Object.entries(deriveProject(this.ctx.sql, row, lookups))) {
      if (row[col] !== value) derived[col] = value;
    }
    derived.updated_at = this.nowIso();
    const cols = Object.keys(derived);
    throughGate(() =>
      this.ctx.sql
        .prepare(`UPDATE project SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`)
        .run(...Object.values(derived), id),
    );
  }

  /**
   * refreshProject for many projects, with lookups remembered for the batch (nothing but these
   * projects and their arrivals is written meanwhile) and their arrivals' 市外 in one statement.
   */
  refreshProjects(ids: readonly string[]): void {
    const lookups = cachedLookups(this.ctx.sql);
    for (const id of ids) this.refreshProjectRow(id, lookups);
    this.refreshArrivals({ projects: ids });
  }

  private nowIso(): string {
    return new Date(this.ctx.wallMs()).toISOString();
  }
}

/** Tables deriveProject reads through its lookups: investors, owners, exchange rates. */
const LOOKUP_TABLES: ReadonlySet<SyncedTable> = new Set(['investor', 'promoter', 'setting']);

/**
 * Recomputes whether arrivals count as 市外内资 (outside_counted): the arrival's override, else an
 * older version's ticked box, else its project's city_outside; unknown counts as not 市外.
 */
function refreshArrivalsOutside(
  sql: Sql,
  by: { arrivals?: Iterable<string>; projects?: Iterable<string>; all?: true },
): void {
  const value = `coalesce(outside_override, CASE WHEN outside_city = 1 THEN 1 END,
    (SELECT p.city_outside FROM project p WHERE p.id = capital_arrival.project_id), 0)`;
  const changed = `outside_counted IS NOT ${value}`;
  if (by.all) {
    sql.prepare(`UPDATE capital_arrival SET outside_counted = ${value} WHERE ${changed}`).run();
    return;
  }
  const arrivals = JSON.stringify([...(by.arrivals ?? [])]);
  const projects = JSON.stringify([...(by.projects ?? [])]);
  if (arrivals === '[]' && projects === '[]') return;
  sql
    .prepare(
      `UPDATE capital_arrival SET outside_counted = ${value}
       WHERE (id IN (SELECT value FROM json_each(@arrivals))
         OR project_id IN (SELECT value FROM json_each(@projects))) AND ${changed}`,
    )
    .run({ arrivals, projects });
}

interface TableStatements {
  /** Every synced and derived column, in the order both statements bind them after the id. */
  cols: string[];
  /** A new row. */
  insert: string;
  /** A row created or updated (sync apply). */
  upsert: string;
}
const statements = new Map<SyncedTable, TableStatements>();

/**
 * A table's statements over all its synced and derived columns, whatever a row holds, so a bulk
 * write prepares (and looks up) one statement per table.
 */
function statementsOf(table: SyncedTable): TableStatements {
  let found = statements.get(table);
  if (!found) {
    const spec: { columns: object; derived?: readonly string[] } = syncedTables[table];
    const cols = [...Object.keys(spec.columns), ...(spec.derived ?? [])];
    const insert = `INSERT INTO ${table} (id, ${cols.join(', ')}) VALUES (?${', ?'.repeat(cols.length)})`;
    const update = cols.map((c) => `${c} = excluded.${c}`).join(', ');
    found = { cols, insert, upsert: `${insert} ON CONFLICT (id) DO UPDATE SET ${update}` };
    statements.set(table, found);
  }
  return found;
}

/** The values of `id` and `cols` from `row`, a column it lacks as a new row has it. */
function bindRow(
  cols: readonly string[],
  id: string,
  row: Fields,
  out: FieldValue[] = new Array<FieldValue>(cols.length + 1),
): FieldValue[] {
  out[0] = id;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
    out[i + 1] = row[c] ?? (c === 'deleted' ? 0 : null);
  }
  return out;
}

function withoutNulls(fields: Fields): Fields {
  const out: Fields = {};
  for (const key in fields) if (fields[key] !== null) out[key] = fields[key]!;
  return out;
}

function checked(table: SyncedTable, fields: Fields): Fields {
  const columns: Readonly<Record<string, ColumnType>> = syncedTables[table].columns;
  for (const col in fields) {
    const value = fields[col]!;
    const type = columns[col];
    if (!type) throw new Error(`${table}.${col} is not a synced column`);
    if (value === null) continue;
    const ok =
      type === 'text'
        ? typeof value === 'string'
        : type === 'integer'
          ? Number.isSafeInteger(value)
          : typeof value === 'number' && Number.isFinite(value);
    if (!ok) throw new Error(`${table}.${col} expects ${type}, got ${JSON.stringify(value)}`);
  }
  return fields;
}

/**
 * JSON with sorted keys, so equal content gives equal bytes. The keys are column names, never
 * array indexes (which an object would list first), so a copy in sorted order serialises as
 * JSON.stringify with the sorted keys as its list would, in two thirds of its time.
 */
export function canonicalJson(value: Record<string, FieldValue | string>): string {
  const sorted: Record<string, FieldValue | string> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = value[key]!;
  return JSON.stringify(sorted);
}

/**
 * The version of deriveProject's rules. Bump it when they change: every database recomputes its
 * projects' derived columns once, at its next open. 2: search text folded (domain/search-text.ts).
 * 3: region by the investor group's ultimate parent, 市外 by city (issue 17), arrivals' 市外.
 * 4: search text in simplified characters, without accents, with pinyin and initials (issue 18).
 * 6: projects' search text holds their 项目代码; investors get a stored search text (issue 18).
 * 7: projects' group_flags, the investor-group flags and 长三角 the 看板 breaks down by (issue 16).
 */
const DERIVED_VERSION = '7';
const REFRESH_BATCH = 2_000;

/**
 * Recomputes every project's and investor's derived columns when they were made by older rules
 * (at open).
 */
export function refreshDerivedColumns(sqlite: Database.Database): void {
  if (readMeta(sqlite, 'derived_version') === DERIVED_VERSION) return;
  const sql = new Sql(sqlite);
  const lookups = cachedLookups(sql);
  const page = sqlite.prepare(
    'SELECT rowid AS rowid_, * FROM project WHERE rowid > ? ORDER BY rowid LIMIT ?',
  );
  throughGate(() =>
    sqlite.transaction(() => {
      let update: Database.Statement | undefined;
      for (let after = 0; ;) {
        const rows = page.all(after, REFRESH_BATCH) as (Fields & { rowid_: number })[];
        if (rows.length === 0) break;
        for (const row of rows) {
          const derived = deriveProject(sql, row, lookups);
          update ??= sqlite.prepare(
            `UPDATE project SET ${Object.keys(derived)
              .map((c) => `${c} = @${c}`)
              .join(', ')} WHERE rowid = @rowid_`,
          );
          update.run({ ...derived, rowid_: row.rowid_ });
        }
        after = rows.at(-1)!.rowid_;
      }
      refreshArrivalsOutside(sql, { all: true });
      const investor = sqlite.prepare('UPDATE investor SET search_text = ? WHERE id = ?');
      for (const row of sqlite
        .prepare(`SELECT id, ${INVESTOR_SEARCH_COLUMNS.join(', ')} FROM investor`)
        .all() as Fields[]) {
        investor.run(deriveInvestor(row).search_text, row.id);
      }
      writeMeta(sqlite, 'derived_version', DERIVED_VERSION);
    })(),
  );
}
