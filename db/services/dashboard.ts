// The 看板 in one read transaction: the year's targets with their actuals (computed in SQL from the
// conditions of dashboard-sql.ts, or typed in per month), the funnel and region mix, the ranking of
// offices and promoters, the 五未 list and the monthly trend. Also the drill-down: the projects
// behind any one figure, selected by the same condition that counted them.
import type { z } from 'zod';
import type {
  ComputedMetricKey,
  Dashboard,
  DashboardMetric,
  DrillTarget,
  FunnelStage,
  RankingRow,
  RegionSlice,
  StalledItem,
  TrendMonth,
  dashboardInput,
} from '../../domain/dashboard';
import {
  computedMetricKeys,
  computedMetricLabels,
  computedMetricUnits,
  scheduledMetricKeys,
} from '../../domain/dashboard';
import type { Tier } from '../../domain/classify';
import { todayIso } from '../../domain/dates';
import { AppError } from '../../domain/errors';
import type { LedgerRow } from '../../domain/ledger';
import { stageOrder } from '../../domain/lifecycle';
import type { LandingRule, Stage, StalledRule } from '../../domain/lifecycle';
import { ratio, scheduleGapPoints, scheduleProgress } from '../../domain/schedule';
import type { TargetRecord } from '../../domain/targets';
import { labelOf, offices } from '../../domain/vocabulary';
import type { Tx } from '../app-database';
import { usdRate } from '../derived';
import type { ArrivalMetric, DashboardParams } from './dashboard-sql';
import {
  ALIVE,
  LIVE,
  SIGNED,
  STAGE_AS_OF,
  arrivalAmount,
  arrivalsFrom,
  leaderCohort,
  projectMetricConditions,
  reachedBy,
  stalledSelect,
} from './dashboard-sql';
import { readLedgerRows } from './ledger';
import { readSettings } from './settings';
import { listTargets } from './targets';

type Input = z.output<typeof dashboardInput>;

interface Scope {
  year: number;
  asOf: string;
  office: string | null;
  params: DashboardParams;
  landingRule: LandingRule;
  stalledRules: StalledRule[];
}

const pad = (year: number) => String(year).padStart(4, '0');

function scopeOf(tx: Tx, input: Input): Scope {
  const { year } = input;
  const today = todayIso();
  const asOf = input.asOf ?? (today.startsWith(pad(year)) ? today : `${pad(year)}-12-31`);
  const yearEnd = `${pad(year)}-12-31`;
  const prevEnd = `${pad(year - 1)}-12-31`;
  let office: string | null = null;
  if (input.office) {
    const found = offices.find((o) => o.key === input.office || o.label === input.office);
    if (!found) throw new AppError('VALIDATION', `驻点「${input.office}」无效`);
    office = found.key;
  }
  const settings = readSettings(tx);
  return {
    year,
    asOf,
    office,
    landingRule: settings.landingRule,
    stalledRules: settings.stalledRules,
    params: {
      from: `${pad(year)}-01-01`,
      to: asOf < yearEnd ? asOf : yearEnd,
      asOf,
      office,
      prevFrom: `${pad(year - 1)}-01-01`,
      prevTo: asOf < prevEnd ? asOf : prevEnd,
      rate: usdRate(tx.sql, year),
    },
  };
}

export function buildDashboard(tx: Tx, input: Input): Dashboard {
  const scope = scopeOf(tx, input);
  const schedule = scheduleProgress(scope.asOf);
  const stalled = stalledItems(tx, scope);
  const computed = computedActuals(tx, scope, stalled);
  return {
    year: scope.year,
    asOf: scope.asOf,
    office: scope.office,
    schedule,
    usdCnyRate: scope.params.rate,
    landingRule: scope.landingRule,
    metrics: metricsOf(tx, scope, schedule, computed),
    funnel: funnelOf(tx, scope),
    regions: {
      pipeline: regionSlices(tx, scope, 'pipeline'),
      signed: regionSlices(tx, scope, 'signed'),
    },
    ranking: { offices: officeRanking(tx, scope), promoters: promoterRanking(tx, scope) },
    stalled,
    trend: trendOf(tx, scope),
  };
}

// ---------------------------------------------------------------------------------------------
// Metrics

interface Computed {
  actual: number;
  projects: string[];
  cohort?: string[];
}

function ids(tx: Tx, text: string, params: DashboardParams): string[] {
  return tx.sql.prepare(text).pluck().all(params) as string[];
}

function computedActuals(
  tx: Tx,
  scope: Scope,
  stalled: StalledItem[],
): Record<ComputedMetricKey, Computed> {
  const { params } = scope;
  const out = {} as Record<ComputedMetricKey, Computed>;
  for (const [key, where] of Object.entries(projectMetricConditions)) {
    const rows = tx.sql
      .prepare(`SELECT id, contracted_fdi_usd AS fdi FROM project WHERE ${LIVE} AND ${where}`)
      .all(params) as { id: string; fdi: number | null }[];
    out[key as keyof typeof projectMetricConditions] = {
      actual:
        key === 'contracted_fdi' ? rows.reduce((sum, r) => sum + (r.fdi ?? 0), 0) : rows.length,
      projects: rows.map((r) => r.id),
    };
  }
  for (const metric of ['paid_in_fdi', 'domestic_capital'] as const) {
    const sum = tx.sql
      .prepare(`SELECT coalesce(sum(${arrivalAmount[metric]}), 0) FROM ${arrivalsFrom(metric)}`)
      .pluck()
      .get(params) as number;
    out[metric] = { actual: sum, projects: arrivalProjects(tx, metric, params) };
  }
  const cohort = ids(tx, landingCohortQuery(scope), params);
  const landed = ids(
    tx,
    `${landingCohortQuery(scope)} AND ${reachedBy(scope.landingRule.milestone)}`,
    params,
  );
  out.landing_rate = {
    actual: cohort.length === 0 ? 0 : (landed.length / cohort.length) * 100,
    projects: landed,
    cohort,
  };
  const stalledIds = [...new Set(stalled.map((s) => s.projectId))];
  out.stalled_zero = { actual: stalledIds.length, projects: stalledIds };
  return out;
}

function landingCohortQuery(scope: Scope): string {
  return `SELECT id FROM project WHERE ${LIVE} AND ${leaderCohort(scope.landingRule)}`;
}

function arrivalProjects(tx: Tx, metric: ArrivalMetric, params: DashboardParams): string[] {
  return ids(tx, `SELECT DISTINCT p.id FROM ${arrivalsFrom(metric)}`, params);
}

function metricsOf(
  tx: Tx,
  scope: Scope,
  schedule: number,
  computed: Record<ComputedMetricKey, Computed>,
): DashboardMetric[] {
  const targets = listTargets(tx, { year: scope.year, scope: scope.office ?? 'zone' });
  const byKey = new Map(targets.map((t) => [t.key, t]));
  const keys = [
    ...computedMetricKeys,
    ...targets
      .filter((t) => !(computedMetricKeys as readonly string[]).includes(t.key))
      .map((t) => t.key),
  ];
  return keys.map((key) => {
    const target = byKey.get(key);
    const c = (computed as Partial<Record<string, Computed>>)[key];
    const actual = c ? c.actual : manualActual(target, scope);
    const known = c !== undefined;
    const metric: DashboardMetric = {
      key,
      label: target?.label ?? computedMetricLabels[key as ComputedMetricKey] ?? key,
      unit: target?.unit ?? computedMetricUnits[key as ComputedMetricKey] ?? 'count',
      mode: known ? 'computed' : (target?.mode ?? 'manual'),
      guarantee: target?.guarantee ?? null,
      strive: target?.strive ?? null,
      actual,
      guaranteeCompletion: completion(actual, target?.guarantee),
      striveCompletion: completion(actual, target?.strive),
      scheduleGap: null,
      projects: c?.projects ?? [],
    };
    if (c?.cohort) metric.cohort = c.cohort;
    const scheduled = scheduledMetricKeys.has(key) || (!known && target?.unit !== 'percent');
    const reference = metric.guaranteeCompletion ?? metric.striveCompletion;
    if (scheduled && reference !== null)
      metric.scheduleGap = scheduleGapPoints(reference, schedule);
    return metric;
  });
}

function completion(actual: number | null, goal: number | null | undefined): number | null {
  if (actual === null || goal === null || goal === undefined) return null;
  return ratio(actual, goal);
}

/** A manual metric's figure on as-of: the value typed for the latest month up to as-of's month. */
function manualActual(target: TargetRecord | undefined, scope: Scope): number | null {
  if (!target) return null;
  const lastMonth = scope.asOf.slice(0, 4) > pad(scope.year) ? 12 : Number(scope.asOf.slice(5, 7));
  if (scope.asOf < scope.params.from) return null;
  for (let month = lastMonth; month >= 1; month--) {
    const value = target.actuals[month];
    if (value !== undefined) return value;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Funnel and regions

const funnelStages = stageOrder.filter(
  (s): s is Exclude<Stage, 'terminated'> => s !== 'terminated',
);

function funnelOf(tx: Tx, scope: Scope): FunnelStage[] {
  const rows = tx.sql
    .prepare(
      `SELECT ${STAGE_AS_OF} AS stage, count(*) AS count, coalesce(sum(total_cny), 0) AS totalCny
       FROM project WHERE ${LIVE} AND ${ALIVE} GROUP BY 1`,
    )
    .all(scope.params) as { stage: Stage; count: number; totalCny: number }[];
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  let reached = rows.reduce((sum, r) => sum + r.count, 0);
  let previous: number | null = null;
  return funnelStages.map((stage) => {
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
}

const regionOrder = [
  'eu_us',
  'de_jp',
  'kr_sg_hk_tw',
  'other_foreign',
  'domestic',
  'unknown',
] as const;

function regionSlices(tx: Tx, scope: Scope, of: 'pipeline' | 'signed'): RegionSlice[] {
  const where = of === 'signed' ? SIGNED : ALIVE;
  const rows = tx.sql
    .prepare(
      `SELECT coalesce(region, 'unknown') AS region, count(*) AS count,
         coalesce(sum(total_cny), 0) AS totalCny
       FROM project WHERE ${LIVE} AND ${where} GROUP BY 1`,
    )
    .all(scope.params) as RegionSlice[];
  const byRegion = new Map(rows.map((r) => [r.region, r]));
  return regionOrder.map((region) => byRegion.get(region) ?? { region, count: 0, totalCny: 0 });
}

// ---------------------------------------------------------------------------------------------
// Ranking (以项目论英雄)

function rankingSelect(scope: Scope, groupBy: 'office_id' | 'owner_id'): string {
  const landed = `${reachedBy(scope.landingRule.milestone)}`;
  return `SELECT ${groupBy} AS id, max(owner_name) AS name, max(office_id) AS office,
      count(*) AS signed,
      sum(tier = 't100') AS t100, sum(tier = 't50_100') AS t50_100,
      sum(tier = 't10_50') AS t10_50, sum(tier = 't1_10') AS t1_10,
      coalesce(sum(total_cny), 0) AS totalCny, coalesce(sum(contracted_fdi_usd), 0) AS contractedFdiUsd,
      sum(${landed}) AS landed
    FROM project WHERE ${LIVE} AND ${SIGNED} AND ${groupBy} IS NOT NULL
    GROUP BY ${groupBy}`;
}

type RankingSql = Omit<RankingRow, 'byTier'> & Record<Exclude<Tier, 'none'>, number>;

function rankingRow(r: RankingSql, name: string): RankingRow {
  return {
    id: r.id,
    name,
    office: r.office,
    signed: r.signed,
    byTier: { t100: r.t100, t50_100: r.t50_100, t10_50: r.t10_50, t1_10: r.t1_10 },
    totalCny: r.totalCny,
    contractedFdiUsd: r.contractedFdiUsd,
    landed: r.landed,
  };
}

const byResult = (a: RankingRow, b: RankingRow) =>
  b.totalCny - a.totalCny || b.signed - a.signed || a.name.localeCompare(b.name, 'zh-CN');

function officeRanking(tx: Tx, scope: Scope): RankingRow[] {
  const rows = tx.sql.prepare(rankingSelect(scope, 'office_id')).all(scope.params) as RankingSql[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const empty = (id: string): RankingSql => ({
    id,
    name: '',
    office: id,
    signed: 0,
    t100: 0,
    t50_100: 0,
    t10_50: 0,
    t1_10: 0,
    totalCny: 0,
    contractedFdiUsd: 0,
    landed: 0,
  });
  const keys = scope.office ? [scope.office] : offices.map((o) => o.key);
  return keys
    .map((key) => rankingRow(byId.get(key) ?? empty(key), labelOf(offices, key) ?? key))
    .sort(byResult);
}

function promoterRanking(tx: Tx, scope: Scope): RankingRow[] {
  const rows = tx.sql.prepare(rankingSelect(scope, 'owner_id')).all(scope.params) as RankingSql[];
  return rows.map((r) => rankingRow(r, r.name ?? '（未知）')).sort(byResult);
}

// ---------------------------------------------------------------------------------------------
// 五未 and the monthly trend

function stalledItems(tx: Tx, scope: Scope): StalledItem[] {
  const select = stalledSelect(scope.stalledRules);
  if (!select) return [];
  const rows = tx.sql
    .prepare(
      `SELECT s.id AS projectId, s.rule, s.days, p.code, p.name, p.owner_name AS owner,
         p.office_id AS office, p.problems
       FROM (${select}) s JOIN project p ON p.id = s.id
       ORDER BY s.days DESC, p.rowid`,
    )
    .all(scope.params) as {
    projectId: string;
    rule: number;
    days: number;
    code: string | null;
    name: string | null;
    owner: string | null;
    office: string | null;
    problems: string | null;
  }[];
  return rows.map((r) => {
    const rule = scope.stalledRules[r.rule]!;
    return {
      projectId: r.projectId,
      code: r.code,
      name: r.name ?? '',
      owner: r.owner,
      office: labelOf(offices, r.office),
      ruleKey: rule.key,
      rule: rule.label,
      overdueDays: r.days,
      problems: r.problems,
    };
  });
}

function trendOf(tx: Tx, scope: Scope): TrendMonth[] {
  const months: TrendMonth[] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    signed: 0,
    signedCny: 0,
    contractedFdiUsd: 0,
    paidInFdiUsd: 0,
    domesticCny: 0,
  }));
  const signed = tx.sql
    .prepare(
      `SELECT CAST(substr(signed_on, 6, 2) AS INTEGER) AS month, count(*) AS n,
         coalesce(sum(total_cny), 0) AS cny, coalesce(sum(contracted_fdi_usd), 0) AS fdi
       FROM project WHERE ${LIVE} AND ${SIGNED} GROUP BY 1`,
    )
    .all(scope.params) as { month: number; n: number; cny: number; fdi: number }[];
  for (const r of signed) {
    const m = months[r.month - 1];
    if (!m) continue;
    m.signed = r.n;
    m.signedCny = r.cny;
    m.contractedFdiUsd = r.fdi;
  }
  for (const metric of ['paid_in_fdi', 'domestic_capital'] as const) {
    const rows = tx.sql
      .prepare(
        `SELECT CAST(substr(a.arrived_on, 6, 2) AS INTEGER) AS month,
           coalesce(sum(${arrivalAmount[metric]}), 0) AS amount
         FROM ${arrivalsFrom(metric)} GROUP BY 1`,
      )
      .all(scope.params) as { month: number; amount: number }[];
    for (const r of rows) {
      const m = months[r.month - 1];
      if (!m) continue;
      if (metric === 'paid_in_fdi') m.paidInFdiUsd = r.amount;
      else m.domesticCny = r.amount;
    }
  }
  return months;
}

// ---------------------------------------------------------------------------------------------
// Drill-down

/** The projects behind one figure of the 看板, largest total investment first. */
export function drillDown(tx: Tx, input: Input & { target: DrillTarget }): LedgerRow[] {
  const scope = scopeOf(tx, input);
  const idList = drillIds(tx, scope, input.target);
  if (idList.length === 0) return [];
  const rowids = tx.sql
    .prepare(
      `SELECT rowid FROM project WHERE id IN (SELECT value FROM json_each(?))
       ORDER BY total_cny IS NULL, total_cny DESC, rowid`,
    )
    .pluck()
    .all(JSON.stringify(idList)) as number[];
  return readLedgerRows(tx, rowids);
}

function drillIds(tx: Tx, scope: Scope, target: DrillTarget): string[] {
  const { params } = scope;
  const where = (condition: string) =>
    ids(tx, `SELECT id FROM project WHERE ${LIVE} AND ${condition}`, params);
  switch (target.kind) {
    case 'metric': {
      const key = target.key;
      if (key in projectMetricConditions) {
        return where(projectMetricConditions[key as keyof typeof projectMetricConditions]);
      }
      if (key === 'paid_in_fdi' || key === 'domestic_capital') {
        return arrivalProjects(tx, key, params);
      }
      if (key === 'landing_rate') {
        return ids(
          tx,
          `${landingCohortQuery(scope)} AND ${reachedBy(scope.landingRule.milestone)}`,
          params,
        );
      }
      return [...new Set(stalledItems(tx, scope).map((s) => s.projectId))];
    }
    case 'cohort':
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
      const landed = target.landed ? ` AND ${reachedBy(scope.landingRule.milestone)}` : '';
      return tx.sql
        .prepare(
          `SELECT id FROM project WHERE ${LIVE} AND ${SIGNED} AND ${col} = @id${tier}${landed}`,
        )
        .pluck()
        .all({ ...params, id: target.id, tier: target.tier ?? null }) as string[];
    }
    case 'stalled':
      return [
        ...new Set(
          stalledItems(tx, scope)
            .filter((s) => target.ruleKey === undefined || s.ruleKey === target.ruleKey)
            .map((s) => s.projectId),
        ),
      ];
    case 'trend': {
      const month = `${String(target.month).padStart(2, '0')}`;
      if (target.series === 'signed') {
        return where(`${SIGNED} AND substr(signed_on, 6, 2) = '${month}'`);
      }
      return ids(
        tx,
        `SELECT DISTINCT p.id FROM ${arrivalsFrom(target.series)} AND substr(a.arrived_on, 6, 2) = '${month}'`,
        params,
      );
    }
  }
}
