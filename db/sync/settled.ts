// Settled rows (docs/sync.md S19): a row whose only change every known laptop holds keeps that
// change's key, clock, author and column list in `sync_settled` instead of a log line, since its
// values are the row's own. The line comes back into the log (unsettled), rebuilt from the row,
// before anything reads the row's log to write it or writes one of its synced columns:
//  - per connection, TEMP triggers rebuild it from OLD before any UPDATE of a synced column or
//    DELETE of the row, whichever code path writes;
//  - code that reads a row's log before writing it (the mutation layer's winning clocks, an
//    import's earlier changes, a quarantine release) calls `unsettleRows` first.
// A change settles only when the JSON rebuilt from the row is byte for byte its stored fields, and
// the triggers rebuild with the same SQL, so what comes back is what went.
import type Database from 'better-sqlite3';
import type { Sql } from '../sql';
import { syncedTableNames, syncedTables } from '../synced-tables';
import type { SyncedTable } from '../synced-tables';

/** A table's synced columns in the order canonical JSON sorts its keys. */
function columnsOf(table: SyncedTable): [string, string][] {
  const columns = syncedTables[table].columns as Record<string, string>;
  return Object.entries(columns).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A column's value as the log's JSON holds it. A REAL is written as JavaScript writes a number:
 * an integral one without a fraction, another with the fewest digits that read back the same
 * (an exponent may still differ: the settle check then finds the bytes unequal).
 */
function valueSql(alias: string, column: string, type: string): string {
  const v = `${alias}.${column}`;
  if (type !== 'real') return v;
  const digits = (n: number) => `printf('%.${n}g', ${v})`;
  const roundTrips = (n: number) => `CAST(${digits(n)} AS REAL) = ${v}`;
  return (
    `CASE WHEN ${v} IS NULL THEN NULL ` +
    `WHEN ${v} = CAST(${v} AS INTEGER) AND abs(${v}) < 9007199254740992 THEN CAST(${v} AS INTEGER) ` +
    `WHEN ${roundTrips(15)} THEN json(${digits(15)}) WHEN ${roundTrips(16)} THEN json(${digits(16)}) ` +
    `ELSE json(${digits(17)}) END`
  );
}

/**
 * The fields JSON a change writing some of the table's columns would hold, rebuilt from the row
 * `alias`; `writes(c)` is SQL telling whether it writes column c. json_patch leaves out the columns
 * it does not write (their value is NULL here); a settled change holds no NULL (findSettling), so
 * nothing else is left out.
 */
function rebuiltFieldsSql(
  table: SyncedTable,
  alias: string,
  writes: (column: string) => string,
): string {
  const pairs = columnsOf(table).map(
    ([c, type]) => `'${c}', CASE WHEN ${writes(c)} THEN ${valueSql(alias, c, type)} END`,
  );
  return `json_patch('{}', json_object(${pairs.join(', ')}))`;
}

/** Whether the column list (a JSON array of names) in `colsSql` names the column. */
const listed = (colsSql: string) => (column: string) => `instr(${colsSql}, '"${column}"') > 0`;

/**
 * Moves settled changes back into the log: those of the settled rows `match` selects (a condition
 * on `s`, the sync_settled row), rebuilt from the row values `row` names (joined by `join`).
 */
function unsettleSql(table: SyncedTable, row: string, join: string, match: string): string[] {
  return [
    `INSERT INTO main.sync_change (origin, seq, hlc, tbl, row_id, fields, prev, author)
     SELECT o.origin, s.seq, s.hlc, s.tbl, s.row_id, ${rebuiltFieldsSql(table, row, listed('k.cols'))}, '{}',
       s.author
     FROM main.sync_settled AS s JOIN main.sync_archive_origin AS o ON o.n = s.origin_n
       JOIN main.sync_colset AS k ON k.n = s.colset ${join}
     WHERE ${match}`,
    `DELETE FROM main.sync_archive WHERE (origin_n, seq) IN
       (SELECT s.origin_n, s.seq FROM main.sync_settled AS s WHERE ${match})`,
    `DELETE FROM main.sync_settled AS s WHERE ${match}`,
  ];
}

const triggerName = (table: string, op: string) => `settled_${table}_${op}`;

/** Installs, on this connection, the triggers that unsettle a row before it is written. */
export function installSettledTriggers(sqlite: Database.Database): void {
  for (const table of syncedTableNames) {
    const settled = `EXISTS (SELECT 1 FROM main.sync_settled WHERE tbl = '${table}' AND row_id = OLD.id)`;
    const match = `s.tbl = '${table}' AND s.row_id = OLD.id`;
    const body = unsettleSql(table, 'OLD', '', match).join(';\n') + ';';
    const cols = columnsOf(table).map(([c]) => c);
    sqlite.exec(
      `CREATE TEMP TRIGGER IF NOT EXISTS ${triggerName(table, 'update')}
       BEFORE UPDATE OF ${cols.join(', ')} ON main.${table} WHEN ${settled}
       BEGIN ${body} END`,
    );
    sqlite.exec(
      `CREATE TEMP TRIGGER IF NOT EXISTS ${triggerName(table, 'delete')}
       BEFORE DELETE ON main.${table} WHEN ${settled}
       BEGIN ${body} END`,
    );
  }
}

/** Lifts them (SQLite transfers pages only into a table without triggers). */
export function removeSettledTriggers(sqlite: Database.Database): void {
  for (const table of syncedTableNames) {
    for (const op of ['update', 'delete']) {
      sqlite.exec(`DROP TRIGGER IF EXISTS temp.${triggerName(table, op)}`);
    }
  }
}

const anySettled = (sql: Sql) =>
  sql.prepare('SELECT 1 FROM sync_settled LIMIT 1').get() !== undefined;

/** Brings the settled changes of these rows back into the log, before their log is read. */
export function unsettleRows(sql: Sql, table: SyncedTable, ids: readonly string[]): void {
  if (ids.length === 0 || !anySettled(sql)) return;
  const list = JSON.stringify(ids);
  const statements = unsettleSql(
    table,
    'r',
    `JOIN main.${table} AS r ON r.id = s.row_id`,
    `s.tbl = '${table}' AND s.row_id IN (SELECT value FROM json_each(?))`,
  );
  for (const text of statements) sql.prepare(text).run(list);
}

/** What compaction's rules (compaction.ts) let go, in the terms the settle check needs. */
export interface SettleRules {
  /** Keys `origin seq` that never go. */
  frozen: ReadonlySet<string>;
  /** Rows `tbl row_id` with a recorded conflict. */
  conflicted: ReadonlySet<string>;
  /** Per origin, the seq up to which every counted laptop holds its changes. */
  limit: ReadonlyMap<string, number>;
}

/**
 * What a settled change must not write: the log answers who deleted or merged a row from such
 * changes (deletion.ts, merges.ts).
 */
const UNSETTLED_VALUE = `j.key = 'merged_into' OR (j.key = 'deleted' AND j.value <> 0)`;

/**
 * Finds, reading only, the changes that may settle and keeps them in `temp.settling`: each row's
 * only change, with an empty `prev` and no NULL, that the rules let go and whose fields the row's
 * values rebuild byte for byte. Returns how many it found and, per origin, the highest seq.
 */
export function findSettling(
  sql: Sql,
  rules: SettleRules,
): { found: number; tops: Map<string, number> } {
  const sqlite = sql.sqlite;
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS settle_limit (origin TEXT PRIMARY KEY, top INTEGER)
    WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS settle_frozen (origin TEXT, seq INTEGER,
      PRIMARY KEY (origin, seq)) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS settle_skipped (tbl TEXT, row_id TEXT,
      PRIMARY KEY (tbl, row_id)) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS settling (tbl TEXT, row_id TEXT, origin TEXT, seq INTEGER,
      hlc TEXT, author TEXT, cols TEXT);
    DELETE FROM temp.settle_limit; DELETE FROM temp.settle_frozen;
    DELETE FROM temp.settle_skipped; DELETE FROM temp.settling;`);
  const fill = (table: string, rows: unknown[][]) => {
    const insert = sql.prepare(
      `INSERT INTO temp.${table} SELECT value ->> 0, value ->> 1 FROM json_each(?)`,
    );
    for (let i = 0; i < rows.length; i += BATCH)
      insert.run(JSON.stringify(rows.slice(i, i + BATCH)));
  };
  fill('settle_limit', [...rules.limit]);
  fill(
    'settle_frozen',
    [...rules.frozen].map((k) => {
      const at = k.lastIndexOf(' ');
      return [k.slice(0, at), Number(k.slice(at + 1))];
    }),
  );
  fill(
    'settle_skipped',
    [...rules.conflicted].map((k) => {
      const at = k.indexOf(' ');
      return [k.slice(0, at), k.slice(at + 1)];
    }),
  );
  // Rows of more than one change are skipped too: one pass over the row index, not a probe of it
  // for every change.
  sqlite.exec(`INSERT OR IGNORE INTO temp.settle_skipped
    SELECT tbl, row_id FROM sync_change GROUP BY tbl, row_id HAVING count(*) > 1`);
  // Whether the fields name a column: in the log's flat JSON, `"col":` can only be a key (a quote
  // inside a string is escaped). The stored list is read by json_each, and the byte comparison
  // below holds both to the same columns.
  const keyOf = (fieldsSql: string) => (column: string) =>
    `instr(${fieldsSql}, '"${column}":') > 0`;
  // One pass over the log in its own order (reading it by the row index would seek for each).
  // Most first changes write every column the row holds (a row of deleted = 0 maybe without it):
  // compared with the row's whole JSON first, which the column list would rebuild the same, and
  // only then with the JSON of the columns the change names (an instr per column: ten times the
  // work at 100k projects).
  const all = (t: SyncedTable) => rebuiltFieldsSql(t, 'r', () => 'true');
  const rebuilt = syncedTableNames.map(
    (t) =>
      `WHEN '${t}' THEN (SELECT c.fields IN (a.json, json_remove(a.json, '$.deleted')) FROM
         (SELECT ${all(t)} AS json FROM ${t} AS r WHERE r.id = c.row_id) AS a)
         OR c.fields = (SELECT ${rebuiltFieldsSql(t, 'r', keyOf('c.fields'))} FROM ${t} AS r
         WHERE r.id = c.row_id)`,
  );
  const found = sql
    .prepare(
      `INSERT INTO temp.settling (tbl, row_id, origin, seq, hlc, author, cols)
       SELECT c.tbl, c.row_id, c.origin, c.seq, c.hlc, c.author,
         (SELECT json_group_array(key) FROM json_each(c.fields))
       FROM sync_change AS c
       WHERE c.prev = '{}' AND c.fields <> '{}'
         AND c.seq <= (SELECT top FROM temp.settle_limit AS l WHERE l.origin = c.origin)
         AND NOT EXISTS (SELECT 1 FROM temp.settle_frozen AS f
           WHERE f.origin = c.origin AND f.seq = c.seq)
         AND NOT EXISTS (SELECT 1 FROM temp.settle_skipped AS x
           WHERE x.tbl = c.tbl AND x.row_id = c.row_id)
         AND NOT EXISTS (SELECT 1 FROM json_each(c.fields) AS j
           WHERE j.type = 'null' OR ${UNSETTLED_VALUE})
         AND CASE c.tbl ${rebuilt.join(' ')} END`,
    )
    .run().changes;
  const tops = sql
    .prepare('SELECT origin, max(seq) FROM temp.settling GROUP BY origin')
    .raw()
    .all() as [string, number][];
  return { found, tops: new Map(tops) };
}

const BATCH = 5_000;

/**
 * Settles what findSettling found, but for the origins in `skip`: each change leaves the log for
 * sync_settled, and its key goes to the archive (whose origins' numbers the caller has made).
 * Returns how many settled.
 */
export function settleFound(sql: Sql, skip: ReadonlySet<string>): number {
  sql
    .prepare('DELETE FROM temp.settling WHERE origin IN (SELECT value FROM json_each(?))')
    .run(JSON.stringify([...skip]));
  sql.sqlite.exec(
    `INSERT OR IGNORE INTO sync_colset (tbl, cols) SELECT DISTINCT tbl, cols FROM temp.settling`,
  );
  const count = sql
    .prepare(
      `INSERT INTO sync_settled (tbl, row_id, origin_n, seq, hlc, author, colset)
       SELECT s.tbl, s.row_id, o.n, s.seq, s.hlc, s.author, k.n FROM temp.settling AS s
       JOIN sync_archive_origin AS o ON o.origin = s.origin
       JOIN sync_colset AS k ON k.tbl = s.tbl AND k.cols = s.cols`,
    )
    .run().changes;
  sql.sqlite.exec(
    `INSERT INTO sync_archive (origin_n, seq) SELECT o.n, s.seq FROM temp.settling AS s
     JOIN sync_archive_origin AS o ON o.origin = s.origin;
     DELETE FROM sync_change WHERE (tbl, row_id) IN (SELECT tbl, row_id FROM temp.settling);
     DELETE FROM temp.settling;`,
  );
  return count;
}

/** SQL for a settled row's stamp column (`hlc` or `author`), NULL when the row is not settled. */
export const settledStampSql = (table: SyncedTable, id: string, column: 'hlc' | 'author') =>
  `(SELECT ${column} FROM sync_settled WHERE tbl = '${table}' AND row_id = ${id})`;

/** A statement reading the settled change of one row (its id the parameter) as the log held it. */
export const settledChangeSql = (table: SyncedTable) =>
  `SELECT s.hlc, s.author, ${rebuiltFieldsSql(table, 'r', listed('k.cols'))} AS fields
   FROM sync_settled AS s JOIN sync_colset AS k ON k.n = s.colset
     JOIN ${table} AS r ON r.id = s.row_id
   WHERE s.tbl = '${table}' AND s.row_id = ?`;
