// Merges another replica's changes into this one (docs/sync.md S5-S8, S14, S16), inside the caller's
// transaction: every change is kept in the log (losers too, so they are relayed), each field takes
// the value of its greatest-hlc change, conflicts are recorded for review, changes for unknown tables
// or columns are quarantined. Rows are written only through the mutation layer's apply path.
// One file over 400 lines: ordering, winners, conflicts, quarantine and the bulk path are one merge
// whose invariants (docs/sync.md, properties 1–11) hold only together.
import { AppError } from '../../domain/errors';
import { settingIds } from '../../domain/stored-values';
import type { Tx } from '../tx';
import type { Fields, FieldValue } from '../mutation';
import {
  cachedLookups,
  projectsBelowInvestors,
  projectsReferencingAny,
  USD_RATE_SETTING,
} from '../derived';
import { readMeta, writeMeta } from '../replica-identity';
import type { ColumnType, SyncedTable } from '../synced-tables';
import { hqOnlyTables, isSyncedTable, syncedTableNames, syncedTables } from '../synced-tables';
import { archivedStatement } from './archive';
import { unsettleRows } from './settled';
import { approxRows, dropSecondaryIndexes, worthRebuilding } from './bulk-indexes';
import type { Change, StoredChange } from './change-codec';
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
  /** Called after each phase's writes with its name (log, rows, derived, vectors, clock). */
  faults?: (phase: string) => void;
  /** Fewest rows for which a table's indexes are rebuilt (bulk-indexes.ts); tests lower it. */
  bulkMinRows?: number;
  /**
   * Whether an origin is a 本部 laptop, whose changes alone apply to 本部's tables
   * (hqOnlyTables); by default every origin is (a replica alone in its zone).
   */
  isHq?: (origin: string) => boolean;
}

/** Consecutive seqs of one origin that an import brought. */
export interface ImportRun {
  origin: string;
  first: number;
  last: number;
}

export interface ApplyOutcome {
  new: number;
  skipped: number;
  conflicts: number;
  quarantined: number;
  orphans: number;
  /** Changes to 本部's data from other offices: logged and relayed, never applied. */
  refused: number;
  /** The same, by office site and table, for the report. */
  refusedBy: { origin: string; tbl: string; count: number }[];
  /** By table: rows the new changes created, changed and deleted. */
  rows: Record<string, { added: number; changed: number; removed: number }>;
  /** The new changes as runs of consecutive seqs per origin: what an undo removes. */
  runs: ImportRun[];
}

interface Logged {
  origin: string;
  hlc: string;
  fields: Fields;
  prev: Record<string, string>;
}

/** Parent references a child row may hold before its parent arrives (S8). */
export const parentRefs: Partial<Record<SyncedTable, [string, SyncedTable][]>> = {
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
  key_investment: [['project_id', 'project']],
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
    const columns = Object.hasOwn(schema, c.tbl) ? schema[c.tbl] : undefined;
    if (!columns) return;
    for (const [col, value] of Object.entries(c.fields)) {
      const type = Object.hasOwn(columns, col) ? columns[col] : undefined;
      if (type && !typeMatches(type, value)) {
        throw new AppError('FILE_CORRUPT', `第 ${i + 1} 条变更：${c.tbl}.${col} 的值类型错误`);
      }
    }
  });
}

type StoredRow = Omit<StoredChange, 'origin' | 'seq'>;

/** A local log this many times the rows an import touches is read per row instead of scanned. */
const SCAN_LOG_RATIO = 8;

/** One row this import writes. */
interface RowState {
  /** Its changes so far: those in the log, then this import's in file order. */
  earlier: Logged[];
  /** The fields this import writes, merged over its changes in file order; null before the first. */
  merged: Fields | null;
  /** No change of the row was in the log before this import: it does not exist yet. */
  isNew: boolean;
  /**
   * The row is written from parsed values, not by SQLite from its logged JSON: a change has columns
   * this version does not know (quarantined, S16), or its id or text a lone surrogate, which
   * SQLite's JSON decodes into other characters than JS does.
   */
  writeParsed: boolean;
}

/**
 * Rows by table, then id. Nested maps rather than one keyed by table and id joined: the ids parsed
 * from the file keep their hash, and a joined key would be built and hashed again at every lookup.
 */
type RowStates = Map<string, Map<string, RowState>>;

type LoggedTable = Exclude<SyncedTable, 'project'>;

/** A new row with one change: its row is that change's fields as logged. */
function isLoggedAsIs(state: RowState): boolean {
  return state.isNew && state.earlier.length === 1 && !state.writeParsed;
}

/**
 * Text SQLite's JSON decodes otherwise than JS: a lone surrogate, which JSON.stringify writes as a
 * \u escape (a pair as itself). An escaped backslash before "ud" matches too, harmlessly.
 */
const ESCAPED_SURROGATE = '\\ud';
/** Any surrogate in a row id: a lone one, or a pair, harmlessly. */
const SURROGATE = /[\ud800-\udfff]/;

function mergedOf(state: RowState): Fields {
  if (!state.merged) throw new Error('sync apply: a row of the import took no part in the merge');
  return state.merged;
}

/** `changes` must have passed decodeChange and checkKnownTypes (the importer checks them first). */
export function applyChanges(tx: Tx, changes: Change[], options: ApplyOptions = {}): ApplyOutcome {
  const schema = options.schema ?? currentSchema;
  const { sql } = tx;
  const out: ApplyOutcome = {
    new: 0,
    skipped: 0,
    conflicts: 0,
    quarantined: 0,
    orphans: 0,
    refused: 0,
    refusedBy: [],
    rows: {},
    runs: [],
  };
  const isHq = options.isHq ?? (() => true);
  /** A change that may not apply: another office's change to 本部's data. */
  const overruled = (c: { origin: string; tbl: string }) =>
    hqOnlyTables.has(c.tbl) && !isHq(c.origin);
  const refusedAt: boolean[] = new Array<boolean>(changes.length).fill(false);

  // 1. Reads only. A change is in the log already only at or below its origin's highest stored seq;
  // such a change must be the same one (S14). Then each touched row's earlier changes.
  const getChange = sql.prepare(
    'SELECT hlc, tbl, row_id, fields, prev, author FROM sync_change WHERE origin = ? AND seq = ?',
  );
  const maxSeq = sql.prepare('SELECT max(seq) AS top FROM sync_change WHERE origin = ?');
  // A change compaction took out of the log (S19) is known: it comes back skipped.
  const archived = archivedStatement(sql);
  const tops = new Map<string, number>();
  // Only this replica writes its current origin's changes. An earlier origin's may come back from
  // elsewhere (changes made after the backup it restored, or by the laptop whose folder it copied):
  // their chains are checked like any other office's.
  const known: boolean[] = new Array<boolean>(changes.length).fill(false);
  /** Rows of known tables this import writes. */
  const rows: RowStates = new Map();
  /** Each new change's row, if its table is known: looked up once. */
  const rowOf: (RowState | undefined)[] = new Array<RowState | undefined>(changes.length);
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    let top = tops.get(c.origin);
    if (top === undefined) {
      top = (maxSeq.get(c.origin) as { top: number | null }).top ?? 0;
      tops.set(c.origin, top);
    }
    const stored = (c.seq <= top ? getChange.get(c.origin, c.seq) : undefined) as
      StoredRow | undefined;
    if (stored) {
      const same =
        stored.hlc === c.hlc &&
        stored.tbl === c.tbl &&
        stored.row_id === c.rowId &&
        stored.fields === JSON.stringify(c.fields) &&
        stored.prev === JSON.stringify(c.prev) &&
        stored.author === c.author;
      if (!same) {
        const office = options.sites?.[c.origin] ?? c.origin;
        throw new AppError('ORIGIN_SEQ_REUSE', `来源 ${office}，序号 ${c.seq}`);
      }
      known[i] = true;
    } else if (c.seq <= top && archived.get(c.origin, c.seq)) {
      known[i] = true;
    } else if (c.origin === tx.siteId) {
      throw new AppError('ORIGIN_OWN', `序号 ${c.seq}`);
    } else if (overruled(c)) {
      refusedAt[i] = true;
    } else if (Object.hasOwn(schema, c.tbl)) {
      let table = rows.get(c.tbl);
      if (!table) rows.set(c.tbl, (table = new Map()));
      let state = table.get(c.rowId);
      if (!state) {
        state = { earlier: [], merged: null, isNew: true, writeParsed: false };
        table.set(c.rowId, state);
      }
      rowOf[i] = state;
    }
  }
  // A refused change goes into the log beside an accepted one for the same new row: that row is
  // then not its one logged change, and is written from its merged fields.
  changes.forEach((c, i) => {
    const state = refusedAt[i] ? rows.get(c.tbl)?.get(c.rowId) : undefined;
    if (state) state.writeParsed = true;
  });
  loadLoggedChanges(tx, rows);

  // 2. Every new change into the log (losers too), merged per field in memory.
  const insertChange = sql.prepare(
    `INSERT INTO sync_change (origin, seq, hlc, tbl, row_id, fields, prev, author)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const quarantine = sql.prepare(
    'INSERT OR IGNORE INTO sync_quarantine (origin, seq, tbl) VALUES (?, ?, ?)',
  );
  const refuse = sql.prepare(
    "INSERT OR IGNORE INTO sync_refused (origin, seq, tbl, reason) VALUES (?, ?, ?, 'hq_only')",
  );
  const refusedBy = new Map<string, { origin: string; tbl: string; count: number }>();
  const addConflict = sql.prepare(
    `INSERT OR IGNORE INTO sync_conflict (a_hlc, b_hlc, col, kind, tbl, row_id)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const origins = new Set<string>();
  let maxHlc = '';

  /** Records a pair once, whichever arrives second: concurrent ones in clock order, a delete first. */
  const conflict = (a: string, b: string, col: string, kind: string, c: Change) => {
    const [first, second] = kind === 'concurrent' && b < a ? [b, a] : [a, b];
    out.conflicts += addConflict.run(first, second, col, kind, c.tbl, c.rowId).changes;
  };

  tx.mutate.bulk(() => {
    const fresh = changes.length - known.filter(Boolean).length;
    const rebuildLog = worthRebuilding(sql, 'sync_change', fresh, options.bulkMinRows)
      ? dropSecondaryIndexes(sql, 'sync_change')
      : undefined;
    changes.forEach((c, index) => {
      options.beforeChange?.(index);
      if (known[index]) {
        out.skipped += 1;
        return;
      }
      // Decoded changes have their keys in sorted order already (change-codec checks it).
      const fields = JSON.stringify(c.fields);
      insertChange.run(
        c.origin,
        c.seq,
        c.hlc,
        c.tbl,
        c.rowId,
        fields,
        JSON.stringify(c.prev),
        c.author,
      );
      out.new += 1;
      const run = out.runs.at(-1);
      if (run && run.origin === c.origin && run.last === c.seq - 1) run.last = c.seq;
      else out.runs.push({ origin: c.origin, first: c.seq, last: c.seq });
      origins.add(c.origin);
      if (c.hlc > maxHlc) maxHlc = c.hlc;
      if (refusedAt[index]) {
        refuse.run(c.origin, c.seq, c.tbl);
        out.refused += 1;
        const key = `${c.origin} ${c.tbl}`;
        const entry = refusedBy.get(key) ?? { origin: c.origin, tbl: c.tbl, count: 0 };
        entry.count += 1;
        refusedBy.set(key, entry);
        return;
      }
      const columns = Object.hasOwn(schema, c.tbl) ? schema[c.tbl] : undefined;
      if (!columns) {
        quarantine.run(c.origin, c.seq, c.tbl);
        out.quarantined += 1;
        return;
      }
      const row = rowOf[index]!;
      if (fields.includes(ESCAPED_SURROGATE) || SURROGATE.test(c.rowId)) row.writeParsed = true;
      const earlier = row.earlier;

      let winning: Fields = c.fields;
      let unknown = false;
      for (const col in c.fields) {
        if (!Object.hasOwn(columns, col)) unknown = true;
      }
      if (unknown || earlier.length > 0) {
        winning = {};
        for (const col in c.fields) {
          const value = c.fields[col]!;
          if (!Object.hasOwn(columns, col)) continue;
          let newest = true;
          for (const e of earlier) {
            if (!Object.hasOwn(e.fields, col) || overruled({ origin: e.origin, tbl: c.tbl })) {
              continue;
            }
            if (e.hlc > c.hlc) newest = false;
            // S6: both authors saw the same value and wrote different ones.
            if ((e.prev[col] ?? '') === (c.prev[col] ?? '') && e.fields[col] !== value) {
              conflict(e.hlc, c.hlc, col, 'concurrent', c);
            }
          }
          if (newest) winning[col] = value;
        }
      }
      if (unknown) {
        quarantine.run(c.origin, c.seq, c.tbl);
        out.quarantined += 1;
        row.writeParsed = true;
      }

      // S7: an edit made elsewhere after a delete its author had not seen.
      if (earlier.length > 0) {
        const isDelete = c.fields.deleted === 1;
        const isEdit = isPlainEdit(c.fields);
        for (const e of earlier) {
          if (e.origin === c.origin || overruled({ origin: e.origin, tbl: c.tbl })) continue;
          if (isDelete && isPlainEdit(e.fields) && e.hlc > c.hlc) {
            conflict(c.hlc, e.hlc, 'deleted', 'edit_after_delete', c);
          } else if (isEdit && e.fields.deleted === 1 && e.hlc < c.hlc) {
            conflict(e.hlc, c.hlc, 'deleted', 'edit_after_delete', c);
          }
        }
      }

      // Rows are written once each, after the loop: the merge reads only the log. A row's first
      // winning fields may be the change's own object, so later ones merge into a copy.
      row.merged = row.merged ? { ...row.merged, ...winning } : winning;
      earlier.push(c);
    });
    rebuildLog?.();
    options.faults?.('log');

    // 3. Each row once. Parents before projects, so a project's derived investor and owner names
    // are current. Every row in `rows` has merged fields by now: steps 1 and 2 take the same
    // changes (not in the log, of a known table). A new row of one change is written by SQLite
    // from its logged JSON; the others, and every project, from their merged fields.
    const order = [...rows.keys()].sort(
      (a, b) => Number(a === 'project') - Number(b === 'project'),
    );
    for (const table of order) {
      const states = rows.get(table)!;
      const rebuild = worthRebuilding(sql, table, states.size, options.bulkMinRows)
        ? dropSecondaryIndexes(sql, table)
        : undefined;
      const logged: string[] = [];
      const parsed: [string, Fields, boolean][] = [];
      for (const [id, state] of states) {
        if (table !== 'project' && isLoggedAsIs(state)) logged.push(id);
        else parsed.push([id, mergedOf(state), state.isNew]);
      }
      tx.mutate.applyLoggedRows(table as LoggedTable, logged);
      tx.mutate.applyMergedRows(table as SyncedTable, parsed);
      rebuild?.();
    }
    options.faults?.('rows');
    refreshDerived(tx, arrivalsBeyondProjects(rows), rows.get('project'));
    options.faults?.('derived');
  });

  out.refusedBy = [...refusedBy.values()];
  out.rows = rowCounts(rows);
  out.orphans = countOrphans(tx, rows);
  advanceVectors(tx, origins);
  options.faults?.('vectors');
  if (maxHlc) observeClock(tx, maxHlc);
  options.faults?.('clock');
  return out;
}

/**
 * Puts the logged changes of each row into its `earlier` and marks the row not new: one query per
 * row, or one scan of the log's row index first when the log is small compared with the rows.
 */
function loadLoggedChanges(tx: Tx, rows: RowStates): void {
  const { sql } = tx;
  let count = 0;
  for (const states of rows.values()) count += states.size;
  if (count === 0) return;
  // A settled row's change (S19) is read from its log like any other: it comes back first.
  for (const [tbl, states] of rows) {
    if (isSyncedTable(tbl)) unsettleRows(sql, tbl, [...states.keys()]);
  }
  let logged: Map<string, Set<string>> | undefined;
  if (approxRows(sql, 'sync_change') <= count * SCAN_LOG_RATIO) {
    logged = new Map();
    const scan = sql.prepare('SELECT DISTINCT tbl, row_id FROM sync_change').raw();
    for (const [tbl, rowId] of scan.iterate() as Iterable<[string, string]>) {
      let ids = logged.get(tbl);
      if (!ids) logged.set(tbl, (ids = new Set()));
      ids.add(rowId);
    }
  }
  const rowLog = sql.prepare(
    'SELECT origin, hlc, fields, prev FROM sync_change WHERE tbl = ? AND row_id = ?',
  );
  // Which of a table's rows the log speaks of, in one statement: a file of new rows (the usual
  // office file) then costs one pass of index lookups inside SQLite, not a call per row.
  const inLog = sql
    .prepare(
      `SELECT DISTINCT j.value FROM json_each(?) AS j CROSS JOIN sync_change AS c
       ON c.tbl = ? AND c.row_id = j.value`,
    )
    .pluck();
  for (const [tbl, states] of rows) {
    const loggedIds =
      logged?.get(tbl) ??
      (logged
        ? undefined
        : new Set(inLog.all(JSON.stringify([...states.keys()]), tbl) as string[]));
    if (!loggedIds) continue;
    for (const [rowId, state] of states) {
      if (!loggedIds.has(rowId)) continue;
      const entries = rowLog.all(tbl, rowId) as {
        origin: string;
        hlc: string;
        fields: string;
        prev: string;
      }[];
      if (entries.length === 0) continue;
      state.isNew = false;
      state.earlier = entries.map((e): Logged => ({
        origin: e.origin,
        hlc: e.hlc,
        fields: JSON.parse(e.fields) as Fields,
        prev: JSON.parse(e.prev) as Record<string, string>,
      }));
    }
  }
}

/**
 * `rows` for refreshDerived with only the arrivals whose project this import did not write: the
 * others are refreshed with their project, found by the arrivals' project index (at 100k changes
 * several times cheaper than finding them by their ids as well). An arrival's project is known
 * here when the import wrote its project_id.
 */
function arrivalsBeyondProjects(rows: RowStates): RowStates {
  const arrivals = rows.get('capital_arrival');
  const projects = rows.get('project');
  if (!arrivals || !projects) return rows;
  const beyond = new Map<string, RowState>();
  for (const [id, state] of arrivals) {
    const project = state.merged?.project_id;
    if (typeof project !== 'string' || !projects.has(project)) beyond.set(id, state);
  }
  return new Map([...rows, ['capital_arrival', beyond]]);
}

/** How many rows of each table the import created, changed and deleted. */
function rowCounts(rows: RowStates): ApplyOutcome['rows'] {
  const counts: ApplyOutcome['rows'] = {};
  for (const [table, states] of rows) {
    const c = { added: 0, changed: 0, removed: 0 };
    for (const state of states.values()) {
      const deleted = mergedOf(state).deleted === 1;
      if (state.isNew) c.added += deleted ? 0 : 1;
      else if (deleted) c.removed += 1;
      else c.changed += 1;
    }
    if (c.added + c.changed + c.removed > 0) counts[table] = c;
  }
  return counts;
}

/** A change that writes fields but does not touch `deleted`. */
function isPlainEdit(fields: Fields): boolean {
  if (Object.hasOwn(fields, 'deleted')) return false;
  for (const _ in fields) return true;
  return false;
}

/** Row ids of one table: a set, or a map keyed by id. */
type RowIds = ReadonlySet<string> | ReadonlyMap<string, unknown>;

/**
 * Refreshes the derived columns of projects touched directly or through their investor, owner or
 * the exchange rates; `fresh` projects were just written with theirs and are left alone.
 */
export function refreshDerived(
  tx: Tx,
  touched: ReadonlyMap<string, RowIds>,
  fresh: RowIds = new Set(),
): void {
  const projects = new Set(touched.get('project')?.keys());
  const promoters = touched.get('promoter');
  if (promoters?.size) {
    for (const p of projectsReferencingAny(tx.sql, 'promoter', promoters.keys())) projects.add(p);
  }
  // An investor's new parent, HQ or place moves every project in the group below it.
  const investors = touched.get('investor');
  if (investors?.size) {
    for (const p of projectsBelowInvestors(tx.sql, investors.keys())) projects.add(p);
  }
  const settings = touched.get('setting');
  if (settings?.has(USD_RATE_SETTING) || settings?.has(settingIds.fxRates)) {
    // Amounts in a foreign currency are converted at their year's rate.
    const foreign = tx.sql
      .prepare("SELECT id FROM project WHERE investment_currency <> 'CNY'")
      .pluck()
      .all() as string[];
    for (const id of foreign) projects.add(id);
  }
  // Investors, promoters and rates are all written by now: their lookups hold for the batch.
  const lookups = cachedLookups(tx.sql);
  for (const id of projects) if (!fresh.has(id)) tx.mutate.refreshProject(id, lookups);
  // Whether arrivals count as 市外内资 follows their own change and their project's city.
  tx.mutate.refreshArrivals({
    arrivals: touched.get('capital_arrival')?.keys() ?? [],
    projects: [...projects, ...fresh.keys()],
  });
}

/** Rows written by this import that point at a parent this replica does not have (S8). */
function countOrphans(tx: Tx, rows: RowStates): number {
  let orphans = 0;
  const stored = new Map<string, Map<string, boolean>>();
  const exists = (table: string, id: string) => {
    if (rows.get(table)?.has(id)) return true;
    let ids = stored.get(table);
    if (!ids) stored.set(table, (ids = new Map()));
    let found = ids.get(id);
    if (found === undefined) {
      // Sql.prepare keeps the statement: one per table.
      found = tx.sql.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
      ids.set(id, found);
    }
    return found;
  };
  for (const [table, states] of rows) {
    const refs = parentRefs[table as SyncedTable];
    if (!refs) continue;
    const read = tx.sql.prepare(
      `SELECT ${refs.map(([c]) => c).join(', ')} FROM ${table} WHERE id = ?`,
    );
    for (const [id, state] of states) {
      // A new row's merged fields are all it has; an older one is read back.
      const values = state.isNew ? mergedOf(state) : (read.get(id) as Fields);
      for (const [col, parent] of refs) {
        const ref = values[col];
        if (typeof ref === 'string' && !exists(parent, ref)) {
          orphans += 1;
          break;
        }
      }
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
  const logged = tx.sql.prepare('SELECT 1 FROM sync_change WHERE origin = ? AND seq = ?');
  const archived = archivedStatement(tx.sql);
  const has = { get: (o: string, s: number) => logged.get(o, s) ?? archived.get(o, s) };
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
