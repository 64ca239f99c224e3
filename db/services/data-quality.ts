// 数据质量 (issue 17): the live records whose missing values make the 看板's numbers uncertain,
// one entry per record and gap, each naming the page and field that fix it.
import type { DataQualityItem, DataQualityKind } from '../../domain/data-quality';
import { dataQualityKinds, noPlannedCompletionLabel } from '../../domain/data-quality';
import type { Tx } from '../app-database';
import { readSettings } from './settings';

const empty = (col: string) => `coalesce(${col}, '') = ''`;

const checks: {
  kind: DataQualityKind;
  target: 'project' | 'investor';
  field: string;
  sql: string;
}[] = [
  {
    kind: 'no_region',
    target: 'project',
    field: 'country',
    // No own country, no province (domestic) and no group HQ country: the region is a guess.
    sql: `SELECT id, name FROM project WHERE deleted = 0 AND ${empty('country')}
      AND ${empty('province')} AND ${empty('group_country')}`,
  },
  {
    kind: 'no_city',
    target: 'investor',
    field: 'city',
    sql: `SELECT id, name_zh AS name FROM investor WHERE deleted = 0 AND ${empty('city')}
      AND (hq_country = 'CN' OR coalesce(province, '') <> '')`,
  },
  {
    kind: 'no_planned_completion',
    target: 'project',
    field: 'plannedCompletedOn',
    sql: `SELECT id, name FROM project WHERE deleted = 0 AND stage <> 'terminated'
      AND coalesce(started_on, '') <> '' AND ${empty('completed_on')}
      AND ${empty('planned_completed_on')}`,
  },
  {
    kind: 'referral_no_referrer',
    target: 'project',
    field: 'referrer',
    sql: `SELECT id, name FROM project WHERE deleted = 0 AND channel = 'referral'
      AND trim(coalesce(referrer, '')) = ''`,
  },
  {
    kind: 'agent_no_agent',
    target: 'project',
    field: 'agent',
    sql: `SELECT id, name FROM project WHERE deleted = 0 AND channel = 'agent'
      AND trim(coalesce(agent, '')) = ''`,
  },
  {
    kind: 'fair_no_edition',
    target: 'project',
    field: 'fairEdition',
    sql: `SELECT id, name FROM project WHERE deleted = 0 AND channel = 'fair'
      AND trim(coalesce(fair_edition, '')) = ''`,
  },
];

/** Every gap of every live record, by kind in the order above, then by name. */
export function dataQuality(tx: Tx): DataQualityItem[] {
  const labels: Record<DataQualityKind, string> = {
    ...dataQualityKinds,
    no_planned_completion: noPlannedCompletionLabel(readSettings(tx).stalledRules),
  };
  return checks.flatMap(({ kind, target, field, sql }) =>
    (tx.sql.prepare(`${sql} ORDER BY name, id`).all() as { id: string; name: string }[]).map(
      (r) => ({ kind, label: labels[kind], target, id: r.id, name: r.name, field }),
    ),
  );
}
