// The test oracle of the 看板: the zone's computed metrics (docs/domain.md "The figures" and
// "Projects") over a minimal project shape: tier counts, 合同外资, 实到外资, 市外内资, 亿元 projects
// started / completed, 落地率, 省市县长工程, 开工率, 竣工率, 资金到位率, 履约率 and the 五未 list. Pure functions,
// no I/O, written apart from the SQL of db/services/dashboard/ so that the property test can check
// one against the other; production code does not import it. Over 400 lines on purpose: every
// figure with the conventions it shares (periods, as-of, termination) in one file, so the whole
// reference reads against the table of docs/domain.md at once.
//
// Conventions shared by every function here:
// - Dates are ISO yyyy-mm-dd strings; null and '' both mean "no date".
// - A period is a calendar year plus an as-of date (default: the year's last day) and a 序时 basis.
//   On the 'months' basis (the 看板's default), inside the year the figures are read as at the last
//   completed month's end instead of as-of (2021-05-20 → 2021-04-30; a month's last day is its own
//   end; in January, the year before's last day, so nothing counts); 'days' (the default here) and
//   any as-of outside the year read at as-of itself. Below, "as-of" means that date. Every date after
//   as-of is ignored, as if not yet entered: a project signed 2021-07-01 is not signed on 2021-06-30,
//   a 开工 dated after as-of is not a 开工, an arrival dated after as-of has not arrived.
// - Progress is read from the actual milestone dates as of as-of (furthestMilestone, then reached),
//   not from `stage`, which only says where the project stands today. `stage` is used for 终止 alone.
// - A terminated project counts in no target: not in any count, sum, cohort (numerator or
//   denominator), paid-in figure or 五未 list. It is terminated as of as-of when its stage is
//   'terminated', unless its recorded terminatedOn falls after as-of.
import { isRealIsoDate } from '../../domain/dates';
import type {
  ActualKey,
  LandingCohort,
  LandingRule,
  MilestoneDates,
  MilestoneStage,
  PlannedKey,
  Stage,
  StalledRule,
} from '../../domain/lifecycle';
import { furthestMilestone, milestones, overdueDays, reached } from '../../domain/lifecycle';
import { LEADER_PROJECT_MIN_CNY, YI, tierAtLeast, tierOf, toCny } from '../../domain/classify';
import { ratio } from '../../domain/schedule';

/**
 * The fields of a project the metrics read. Amounts in whole 元 (totalCny, already converted at the
 * year's rate) and 美元 (contractedFdiUsd). Planned dates are optional: only 五未 rules with
 * usePlannedDate (开工未竣工) read them.
 */
export interface MetricProject extends Partial<Record<PlannedKey, string | null>> {
  id: string;
  stage: Stage;
  industrial: boolean;
  leaderProject: boolean;
  totalCny: number | null;
  contractedFdiUsd: number | null;
  signedOn: string | null;
  registeredOn: string | null;
  landSuppliedOn: string | null;
  startedOn: string | null;
  completedOn: string | null;
  producingOn: string | null;
  terminatedOn?: string | null;
}

/** One 到资记录: amount in whole 元 (CNY) or 美元 (USD). */
export interface Arrival {
  projectId: string;
  arrivedOn: string;
  amount: number;
  currency: 'CNY' | 'USD';
  kind: 'fdi' | 'domestic';
  outsideCity: boolean;
}

/** A calendar year, seen as of a date (default: the year's last day), on a 序时 basis. */
export interface Period {
  year: number;
  asOf?: string;
  /** Default 'days': the figures read at as-of itself. */
  basis?: 'months' | 'days';
}

// ---------------------------------------------------------------------------------------------
// Periods and dates

interface Window {
  from: string;
  /** Last day that counts: the year's last day or as-of, whichever is earlier. */
  to: string;
  asOf: string;
}

function yearStart(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}

function yearEnd(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}

function checkedAsOf(asOf: string): string {
  if (!isRealIsoDate(asOf)) throw new RangeError(`Not a yyyy-mm-dd date: ${asOf}`);
  return asOf;
}

function windowOf({ year, asOf, basis }: Period): Window {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`Not a calendar year: ${year}`);
  }
  const end = yearEnd(year);
  let cut = asOf === undefined ? end : checkedAsOf(asOf);
  if (basis === 'months' && cut >= yearStart(year) && cut < end) cut = lastCompletedMonthEnd(cut);
  return { from: yearStart(year), to: cut < end ? cut : end, asOf: cut };
}

/** The end of the last month complete on `date`: `date` on a month's last day, else the day before its 1st. */
function lastCompletedMonthEnd(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthEnd = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d === monthEnd) return date;
  return new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
}

function isDated(date: string | null | undefined): date is string {
  return typeof date === 'string' && date !== '';
}

function inWindow(date: string | null | undefined, w: Window): boolean {
  return isDated(date) && date >= w.from && date <= w.to;
}

/** The project's actual milestone dates known on asOf (later ones dropped), with its planned dates. */
function datesAsOf(p: MetricProject, asOf: string): MilestoneDates {
  const dates: MilestoneDates = {};
  for (const m of milestones) {
    const actual = p[m.actualKey];
    dates[m.actualKey] = isDated(actual) && actual <= asOf ? actual : null;
    dates[m.plannedKey] = p[m.plannedKey] ?? null;
  }
  return dates;
}

function actualKeyOf(stage: MilestoneStage): ActualKey {
  const m = milestones.find((x) => x.stage === stage);
  if (!m) throw new Error(`Unknown milestone: ${stage}`);
  return m.actualKey;
}

/** Terminated on asOf: stage 终止, unless the recorded 终止 date is still to come on asOf. */
function terminatedAsOf(p: MetricProject, asOf: string): boolean {
  if (p.stage !== 'terminated') return false;
  return !(isDated(p.terminatedOn) && p.terminatedOn > asOf);
}

/** Whether the project had got as far as `milestone` on asOf, by its actual dates. */
function reachedAsOf(p: MetricProject, milestone: MilestoneStage, asOf: string): boolean {
  if (terminatedAsOf(p, asOf)) return false;
  const furthest = furthestMilestone(datesAsOf(p, asOf));
  return furthest !== null && reached(furthest, milestone);
}

function atLeast(totalCny: number | null, floorCny: number): boolean {
  return totalCny !== null && totalCny >= floorCny;
}

// ---------------------------------------------------------------------------------------------
// Signed in the year: tiers, 合同外资, 省市县长工程

/** 签约 dated in the period's year, on or before as-of, and not terminated as of then. */
export function signedInYear(p: MetricProject, period: Period): boolean {
  const w = windowOf(period);
  return inWindow(p.signedOn, w) && !terminatedAsOf(p, w.asOf);
}

export interface TierCounts {
  tier_100yi: number;
  tier_50_100yi: number;
  tier_10_50yi: number;
  tier_1yi_industrial: number;
}

/**
 * Projects signed in the year by size tier (docs/domain.md "The figures": tier_100yi …
 * tier_1yi_industrial).
 *
 * Reading of "Tier counts are cumulative upward: tier_1yi_industrial counts every industrial (产业)
 * project of at least 1亿元, the larger tiers included": the rule widens tier_1yi_industrial only.
 * tier_100yi, tier_50_100yi and tier_10_50yi are the exact bands their names and the table give
 * (≥ 100亿; ≥ 50亿 and < 100亿; ≥ 10亿 and < 50亿), so a 120亿 project is one 百亿 project and not also a
 * 50–100亿 one. Those three count every project, industrial or not (the table puts no 产业 condition on
 * them); tier_1yi_industrial counts industrial projects of ≥ 1亿元, whichever tier. So an industrial
 * 120亿 project counts once in tier_100yi and once in tier_1yi_industrial. A project with no total
 * investment has no tier.
 */
export function tierCounts(projects: readonly MetricProject[], period: Period): TierCounts {
  const counts: TierCounts = {
    tier_100yi: 0,
    tier_50_100yi: 0,
    tier_10_50yi: 0,
    tier_1yi_industrial: 0,
  };
  for (const p of projects) {
    if (p.totalCny === null || !signedInYear(p, period)) continue;
    const tier = tierOf(p.totalCny);
    if (tier === 't100') counts.tier_100yi++;
    if (tier === 't50_100') counts.tier_50_100yi++;
    if (tier === 't10_50') counts.tier_10_50yi++;
    if (p.industrial && tierAtLeast(tier, 't1_10')) counts.tier_1yi_industrial++;
  }
  return counts;
}

/** 合同外资 in 美元: contractedFdiUsd summed over the projects signed in the year (it belongs to the 签约 date). */
export function contractedFdi(projects: readonly MetricProject[], period: Period): number {
  let sum = 0;
  for (const p of projects) {
    if (signedInYear(p, period)) sum += p.contractedFdiUsd ?? 0;
  }
  return sum;
}

function isLeaderProject(p: MetricProject): boolean {
  return p.leaderProject && atLeast(p.totalCny, LEADER_PROJECT_MIN_CNY);
}

/** Ids of the 省市县长工程 (leader projects of ≥ 10亿元 total) signed in the year: leader_projects. */
export function leaderProjects(projects: readonly MetricProject[], period: Period): string[] {
  return projects.filter((p) => isLeaderProject(p) && signedInYear(p, period)).map((p) => p.id);
}

// ---------------------------------------------------------------------------------------------
// Money that arrives over time

export interface PaidInParams extends Period {
  kind: 'fdi' | 'domestic';
  /**
   * The projects the arrivals belong to; arrivals of a project terminated as of as-of are left out.
   * An arrival whose project is not listed still counts.
   */
  projects: readonly MetricProject[];
  /**
   * The year's USD→CNY rate, needed only for an arrival whose currency is not the metric's (an fdi
   * arrival in CNY, a domestic one in USD); without it such an arrival throws a RangeError.
   */
  usdCnyRate?: number;
}

function rateOf(usdCnyRate: number | undefined, a: Arrival): number {
  if (usdCnyRate === undefined || !(usdCnyRate > 0)) {
    throw new RangeError(
      `A ${a.kind} arrival in ${a.currency} (project ${a.projectId}, ${a.arrivedOn}) needs a positive USD/CNY rate, got ${usdCnyRate}`,
    );
  }
  return usdCnyRate;
}

/**
 * Paid-in money booked in the year: the arrivals dated in the year (and on or before as-of),
 * whatever year their project was signed.
 * - kind 'fdi' → 实到外资 (paid_in_fdi) in 美元; every fdi arrival counts.
 * - kind 'domestic' → 市外内资 (domestic_capital) in 元; only arrivals from outside 嘉兴 city
 *   (outsideCity) count.
 * An arrival in the other currency is converted at usdCnyRate (see PaidInParams).
 */
export function paidIn(arrivals: readonly Arrival[], params: PaidInParams): number {
  const w = windowOf(params);
  const terminated = new Set(
    params.projects.filter((p) => terminatedAsOf(p, w.asOf)).map((p) => p.id),
  );
  let sum = 0;
  for (const a of arrivals) {
    if (a.kind !== params.kind || !inWindow(a.arrivedOn, w) || terminated.has(a.projectId))
      continue;
    if (params.kind === 'fdi') {
      sum += a.currency === 'USD' ? a.amount : Math.round(a.amount / rateOf(params.usdCnyRate, a));
    } else if (a.outsideCity) {
      sum += a.currency === 'CNY' ? a.amount : toCny(a.amount, 'USD', rateOf(params.usdCnyRate, a));
    }
  }
  return sum;
}

/** 资金到位率: paid-in ÷ contracted, or null when nothing is contracted. Same currency on both sides. */
export function fundsRate(contracted: number, paidInAmount: number): number | null {
  return ratio(paidInAmount, contracted);
}

// ---------------------------------------------------------------------------------------------
// 亿元 projects started / completed in the year

export interface MilestoneCountParams extends Period {
  milestone: 'started' | 'completed';
  /** Total investment floor in 元, inclusive; default 1亿元. */
  minTotalCny?: number;
}

/**
 * started_1yi / completed_1yi: how many 开工 (or 竣工) actual dates fall in the year, on or before
 * as-of, among projects not terminated as of then with total investment ≥ minTotalCny. The signing
 * year does not matter; industrial or not does not matter.
 */
export function milestoneCount(
  projects: readonly MetricProject[],
  params: MilestoneCountParams,
): number {
  const w = windowOf(params);
  const floor = params.minTotalCny ?? YI;
  const key = actualKeyOf(params.milestone);
  return projects.filter(
    (p) => atLeast(p.totalCny, floor) && inWindow(p[key], w) && !terminatedAsOf(p, w.asOf),
  ).length;
}

// ---------------------------------------------------------------------------------------------
// 落地率, 开工率, 竣工率: share of a cohort of signed projects that reached a milestone

export interface LandingParams extends Period {
  rule: LandingRule;
}

export interface LandingResult {
  /** Ids of the projects in the cohort (the denominator). */
  cohort: string[];
  /** Ids of the cohort's projects that had landed by as-of (the numerator). */
  landed: string[];
  /** landed ÷ cohort; null for an empty cohort. */
  rate: number | null;
}

function cohortOf(
  projects: readonly MetricProject[],
  cohort: LandingCohort,
  period: Period,
): MetricProject[] {
  const w = windowOf(period);
  const signedYear = cohort === 'signed_in_year' ? period.year : period.year - 1;
  return projects.filter((p) => signedInYear(p, { year: signedYear, asOf: w.asOf }));
}

function cohortRate(
  projects: readonly MetricProject[],
  cohort: LandingCohort,
  milestone: MilestoneStage,
  period: Period,
): { cohort: string[]; reached: string[]; rate: number | null } {
  const w = windowOf(period);
  const members = cohortOf(projects, cohort, period);
  const done = members.filter((p) => reachedAsOf(p, milestone, w.asOf));
  return {
    cohort: members.map((p) => p.id),
    reached: done.map((p) => p.id),
    rate: ratio(done.length, members.length),
  };
}

/**
 * 落地率 under the zone's rule.
 * - Cohort: projects signed in the period's year ('signed_in_year') or in the year before
 *   ('signed_in_previous_year'), signed on or before as-of, not terminated as of then.
 * - Landed: judged on as-of, not at the year's end and not "at any time": the project had, by as-of,
 *   an actual date for rule.milestone or a later one (furthestMilestone, then reached; so a project
 *   with a 开工 date but no 注册 date has landed under 注册). A milestone dated after as-of does not
 *   count. With as-of left at its default (the year's last day), that is "landed by year end"; pass
 *   today's date for the running figure.
 */
export function landingRate(
  projects: readonly MetricProject[],
  params: LandingParams,
): LandingResult {
  const r = cohortRate(projects, params.rule.cohort, params.rule.milestone, params);
  return { cohort: r.cohort, landed: r.reached, rate: r.rate };
}

/**
 * landing_rate of the plan: 落地率 of the 省市县长工程 (docs/domain.md "The figures"). landingRate
 * restricted to leader projects of ≥ 10亿元; the rule's cohort still picks the signing year, so with
 * the default rule the cohort is exactly leaderProjects() of the year.
 */
export function leaderLandingRate(
  projects: readonly MetricProject[],
  params: LandingParams,
): LandingResult {
  return landingRate(projects.filter(isLeaderProject), params);
}

export interface CohortRateParams extends Period {
  /** Which signed projects form the denominator; default: signed in the year. */
  cohort?: LandingCohort;
}

export interface StartRateResult {
  cohort: string[];
  started: string[];
  rate: number | null;
}

export interface CompletionRateResult {
  cohort: string[];
  completed: string[];
  rate: number | null;
}

/** 开工率: started ÷ signed over the cohort, judged on as-of like landingRate. */
export function startRate(
  projects: readonly MetricProject[],
  params: CohortRateParams,
): StartRateResult {
  const r = cohortRate(projects, params.cohort ?? 'signed_in_year', 'started', params);
  return { cohort: r.cohort, started: r.reached, rate: r.rate };
}

/** 竣工率: completed ÷ signed over the cohort, judged on as-of like landingRate. */
export function completionRate(
  projects: readonly MetricProject[],
  params: CohortRateParams,
): CompletionRateResult {
  const r = cohortRate(projects, params.cohort ?? 'signed_in_year', 'completed', params);
  return { cohort: r.cohort, completed: r.reached, rate: r.rate };
}

/**
 * 资金到位率 of the year's signings: over the projects signed in the year with 合同外资, their fdi
 * arrivals dated on or before as-of (whenever in the past) ÷ their 合同外资, in 美元 (CNY arrivals
 * at usdCnyRate). `paid` lists the projects with such an arrival.
 */
export function cohortFundsRate(
  projects: readonly MetricProject[],
  arrivals: readonly Arrival[],
  params: Period & { usdCnyRate: number },
): { cohort: string[]; paid: string[]; contracted: number; paidIn: number; rate: number | null } {
  const w = windowOf(params);
  const members = projects.filter((p) => signedInYear(p, params) && (p.contractedFdiUsd ?? 0) > 0);
  const ids = new Set(members.map((p) => p.id));
  const paid = new Set<string>();
  let paidInSum = 0;
  for (const a of arrivals) {
    if (a.kind !== 'fdi' || !ids.has(a.projectId) || a.arrivedOn > w.asOf) continue;
    paid.add(a.projectId);
    paidInSum += a.currency === 'USD' ? a.amount : Math.round(a.amount / params.usdCnyRate);
  }
  const contracted = members.reduce((sum, p) => sum + (p.contractedFdiUsd ?? 0), 0);
  return {
    cohort: members.map((p) => p.id),
    paid: members.filter((p) => paid.has(p.id)).map((p) => p.id),
    contracted,
    paidIn: paidInSum,
    rate: fundsRate(contracted, paidInSum),
  };
}

/**
 * 履约率: of the projects signed by as-of (in any year) whose planned 开工 date falls in the year up
 * to as-of, not terminated as of then, the share that started on or before that planned date.
 */
export function fulfilmentRate(
  projects: readonly MetricProject[],
  period: Period,
): { cohort: string[]; kept: string[]; rate: number | null } {
  const w = windowOf(period);
  const members = projects.filter(
    (p) =>
      isDated(p.signedOn) &&
      p.signedOn <= w.asOf &&
      inWindow(p.plannedStartedOn, w) &&
      !terminatedAsOf(p, w.asOf),
  );
  const kept = members.filter((p) => isDated(p.startedOn) && p.startedOn <= p.plannedStartedOn!);
  return {
    cohort: members.map((p) => p.id),
    kept: kept.map((p) => p.id),
    rate: ratio(kept.length, members.length),
  };
}

// ---------------------------------------------------------------------------------------------
// 五未

export interface StalledEntry {
  projectId: string;
  ruleKey: string;
  overdueDays: number;
}

export interface StalledParams {
  rules: readonly StalledRule[];
  asOf: string;
}

/**
 * The 五未 list on asOf: one entry per project and rule it breaks (overdueDays of lifecycle.ts on the
 * actual dates known on asOf), in project order then rule order. Terminated projects are left out.
 * Under the default rules, which chain consecutive milestones, a project breaks at most one: the
 * rule whose `from` is its furthest milestone.
 */
export function stalledProjects(
  projects: readonly MetricProject[],
  params: StalledParams,
): StalledEntry[] {
  const asOf = checkedAsOf(params.asOf);
  const entries: StalledEntry[] = [];
  for (const p of projects) {
    if (terminatedAsOf(p, asOf)) continue;
    const dates = datesAsOf(p, asOf);
    for (const rule of params.rules) {
      const days = overdueDays(rule, dates, asOf);
      if (days !== null) entries.push({ projectId: p.id, ruleKey: rule.key, overdueDays: days });
    }
  }
  return entries;
}
