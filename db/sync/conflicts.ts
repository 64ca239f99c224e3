// Conflict review (docs/sync.md S6, S7): the pairs of changes recorded at import, shown with both values,
// who and when. Whether one is still open is read from the log, so every replica holding the same
// changes agrees; resolving writes an ordinary change (which syncs) with the chosen value.
import { AppError } from '../../domain/errors';
import type { ConflictSide, SyncConflict } from '../../domain/sync';
import type { Tx } from '../app-database';
import type { Fields, FieldValue } from '../mutation';
import type { Sql } from '../sql';
import { isSyncedTable } from '../synced-tables';
import { parseHlc } from './hlc';
import { knownSites } from './peers';

interface ConflictRow {
  a_hlc: string;
  b_hlc: string;
  col: string;
  kind: SyncConflict['kind'];
  tbl: string;
  row_id: string;
}

interface LogEntry {
  origin: string;
  hlc: string;
  author: string | null;
  fields: Fields;
  prev: Record<string, string>;
}

/** The column that names a row for people, per table. */
const labelColumn: Record<string, string> = {
  project: 'name',
  investor: 'name_zh',
  contact: 'name',
  task: 'title',
  capture: 'investor_name',
  office: 'name',
  promoter: 'name',
  target: 'label',
  dictionary_item: 'label',
  activity: 'notes',
  capital_arrival: 'arrived_on',
  key_investment: 'year',
  setting: 'id',
  target_actual: 'month',
};

function rowLog(sql: Sql, table: string, id: string): LogEntry[] {
  return (
    sql
      .prepare(
        'SELECT origin, hlc, author, fields, prev FROM sync_change WHERE tbl = ? AND row_id = ? ORDER BY hlc',
      )
      .all(table, id) as {
      origin: string;
      hlc: string;
      author: string | null;
      fields: string;
      prev: string;
    }[]
  ).map((r) => ({
    ...r,
    fields: JSON.parse(r.fields) as Fields,
    prev: JSON.parse(r.prev) as Record<string, string>,
  }));
}

/** Undefined when the pair is no conflict after all (an undelete came between delete and edit). */
function describeConflict(
  sql: Sql,
  row: ConflictRow,
  sites: Record<string, string>,
): SyncConflict | undefined {
  const log = rowLog(sql, row.tbl, row.row_id);
  const a = log.find((e) => e.hlc === row.a_hlc);
  const b = log.find((e) => e.hlc === row.b_hlc);
  if (!a || !b) return undefined;
  let seen: string;
  if (row.kind === 'edit_after_delete') {
    const undeleted = log.some(
      (e) => e.fields.deleted === 0 && e.hlc > row.a_hlc && e.hlc < row.b_hlc,
    );
    if (undeleted) return undefined;
    seen = row.a_hlc;
  } else {
    seen = row.b_hlc > row.a_hlc ? row.b_hlc : row.a_hlc;
  }
  const last = row.a_hlc > row.b_hlc ? row.a_hlc : row.b_hlc;
  const resolved = log.some(
    (e) => Object.hasOwn(e.fields, row.col) && e.hlc > last && (e.prev[row.col] ?? '') >= seen,
  );
  const side = (e: LogEntry, value: FieldValue): ConflictSide => ({
    value,
    hlc: e.hlc,
    at: new Date(parseHlc(e.hlc).ms).toISOString(),
    author: e.author,
    origin: e.origin,
    office: sites[e.origin] ?? null,
  });
  const labelCol = labelColumn[row.tbl];
  const current =
    isSyncedTable(row.tbl) &&
    (sql
      .prepare(
        `SELECT ${row.col} AS value${labelCol ? `, ${labelCol} AS label` : ''} FROM ${row.tbl} WHERE id = ?`,
      )
      .get(row.row_id) as { value: FieldValue; label?: FieldValue } | undefined);
  const edit = row.kind === 'edit_after_delete';
  return {
    id: `${row.a_hlc}.${row.b_hlc}.${row.col}`,
    kind: row.kind,
    table: row.tbl,
    rowId: row.row_id,
    rowLabel: current && current.label != null ? String(current.label) : null,
    column: row.col,
    a: side(a, edit ? 1 : (a.fields[row.col] ?? null)),
    b: side(b, edit ? 0 : (b.fields[row.col] ?? null)),
    current: current ? current.value : null,
    resolved,
    ...(edit ? { editedFields: b.fields } : {}),
  };
}

export function listConflicts(tx: Tx, options: { open?: boolean } = {}): SyncConflict[] {
  const rows = tx.sql
    .prepare('SELECT * FROM sync_conflict ORDER BY tbl, row_id, col, a_hlc, b_hlc')
    .all() as ConflictRow[];
  const sites = knownSites(tx.sql, tx.siteId);
  const out: SyncConflict[] = [];
  for (const row of rows) {
    const conflict = describeConflict(tx.sql, row, sites);
    if (conflict && (options.open === false || !conflict.resolved)) out.push(conflict);
  }
  return out;
}

export function resolveConflict(tx: Tx, id: string, choose: 'a' | 'b'): SyncConflict {
  const [aHlc, bHlc, col] = id.split('.');
  const row = tx.sql
    .prepare('SELECT * FROM sync_conflict WHERE a_hlc = ? AND b_hlc = ? AND col = ?')
    .get(aHlc ?? '', bHlc ?? '', col ?? '') as ConflictRow | undefined;
  const sites = knownSites(tx.sql, tx.siteId);
  const conflict = row && describeConflict(tx.sql, row, sites);
  if (!row || !conflict || conflict.resolved || !isSyncedTable(row.tbl)) {
    throw new AppError('CONFLICT_NOT_FOUND', id);
  }
  const value = choose === 'a' ? conflict.a.value : conflict.b.value;
  tx.mutate.update(row.tbl, row.row_id, { [row.col]: value }, { always: true });
  return describeConflict(tx.sql, row, sites)!;
}
