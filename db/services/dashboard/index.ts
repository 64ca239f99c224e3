// The 看板 in one read transaction: the year's targets with their actuals (metrics.ts), the funnel
// and region mix (funnel.ts, regions.ts), the ranking of offices and promoters (ranking.ts), the
// 五未 list (stalled.ts) and the monthly trend (trend.ts), all over one scope (scope.ts) and the
// SQL conditions of conditions.ts. The year's figures are read through figuresScope (by months, at
// the last completed month's end); the funnel, the pipeline's region mix and 五未 on as-of itself.
// 补差 (gap.ts) lists what could still count this year. Also the drill-down (drill.ts): the
// projects behind any one figure, selected by the same condition that counted them.
import type { Dashboard } from '../../../domain/dashboard';
import type { Tx } from '../../app-database';
import { arrivalTotals } from './arrivals';
import { gapLists } from './gap';
import { breakdownsOf } from './breakdowns';
import { keyProjectRows } from './key-investment';
import { pipelineOf } from './funnel';
import { computedActuals, metricsOf } from './metrics';
import { claimCredits } from './claim-credit';
import { officeRanking, promoterRanking } from './ranking';
import { signedRegions } from './regions';
import type { DashboardInput } from './scope';
import { figuresScope, scopeOf } from './scope';
import { signingGroups } from './signings';
import { stalledItems } from './stalled';
import { trendOf } from './trend';

export { drillDown } from './drill';

export function buildDashboard(tx: Tx, input: DashboardInput): Dashboard {
  const scope = scopeOf(tx, input);
  const figures = figuresScope(scope);
  const { schedule } = scope.reading;
  const stalled = stalledItems(tx, scope, input.stalledLimit);
  const arrivals = arrivalTotals(tx, figures);
  const signings = signingGroups(tx, figures);
  const computed = computedActuals(tx, figures, stalled.projects, arrivals, signings);
  const pipeline = pipelineOf(tx, scope);
  const credits = claimCredits(tx, figures, signings);
  return {
    year: scope.year,
    asOf: scope.asOf,
    office: scope.office,
    basis: scope.reading.basis,
    yearStatus: scope.reading.status,
    schedule,
    actualsThrough: scope.reading.actualsThrough,
    lightThresholds: scope.lightThresholds,
    usdCnyRate: scope.params.rate,
    landingRule: scope.landingRule,
    missingRates: scope.missingRates,
    metrics: metricsOf(tx, figures, schedule, computed),
    funnel: pipeline.funnel,
    regions: { pipeline: pipeline.regions, signed: signedRegions(signings) },
    ranking: {
      offices: officeRanking(figures, signings, credits),
      promoters: promoterRanking(tx, signings, credits),
    },
    stalled: stalled.items,
    stalledCount: stalled.count,
    stalledByRule: stalled.byRule,
    trend: trendOf(signings, arrivals),
    keyProjects: keyProjectRows(tx, figures, schedule),
    breakdowns: breakdownsOf(tx, scope, figures),
    gap: gapLists(tx, scope),
  };
}
