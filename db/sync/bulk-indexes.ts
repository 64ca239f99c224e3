// The classic bulk-load technique for large imports: inside the import's transaction, a table's
// secondary (non-unique) indexes are dropped before a batch that is large compared with the table,
// and built again afterwards, which sorts each index once instead of inserting into twenty B-trees
// row by row. The transaction keeps it atomic: a failure or a crash rolls the drop back with the
// rows. The planner's statistics of the dropped indexes are put back as they were, so query plans
// after the import are those an import without the drop would give.
import type { Sql } from '../sql';

/** Below this many rows a batch writes through the indexes: rebuilding them would cost more. */
export const BULK_MIN_ROWS = 5_000;
/** A batch at least this many times the table's current rows rebuilds its indexes. */
export const BULK_TABLE_RATIO = 1;

interface SavedIndex {
  name: string;
  sql: string;
}

interface SavedStats {
  table: 'sqlite_stat1' | 'sqlite_stat4';
  rows: unknown[][];
}

/** Roughly the rows of `table`: rows are never deleted (soft delete), so the largest rowid. */
export function approxRows(sql: Sql, table: string): number {
  const row = sql.prepare(`SELECT max(rowid) AS n FROM ${table}`).get() as { n: number | null };
  return row.n ?? 0;
}

/** Whether a batch of `rows` into `table` is worth dropping and rebuilding its indexes. */
export function worthRebuilding(
  sql: Sql,
  table: string,
  rows: number,
  minRows = BULK_MIN_ROWS,
): boolean {
  return rows >= minRows && rows >= approxRows(sql, table) * BULK_TABLE_RATIO;
}

/**
 * Indexes a write itself reads, kept through a bulk write: writing a project recomputes its
 * arrivals' 市外 (mutation.ts refreshArrivalsOutside), which without this index scans every
 * arrival, once per project (a 100,000-project demo took 588 s instead of about 30).
 */
const READ_WHILE_WRITING = new Set(['capital_arrival_project_id']);

/**
 * Drops the secondary indexes of `table` (none that enforce uniqueness, no key, none a write
 * reads: READ_WHILE_WRITING) and returns the function that builds them again and restores their
 * statistics; call it before anything reads
 * the table through them. Must run inside a write transaction.
 */
export function dropSecondaryIndexes(sql: Sql, table: string): () => void {
  const { sqlite } = sql;
  const unique = new Set(
    (sqlite.pragma(`index_list(${table})`) as { name: string; unique: number }[])
      .filter((i) => i.unique)
      .map((i) => i.name),
  );
  const indexes = (
    sqlite
      .prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
      )
      .all(table) as SavedIndex[]
  ).filter((i) => !unique.has(i.name) && !READ_WHILE_WRITING.has(i.name));
  if (indexes.length === 0) return () => {};
  const names = indexes.map((i) => i.name);
  const stats: SavedStats[] = [];
  for (const stat of ['sqlite_stat1', 'sqlite_stat4'] as const) {
    const exists = sqlite
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
      .get(stat);
    if (!exists) continue;
    const rows = sqlite
      .prepare(
        `SELECT * FROM ${stat} WHERE tbl = ? AND idx IN (${names.map(() => '?').join(', ')})`,
      )
      .raw()
      .all(table, ...names) as unknown[][];
    if (rows.length) stats.push({ table: stat, rows });
  }
  for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name}"`);
  return () => {
    for (const index of indexes) sqlite.exec(index.sql);
    for (const { table: stat, rows } of stats) {
      const insert = sqlite.prepare(
        `INSERT INTO ${stat} VALUES (${rows[0]!.map(() => '?').join(', ')})`,
      );
      for (const row of rows) insert.run(row);
    }
    // The planner reads statistics with the schema; this makes it read the restored ones.
    if (stats.length) sqlite.exec('ANALYZE sqlite_schema');
  };
}
