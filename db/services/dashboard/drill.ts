// The drill-down: the projects behind any one figure of the 看板, selected by the same condition
// that counted them.
import type { DrillTarget } from '../../../domain/dashboard';
import type { LedgerRow } from '../../../domain/ledger';
import type { Tx } from '../../app-database';
import { readLedgerRows } from '../ledger';
import { arrivalProjects } from './arrivals';
import {
  ALIVE,
  LIVE,
  PROJECTS,
  SIGNED,
  STAGE_AS_OF,
  arrivalsFrom,
  leaderCohort,
  projectMetricConditions,
  reachedAsOf,
} from './conditions';
import { breakdownCondition } from './breakdowns';
import { keyMetricIds } from './key-investment';
import type { KeyMetricKey } from './key-investment';
import { rateConditions, rateIds } from './rates';
import type { DashboardInput, Scope } from './scope';
import { figuresScope, ids, scopeOf } from './scope';
import { stalledRows } from './stalled';

/** The projects behind one figure of the 看板, largest total investment first. */
export function drillDown(tx: Tx, input: DashboardInput & { target: DrillTarget }): LedgerRow[] {
  const { kind } = input.target;
  const asOf = scopeOf(tx, input);
  // The pipeline's snapshot on as-of; the year's figures where the basis reads them.
  const snapshot =
    kind === 'funnel' ||
    kind === 'stalled' ||
    (kind === 'region' && input.target.scope === 'pipeline') ||
    (kind === 'breakdown' && input.target.scope === 'pipeline');
  const scope = snapshot ? asOf : figuresScope(asOf);
  const drilled = drillIds(tx, scope, input.target);
  if (Array.isArray(drilled) && drilled.length === 0) return [];
  const rowids = Array.isArray(drilled)
    ? (tx.sql
        .prepare(
          `SELECT rowid FROM project WHERE id IN (SELECT value FROM json_each(?))
           ORDER BY ${LARGEST_FIRST}`,
        )
        .pluck()
        .all(JSON.stringify(drilled)) as number[])
    : drilled.rowids;
  if (rowids.length === 0) return [];
  return readLedgerRows(tx, rowids);
}

const keyMetricKeys: ReadonlySet<string> = new Set<KeyMetricKey>([
  'annual_projects',
  'key_projects_investment',
  'city_projects',
  'city_projects_investment',
  'tech_renovation',
]);

const LARGEST_FIRST = 'total_cny IS NULL, total_cny DESC, rowid';

/**
 * The ids of the projects behind a figure; or, for a condition over the project table, their
 * rowids in drill-down order at once, read with total_cny from the covering index (no lookup of
 * each project by id).
 */
function drillIds(tx: Tx, scope: Scope, target: DrillTarget): string[] | { rowids: number[] } {
  const { params } = scope;
  const where = (condition: string, extra: Record<string, unknown> = {}) => ({
    rowids: tx.sql
      .prepare(
        `SELECT rowid FROM ${PROJECTS} WHERE ${LIVE} AND ${condition} ORDER BY ${LARGEST_FIRST}`,
      )
      .pluck()
      .all({ ...params, ...extra }) as number[],
  });
  switch (target.kind) {
    case 'metric': {
      const key = target.key;
      if (key in projectMetricConditions) {
        return where(projectMetricConditions[key as keyof typeof projectMetricConditions]);
      }
      if (key === 'paid_in_fdi' || key === 'domestic_capital') {
        return arrivalProjects(tx, key, params);
      }
      if (keyMetricKeys.has(key)) return keyMetricIds(tx, scope, key as KeyMetricKey);
      if (key in rateConditions) {
        return rateIds(tx, scope, key as keyof typeof rateConditions, 'reached');
      }
      if (key === 'landing_rate') {
        return ids(
          tx,
          `${landingCohortQuery(scope)} AND ${reachedAsOf(scope.landingRule.milestone)}`,
          params,
        );
      }
      return stalledRows(tx, scope).map((r) => r.id);
    }
    case 'cohort':
      if (target.key !== 'landing_rate') return rateIds(tx, scope, target.key, 'cohort');
      return ids(tx, landingCohortQuery(scope), params);
    case 'funnel':
      return where(`${ALIVE} AND (${STAGE_AS_OF}) = '${target.stage}'`);
    case 'region': {
      const region = target.region === 'unknown' ? 'region IS NULL' : `region = '${target.region}'`;
      return where(`${target.scope === 'signed' ? SIGNED : ALIVE} AND ${region}`);
    }
    case 'ranking': {
      const col = target.by === 'office' ? 'office_id' : 'owner_id';
      const tier = target.tier ? ' AND tier = @tier' : '';
      const landed = target.landed ? ` AND ${reachedAsOf(scope.landingRule.milestone)}` : '';
      return where(`${SIGNED} AND ${col} = @id${tier}${landed}`, {
        id: target.id,
        tier: target.tier ?? null,
      });
    }
    case 'stalled': {
      const rule = scope.stalledRules.findIndex((r) => r.key === target.ruleKey);
      const rows = stalledRows(tx, scope).filter(
        (r) => target.ruleKey === undefined || r.rule === rule,
      );
      return [...new Set(rows.map((r) => r.id))];
    }
    case 'breakdown': {
      const within = target.scope === 'signed' ? SIGNED : ALIVE;
      return where(`${within} AND ${breakdownCondition(target.key)}`);
    }
    case 'trend': {
      const month = `${String(target.month).padStart(2, '0')}`;
      if (target.series === 'signed') {
        return where(`${SIGNED} AND substr(signed_on, 6, 2) = '${month}'`);
      }
      return ids(
        tx,
        `SELECT DISTINCT a.project_id FROM ${arrivalsFrom(scope.office, target.series)}
         AND substr(a.arrived_on, 6, 2) = '${month}'`,
        params,
      );
    }
  }
}

function landingCohortQuery(scope: Scope): string {
  return `SELECT id FROM ${PROJECTS} WHERE ${LIVE} AND ${leaderCohort(scope.landingRule)}`;
}
