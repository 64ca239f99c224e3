// The pipeline funnel: projects by their stage on as-of, with the conversion from stage to stage;
// the same pass gives the pipeline's region mix.
import type { FunnelStage, RegionSlice } from '../../../domain/dashboard';
import { stageOrder } from '../../../domain/lifecycle';
import type { Stage } from '../../../domain/lifecycle';
import { ratio } from '../../../domain/schedule';
import type { Tx } from '../../app-database';
import { ALIVE, LIVE, MILESTONE_LIST, STAGE_AS_OF } from './conditions';
import { regionOrder } from './regions';
import type { Scope } from './scope';

const funnelStages = stageOrder.filter(
  (s): s is Exclude<Stage, 'terminated'> => s !== 'terminated',
);

/**
 * The pipeline on as-of: projects by stage (the funnel) and by region. Every live project alive on
 * as-of is read once from the project_pipeline index, grouped in its order (dated_stage, region:
 * no sort): that is the region mix, and the funnel for the settled projects (nothing dated after
 * as-of), whose stage on as-of is their dated_stage. The unsettled ones are then moved from their
 * dated_stage to their stage on as-of, from their dates.
 */
export function pipelineOf(
  tx: Tx,
  scope: Scope,
): { funnel: FunnelStage[]; regions: RegionSlice[] } {
  type Sum = { count: number; totalCny: number };
  const groups = tx.sql
    .prepare(
      `SELECT dated_stage AS stage, region, count(*) AS count,
         coalesce(sum(total_cny), 0) AS totalCny
       FROM project INDEXED BY project_pipeline WHERE ${LIVE} AND ${ALIVE}
       GROUP BY dated_stage, region`,
    )
    .all(scope.params) as (Sum & { stage: Stage; region: RegionSlice['region'] | null })[];
  const unsettled = tx.sql
    .prepare(
      `SELECT dated_stage AS datedStage, ${STAGE_AS_OF} AS stage, count(*) AS count,
         coalesce(sum(total_cny), 0) AS totalCny
       FROM project INDEXED BY project_stalled WHERE ${LIVE} AND ${ALIVE}
         AND dated_stage IN (${MILESTONE_LIST}) AND last_actual_on > @asOf
       GROUP BY 1, 2`,
    )
    .all(scope.params) as (Sum & { datedStage: Stage; stage: Stage })[];
  const add = <K extends string>(into: Map<K, Sum>, key: K, count: number, totalCny: number) => {
    const sum = into.get(key) ?? { count: 0, totalCny: 0 };
    into.set(key, { count: sum.count + count, totalCny: sum.totalCny + totalCny });
  };
  const byStage = new Map<Stage, Sum>();
  const byRegion = new Map<RegionSlice['region'], Sum>();
  for (const g of groups) {
    add(byStage, g.stage, g.count, g.totalCny);
    add(byRegion, g.region ?? 'unknown', g.count, g.totalCny);
  }
  for (const u of unsettled) {
    add(byStage, u.datedStage, -u.count, -u.totalCny);
    add(byStage, u.stage, u.count, u.totalCny);
  }
  let reached = groups.reduce((sum, g) => sum + g.count, 0);
  let previous: number | null = null;
  const funnel = funnelStages.map((stage) => {
    const row = byStage.get(stage);
    const here: FunnelStage = {
      stage,
      count: row?.count ?? 0,
      totalCny: row?.totalCny ?? 0,
      reached,
      conversion: previous === null ? null : ratio(reached, previous),
    };
    previous = reached;
    reached -= here.count;
    return here;
  });
  const regions = regionOrder.map((region) => ({
    region,
    ...(byRegion.get(region) ?? { count: 0, totalCny: 0 }),
  }));
  return { funnel, regions };
}
