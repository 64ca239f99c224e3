// The key figures: every target of the year with its actual (computed in SQL from the conditions
// of conditions.ts, or typed in per month), its completion and its gap to 序时进度.
import type { ComputedMetricKey, DashboardMetric } from '../../../domain/dashboard';
import {
  computedMetricKeys,
  computedMetricLabels,
  computedMetricUnits,
  scheduledMetricKeys,
} from '../../../domain/dashboard';
import { lightOf, ratio, scheduleGapPoints } from '../../../domain/schedule';
import type { TargetRecord } from '../../../domain/targets';
import type { Tx } from '../../app-database';
import { listTargets } from '../targets';
import type { ArrivalTotals } from './arrivals';
import { LIVE, PROJECTS, leaderCohort, projectMetricConditions, reachedAsOf } from './conditions';
import { keyActuals } from './key-investment';
import { rateActuals } from './rates';
import type { Scope } from './scope';
import { pad } from './scope';
import type { SigningGroup } from './signings';
import { metricColumn, signedMetricKeys } from './signings';

export interface Computed {
  actual: number | null;
  /** Projects behind the figure; null when only their ids would tell and ids were not asked for. */
  count: number | null;
  projects?: string[];
  cohortCount?: number;
  cohort?: string[];
  base?: number;
  amount?: number;
}

/** group_concat's separator: a control character no id contains. */
const SEP = '\u001f';
const splitIds = (list: string | null) => (list ? list.split(SEP) : []);

/**
 * The computed metrics: the project counts in one pass, the arrivals by month, 五未 from its list.
 * Without id lists the counts of the year's signings are the sums of the signing groups (which
 * count them under the same conditions), and only a 落地率 cohort of last year's signings is read
 * apart.
 */
export function computedActuals(
  tx: Tx,
  scope: Scope,
  stalledProjects: string[],
  arrivals: ArrivalTotals,
  signings: SigningGroup[],
): Record<ComputedMetricKey, Computed> {
  const { params } = scope;
  const cohort = leaderCohort(scope.landingRule);
  const landed = `${cohort} AND ${reachedAsOf(scope.landingRule.milestone)}`;
  const lists = {
    ...projectMetricConditions,
    landing_cohort: cohort,
    landing_landed: landed,
  };
  const aggregate = (entries: [string, string][]) =>
    entries
      .map(([key, where]) =>
        scope.withProjects
          ? `group_concat(CASE WHEN ${where} THEN id END, '${SEP}') AS ${key}`
          : `count(CASE WHEN ${where} THEN 1 END) AS ${key}`,
      )
      .join(',\n');
  const { started_1yi, completed_1yi, ...signedLists } = lists;
  const lastYearsCohort = scope.landingRule.cohort === 'signed_in_previous_year';
  // Each condition needs its date in a range: the signings are read from the covering index by
  // signed_on (last year's too only when the 落地率 cohort is last year's), 开工 and 竣工 from an
  // index of their own.
  const signed = scope.withProjects
    ? (tx.sql
        .prepare(
          `SELECT ${aggregate(Object.entries(signedLists))},
             sum(CASE WHEN ${projectMetricConditions.contracted_fdi} THEN contracted_fdi_usd END) AS fdi
           FROM ${PROJECTS}
           WHERE ${LIVE} AND signed_on BETWEEN ${lastYearsCohort ? '@prevFrom' : '@from'} AND @to`,
        )
        .get(params) as Record<string, string | number | null> & { fdi: number | null })
    : signedCounts(tx, scope, signings, { landing_cohort: cohort, landing_landed: landed });
  const started = tx.sql
    .prepare(
      `SELECT ${aggregate([['started_1yi', started_1yi]])} FROM project INDEXED BY project_started
       WHERE ${LIVE} AND started_on BETWEEN @from AND @to`,
    )
    .get(params) as Record<string, string | number | null>;
  const completed = tx.sql
    .prepare(
      `SELECT ${aggregate([['completed_1yi', completed_1yi]])} FROM project INDEXED BY project_completed
       WHERE ${LIVE} AND completed_on BETWEEN @from AND @to`,
    )
    .get(params) as Record<string, string | number | null>;
  const row = { ...signed, ...started, ...completed } as Record<
    keyof typeof lists,
    string | number | null
  > & { fdi: number | null };
  /** A list's ids (when asked for) and how many there are. */
  const list = (key: keyof typeof lists): { count: number; projects?: string[] } => {
    const value = row[key];
    if (!scope.withProjects) return { count: Number(value ?? 0) };
    const projects = splitIds(value as string | null);
    return { count: projects.length, projects };
  };
  const out = {} as Record<ComputedMetricKey, Computed>;
  for (const key of Object.keys(
    projectMetricConditions,
  ) as (keyof typeof projectMetricConditions)[]) {
    const l = list(key);
    out[key] = { actual: key === 'contracted_fdi' ? (row.fdi ?? 0) : l.count, ...l };
  }
  for (const metric of ['paid_in_fdi', 'domestic_capital'] as const) {
    const { total, projects } = arrivals[metric];
    out[metric] = projects
      ? { actual: total, count: projects.length, projects }
      : { actual: total, count: null };
  }
  const members = list('landing_cohort');
  const reached = list('landing_landed');
  out.landing_rate = {
    // No cohort, no rate (as tests/oracle/metrics.ts says): not 0%.
    actual: members.count === 0 ? null : (reached.count / members.count) * 100,
    ...reached,
    cohortCount: members.count,
    ...(members.projects ? { cohort: members.projects } : {}),
  };
  out.stalled_zero = {
    actual: stalledProjects.length,
    count: stalledProjects.length,
    ...(scope.withProjects ? { projects: stalledProjects } : {}),
  };
  Object.assign(out, rateActuals(tx, scope), keyActuals(tx, scope));
  return out;
}

/** The counts of the signed metrics (and the 落地率's), without id lists, from the signing groups. */
function signedCounts(
  tx: Tx,
  scope: Scope,
  signings: SigningGroup[],
  landing: { landing_cohort: string; landing_landed: string },
): Record<string, number> {
  const counts: Record<string, number> = { fdi: 0, landing_cohort: 0, landing_landed: 0 };
  for (const key of signedMetricKeys) counts[key] = 0;
  for (const g of signings) {
    for (const key of signedMetricKeys) counts[key]! += g[metricColumn[key]];
    counts.fdi! += g.fdi;
    counts.landing_landed! += g.leaderLanded;
  }
  if (scope.landingRule.cohort === 'signed_in_year') {
    // The cohort is the year's 省市县长工程 signings: leader_projects' condition.
    counts.landing_cohort = counts.leader_projects!;
    return counts;
  }
  const lastYear = tx.sql
    .prepare(
      `SELECT count(CASE WHEN ${landing.landing_cohort} THEN 1 END) AS landing_cohort,
         count(CASE WHEN ${landing.landing_landed} THEN 1 END) AS landing_landed
       FROM ${PROJECTS} WHERE ${LIVE} AND signed_on BETWEEN @prevFrom AND @prevTo`,
    )
    .get(scope.params) as { landing_cohort: number; landing_landed: number };
  return { ...counts, ...lastYear };
}

export function metricsOf(
  tx: Tx,
  scope: Scope,
  schedule: number | null,
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
      light: null,
      count: c ? c.count : null,
    };
    if (c?.projects) metric.projects = c.projects;
    else if (!c && scope.withProjects) metric.projects = [];
    if (c?.cohortCount !== undefined) metric.cohortCount = c.cohortCount;
    if (c?.cohort) metric.cohort = c.cohort;
    if (c?.base !== undefined) metric.base = c.base;
    if (c?.amount !== undefined) metric.amount = c.amount;
    const scheduled = scheduledMetricKeys.has(key) || (!known && target?.unit !== 'percent');
    const reference = metric.guaranteeCompletion ?? metric.striveCompletion;
    if (scheduled && reference !== null && schedule !== null) {
      metric.scheduleGap = scheduleGapPoints(reference, schedule);
      metric.light = lightOf(metric.scheduleGap, scope.lightThresholds);
    }
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
