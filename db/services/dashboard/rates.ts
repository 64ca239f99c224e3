// 开工率, 竣工率, 资金到位率 and 履约率 (docs/domain.md "Rates"): each a share of a cohort of projects,
// with the conditions that pick the cohort and its numerator written once here for the figures and
// their drill-down. 落地率 stays with the signings (metrics.ts), whose cohort follows a setting.
import type { RateMetricKey } from '../../../domain/dashboard';
import type { Tx } from '../../app-database';
import { ALIVE, FDI_AMOUNT_USD, LIVE, PROJECTS, SIGNED, reachedAsOf } from './conditions';
import type { Scope } from './scope';
import { ids } from './scope';

export type ProjectRateKey = Exclude<RateMetricKey, 'landing_rate'>;

/** A rate as metrics.ts merges it into the computed metrics. */
interface RateFigure {
  actual: number | null;
  count: number;
  cohortCount: number;
  projects?: string[];
  cohort?: string[];
  base?: number;
  amount?: number;
}

/** Signed on or before as-of (in any year). */
const SIGNED_BY_AS_OF = `signed_on BETWEEN '1' AND @asOf`;

/** 资金到位率's cohort: the year's signings with 合同外资. */
const FDI_COHORT = `${SIGNED} AND contracted_fdi_usd > 0`;

/** The cohort (denominator) and the numerator of each rate, over the project table. */
export const rateConditions: Record<ProjectRateKey, { cohort: string; reached: string }> = {
  rate_started: { cohort: SIGNED, reached: `${SIGNED} AND ${reachedAsOf('started')}` },
  rate_completed: { cohort: SIGNED, reached: `${SIGNED} AND ${reachedAsOf('completed')}` },
  rate_funds: {
    cohort: FDI_COHORT,
    reached: `${FDI_COHORT} AND id IN (SELECT project_id FROM capital_arrival
      WHERE deleted = 0 AND kind = 'fdi' AND arrived_on BETWEEN '1' AND @asOf)`,
  },
  // Due: a planned 开工 date in the year up to as-of, on a project signed by then. Kept: started on
  // or before that planned date.
  rate_fulfilled: {
    cohort: `planned_started_on BETWEEN @from AND @to AND ${SIGNED_BY_AS_OF} AND ${ALIVE}`,
    reached: `planned_started_on BETWEEN @from AND @to AND ${SIGNED_BY_AS_OF} AND ${ALIVE}
      AND started_on BETWEEN '1' AND planned_started_on`,
  },
};

/** The ids a rate's cohort or numerator holds. */
export function rateIds(tx: Tx, scope: Scope, key: ProjectRateKey, part: 'cohort' | 'reached') {
  return ids(
    tx,
    `SELECT id FROM ${PROJECTS} WHERE ${LIVE} AND ${rateConditions[key][part]}`,
    scope.params,
  );
}

export function rateActuals(tx: Tx, scope: Scope): Record<ProjectRateKey, RateFigure> {
  const out = {} as Record<ProjectRateKey, RateFigure>;
  for (const key of Object.keys(rateConditions) as ProjectRateKey[]) {
    if (scope.withProjects) {
      const cohort = rateIds(tx, scope, key, 'cohort');
      const reached = rateIds(tx, scope, key, 'reached');
      out[key] = {
        actual: cohort.length === 0 ? null : (reached.length / cohort.length) * 100,
        count: reached.length,
        cohortCount: cohort.length,
        projects: reached,
        cohort,
      };
      continue;
    }
    // The screen's 看板: counts alone, in one pass over the cohort.
    const { cohort, reached } = tx.sql
      .prepare(
        `SELECT count(*) AS cohort, count(CASE WHEN ${rateConditions[key].reached} THEN 1 END) AS reached
         FROM ${PROJECTS} WHERE ${LIVE} AND ${rateConditions[key].cohort}`,
      )
      .get(scope.params) as { cohort: number; reached: number };
    out[key] = {
      actual: cohort === 0 ? null : (reached / cohort) * 100,
      count: reached,
      cohortCount: cohort,
    };
  }
  // 资金到位率 is a share of money: the cohort's 实到外资 up to as-of ÷ its 合同外资.
  const money = tx.sql
    .prepare(
      `SELECT coalesce(sum(contracted_fdi_usd), 0) AS contracted,
         coalesce(sum((SELECT sum(${FDI_AMOUNT_USD}) FROM capital_arrival a WHERE a.project_id = p.id
           AND a.deleted = 0 AND a.kind = 'fdi' AND a.arrived_on BETWEEN '1' AND @asOf)), 0) AS paid
       FROM project p INDEXED BY project_dashboard WHERE ${LIVE} AND ${FDI_COHORT}`,
    )
    .get(scope.params) as { contracted: number; paid: number };
  out.rate_funds = {
    ...out.rate_funds,
    actual: money.contracted === 0 ? null : (money.paid / money.contracted) * 100,
    base: money.contracted,
    amount: money.paid,
  };
  return out;
}
