// The 看板's definitions as SQL conditions over the project table, written once and used both for the
// figures and for their drill-down lists, so a list always holds exactly the projects its figure
// counts. They mirror tests/oracle/metrics.ts (the pure reference a property test compares them
// with): progress is read from actual milestone dates on or before as-of, and a project terminated
// by as-of counts in nothing.
//
// Every condition reads the named parameters of DashboardParams (scope.ts).
import { addDays, format, parseISO } from 'date-fns';
import type { LandingRule, MilestoneStage, StalledRule } from '../../../domain/lifecycle';
import { milestones } from '../../../domain/lifecycle';
import { LEADER_PROJECT_MIN_CNY, YI } from '../../../domain/classify';

const column: Record<MilestoneStage, string> = {
  signed: 'signed_on',
  registered: 'registered_on',
  land_supplied: 'land_supplied_on',
  started: 'started_on',
  completed: 'completed_on',
  producing: 'producing_on',
};

const plannedColumn: Record<MilestoneStage, string> = {
  signed: 'planned_signed_on',
  registered: 'planned_registered_on',
  land_supplied: 'planned_land_supplied_on',
  started: 'planned_started_on',
  completed: 'planned_completed_on',
  producing: 'planned_producing_on',
};

/**
 * The project table as the 看板 reads it: through its narrow covering index (migration 004). The
 * planner would otherwise walk a one-column sort index and fetch every wide row.
 */
export const PROJECTS = 'project INDEXED BY project_dashboard';

/** Live projects of the scope (the zone, or one office). */
export const LIVE = `deleted = 0 AND (@office IS NULL OR office_id = @office)`;

/** Not terminated on as-of: a 终止 dated after as-of has not happened yet. */
const aliveAs = (table: string) =>
  `NOT (coalesce(${table}stage, '') = 'terminated' AND coalesce(${table}terminated_on, '') <= @asOf)`;
export const ALIVE = aliveAs('');

/**
 * An actual date that is known on as-of ('' and NULL are no date). Never NULL itself, so that NOT
 * of it is safe under SQL's three-valued logic.
 */
const dated = (col: string) => `(coalesce(${col}, '') BETWEEN '1' AND @asOf)`;

/** 签约 in the year, up to as-of, and alive. */
export const SIGNED = `signed_on BETWEEN @from AND @to AND ${ALIVE}`;

/**
 * The months of the year up to as-of, as a range of a date column's first 7 characters: the range
 * of the month-ordered indexes of migration 005 (its expression must read exactly so).
 */
export const inMonths = (col: string) =>
  `substr(${col}, 1, 7) BETWEEN substr(@from, 1, 7) AND substr(@to, 1, 7)`;

/**
 * The project had reached `milestone` (or any later one) by as-of. A settled project (nothing
 * dated after as-of) is simply at its dated_stage; the others are read from their dates.
 */
export function reachedAsOf(milestone: MilestoneStage): string {
  const from = milestones.findIndex((m) => m.stage === milestone);
  const later = milestones.slice(from).map((m) => `'${m.stage}'`);
  return `(CASE WHEN ${SETTLED} THEN dated_stage IN (${later.join(', ')})
    ELSE ${reachedBy(milestone)} END)`;
}

/** reachedAsOf(), from the dates alone: never NULL, so safe under NOT. */
export function reachedBy(milestone: MilestoneStage): string {
  const from = milestones.findIndex((m) => m.stage === milestone);
  const later = milestones.slice(from).map((m) => dated(column[m.stage]));
  return `(${later.join(' OR ')})`;
}

function stageFrom(isDated: (col: string) => string): string {
  return `CASE
  ${[...milestones]
    .reverse()
    .map((m) => `WHEN ${isDated(column[m.stage])} THEN '${m.stage}'`)
    .join('\n  ')}
  WHEN stage = 'lead' THEN 'lead'
  ELSE 'negotiating' END`;
}

/**
 * dated() where NULL may stand for false (no date): in a CASE's WHEN, or ANDed into a WHERE. One
 * operation less per date than dated(), in the conditions read for every unsettled project.
 */
const datedWhen = (col: string) => `${col} BETWEEN '1' AND @asOf`;

/** The stage on as-of, from the milestone dates known then; undated projects keep 线索 / 在谈. */
export const STAGE_AS_OF = stageFrom(datedWhen);

/**
 * Projects with no milestone dated after as-of ("settled"): their stage on as-of is their derived
 * dated_stage, which an index keeps in order. The others need STAGE_AS_OF.
 */
export const SETTLED = `coalesce(last_actual_on, '') <= @asOf`;

/** The milestones as an SQL list, for `dated_stage IN (…)`. */
export const MILESTONE_LIST = milestones.map((m) => `'${m.stage}'`).join(', ');

export const LEADER = `leader_project = 1 AND total_cny >= ${LEADER_PROJECT_MIN_CNY}`;

/** The 落地率 cohort: 省市县长工程 signed in the year (or the year before), alive on as-of. */
export function leaderCohort(rule: LandingRule): string {
  const window =
    rule.cohort === 'signed_in_year'
      ? 'signed_on BETWEEN @from AND @to'
      : 'signed_on BETWEEN @prevFrom AND @prevTo';
  return `${LEADER} AND ${window} AND ${ALIVE}`;
}

/** Metrics that count the year's signings: their condition over a project that SIGNED holds for. */
export const signedMetricConditions = {
  contracted_fdi: `contracted_fdi_usd > 0`,
  tier_100yi: `tier = 't100'`,
  tier_50_100yi: `tier = 't50_100'`,
  tier_10_50yi: `tier = 't10_50'`,
  tier_1yi_industrial: `industrial = 1 AND total_cny >= ${YI}`,
  leader_projects: LEADER,
} as const;

const signedMetric = (key: keyof typeof signedMetricConditions) =>
  `${SIGNED} AND ${signedMetricConditions[key]}`;

/** Metrics that count projects: their condition over the project table. */
export const projectMetricConditions = {
  contracted_fdi: signedMetric('contracted_fdi'),
  tier_100yi: signedMetric('tier_100yi'),
  tier_50_100yi: signedMetric('tier_50_100yi'),
  tier_10_50yi: signedMetric('tier_10_50yi'),
  tier_1yi_industrial: signedMetric('tier_1yi_industrial'),
  leader_projects: signedMetric('leader_projects'),
  started_1yi: `started_on BETWEEN @from AND @to AND total_cny >= ${YI} AND ${ALIVE}`,
  completed_1yi: `completed_on BETWEEN @from AND @to AND total_cny >= ${YI} AND ${ALIVE}`,
} as const;

/** Paid-in money booked in the year: arrivals (alias a) of live, alive projects (alias p). */
export const arrivalConditions = {
  paid_in_fdi: `a.kind = 'fdi'`,
  domestic_capital: `a.kind = 'domestic' AND a.outside_counted = 1`,
} as const;
export type ArrivalMetric = keyof typeof arrivalConditions;

/**
 * A 实到外资 arrival's amount in 美元 at the year's rates (@fx: 元 per unit by currency, @rate:
 * 元 per 美元); NULL, so not counted, when the year has no rate for it (the 看板 says so).
 */
export const FDI_AMOUNT_USD = `CASE WHEN a.currency = 'USD' THEN a.amount
  ELSE round(a.amount * (@fx ->> a.currency) / @rate) END`;

/** An arrival's amount in its metric's currency (美元 for 实到外资, 元 for 市外内资). */
export const ARRIVAL_AMOUNT = `CASE WHEN a.kind = 'fdi'
  THEN (${FDI_AMOUNT_USD})
  ELSE round(a.amount * (@fx ->> a.currency)) END`;

/**
 * The arrivals of the year up to as-of that count in `metrics` (alias a, with its project's id as
 * a.project_id), read in month order from the capital_arrival_months index. For an office they are
 * joined to that office's live projects. For the zone an arrival counts unless its project is
 * deleted or terminated by as-of — few projects, found by two small indexes — so 50,000 arrivals
 * cost no lookup each; an arrival whose project has not arrived yet (docs/sync.md S8) counts for
 * the zone, as in tests/oracle/metrics.ts.
 */
export function arrivalsFrom(office: string | null, ...metrics: ArrivalMetric[]): string {
  const kinds = metrics.map((m) => `(${arrivalConditions[m]})`).join(' OR ');
  const inRange = `a.deleted = 0 AND ${inMonths('a.arrived_on')}
    AND a.arrived_on BETWEEN @from AND @to AND (${kinds})`;
  if (office === null) {
    return `capital_arrival a INDEXED BY capital_arrival_months
      WHERE ${inRange} AND a.project_id NOT IN (${EXCLUDED_PROJECTS})`;
  }
  return `capital_arrival a INDEXED BY capital_arrival_months
    JOIN project p INDEXED BY project_alive_by_id ON p.id = a.project_id
    WHERE ${inRange} AND p.deleted = 0 AND p.office_id = @office AND ${aliveAs('p.')}`;
}

/** Deleted projects, and those terminated by as-of: their arrivals count nowhere. */
const EXCLUDED_PROJECTS = `SELECT id FROM project INDEXED BY project_deleted WHERE deleted <> 0
  UNION ALL
  SELECT id FROM project INDEXED BY project_terminated
  WHERE deleted = 0 AND stage = 'terminated' AND coalesce(terminated_on, '') <= @asOf`;

/**
 * The year's paid-in money by kind and month (rows of kind, ym — the month as yyyy-mm — and
 * amount), for the zone or an office, as statements whose rows add up (negative amounts subtract).
 * Grouped by month and kind, the order of the capital_arrival_months index, so without a sort. For
 * the zone: every arrival in range, less the arrivals of the few excluded projects found through
 * their ids — the figure of arrivalsFrom(null) without a project lookup per arrival.
 */
export function arrivalSums(office: string | null): string[] {
  const metrics = ['paid_in_fdi', 'domestic_capital'] as const;
  const select = (sign: string) =>
    `SELECT a.kind AS kind, substr(a.arrived_on, 1, 7) AS ym, ${sign}sum(${ARRIVAL_AMOUNT}) AS amount`;
  const groups = `GROUP BY substr(a.arrived_on, 1, 7), a.kind`;
  if (office !== null) return [`${select('')} FROM ${arrivalsFrom(office, ...metrics)} ${groups}`];
  const kinds = metrics.map((m) => `(${arrivalConditions[m]})`).join(' OR ');
  const inRange = `a.deleted = 0 AND a.arrived_on BETWEEN @from AND @to AND (${kinds})`;
  return [
    `${select('')} FROM capital_arrival a INDEXED BY capital_arrival_months
     WHERE ${inRange} AND ${inMonths('a.arrived_on')} ${groups}`,
    `${select('-')} FROM (${EXCLUDED_PROJECTS}) x
     JOIN capital_arrival a INDEXED BY capital_arrival_project_id ON a.project_id = x.id
     WHERE ${inRange} ${groups}`,
  ];
}

/**
 * The 五未 list as two statements. A project breaks a rule when it reached `from` by as-of, had not
 * reached `to` (or any later milestone), and its deadline (`from` + days, or its own planned `to`
 * date, falling back to `from` + days when it has none) lies before as-of.
 *
 * `settled` reads the projects with no milestone dated after as-of, as rows (rowid, id, rule,
 * days): for them "reached `from`, not `to`" is "dated_stage between the two", and with a
 * milestone dated, "settled" is `last_actual_on <= @asOf`: so each rule reads a few ranges of the
 * project_stalled index and visits no other project. "`from` + days < as-of" is "`from` ≤ as-of −
 * days − 1", a date bound as @cutN, so no row pays for date arithmetic unless it is overdue. (That
 * test is NULL, not false, for a missing date: it is only ever ANDed into a WHERE or a CASE's WHEN.)
 *
 * `unsettled` reads the other projects (a milestone dated after as-of) in one pass for all rules,
 * checked on their dates: a row (rowid, id, d0, d1, …) per project that breaks any rule, with dN
 * its days overdue under rule N, or NULL. (Computing the stage on as-of once per project in a
 * subquery, and comparing each rule with it, costs more: the co-routine's overhead per row exceeds
 * the few date comparisons it saves, since most rules fail on their first one.)
 *
 * Column names come from the closed milestone list.
 */
export function stalledSelect(
  rules: readonly StalledRule[],
  asOf: string,
): { settled: string; unsettled: string; rules: number[]; cutoffs: Record<string, string> } | null {
  const cutoffs: Record<string, string> = {};
  const checks = rules.flatMap((rule, i) => {
    const from = column[rule.from];
    const window = rule.days !== null && Number.isInteger(rule.days) ? rule.days : null;
    // "`from` + days < as-of", and the deadline: julianday(from) + days, not
    // julianday(date(from, '+N days')): no date written out and read again per overdue project
    // ('start of day' drops a time of day, as date() would).
    const byWindow = (cut: string) => `${from} BETWEEN '1' AND @${cut}`;
    const windowEnd = `julianday(${from}, 'start of day') + ${window}`;
    let overdue: string;
    let deadline: string;
    if (rule.usePlannedDate) {
      const planned = plannedColumn[rule.to];
      cutoffs[`cut${i}`] = shiftDays(asOf, -1);
      overdue = `${planned} BETWEEN '1' AND @cut${i} AND ${datedWhen(from)}`;
      deadline = `julianday(${planned})`;
      if (window !== null) {
        // Without a planned date ('' or NULL, as lifecycle.ts reads it): `from` + days. Still a
        // residual test over the index's own columns, and NULL only where false is meant.
        const none = `coalesce(${planned}, '') = ''`;
        cutoffs[`fallback${i}`] = shiftDays(asOf, -window - 1);
        overdue = `((${overdue}) OR (${none} AND ${byWindow(`fallback${i}`)}))`;
        deadline = `CASE WHEN ${none} THEN ${windowEnd} ELSE ${deadline} END`;
      }
    } else if (window !== null) {
      cutoffs[`cut${i}`] = shiftDays(asOf, -window - 1);
      overdue = byWindow(`cut${i}`);
      deadline = windowEnd;
    } else {
      return [];
    }
    const days = `CAST(julianday(@asOf) - (${deadline}) AS INTEGER)`;
    return [{ i, rule, overdue, days }];
  });
  if (checks.length === 0) return null;
  const index = 'project INDEXED BY project_stalled';
  const rank = (stage: MilestoneStage) => milestones.findIndex((m) => m.stage === stage);
  const settled = checks.map(({ i, rule, overdue, days }) => {
    const between = milestones.slice(rank(rule.from), rank(rule.to)).map((m) => `'${m.stage}'`);
    return `SELECT rowid, id, ${i} AS rule, ${days} AS days FROM ${index}
      WHERE dated_stage IN (${between.join(', ')}) AND last_actual_on <= @asOf AND ${LIVE}
        AND ${ALIVE} AND ${overdue}`;
  });
  const breaks = (c: (typeof checks)[number]) => `${c.overdue} AND NOT ${reachedBy(c.rule.to)}`;
  const unsettled = `SELECT rowid, id, ${checks
    .map((c) => `CASE WHEN ${breaks(c)} THEN ${c.days} END AS d${c.i}`)
    .join(', ')}
    FROM ${index}
    WHERE dated_stage IN (${MILESTONE_LIST}) AND last_actual_on > @asOf AND ${LIVE} AND ${ALIVE}
      AND (${checks.map((c) => `(${breaks(c)})`).join(' OR ')})`;
  return {
    settled: settled.join('\nUNION ALL\n'),
    unsettled,
    rules: checks.map((c) => c.i),
    cutoffs,
  };
}

function shiftDays(iso: string, days: number): string {
  return format(addDays(parseISO(iso), days), 'yyyy-MM-dd');
}
