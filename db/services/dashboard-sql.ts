// The 看板's definitions as SQL conditions over the project table, written once and used both for the
// figures and for their drill-down lists, so a list always holds exactly the projects its figure
// counts. They mirror domain/metrics.ts (the pure reference a property test compares them with):
// progress is read from actual milestone dates on or before as-of, and a project terminated by
// as-of counts in nothing.
//
// Every condition reads these named parameters: @from and @to (the year's first day and its last
// day that counts: the year's end or as-of, whichever is earlier), @asOf, @office (an office key or
// NULL for the zone), @prevFrom and @prevTo (the year before, for the previous-year cohort), @rate
// (the year's USD→CNY rate).
import { addDays, format, parseISO } from 'date-fns';
import type { LandingRule, MilestoneStage, StalledRule } from '../../domain/lifecycle';
import { milestones } from '../../domain/lifecycle';
import { YI } from '../../domain/classify';
import { LEADER_PROJECT_MIN_CNY } from '../../domain/metrics';

export interface DashboardParams {
  from: string;
  to: string;
  asOf: string;
  office: string | null;
  prevFrom: string;
  prevTo: string;
  rate: number;
}

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
export const ALIVE = `NOT (coalesce(stage, '') = 'terminated' AND coalesce(terminated_on, '') <= @asOf)`;

/**
 * An actual date that is known on as-of ('' and NULL are no date). Never NULL itself, so that NOT
 * of it is safe under SQL's three-valued logic.
 */
const dated = (col: string) => `(coalesce(${col}, '') BETWEEN '1' AND @asOf)`;

/** 签约 in the year, up to as-of, and alive. */
export const SIGNED = `signed_on BETWEEN @from AND @to AND ${ALIVE}`;

/** The project had reached `milestone` (or any later one) by as-of. */
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

/** The stage on as-of, from the milestone dates known then; undated projects keep 线索 / 在谈. */
export const STAGE_AS_OF = stageFrom(dated);

/**
 * Projects with no milestone dated after as-of ("settled"): their stage on as-of is their derived
 * dated_stage, which an index keeps in order. The others need STAGE_AS_OF.
 */
export const SETTLED = `coalesce(last_actual_on, '') <= @asOf`;

const LEADER = `leader_project = 1 AND total_cny >= ${LEADER_PROJECT_MIN_CNY}`;

/** The 落地率 cohort: 省市县长工程 signed in the year (or the year before), alive on as-of. */
export function leaderCohort(rule: LandingRule): string {
  const window =
    rule.cohort === 'signed_in_year'
      ? 'signed_on BETWEEN @from AND @to'
      : 'signed_on BETWEEN @prevFrom AND @prevTo';
  return `${LEADER} AND ${window} AND ${ALIVE}`;
}

/** Metrics that count projects: their condition over the project table. */
export const projectMetricConditions = {
  contracted_fdi: `${SIGNED} AND contracted_fdi_usd > 0`,
  tier_100yi: `${SIGNED} AND tier = 't100'`,
  tier_50_100yi: `${SIGNED} AND tier = 't50_100'`,
  tier_10_50yi: `${SIGNED} AND tier = 't10_50'`,
  tier_1yi_industrial: `${SIGNED} AND industrial = 1 AND total_cny >= ${YI}`,
  leader_projects: `${SIGNED} AND ${LEADER}`,
  started_1yi: `started_on BETWEEN @from AND @to AND total_cny >= ${YI} AND ${ALIVE}`,
  completed_1yi: `completed_on BETWEEN @from AND @to AND total_cny >= ${YI} AND ${ALIVE}`,
} as const;

/** Paid-in money booked in the year: arrivals (alias a) of live, alive projects (alias p). */
export const arrivalConditions = {
  paid_in_fdi: `a.kind = 'fdi'`,
  domestic_capital: `a.kind = 'domestic' AND a.outside_city = 1`,
} as const;
export type ArrivalMetric = keyof typeof arrivalConditions;

/** An arrival's amount in its metric's currency (美元 for 实到外资, 元 for 市外内资). */
export const ARRIVAL_AMOUNT = `CASE WHEN a.kind = 'fdi'
  THEN (CASE WHEN a.currency = 'USD' THEN a.amount ELSE round(a.amount / @rate) END)
  ELSE (CASE WHEN a.currency = 'USD' THEN round(a.amount * @rate) ELSE a.amount END) END`;

/** The arrivals of the year up to as-of that count in `metrics`, joined to their projects. */
export function arrivalsFrom(...metrics: ArrivalMetric[]): string {
  const kinds = metrics.map((m) => `(${arrivalConditions[m]})`).join(' OR ');
  return `capital_arrival a INDEXED BY capital_arrival_dashboard
    JOIN project p INDEXED BY project_alive_by_id ON p.id = a.project_id
    WHERE a.deleted = 0 AND a.arrived_on BETWEEN @from AND @to AND (${kinds})
      AND p.deleted = 0 AND (@office IS NULL OR p.office_id = @office)
      AND NOT (coalesce(p.stage, '') = 'terminated' AND coalesce(p.terminated_on, '') <= @asOf)`;
}

/**
 * The 五未 check in one pass over the projects: a row per project that breaks at least one rule,
 * with one column per rule (r0, r1, …) holding the days overdue, or NULL. A project breaks a rule
 * when it reached `from` by as-of, had not reached `to` (or any later milestone), and its deadline
 * (`from` + days, or its own planned `to` date) lies before as-of. "`from` + days < as-of" is read
 * as "`from` ≤ as-of − days − 1", a date bound as @cut0, @cut1 …, so no row pays for date
 * arithmetic unless it is overdue. Column names come from the closed milestone list.
 */
export function stalledSelect(
  rules: readonly StalledRule[],
  asOf: string,
): { sql: string; cutoffs: Record<string, string> } | null {
  const cutoffs: Record<string, string> = {};
  const broken = rules.map((rule, i) => {
    const from = column[rule.from];
    let overdue: string;
    if (rule.usePlannedDate) {
      cutoffs[`cut${i}`] = shiftDays(asOf, -1);
      overdue = `coalesce(${plannedColumn[rule.to]}, '') BETWEEN '1' AND @cut${i} AND ${dated(from)}`;
    } else if (rule.days !== null && Number.isInteger(rule.days)) {
      cutoffs[`cut${i}`] = shiftDays(asOf, -rule.days - 1);
      overdue = `coalesce(${from}, '') BETWEEN '1' AND @cut${i}`;
    } else {
      return null;
    }
    return `${overdue} AND NOT ${reachedBy(rule.to)}`;
  });
  const columns = rules.map((rule, i) => {
    const deadline = rule.usePlannedDate
      ? plannedColumn[rule.to]
      : `date(${column[rule.from]}, '+${rule.days} days')`;
    const days = `CAST(julianday(@asOf) - julianday(${deadline}) AS INTEGER)`;
    return broken[i] === null
      ? `NULL AS r${i}`
      : `CASE WHEN ${broken[i]} THEN ${days} END AS r${i}`;
  });
  const any = broken.filter((b) => b !== null);
  if (any.length === 0) return null;
  const sql = `SELECT id, ${columns.join(',\n')} FROM ${PROJECTS}
    WHERE ${LIVE} AND ${ALIVE} AND (${any.map((b) => `(${b})`).join(' OR ')})`;
  return { sql, cutoffs };
}

function shiftDays(iso: string, days: number): string {
  return format(addDays(parseISO(iso), days), 'yyyy-MM-dd');
}
