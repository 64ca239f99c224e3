// Yearly targets: list a year's targets and create or edit one (deterministic ids per year, scope
// and metric key, so offices entering the same target converge on one row).
import type { z } from 'zod';
import type {
  targetActualInput,
  targetCopyYearInput,
  TargetRecord,
  TargetMode,
  TargetUnit,
  targetListInput,
  targetUpsertInput,
} from '../../domain/targets';
import { targetId } from '../../domain/targets';
import { AppError } from '../../domain/errors';
import type { Tx } from '../app-database';
import type { Fields } from '../mutation';

type TargetValues = Pick<
  TargetRecord,
  'key' | 'scope' | 'label' | 'guarantee' | 'strive' | 'unit' | 'mode'
> & { note?: string | null };

/** A target's columns for `year`; its row id is targetId(year, scope, key). */
export function targetColumns(year: number, t: TargetValues): Fields {
  return {
    year,
    metric_key: t.key,
    scope: t.scope,
    label: t.label,
    guarantee: t.guarantee,
    strive: t.strive,
    unit: t.unit,
    mode: t.mode,
    note: t.note ?? null,
  };
}

export function listTargets(tx: Tx, input: z.output<typeof targetListInput>): TargetRecord[] {
  const rows = tx.sql
    .prepare(
      `SELECT * FROM target WHERE deleted = 0 AND year = @year AND (@scope IS NULL OR scope = @scope)
       ORDER BY scope = 'zone' DESC, scope, rowid`,
    )
    .all({ year: input.year, scope: input.scope ?? null }) as Record<
    string,
    string | number | null
  >[];
  return rows.map((row) => targetRecord(tx, row));
}

export function upsertTarget(tx: Tx, input: z.output<typeof targetUpsertInput>): TargetRecord {
  const id = targetId(input.year, input.scope, input.key);
  tx.mutate.put('target', id, { ...targetColumns(input.year, input), deleted: 0 });
  return getTarget(tx, id);
}

/**
 * Starts `to` as a copy of `from`: every target of every scope with its 确保, 力争, unit, mode and note,
 * but no monthly actuals. Refused when `to` already has targets, so nothing typed is overwritten.
 */
export function copyTargetYear(
  tx: Tx,
  input: z.output<typeof targetCopyYearInput>,
): TargetRecord[] {
  if (input.from === input.to) throw new AppError('VALIDATION', '复制的来源年份与目标年份相同');
  if (listTargets(tx, { year: input.to }).length > 0) {
    throw new AppError('VALIDATION', `${input.to} 年已有目标，不能复制覆盖，请直接修改`);
  }
  const source = listTargets(tx, { year: input.from });
  if (source.length === 0) throw new AppError('VALIDATION', `${input.from} 年没有可复制的目标`);
  for (const target of source) {
    tx.mutate.put('target', targetId(input.to, target.scope, target.key), {
      ...targetColumns(input.to, target),
      deleted: 0,
    });
  }
  return listTargets(tx, { year: input.to });
}

/** Records a manual metric's actual for one month (null clears it). */
export function setTargetActual(tx: Tx, input: z.output<typeof targetActualInput>): TargetRecord {
  const target = getTarget(tx, input.targetId);
  tx.mutate.put('target_actual', `${target.id}:m${input.month}`, {
    target_id: target.id,
    month: input.month,
    value: input.value,
    deleted: input.value === null ? 1 : 0,
  });
  return getTarget(tx, target.id);
}

function getTarget(tx: Tx, id: string): TargetRecord {
  const row = tx.sql.prepare('SELECT * FROM target WHERE id = ? AND deleted = 0').get(id) as
    Record<string, string | number | null> | undefined;
  if (!row) throw new AppError('NOT_FOUND', `目标 ${id}`);
  return targetRecord(tx, row);
}

function targetRecord(tx: Tx, row: Record<string, string | number | null>): TargetRecord {
  const actuals = tx.sql
    .prepare('SELECT month, value FROM target_actual WHERE target_id = ? AND deleted = 0')
    .all(row.id) as { month: number; value: number }[];
  return {
    id: String(row.id),
    key: String(row.metric_key),
    label: String(row.label ?? row.metric_key),
    year: Number(row.year),
    scope: String(row.scope ?? 'zone'),
    guarantee: row.guarantee as number | null,
    strive: row.strive as number | null,
    unit: row.unit as TargetUnit,
    mode: row.mode as TargetMode,
    note: (row.note as string | null) ?? null,
    actuals: Object.fromEntries(actuals.map((a) => [a.month, a.value])),
  };
}
