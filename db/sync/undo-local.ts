// Undo of an import this laptop wrote itself (an Excel 台账 import; issue 19). Its changes are this
// replica's own and may have reached other offices already, so they are not taken out of the log:
// the undo writes new changes that sync like any edit. A record the import created is deleted,
// unless it was edited since or a live record names it (one the import created and that stays too); a field the import wrote takes back the
// value it had before, unless a later change has written it since. Edits made since therefore stay.
import type { Fields, FieldValue } from '../mutation';
import { mergeReferences } from '../merges';
import type { SyncedTable } from '../synced-tables';
import { syncedTables } from '../synced-tables';
import type { Tx } from '../tx';
import type { ImportRun } from './apply';

/** One record the import wrote: its changes' clocks and every field they wrote. */
interface Written {
  tbl: SyncedTable;
  rowId: string;
  hlcs: Set<string>;
  first: string;
  last: string;
  cols: Set<string>;
}

/** Writes the compensating changes; returns how many records it deleted and restored. */
export function compensateImport(tx: Tx, runs: ImportRun[]): { removed: number; restored: number } {
  const written = writtenRows(tx, runs);
  const firstChange = tx.sql
    .prepare(
      `SELECT coalesce(
         (SELECT min(hlc) FROM sync_change WHERE tbl = @tbl AND row_id = @row),
         (SELECT hlc FROM sync_settled WHERE tbl = @tbl AND row_id = @row))`,
    )
    .pluck();
  const created = new Set<string>();
  for (const [k, w] of written)
    if (firstChange.get({ tbl: w.tbl, row: w.rowId }) === w.first) created.add(k);
  const counts = { removed: 0, restored: 0 };
  for (const [k, w] of written) {
    if (created.has(k)) continue;
    const patch = previousValues(tx, w);
    if (Object.keys(patch).length === 0) continue;
    if (Object.keys(tx.mutate.update(w.tbl, w.rowId, patch)).length > 0) counts.restored += 1;
  }
  // A created record goes when nothing live names it. A child the import created and that stays
  // (edited since) keeps its parent; one that goes frees it, so repeat until nothing more goes.
  let removable = [...written].reverse().filter(([k, w]) => created.has(k) && !editedSince(tx, w));
  for (let removedAny = true; removedAny;) {
    removedAny = false;
    removable = removable.filter(([, w]) => {
      if (!isLive(tx, w)) return false;
      if (namedByLive(tx, w)) return true;
      tx.mutate.remove(w.tbl, w.rowId);
      counts.removed += 1;
      removedAny = true;
      return false;
    });
  }
  return counts;
}

function writtenRows(tx: Tx, runs: ImportRun[]): Map<string, Written> {
  const read = tx.sql.prepare(
    'SELECT hlc, tbl, row_id, fields FROM sync_change WHERE origin = ? AND seq BETWEEN ? AND ? ORDER BY seq',
  );
  const rows = new Map<string, Written>();
  for (const { origin, first, last } of runs) {
    for (const c of read.all(origin, first, last) as {
      hlc: string;
      tbl: string;
      row_id: string;
      fields: string;
    }[]) {
      if (!Object.hasOwn(syncedTables, c.tbl)) continue;
      const k = key(c.tbl, c.row_id);
      let w = rows.get(k);
      if (!w) {
        w = {
          tbl: c.tbl as SyncedTable,
          rowId: c.row_id,
          hlcs: new Set(),
          first: c.hlc,
          last: c.hlc,
          cols: new Set(),
        };
        rows.set(k, w);
      }
      w.hlcs.add(c.hlc);
      if (c.hlc < w.first) w.first = c.hlc;
      if (c.hlc > w.last) w.last = c.hlc;
      for (const col of Object.keys(JSON.parse(c.fields) as Fields)) w.cols.add(col);
    }
  }
  return rows;
}

const key = (table: string, id: string) => `${table} ${id}`;

function isLive(tx: Tx, w: Written): boolean {
  return tx.sql.prepare(`SELECT deleted FROM ${w.tbl} WHERE id = ?`).pluck().get(w.rowId) === 0;
}

/** Whether a change after the import's wrote this row. */
function editedSince(tx: Tx, w: Written): boolean {
  return (
    tx.sql
      .prepare('SELECT 1 FROM sync_change WHERE tbl = ? AND row_id = ? AND hlc > ? LIMIT 1')
      .get(w.tbl, w.rowId, w.last) !== undefined
  );
}

/** Columns naming a record that merges do not move: a project's 招商责任人, a claim's promoter. */
const otherReferences = [
  { table: 'project', column: 'owner_id', target: 'promoter' },
  { table: 'claim', column: 'promoter_id', target: 'promoter' },
] as const;

/** Whether a live record names this one (a project its investor). */
function namedByLive(tx: Tx, w: Written): boolean {
  for (const ref of [...mergeReferences, ...otherReferences]) {
    if (ref.target !== w.tbl) continue;
    const named = tx.sql
      .prepare(`SELECT 1 FROM ${ref.table} WHERE ${ref.column} = ? AND deleted = 0 LIMIT 1`)
      .get(w.rowId);
    if (named !== undefined) return true;
  }
  return false;
}

/**
 * For each field the import wrote that no later change has written since: the value of the latest
 * change before the import (none: empty, or not deleted), as the field was before it.
 */
function previousValues(tx: Tx, w: Written): Fields {
  const rows = tx.sql
    .prepare(
      `SELECT c.hlc, c.fields FROM sync_change c WHERE c.tbl = ? AND c.row_id = ?
       AND NOT EXISTS (SELECT 1 FROM sync_refused r WHERE r.origin = c.origin AND r.seq = c.seq)
       ORDER BY c.hlc`,
    )
    .all(w.tbl, w.rowId) as { hlc: string; fields: string }[];
  const before: Record<string, FieldValue> = {};
  const later = new Set<string>();
  for (const r of rows) {
    if (w.hlcs.has(r.hlc)) continue;
    const fields = JSON.parse(r.fields) as Fields;
    for (const col in fields) {
      if (r.hlc < w.first) before[col] = fields[col]!;
      else later.add(col);
    }
  }
  const patch: Fields = {};
  for (const col of w.cols) {
    if (later.has(col)) continue;
    patch[col] = Object.hasOwn(before, col) ? before[col]! : col === 'deleted' ? 0 : null;
  }
  return patch;
}
