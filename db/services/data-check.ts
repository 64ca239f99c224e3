// 数据体检: finds stored rows whose values local input could not have stored (the same rules sync
// import holds files to, db/sync/check-values.ts) and repairs or removes them through the mutation
// layer, so that the fix is an ordinary change that every office receives.
import type { BadValue, DataCheckReport } from '../../domain/data-check';
import { DATA_CHECK_LIMIT } from '../../domain/data-check';
import { AppError } from '../../domain/errors';
import type { Tx } from '../app-database';
import type { Fields } from '../mutation';
import { labelsOf, rowProblems, typedValue } from '../sync/check-values';
import type { SyncedTable } from '../synced-tables';
import { hqOnlyTables, syncedTableNames } from '../synced-tables';

/** The columns that name a row, in order of preference. */
const NAME_COLUMNS = ['name', 'name_zh', 'title', 'label', 'text', 'key'];

function shown(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function rowName(tx: Tx, row: Record<string, unknown>): string {
  for (const col of NAME_COLUMNS) {
    const v = row[col];
    if (typeof v === 'string' && v.trim() !== '') return shown(v)!;
  }
  if (typeof row.project_id === 'string') {
    const name = tx.sql
      .prepare('SELECT name FROM project WHERE id = ?')
      .pluck()
      .get(row.project_id) as string | undefined;
    if (typeof name === 'string') return `${shown(name)!} 的记录`;
  }
  return String(row.id);
}

/** Every bad value of every live row, up to DATA_CHECK_LIMIT; reads each row once. */
export function checkStoredData(tx: Tx): DataCheckReport {
  const problems: BadValue[] = [];
  let rows = 0;
  let truncated = false;
  for (const table of syncedTableNames) {
    if (!labelsOf(table)) continue;
    const all = tx.sql.prepare(`SELECT * FROM ${table} WHERE deleted = 0 ORDER BY id`).iterate();
    for (const row of all as Iterable<Record<string, unknown>>) {
      rows += 1;
      const bad = badValues(tx, table, row);
      if (bad.length === 0) continue;
      const room = DATA_CHECK_LIMIT - problems.length;
      if (bad.length > room) truncated = true;
      problems.push(...bad.slice(0, room));
    }
  }
  return { rows, problems, truncated };
}

function badValues(tx: Tx, table: SyncedTable, row: Record<string, unknown>): BadValue[] {
  const id = String(row.id);
  const found = rowProblems(table, id, row);
  if (found.length === 0) return [];
  const tableLabel = labelsOf(table)!.table;
  const name = rowName(tx, row);
  return found.map((p) => ({
    table,
    tableLabel,
    rowId: id,
    rowName: name,
    column: p.column,
    columnLabel: p.label,
    value: shown(row[p.column]),
    problem: p.problem,
    hqOnly: hqOnlyTables.has(table),
  }));
}

function knownTable(table: string): SyncedTable {
  if (!labelsOf(table)) throw new AppError('VALIDATION', `没有「${table}」这张表`);
  return table as SyncedTable;
}

function liveRow(tx: Tx, table: SyncedTable, id: string, deleted = 0): void {
  const found = tx.sql
    .prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted = ?`)
    .get(id, deleted);
  if (!found) throw new AppError('NOT_FOUND', `${labelsOf(table)!.table} ${id}`);
}

/** Writes one field of a row with a value its rule accepts; returns what is still wrong with the row. */
export function repairValue(
  tx: Tx,
  input: { table: string; id: string; column: string; value: string | null },
): BadValue[] {
  const table = knownTable(input.table);
  if (!labelsOf(table, input.column)) {
    throw new AppError('VALIDATION', `「${input.column}」不是可修复的字段`);
  }
  liveRow(tx, table, input.id);
  const typed = typedValue(table, input.column, input.id, input.value);
  if ('problem' in typed) throw new AppError('VALIDATION', typed.problem);
  tx.mutate.update(table, input.id, { [input.column]: typed.value });
  return problemsOfRow(tx, table, input.id);
}

/**
 * Soft-deletes a row (restoreRow brings it back). Its bad values are cleared in the same change:
 * they would stay the row's winning values, and every office lacking them would refuse the files
 * that carry them. They remain in the change log (履历). A bad value that cannot be blank must be
 * repaired first.
 */
export function removeRow(tx: Tx, input: { table: string; id: string }): { id: string } {
  const table = knownTable(input.table);
  liveRow(tx, table, input.id);
  const row = tx.sql.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(input.id);
  const cleared: Fields = { deleted: 1 };
  for (const p of rowProblems(table, input.id, row as Record<string, unknown>)) {
    if ('problem' in typedValue(table, p.column, input.id, null)) {
      throw new AppError('VALIDATION', `「${p.label}」不能为空，请先修复它再删除这一行`);
    }
    cleared[p.column] = null;
  }
  tx.mutate.update(table, input.id, cleared);
  return { id: input.id };
}

/** Undoes removeRow. */
export function restoreRow(tx: Tx, input: { table: string; id: string }): BadValue[] {
  const table = knownTable(input.table);
  liveRow(tx, table, input.id, 1);
  tx.mutate.update(table, input.id, { deleted: 0 });
  return problemsOfRow(tx, table, input.id);
}

function problemsOfRow(tx: Tx, table: SyncedTable, id: string): BadValue[] {
  const row = tx.sql.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id);
  return badValues(tx, table, row as Record<string, unknown>);
}
