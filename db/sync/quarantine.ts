// Changes for tables or columns this version did not know (docs/sync.md S16) stay in the log, are relayed
// like any other, and are applied once the app knows them: after an upgrade, each affected row is
// recomputed from its whole log, which gives the state a replica that was always new would have.
import { createHash } from 'node:crypto';
import type { Tx } from '../tx';
import type { Sql } from '../sql';
import type { Fields } from '../mutation';
import { readMeta, writeMeta } from '../replica-identity';
import type { SyncedTable } from '../synced-tables';
import { isSyncedTable } from '../synced-tables';
import type { KnownSchema } from './apply';
import { currentSchema, refreshDerived } from './apply';
import { unsettleRows } from './settled';

function signature(schema: KnownSchema): string {
  const text = Object.keys(schema)
    .sort()
    .map((t) => `${t}(${Object.keys(schema[t]!).sort().join(',')})`)
    .join(';');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function hasQuarantine(sql: Sql): boolean {
  return sql.prepare('SELECT 1 FROM sync_quarantine LIMIT 1').get() !== undefined;
}

/** Applies quarantined changes the schema now knows; returns how many left quarantine. */
export function releaseQuarantine(tx: Tx, schema: KnownSchema = currentSchema): number {
  if (!hasQuarantine(tx.sql)) return 0;
  const sig = signature(schema);
  if (readMeta(tx.sql.sqlite, 'sync_quarantine_schema') === sig) return 0;
  const entries = tx.sql
    .prepare(
      `SELECT q.origin, q.seq, q.tbl, c.row_id, c.fields FROM sync_quarantine q
       JOIN sync_change c ON c.origin = q.origin AND c.seq = q.seq`,
    )
    .all() as { origin: string; seq: number; tbl: string; row_id: string; fields: string }[];
  const drop = tx.sql.prepare('DELETE FROM sync_quarantine WHERE origin = ? AND seq = ?');
  const touched = new Map<string, Set<string>>();
  let released = 0;
  for (const e of entries) {
    // A name from a file: `constructor` must not find Object's.
    const columns = Object.hasOwn(schema, e.tbl) ? schema[e.tbl] : undefined;
    if (!columns) continue;
    let rows = touched.get(e.tbl);
    if (!rows) touched.set(e.tbl, (rows = new Set()));
    rows.add(e.row_id);
    if (Object.keys(JSON.parse(e.fields) as object).every((col) => Object.hasOwn(columns, col))) {
      drop.run(e.origin, e.seq);
      released += 1;
    }
  }
  tx.mutate.bulk(() => {
    for (const [table, ids] of touched) {
      for (const id of ids) recomputeRow(tx, table, id, schema);
    }
    refreshDerived(tx, touched, touched.get('project'));
  });
  writeMeta(tx.sql.sqlite, 'sync_quarantine_schema', sig);
  return released;
}

/** Writes each known column of a row from its greatest-hlc change in the log. */
export function recomputeRow(tx: Tx, table: string, id: string, schema: KnownSchema): void {
  const columns = schema[table]!;
  if (isSyncedTable(table)) unsettleRows(tx.sql, table, [id]);
  const log = tx.sql
    .prepare('SELECT fields FROM sync_change WHERE tbl = ? AND row_id = ? ORDER BY hlc')
    .all(table, id) as { fields: string }[];
  const row: Fields = {};
  for (const { fields } of log) {
    for (const [col, value] of Object.entries(JSON.parse(fields) as Fields)) {
      if (Object.hasOwn(columns, col)) row[col] = value;
    }
  }
  tx.mutate.applyMerged(table as SyncedTable, id, row);
}
