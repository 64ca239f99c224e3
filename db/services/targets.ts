// Yearly targets: list a year's targets and create or edit one (deterministic ids per year, scope
// and metric key, so offices entering the same target converge on one row).
import type { z } from 'zod';
import type {
  TargetRecord,
  TargetMode,
  TargetUnit,
  targetListInput,
  targetUpsertInput,
} from '../../domain/targets';
import { targetId } from '../../domain/targets';
import type { Tx } from '../app-database';

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
  return rows.map(targetRecord);
}

export function upsertTarget(tx: Tx, input: z.output<typeof targetUpsertInput>): TargetRecord {
  const id = targetId(input.year, input.scope, input.key);
  tx.mutate.put('target', id, {
    year: input.year,
    metric_key: input.key,
    scope: input.scope,
    label: input.label,
    guarantee: input.guarantee,
    strive: input.strive,
    unit: input.unit,
    mode: input.mode,
    note: input.note,
    deleted: 0,
  });
  const row = tx.sql.prepare('SELECT * FROM target WHERE id = ?').get(id) as Record<
    string,
    string | number | null
  >;
  return targetRecord(row);
}

function targetRecord(row: Record<string, string | number | null>): TargetRecord {
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
  };
}
