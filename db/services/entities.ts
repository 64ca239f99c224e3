// Create, patch and list (deleting: deletion.ts) for the simple entities around a project (contacts,
// activities, follow-up tasks, capital arrivals) and for investors.
import { AppError } from '../../domain/errors';
import type { InvestorRecord } from '../../domain/entities';
import { labelOf, storedProvinces } from '../../domain/vocabulary';
import type { Tx } from '../app-database';
import { settledStampSql } from '../sync/settled';
import { queryTerms } from '../search-fold';
import { allTermsLike } from '../search-match';
import type { SyncedTable } from '../synced-tables';
import type { RowShape } from './rows';
import { fromRow, toRow } from './rows';

interface EntitySpec extends RowShape {
  table: SyncedTable;
  label: string;
  orderBy: string;
}

export const entitySpecs = {
  contact: { table: 'contact', label: '联系人', orderBy: 'name' },
  activity: { table: 'activity', label: '活动记录', orderBy: 'occurred_on DESC, id' },
  task: { table: 'task', label: '跟进事项', orderBy: 'done, due_on, id', booleans: ['done'] },
  // Its 市外 override and derived flag are read by arrivals.ts.
  arrival: { table: 'capital_arrival', label: '到资记录', orderBy: 'arrived_on, id' },
} as const satisfies Record<string, EntitySpec>;

export function createEntity<T>(tx: Tx, spec: EntitySpec, input: Record<string, unknown>): T {
  // A follow-up nobody is named for belongs to whoever wrote it down.
  const row =
    spec.table === 'task' && input.assigneeId === undefined
      ? { ...toRow(input, spec), assignee_id: currentPromoterId(tx) }
      : toRow(input, spec);
  const id = tx.mutate.insert(spec.table, row);
  return getEntity(tx, spec, id);
}

export function updateEntity<T>(
  tx: Tx,
  spec: EntitySpec,
  id: string,
  patch: Record<string, unknown>,
): T {
  getEntity(tx, spec, id);
  tx.mutate.update(spec.table, id, toRow(patch, spec));
  return getEntity(tx, spec, id);
}

export function getEntity<T>(tx: Tx, spec: EntitySpec, id: string): T {
  const row = tx.sql.prepare(`${selectFrom(spec)} WHERE id = ? AND deleted = 0`).get(id) as
    Record<string, unknown> | undefined;
  if (!row) throw new AppError('NOT_FOUND', `${spec.label} ${id}`);
  return fromRow<T>(row, spec);
}

/** Lists by owning project and/or investor (and, for tasks, by state and due date). */
export function listEntities<T>(
  tx: Tx,
  spec: EntitySpec,
  filter: {
    projectId?: string;
    investorId?: string;
    done?: boolean;
    dueBefore?: string;
    mine?: boolean;
  },
): T[] {
  const clauses: [string, string | number][] = [];
  if (filter.mine) {
    clauses.push(['(assignee_id IS NULL OR assignee_id = ?)', currentPromoterId(tx) ?? '']);
  }
  if (filter.projectId) clauses.push(['project_id = ?', filter.projectId]);
  if (filter.investorId) clauses.push(['investor_id = ?', filter.investorId]);
  if (filter.done !== undefined) clauses.push(['ifnull(done, 0) = ?', filter.done ? 1 : 0]);
  if (filter.dueBefore) clauses.push(['due_on < ?', filter.dueBefore]);
  const where = ['deleted = 0', ...clauses.map(([clause]) => clause)];
  const params = clauses.map(([, value]) => value);
  const rows = tx.sql
    .prepare(`${selectFrom(spec)} WHERE ${where.join(' AND ')} ORDER BY ${spec.orderBy} LIMIT 5000`)
    .all(...params) as Record<string, unknown>[];
  return rows.map((r) => fromRow<T>(r, spec));
}

/** The promoter record of this laptop's user, if there is one. */
function currentPromoterId(tx: Tx): string | null {
  const row = tx.sql
    .prepare(
      `SELECT p.id FROM promoter p JOIN sync_meta m ON m.key = 'user_name' AND m.value = p.name
       WHERE p.deleted = 0 ORDER BY p.id LIMIT 1`,
    )
    .get() as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * Activities also show who logged them (the author of the row's first change); tasks show their
 * project's name, since the follow-up list spans projects.
 */
function selectFrom(spec: EntitySpec): string {
  const extra =
    spec.table === 'activity'
      ? `, coalesce((SELECT author FROM sync_change c WHERE c.tbl = 'activity' AND c.row_id = t.id
           ORDER BY c.hlc LIMIT 1), ${settledStampSql('activity', 't.id', 'author')}) AS author`
      : spec.table === 'task'
        ? ', (SELECT name FROM project p WHERE p.id = t.project_id) AS project_name'
        : '';
  return `SELECT t.*${extra} FROM ${spec.table} t`;
}

const investorShape: RowShape = {
  booleans: ['fortune500', 'china100', 'centralSoe', 'listed', 'wellKnown'],
  lists: ['aliases'],
};

export function createInvestor(tx: Tx, input: Record<string, unknown>): InvestorRecord {
  const id = tx.mutate.insert('investor', toRow(investorInput(tx, input), investorShape));
  return getInvestor(tx, id);
}

export function updateInvestor(tx: Tx, id: string, patch: Record<string, unknown>): InvestorRecord {
  getInvestor(tx, id);
  const input = investorInput(tx, patch);
  if (typeof input.parentInvestorId === 'string') refuseCycle(tx, id, input.parentInvestorId);
  tx.mutate.update('investor', id, toRow(input, investorShape));
  return getInvestor(tx, id);
}

/**
 * `parent` (an id or a Chinese name) as parentInvestorId, refused when it is not on record. The
 * form's 母公司 (parentName) links the investor on record by that Chinese or English name, so the
 * group's region follows it; another name is kept as text. Either way the name is kept.
 */
function investorInput(tx: Tx, input: Record<string, unknown>): Record<string, unknown> {
  const { parent, ...rest } = input;
  if (typeof rest.parentInvestorId === 'string') parentId(tx, rest.parentInvestorId, true);
  if (parent === null) return { ...rest, parentInvestorId: null, parentName: null };
  if (parent !== undefined) {
    const id = parentId(tx, String(parent), false);
    return { ...rest, parentInvestorId: id, parentName: nameOf(tx, id) };
  }
  if (rest.parentInvestorId === undefined && rest.parentName !== undefined) {
    const name = rest.parentName;
    const found =
      typeof name === 'string'
        ? (tx.sql
            .prepare(
              `SELECT id FROM investor WHERE deleted = 0
                 AND (name_zh = @name OR lower(name_en) = lower(@name)) ORDER BY id LIMIT 1`,
            )
            .get({ name }) as { id: string } | undefined)
        : undefined;
    return { ...rest, parentInvestorId: found?.id ?? null };
  }
  return rest;
}

const nameOf = (tx: Tx, id: string) =>
  (tx.sql.prepare('SELECT name_zh FROM investor WHERE id = ?').pluck().get(id) as string) ?? null;

function parentId(tx: Tx, ref: string, byIdOnly: boolean): string {
  const found = tx.sql
    .prepare(
      `SELECT id FROM investor WHERE deleted = 0 AND (id = @ref OR (@byName AND name_zh = @ref))
       ORDER BY id = @ref DESC, id LIMIT 1`,
    )
    .get({ ref, byName: byIdOnly ? 0 : 1 }) as { id: string } | undefined;
  if (!found) throw new AppError('PARENT_NOT_FOUND', ref);
  return found.id;
}

/** A parent below the investor itself would make its group a circle. */
export function refuseCycle(tx: Tx, id: string, parentId: string): void {
  const circle = tx.sql
    .prepare(
      `WITH RECURSIVE up(id) AS (SELECT @parent
         UNION SELECT i.parent_investor_id FROM investor i JOIN up ON i.id = up.id
         WHERE i.parent_investor_id IS NOT NULL)
       SELECT 1 FROM up WHERE id = @id`,
    )
    .get({ parent: parentId, id });
  if (circle) throw new AppError('PARENT_CYCLE');
}

const investorSelect = `SELECT investor.*,
  (SELECT count(*) FROM project p WHERE p.investor_id = investor.id AND p.deleted = 0) AS project_count
  FROM investor`;

export function getInvestor(tx: Tx, id: string): InvestorRecord {
  const row = tx.sql.prepare(`${investorSelect} WHERE id = ? AND deleted = 0`).get(id) as
    Record<string, unknown> | undefined;
  if (!row) throw new AppError('NOT_FOUND', `投资方 ${id}`);
  return investorRecord(row);
}

function investorRecord(row: Record<string, unknown>): InvestorRecord {
  const record = fromRow<InvestorRecord>(row, investorShape);
  return { ...record, province: labelOf(storedProvinces, record.province) };
}

/** An investor's stored search text: names, aliases and credit code (db/derived.ts). */
export const investorSearchText = 'search_text';

export function listInvestors(
  tx: Tx,
  input: { q?: string; offset: number; limit: number },
): InvestorRecord[] {
  const [match, params] = allTermsLike(investorSearchText, input.q ? queryTerms(input.q) : []);
  const rows = tx.sql
    .prepare(`${investorSelect} WHERE deleted = 0 AND ${match} ORDER BY name_zh LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as Record<string, unknown>[];
  return rows.map(investorRecord);
}
