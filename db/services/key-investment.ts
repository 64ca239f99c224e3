// 年度重点推进项目 per project and year (domain/key-investment.ts): the 区重点/市级/省级 flags, the
// 年度计划投资 and the monthly 完成投资, read and written for the project page and the CLI.
import { AppError } from '../../domain/errors';
import type { KeyInvestmentRecord, KeyInvestmentSet } from '../../domain/key-investment';
import { MONTHS, keyInvestmentId, monthColumn } from '../../domain/key-investment';
import type { Tx } from '../app-database';
import type { Fields } from '../mutation';

type Row = Record<string, string | number | null>;

/**
 * Whether the key-investment row `alias` is its project's row for the year. A merge moves the
 * merged-away project's rows to the survivor, which may hold its own for the same year: the
 * survivor's own row (its id is project:year) counts, else the moved row with the smallest id, so a
 * project-year counts once however the merges went.
 */
export const countedKeyRow = (alias: string) =>
  `(${alias}.id = ${alias}.project_id || ':' || ${alias}.year OR NOT EXISTS (
    SELECT 1 FROM key_investment o WHERE o.project_id = ${alias}.project_id
      AND o.year = ${alias}.year AND o.deleted = 0 AND o.id <> ${alias}.id
      AND (o.id = o.project_id || ':' || o.year OR o.id < ${alias}.id)))`;

function record(row: Row): KeyInvestmentRecord {
  return {
    id: String(row.id),
    projectId: String(row.project_id),
    year: Number(row.year),
    district: row.level_district === 1,
    city: row.level_city === 1,
    province: row.level_province === 1,
    planned: (row.planned as number | null) ?? null,
    completed: MONTHS.map((m) => (row[monthColumn(m)] as number | null) ?? null),
  };
}

/** A project's years, latest first. */
export function listKeyInvestment(tx: Tx, input: { projectId: string }): KeyInvestmentRecord[] {
  const rows = tx.sql
    .prepare(
      `SELECT * FROM key_investment ki WHERE project_id = ? AND deleted = 0
       AND ${countedKeyRow('ki')} ORDER BY year DESC`,
    )
    .all(input.projectId) as Row[];
  return rows.map(record);
}

/** Writes one project's year (the fields given; the others stay), creating the row if needed. */
export function setKeyInvestment(tx: Tx, input: KeyInvestmentSet): KeyInvestmentRecord {
  const project = tx.sql
    .prepare('SELECT id FROM project WHERE id = ? AND deleted = 0')
    .get(input.projectId);
  if (!project) throw new AppError('NOT_FOUND', `项目 ${input.projectId}`);
  const id = keyInvestmentId(input.projectId, input.year);
  const fields: Fields = { project_id: input.projectId, year: input.year, deleted: 0 };
  const flag = (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0);
  const given: Record<string, number | null | undefined> = {
    level_district: flag(input.district),
    level_city: flag(input.city),
    level_province: flag(input.province),
    planned: input.planned,
    ...Object.fromEntries(MONTHS.map((m) => [monthColumn(m), input.completed?.[m - 1]])),
  };
  for (const [col, value] of Object.entries(given)) if (value !== undefined) fields[col] = value;
  tx.mutate.put('key_investment', id, fields);
  return record(tx.sql.prepare('SELECT * FROM key_investment WHERE id = ?').get(id) as Row);
}
