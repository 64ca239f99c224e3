// Deleting a record from a screen and undoing it (docs/domain.md 「Deleting and undoing」). A delete
// soft-deletes the record and then, in the same transaction, the live rows that belong to it; its
// changes are therefore consecutive in the deleting laptop's log: the record's, then its rows'.
// The undo reads that run back from the log (wherever the delete was made, since the log syncs) and
// restores exactly those rows, so rows deleted before, one by one, stay deleted.
import type {
  DeletableKind,
  DeletionPreview,
  DeletionResult,
  KindCount,
  RecordRef,
} from '../../domain/deletion';
import { kindLabels } from '../../domain/deletion';
import { AppError } from '../../domain/errors';
import { activityKinds, labelOf, offices } from '../../domain/vocabulary';
import type { Tx } from '../app-database';
import { isMergeable, refuseMergedAway } from '../merges';
import type { SyncedTable } from '../synced-tables';

const tables: Record<DeletableKind, SyncedTable> = {
  project: 'project',
  investor: 'investor',
  contact: 'contact',
  activity: 'activity',
  task: 'task',
  arrival: 'capital_arrival',
  keyInvestment: 'key_investment',
  claim: 'claim',
};

/** Rows that belong to a record, by a condition on the owner's id. */
interface Belonging {
  kind: DeletableKind;
  where: string;
}

/**
 * What goes with a record. A project takes its follow-ups, activities, arrivals, its years of
 * 重点项目投资 and the contacts recorded on it alone; a contact that is also an investor's stays with the investor. An investor
 * (which may be deleted only without live projects) takes its contacts and the activities logged on
 * it alone, not those of its (deleted) projects.
 */
const belongings: Partial<Record<DeletableKind, readonly Belonging[]>> = {
  project: [
    { kind: 'task', where: 'project_id = ?' },
    { kind: 'activity', where: 'project_id = ?' },
    { kind: 'arrival', where: 'project_id = ?' },
    { kind: 'contact', where: 'project_id = ? AND investor_id IS NULL' },
    { kind: 'keyInvestment', where: 'project_id = ?' },
  ],
  investor: [
    { kind: 'contact', where: 'investor_id = ?' },
    { kind: 'activity', where: 'investor_id = ? AND project_id IS NULL' },
  ],
};

/**
 * The owners a record may not come back without: [column, owner's kind]. A row that an owner's
 * delete would not have taken (an investor's contact on a deleted project) is not held by it.
 */
const owners: Partial<Record<DeletableKind, readonly [string, DeletableKind][]>> = {
  project: [['investor_id', 'investor']],
  contact: [
    ['project_id', 'project'],
    ['investor_id', 'investor'],
  ],
  activity: [
    ['project_id', 'project'],
    ['investor_id', 'investor'],
  ],
  task: [['project_id', 'project']],
  arrival: [['project_id', 'project']],
  keyInvestment: [['project_id', 'project']],
  claim: [
    ['project_id', 'project'],
    ['investor_id', 'investor'],
  ],
};

type Row = Record<string, string | number | null>;

function rowOf(tx: Tx, kind: DeletableKind, id: string, deleted: 0 | 1): Row {
  const row = tx.sql
    .prepare(`SELECT * FROM ${tables[kind]} WHERE id = ? AND deleted = ?`)
    .get(id, deleted) as Row | undefined;
  if (row) return row;
  if (deleted === 1 && tx.sql.prepare(`SELECT 1 FROM ${tables[kind]} WHERE id = ?`).get(id)) {
    throw new AppError(
      'NOT_DELETED',
      `${kindLabels[kind]}「${nameOf(kind, rowOf(tx, kind, id, 0))}」`,
    );
  }
  throw new AppError('NOT_FOUND', `${kindLabels[kind]} ${id}`);
}

/** The name a screen shows for the row. */
function nameOf(kind: DeletableKind, row: Row): string {
  switch (kind) {
    case 'project':
    case 'contact':
      return String(row.name);
    case 'investor':
      return String(row.name_zh);
    case 'task':
      return String(row.title);
    case 'activity':
      return [row.occurred_on, labelOf(activityKinds, row.kind as string | null)]
        .filter(Boolean)
        .join(' ');
    case 'arrival':
      return String(row.arrived_on);
    case 'keyInvestment':
      return `${row.year} 年`;
    case 'claim':
      return [labelOf(offices, row.office_id as string | null), row.claimed_on]
        .filter(Boolean)
        .join(' ');
  }
}

function liveBelongings(tx: Tx, kind: DeletableKind, id: string): [Belonging, string[]][] {
  return (belongings[kind] ?? []).map((b) => [
    b,
    tx.sql
      .prepare(`SELECT id FROM ${tables[b.kind]} WHERE deleted = 0 AND ${b.where} ORDER BY id`)
      .pluck()
      .all(id) as string[],
  ]);
}

const counted = (found: [Belonging, string[]][]): KindCount[] =>
  found
    .filter(([, ids]) => ids.length > 0)
    .map(([b, ids]) => ({ kind: b.kind, count: ids.length }));

function liveProjectsOf(tx: Tx, investorId: string): number {
  return tx.sql
    .prepare('SELECT count(*) FROM project WHERE investor_id = ? AND deleted = 0')
    .pluck()
    .get(investorId) as number;
}

function refusalOf(tx: Tx, kind: DeletableKind, id: string): AppError | null {
  if (kind !== 'investor') return null;
  const projects = liveProjectsOf(tx, id);
  return projects > 0
    ? new AppError(
        'INVESTOR_HAS_PROJECTS',
        `名下有 ${projects} 个项目，请先把它们改填其他投资方，或删除它们`,
      )
    : null;
}

export function previewDeletion(tx: Tx, ref: RecordRef): DeletionPreview {
  const row = rowOf(tx, ref.kind, ref.id, 0);
  return {
    kind: ref.kind,
    id: ref.id,
    name: nameOf(ref.kind, row),
    goesWith: counted(liveBelongings(tx, ref.kind, ref.id)),
    refusal: refusalOf(tx, ref.kind, ref.id)?.message ?? null,
  };
}

/** Soft-deletes the record, then the rows that belong to it; `restoreRecord` undoes both. */
export function deleteRecord(tx: Tx, ref: RecordRef): DeletionResult {
  const row = rowOf(tx, ref.kind, ref.id, 0);
  const refusal = refusalOf(tx, ref.kind, ref.id);
  if (refusal) throw refusal;
  const found = liveBelongings(tx, ref.kind, ref.id);
  tx.mutate.remove(tables[ref.kind], ref.id);
  for (const [b, ids] of found) for (const id of ids) tx.mutate.remove(tables[b.kind], id);
  return { id: ref.id, kind: ref.kind, name: nameOf(ref.kind, row), goesWith: counted(found) };
}

interface LoggedChange {
  origin: string;
  seq: number;
  tbl: string;
  row_id: string;
  fields: string;
}

/** The change that gave the row its current `deleted` value. */
function lastDeletedChange(tx: Tx, table: SyncedTable, id: string): LoggedChange | undefined {
  return tx.sql
    .prepare(
      `SELECT origin, seq, tbl, row_id, fields FROM sync_change
       WHERE tbl = ? AND row_id = ? AND fields ->> '$.deleted' IS NOT NULL
       ORDER BY hlc DESC LIMIT 1`,
    )
    .get(table, id) as LoggedChange | undefined;
}

const DELETED_ONLY = '{"deleted":1}';

/**
 * The rows the record's delete took with it: the run of changes right after the delete's in its
 * origin's log that each delete (and only delete) a row belonging to the record, and are still
 * that row's last word on `deleted`.
 */
function takenWith(tx: Tx, kind: DeletableKind, id: string): [DeletableKind, string][] {
  const mine = belongings[kind];
  const deleting = lastDeletedChange(tx, tables[kind], id);
  if (!mine || !deleting) return [];
  const byTable = new Map(mine.map((b) => [tables[b.kind], b]));
  const next = tx.sql.prepare(
    'SELECT origin, seq, tbl, row_id, fields FROM sync_change WHERE origin = ? AND seq = ?',
  );
  const taken: [DeletableKind, string][] = [];
  for (let seq = deleting.seq + 1; ; seq++) {
    const change = next.get(deleting.origin, seq) as LoggedChange | undefined;
    const belonging = change && byTable.get(change.tbl as SyncedTable);
    if (!change || !belonging || change.fields !== DELETED_ONLY) break;
    const row = tx.sql
      .prepare(`SELECT deleted FROM ${change.tbl} WHERE id = ? AND ${belonging.where}`)
      .get(change.row_id, id) as { deleted: number } | undefined;
    if (!row) break;
    // Restored since, or deleted again on its own: not this delete's to undo.
    const last = lastDeletedChange(tx, change.tbl as SyncedTable, change.row_id);
    if (row.deleted === 1 && last?.origin === change.origin && last.seq === change.seq) {
      taken.push([belonging.kind, change.row_id]);
    }
  }
  return taken;
}

/** Undoes `deleteRecord` (or a single row's delete): every row back with its values. */
export function restoreRecord(tx: Tx, ref: RecordRef): DeletionResult {
  const row = rowOf(tx, ref.kind, ref.id, 1);
  // Stored as deleted because merged away: only an unmerge brings it back.
  const table = tables[ref.kind];
  if (isMergeable(table)) refuseMergedAway(tx.sql, table, ref.id);
  for (const [column, ownerKind] of owners[ref.kind] ?? []) {
    const ownerId = row[column];
    if (typeof ownerId !== 'string') continue;
    const belonging = belongings[ownerKind]?.find((b) => b.kind === ref.kind);
    const held =
      !belonging ||
      tx.sql
        .prepare(`SELECT 1 FROM ${tables[ref.kind]} WHERE id = ? AND ${belonging.where}`)
        .get(ref.id, ownerId) !== undefined;
    if (!held) continue;
    const owner = tx.sql
      .prepare(`SELECT * FROM ${tables[ownerKind]} WHERE id = ? AND deleted = 1`)
      .get(ownerId) as Row | undefined;
    if (owner) {
      throw new AppError(
        'OWNER_DELETED',
        `${kindLabels[ownerKind]}「${nameOf(ownerKind, owner)}」`,
      );
    }
  }
  const taken = takenWith(tx, ref.kind, ref.id);
  tx.mutate.update(tables[ref.kind], ref.id, { deleted: 0 });
  for (const [kind, id] of taken) tx.mutate.update(tables[kind], id, { deleted: 0 });
  const counts = new Map<DeletableKind, number>();
  for (const [kind] of taken) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return {
    id: ref.id,
    kind: ref.kind,
    name: nameOf(ref.kind, row),
    goesWith: [...counts].map(([kind, count]) => ({ kind, count })),
  };
}
