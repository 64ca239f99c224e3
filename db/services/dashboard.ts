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
  PROJECTS,
  SIGNED,
  STAGE_AS_OF,
  MILESTONE_LIST,
  LEADER,
  arrivalSums,
  arrivalsFrom,
  inMonths,
  leaderCohort,
  projectMetricConditions,
  reachedAsOf,
  signedMetricConditions,
  stalledSelect,
} from './dashboard-sql';
import { readLedgerRows } from './ledger';
import { readSettings } from './settings';
import { listTargets } from './targets';

type Input = z.output<typeof dashboardInput>;

interface Scope {
  year: number;
  withProjects: boolean;
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
    withProjects: input.withProjects ?? false,
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
  const schedule = scheduleOf(scope);
  const stalled = stalledItems(tx, scope, input.stalledLimit);
  const arrivals = arrivalTotals(tx, scope);
  const signings = signingGroups(tx, scope);
  const computed = computedActuals(tx, scope, stalled.projects, arrivals, signings);
  const pipeline = pipelineOf(tx, scope);
  return {
    year: scope.year,
    asOf: scope.asOf,
    office: scope.office,
    schedule,
    usdCnyRate: scope.params.rate,
    landingRule: scope.landingRule,
    metrics: metricsOf(tx, scope, schedule, computed),
    funnel: pipeline.funnel,
    regions: { pipeline: pipeline.regions, signed: signedRegions(signings) },
    ranking: {
      offices: officeRanking(scope, signings),
      promoters: promoterRanking(tx, signings),
    },
    stalled: stalled.items,
    stalledCount: stalled.count,
    stalledByRule: stalled.byRule,
    trend: trendOf(signings, arrivals),
  };
}

/** 序时进度 of the chosen year on as-of: none of it before the year, all of it after. */
function scheduleOf(scope: Scope): number {
  if (scope.asOf < scope.params.from) return 0;
  if (scope.asOf > `${pad(scope.year)}-12-31`) return 1;
  return scheduleProgress(scope.asOf);
}

// ---------------------------------------------------------------------------------------------
// Metrics

interface Computed {
  actual: number | null;
  /** Projects behind the figure; null when only their ids would tell and ids were not asked for. */
  count: number | null;
  projects?: string[];
  cohortCount?: number;
  cohort?: string[];
}

function ids(tx: Tx, text: string, params: DashboardParams): string[] {
  return tx.sql.prepare(text).pluck().all(params) as string[];
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
function computedActuals(
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

function landingCohortQuery(scope: Scope): string {
  return `SELECT id FROM ${PROJECTS} WHERE ${LIVE} AND ${leaderCohort(scope.landingRule)}`;
}

interface ArrivalTotal {
  total: number;
  byMonth: number[];
  projects?: string[];
}
type ArrivalTotals = Record<ArrivalMetric, ArrivalTotal>;

/** 实到外资 and 市外内资 of the year by month, with (on request) the projects they came to. */
function arrivalTotals(tx: Tx, scope: Scope): ArrivalTotals {
  const rows = arrivalSums(scope.office).flatMap(
    (text) =>
      tx.sql.prepare(text).all(scope.params) as {
        kind: 'fdi' | 'domestic';
        ym: string;
        amount: number;
      }[],
  );
  const totals = {} as ArrivalTotals;
  for (const metric of ['paid_in_fdi', 'domestic_capital'] as const) {
    const kind = metric === 'paid_in_fdi' ? 'fdi' : 'domestic';
    const byMonth = Array.from({ length: 12 }, () => 0);
    for (const r of rows) if (r.kind === kind) byMonth[Number(r.ym.slice(5, 7)) - 1]! += r.amount;
    totals[metric] = {
      total: byMonth.reduce((sum, x) => sum + x, 0),
      byMonth,
      ...(scope.withProjects ? { projects: arrivalProjects(tx, metric, scope.params) } : {}),
    };
  }
  return totals;
}

function arrivalProjects(tx: Tx, metric: ArrivalMetric, params: DashboardParams): string[] {
  return ids(
    tx,
    `SELECT DISTINCT a.project_id FROM ${arrivalsFrom(params.office, metric)}`,
    params,
  );
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
      count: c ? c.count : null,
    };
    if (c?.projects) metric.projects = c.projects;
    else if (!c && scope.withProjects) metric.projects = [];
    if (c?.cohortCount !== undefined) metric.cohortCount = c.cohortCount;
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

/**
 * The pipeline on as-of: projects by stage (the funnel) and by region. Every live project alive on
 * as-of is read once from the project_pipeline index, grouped in its order (dated_stage, region:
 * no sort): that is the region mix, and the funnel for the settled projects (nothing dated after
 * as-of), whose stage on as-of is their dated_stage. The unsettled ones are then moved from their
 * dated_stage to their stage on as-of, from their dates.
 */
function pipelineOf(tx: Tx, scope: Scope): { funnel: FunnelStage[]; regions: RegionSlice[] } {
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

const regionOrder = [
  'eu_us',
  'de_jp',
  'kr_sg_hk_tw',
  'other_foreign',
  'domestic',
  'unknown',
] as const;

// ---------------------------------------------------------------------------------------------
// Ranking (以项目论英雄)

const signedMetricKeys = Object.keys(signedMetricConditions) as SignedMetricKey[];
type SignedMetricKey = keyof typeof signedMetricConditions;

/** The column of a signing group that counts a signed metric: the tier counts are tallies too. */
const metricColumn = {
  contracted_fdi: 'contracted_fdi',
  tier_100yi: 't100',
  tier_50_100yi: 't50_100',
  tier_10_50yi: 't10_50',
  tier_1yi_industrial: 'tier_1yi_industrial',
  leader_projects: 'leader_projects',
} as const satisfies Record<SignedMetricKey, string>;

/**
 * The year's signings in one pass, summed by office, promoter, region and month, with the counts
 * of the signed metrics (each under its condition of dashboard-sql.ts).
 */
type SigningGroup = {
  office: string | null;
  owner: string | null;
  region: RegionSlice['region'];
  month: number;
  signed: number;
  t100: number;
  t50_100: number;
  t10_50: number;
  t1_10: number;
  totalCny: number;
  contractedFdiUsd: number;
  landed: number;
  /** 合同外资: the sum of the amounts contracted_fdi counts. */
  fdi: number;
  /** The 省市县长工程 (leader_projects) landed by as-of. */
  leaderLanded: number;
} & Record<(typeof metricColumn)[SignedMetricKey], number>;

/**
 * Read from the project_signings index, which lists the signings by month, office, promoter and
 * region: grouped as they are read, without a sort.
 */
function signingGroups(tx: Tx, scope: Scope): SigningGroup[] {
  const landed = reachedAsOf(scope.landingRule.milestone);
  const rows = tx.sql
    .prepare(
      `SELECT substr(signed_on, 1, 7) AS ym, office_id AS office, owner_id AS owner, region,
         count(*) AS signed, sum(tier = 't1_10') AS t1_10,
         coalesce(sum(total_cny), 0) AS totalCny,
         coalesce(sum(contracted_fdi_usd), 0) AS contractedFdiUsd,
         sum(${landed}) AS landed,
         ${signedMetricKeys
           .map(
             (key) =>
               `count(CASE WHEN ${signedMetricConditions[key]} THEN 1 END) AS ${metricColumn[key]}`,
           )
           .join(',\n')},
         coalesce(sum(CASE WHEN ${signedMetricConditions.contracted_fdi}
           THEN contracted_fdi_usd END), 0) AS fdi,
         count(CASE WHEN ${LEADER} AND ${landed} THEN 1 END) AS leaderLanded
       FROM project INDEXED BY project_signings
       WHERE ${LIVE} AND ${inMonths('signed_on')} AND ${SIGNED}
       GROUP BY substr(signed_on, 1, 7), office_id, owner_id, region`,
    )
    .all(scope.params) as (Omit<SigningGroup, 'region' | 'month'> & {
    ym: string;
    region: RegionSlice['region'] | null;
    month?: number;
  })[];
  for (const r of rows) {
    r.region ??= 'unknown';
    r.month = Number(r.ym.slice(5, 7));
  }
  return rows as SigningGroup[];
}

type Tally = Pick<SigningGroup, (typeof tallyKeys)[number]>;
const tallyKeys = [
  'signed',
  't100',
  't50_100',
  't10_50',
  't1_10',
  'totalCny',
  'contractedFdiUsd',
  'landed',
] as const;
const emptyTally = (): Tally => Object.fromEntries(tallyKeys.map((k) => [k, 0])) as Tally;

/** Adds up the groups by `key` (groups whose key is null are left out). */
function tallyBy<K>(groups: SigningGroup[], key: (g: SigningGroup) => K | null): Map<K, Tally> {
  const out = new Map<K, Tally>();
  for (const g of groups) {
    const k = key(g);
    if (k === null) continue;
    const t = out.get(k) ?? emptyTally();
    for (const f of tallyKeys) t[f] += g[f];
    out.set(k, t);
  }
  return out;
}

function rankingRow(id: string, name: string, office: string | null, t: Tally): RankingRow {
  return {
    id,
    name,
    office,
    signed: t.signed,
    byTier: { t100: t.t100, t50_100: t.t50_100, t10_50: t.t10_50, t1_10: t.t1_10 },
    totalCny: t.totalCny,
    contractedFdiUsd: t.contractedFdiUsd,
    landed: t.landed,
  };
}

const byResult = (a: RankingRow, b: RankingRow) =>
  b.totalCny - a.totalCny || b.signed - a.signed || a.name.localeCompare(b.name, 'zh-CN');

function officeRanking(scope: Scope, groups: SigningGroup[]): RankingRow[] {
  const byOffice = tallyBy(groups, (g) => g.office);
  const keys = scope.office ? [scope.office] : offices.map((o) => o.key);
  return keys
    .map((key) =>
      rankingRow(key, labelOf(offices, key) ?? key, key, byOffice.get(key) ?? emptyTally()),
    )
    .sort(byResult);
}

function promoterRanking(tx: Tx, groups: SigningGroup[]): RankingRow[] {
  const names = new Map(
    (tx.sql.prepare('SELECT id, name FROM promoter').all() as { id: string; name: string }[]).map(
      (p) => [p.id, p.name],
    ),
  );
  // A promoter's office: the one most of their signings belong to.
  const signedIn = new Map<string, Map<string | null, number>>();
  for (const g of groups) {
    if (g.owner === null) continue;
    const byOffice = signedIn.get(g.owner) ?? new Map<string | null, number>();
    byOffice.set(g.office, (byOffice.get(g.office) ?? 0) + g.signed);
    signedIn.set(g.owner, byOffice);
  }
  const officeOf = (owner: string) =>
    [...(signedIn.get(owner) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return [...tallyBy(groups, (g) => g.owner)]
    .map(([id, t]) => rankingRow(id, names.get(id) ?? '（未知）', officeOf(id), t))
    .sort(byResult);
}

function signedRegions(groups: SigningGroup[]): RegionSlice[] {
  const byRegion = tallyBy(groups, (g) => g.region);
  return regionOrder.map((region) => {
    const t = byRegion.get(region);
    return { region, count: t?.signed ?? 0, totalCny: t?.totalCny ?? 0 };
  });
}

// ---------------------------------------------------------------------------------------------
// 五未 and the monthly trend

/** Each project (its id and rowid) and rule it breaks, with the days overdue. */
function stalledRows(
  tx: Tx,
  scope: Scope,
): { rowid: number; id: string; rule: number; days: number }[] {
  const select = stalledSelect(scope.stalledRules, scope.asOf);
  if (!select) return [];
  const params = { ...scope.params, ...select.cutoffs };
  const rows = tx.sql.prepare(select.settled).all(params) as {
    rowid: number;
    id: string;
    rule: number;
    days: number;
  }[];
  // The unsettled projects come as [rowid, id, days under each rule (null: not broken)].
  const unsettled = tx.sql.prepare(select.unsettled).raw().all(params) as (
    string | number | null
  )[][];
  for (const row of unsettled) {
    select.rules.forEach((rule, n) => {
      const days = row[n + 2];
      if (typeof days === 'number') {
        rows.push({ rowid: row[0] as number, id: row[1] as string, rule, days });
      }
    });
  }
  return rows;
}

/**
 * The 五未 list, most overdue first: one item per project and rule it breaks. With a limit, only
 * the first items are described (the wide project rows are read for those alone).
 */
function stalledItems(
  tx: Tx,
  scope: Scope,
  limit = Infinity,
): {
  items: StalledItem[];
  count: number;
  byRule: Dashboard['stalledByRule'];
  projects: string[];
} {
  const entries = stalledRows(tx, scope);
  const shown = mostOverdue(entries, limit);
  const details = new Map(
    (
      tx.sql
        .prepare(
          `SELECT id, code, name, owner_name AS owner, office_id AS office, problems
           FROM project WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify([...new Set(shown.map((e) => e.id))])) as {
        id: string;
        code: string | null;
        name: string | null;
        owner: string | null;
        office: string | null;
        problems: string | null;
      }[]
    ).map((d) => [d.id, d]),
  );
  const items = shown.map((e): StalledItem => {
    const rule = scope.stalledRules[e.rule]!;
    const d = details.get(e.id);
    return {
      projectId: e.id,
      code: d?.code ?? null,
      name: d?.name ?? '',
      owner: d?.owner ?? null,
      office: labelOf(offices, d?.office ?? null),
      ruleKey: rule.key,
      rule: rule.label,
      overdueDays: e.days,
      problems: d?.problems ?? null,
    };
  });
  const perRule = scope.stalledRules.map((rule) => ({
    ruleKey: rule.key,
    rule: rule.label,
    count: 0,
  }));
  // The projects, each once: told apart by rowid, as a set of numbers costs less than of strings.
  const seen = new Set<number>();
  const projects: string[] = [];
  for (const e of entries) {
    perRule[e.rule]!.count += 1;
    if (!seen.has(e.rowid)) {
      seen.add(e.rowid);
      projects.push(e.id);
    }
  }
  return { items, count: entries.length, byRule: perRule.filter((r) => r.count > 0), projects };
}

type StalledRow = ReturnType<typeof stalledRows>[number];

/**
 * The first `limit` entries, most overdue first; ties in the order the rules are listed, then by
 * id, so every replica lists the same. Only the entries at least as overdue as the limit-th one
 * are sorted (found from their days alone), not the whole list.
 */
function mostOverdue(entries: StalledRow[], limit: number): StalledRow[] {
  let candidates = entries;
  if (entries.length > limit) {
    const days = new Int32Array(entries.length);
    for (let i = 0; i < entries.length; i++) days[i] = entries[i]!.days;
    const least = days.sort()[entries.length - limit]!;
    candidates = entries.filter((e) => e.days >= least);
  }
  return candidates
    .sort((a, b) => b.days - a.days || a.rule - b.rule || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}

function trendOf(groups: SigningGroup[], arrivals: ArrivalTotals): TrendMonth[] {
  const byMonth = tallyBy(groups, (g) => g.month);
  return Array.from({ length: 12 }, (_, i) => {
    const t = byMonth.get(i + 1);
    return {
      month: i + 1,
      signed: t?.signed ?? 0,
      signedCny: t?.totalCny ?? 0,
      contractedFdiUsd: t?.contractedFdiUsd ?? 0,
      paidInFdiUsd: arrivals.paid_in_fdi.byMonth[i] ?? 0,
      domesticCny: arrivals.domestic_capital.byMonth[i] ?? 0,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Drill-down

/** The projects behind one figure of the 看板, largest total investment first. */
export function drillDown(tx: Tx, input: Input & { target: DrillTarget }): LedgerRow[] {
  const scope = scopeOf(tx, input);
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
