// Undo of an import at the cost of the import (issue 19; docs/sync.md S17). An Excel 台账 import is
// undone by new changes of this laptop (undo-local.ts); a sync file as follows. The import
// records which changes it brought (runs of seqs per origin) and the local "last written here" time
// of each project it touched. Undo removes those changes, with their conflicts, quarantine and
// refusals, lowers the vectors below them, and rebuilds each row they touched from the rest of the
// log: per field, the greatest-hlc change left (S5). Rows only the import spoke of cease to exist.
// Local edits made since stay, since they are in the log; derived columns and merges follow from
// the rebuilt rows as after any write. The same changes come back with the next file that holds
// them, like any change this replica lacks.
import { AppError } from '../../domain/errors';
import type { ImportUndoReport, SyncImportReport } from '../../domain/sync';
import type { Fields } from '../mutation';
import type { Sql } from '../sql';
import type { SyncedTable } from '../synced-tables';
import { syncedTables } from '../synced-tables';
import type { Tx } from '../tx';
import { refreshDerived } from './apply';
import type { ImportRun } from './apply';
import { compensateImport } from './undo-local';

/** How many of the newest imports can be undone. */
export const UNDOABLE_IMPORTS = 10;

/**
 * Starts keeping, for this transaction, the local updated_at of each project an import changes
 * (the one local column no change carries); `keepJournal` stores it with the import's id.
 */
export function startJournal(sql: Sql): void {
  sql.sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS import_touch
    (row_id TEXT PRIMARY KEY NOT NULL, before TEXT, after TEXT)`);
  sql.sqlite.exec('DELETE FROM temp.import_touch');
  sql.sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS import_touch_project
    AFTER UPDATE OF updated_at ON main.project WHEN old.updated_at IS NOT new.updated_at
    BEGIN
      INSERT INTO temp.import_touch (row_id, before, after) VALUES (old.id, old.updated_at, new.updated_at)
      ON CONFLICT (row_id) DO UPDATE SET after = excluded.after;
    END`);
}

/** Stops the journal; with an import id, stores it and the runs; returns the bytes they take. */
export function keepJournal(sql: Sql, importId: number | null, runs: ImportRun[]): number {
  sql.sqlite.exec('DROP TRIGGER IF EXISTS temp.import_touch_project');
  if (importId === null) return 0;
  const bytes = keepRuns(sql, importId, runs);
  const touched = sql
    .prepare(
      `INSERT INTO sync_import_touch (import_id, row_id, before, after)
       SELECT ?, row_id, before, after FROM temp.import_touch`,
    )
    .run(importId).changes;
  const touchBytes =
    touched === 0
      ? 0
      : (sql
          .prepare(
            `SELECT sum(length(row_id) + length(coalesce(before, '')) + length(after))
             FROM temp.import_touch`,
          )
          .pluck()
          .get() as number);
  sql.sqlite.exec('DELETE FROM temp.import_touch');
  return bytes + touchBytes;
}

function keepRuns(sql: Sql, importId: number, runs: ImportRun[]): number {
  const insertRun = sql.prepare(
    'INSERT INTO sync_import_run (import_id, origin, first_seq, last_seq) VALUES (?, ?, ?, ?)',
  );
  let bytes = 0;
  for (const r of runs) {
    insertRun.run(importId, r.origin, r.first, r.last);
    bytes += r.origin.length + 24;
  }
  return bytes;
}

interface LogEntry {
  id: number;
  undone_at: string | null;
  kind: string | null;
}

/** The ids of the imports that can still be undone, newest first. */
export function undoableImports(sql: Sql): Set<number> {
  const ids = sql
    .prepare(
      `SELECT id FROM sync_import_log l
       WHERE undone_at IS NULL AND EXISTS (SELECT 1 FROM sync_import_run r WHERE r.import_id = l.id)
       ORDER BY id DESC LIMIT ?`,
    )
    .pluck()
    .all(UNDOABLE_IMPORTS) as number[];
  return new Set(ids);
}

export function undoImport(tx: Tx, id: number, at: string): ImportUndoReport {
  const { sql } = tx;
  const entry = sql
    .prepare("SELECT id, undone_at, report ->> '$.kind' AS kind FROM sync_import_log WHERE id = ?")
    .get(id) as LogEntry | undefined;
  if (!entry) throw new AppError('IMPORT_NOT_FOUND', `导入记录 ${id}`);
  if (entry.undone_at) throw new AppError('IMPORT_ALREADY_UNDONE', entry.undone_at);
  if (!undoableImports(sql).has(id)) throw new AppError('IMPORT_NOT_UNDOABLE');

  const runs = sql
    .prepare(
      'SELECT origin, first_seq AS first, last_seq AS last FROM sync_import_run WHERE import_id = ?',
    )
    .all(id) as ImportRun[];
  const counts = entry.kind === 'ledger' ? compensateImport(tx, runs) : takeOut(tx, id, runs);
  sql.prepare('DELETE FROM sync_import_run WHERE import_id = ?').run(id);
  sql.prepare('DELETE FROM sync_import_touch WHERE import_id = ?').run(id);
  const changes = runs.reduce((n, r) => n + r.last - r.first + 1, 0);
  const report: ImportUndoReport = {
    id,
    undoneAt: at,
    changes,
    rowsRemoved: counts.removed,
    rowsRestored: counts.restored,
    message:
      entry.kind === 'ledger'
        ? `已撤销台账导入：删除 ${counts.removed} 条它新建的记录，恢复 ${counts.restored} 条记录导入前的值；` +
          '之后的修改保留。撤销作为本机的修改同步到其他驻点。'
        : `已撤销：移除该文件带来的 ${changes} 条变更，删除 ${counts.removed} 条仅由它带来的记录，` +
          `恢复 ${counts.restored} 条记录。之后再收到含这些变更的文件时，它们会重新导入。`,
  };
  sql
    .prepare('UPDATE sync_import_log SET undone_at = ?, undo = ? WHERE id = ?')
    .run(at, JSON.stringify(report), id);
  return report;
}

/** A sync file's changes leave the log; the rows they touched are rebuilt from the rest. */
function takeOut(tx: Tx, id: number, runs: ImportRun[]): { removed: number; restored: number } {
  const times = updatedAtToRestore(tx.sql, id);
  const touched = removeChanges(tx.sql, runs);
  const counts = rebuildRows(tx, touched);
  lowerVectors(tx.sql, runs);
  refreshDerived(tx, touched, touched.get('project'));
  tx.mutate.restoreUpdatedAt(times);
  return counts;
}

/**
 * Logs an import this laptop wrote itself (an Excel 台账 import) with the run of its own changes
 * from `firstSeq` on, so that it is listed and undone like a file's (undo-local.ts).
 */
export function logLocalImport(
  tx: Tx,
  firstSeq: number,
  at: string,
  report: Omit<SyncImportReport, 'kind' | 'safetyNetBytes'>,
): { id: number; safetyNetBytes: number } {
  const last = tx.mutate.highestSeq;
  const logged: SyncImportReport = { ...report, kind: 'ledger', safetyNetBytes: 0 };
  const id = tx.sql
    .prepare('INSERT INTO sync_import_log (file_id, imported_at, report) VALUES (?, ?, ?)')
    .run(report.fileId, at, '{}').lastInsertRowid as number;
  const runs = last >= firstSeq ? [{ origin: tx.siteId, first: firstSeq, last }] : [];
  logged.safetyNetBytes = keepRuns(tx.sql, id, runs);
  tx.sql
    .prepare('UPDATE sync_import_log SET report = ? WHERE id = ?')
    .run(JSON.stringify(logged), id);
  return { id, safetyNetBytes: logged.safetyNetBytes };
}

/** Deletes the runs' changes and what hangs on them; returns their rows by table. */
function removeChanges(sql: Sql, runs: ImportRun[]): Map<string, Set<string>> {
  const touched = new Map<string, Set<string>>();
  const read = sql
    .prepare('SELECT hlc, tbl, row_id FROM sync_change WHERE origin = ? AND seq BETWEEN ? AND ?')
    .raw();
  const dropConflicts = sql.prepare(
    'DELETE FROM sync_conflict WHERE tbl = ? AND row_id = ? AND (a_hlc = ? OR b_hlc = ?)',
  );
  for (const { origin, first, last } of runs) {
    for (const [hlc, tbl, rowId] of read.all(origin, first, last) as [string, string, string][]) {
      dropConflicts.run(tbl, rowId, hlc, hlc);
      if (!Object.hasOwn(syncedTables, tbl)) continue;
      let ids = touched.get(tbl);
      if (!ids) touched.set(tbl, (ids = new Set()));
      ids.add(rowId);
    }
    for (const table of ['sync_change', 'sync_refused', 'sync_quarantine']) {
      sql
        .prepare(`DELETE FROM ${table} WHERE origin = ? AND seq BETWEEN ? AND ?`)
        .run(origin, first, last);
    }
  }
  return touched;
}

/**
 * Each touched row as the remaining log makes it (parents before projects, as sync apply writes
 * them); a row no change speaks of any more is removed. Values a merge stored are forgotten: the
 * merges are reconciled when the transaction finishes.
 */
function rebuildRows(
  tx: Tx,
  touched: Map<string, Set<string>>,
): { removed: number; restored: number } {
  const { sql } = tx;
  const log = sql.prepare(
    `SELECT c.fields FROM sync_change c
     WHERE c.tbl = ? AND c.row_id = ?
       AND NOT EXISTS (SELECT 1 FROM sync_refused r WHERE r.origin = c.origin AND r.seq = c.seq)
     ORDER BY c.hlc, c.origin, c.seq`,
  );
  const forget = sql.prepare('DELETE FROM merge_override WHERE tbl = ? AND row_id = ?');
  const counts = { removed: 0, restored: 0 };
  const order = [...touched.keys()].sort(
    (a, b) => Number(a === 'project') - Number(b === 'project'),
  );
  for (const table of order as SyncedTable[]) {
    const columns: Readonly<Record<string, unknown>> = syncedTables[table].columns;
    const gone: string[] = [];
    const rows: [string, Fields, boolean][] = [];
    for (const id of touched.get(table)!) {
      forget.run(table, id);
      const changes = (log.all(table, id) as { fields: string }[]).map(
        (c) => JSON.parse(c.fields) as Fields,
      );
      if (changes.length === 0) {
        gone.push(id);
        continue;
      }
      const row: Fields = {};
      for (const fields of changes) {
        for (const col in fields) if (Object.hasOwn(columns, col)) row[col] = fields[col]!;
      }
      // As new: every column is written, the ones no change names as empty.
      rows.push([id, row, true]);
    }
    tx.mutate.dropRows(table, gone);
    tx.mutate.applyMergedRows(table, rows);
    counts.removed += gone.length;
    counts.restored += rows.length;
  }
  return counts;
}

/** Each origin's vector falls below the first change removed (S9: everything below it is held). */
function lowerVectors(sql: Sql, runs: ImportRun[]): void {
  const lower = sql.prepare('UPDATE sync_vv SET max_seq = ? WHERE origin = ? AND max_seq >= ?');
  for (const { origin, first } of runs) lower.run(first - 1, origin, first);
}

/**
 * The local updated_at each project the import touched should have after the undo: the time before
 * the import if nothing wrote it since, else the time of that later write.
 */
function updatedAtToRestore(sql: Sql, id: number): [string, string | null][] {
  const rows = sql
    .prepare(
      `SELECT t.row_id, t.before, t.after, p.updated_at AS now FROM sync_import_touch t
       JOIN project p ON p.id = t.row_id WHERE t.import_id = ?`,
    )
    .raw()
    .all(id) as [string, string | null, string | null, string | null][];
  return rows.map(([rowId, before, after, now]) => [rowId, now === after ? before : now]);
}
