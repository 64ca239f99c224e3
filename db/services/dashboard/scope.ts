// The scope every 看板 panel reads: the year, the as-of date, the zone or one office, 本部's 落地率
// and 五未 rules, how 序时 is read (basis, lights), and the named parameters of the SQL conditions,
// all settled once per request. The year's figures are read through figuresScope: on the months
// basis, as at the last completed month's end.
import type { z } from 'zod';
import type { dashboardInput } from '../../../domain/dashboard';
import { todayIso } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import type { LandingRule, StalledRule } from '../../../domain/lifecycle';
import { readYear } from '../../../domain/schedule';
import type { LightThresholds, YearReading } from '../../../domain/schedule';
import { offices } from '../../../domain/vocabulary';
import type { Tx } from '../../app-database';
import { readRates } from '../../derived';
import { yearRates } from './missing-rates';
import type { MissingRate } from '../../../domain/dashboard';
import { landingRuleOf, readSettings } from '../settings';

export type DashboardInput = z.output<typeof dashboardInput>;

/**
 * The named parameters every condition of conditions.ts reads: @from and @to (the year's first day
 * and its last day that counts: the year's end or as-of, whichever is earlier), @asOf, @office (an
 * office key or NULL for the zone), @prevFrom and @prevTo (the year before, for the
 * previous-year cohort), @rate (the year's USD→CNY rate) and @fx (the year's 元 per unit of every
 * currency, as JSON; a currency without a rate that year is absent).
 */
export interface DashboardParams {
  from: string;
  to: string;
  asOf: string;
  office: string | null;
  prevFrom: string;
  prevTo: string;
  rate: number | null;
  fx: string;
}

export interface Scope {
  year: number;
  withProjects: boolean;
  asOf: string;
  office: string | null;
  params: DashboardParams;
  landingRule: LandingRule;
  stalledRules: StalledRule[];
  /** 序时 under 本部's basis, and the date the year's figures are read at. */
  reading: YearReading;
  lightThresholds: LightThresholds;
  /** The currencies in use that have no rate for the year: the 看板 shows this as an error. */
  missingRates: MissingRate[];
}

export const pad = (year: number) => String(year).padStart(4, '0');

export function scopeOf(tx: Tx, input: DashboardInput): Scope {
  const { year } = input;
  const yearEnd = `${pad(year)}-12-31`;
  // Today inside the year; a closed year at its last day; a future one today (not started yet).
  const today = todayIso();
  const asOf = input.asOf ?? (today < yearEnd ? today : yearEnd);
  let office: string | null = null;
  if (input.office) {
    const found = offices.find((o) => o.key === input.office || o.label === input.office);
    if (!found) throw new AppError('VALIDATION', `驻点「${input.office}」无效`);
    office = found.key;
  }
  const settings = readSettings(tx);
  const rates = yearRates(tx, year, readRates(tx.sql));
  return {
    year,
    withProjects: input.withProjects ?? false,
    asOf,
    office,
    landingRule: landingRuleOf(tx, year),
    stalledRules: settings.stalledRules,
    reading: readYear(year, asOf, settings.scheduleBasis),
    lightThresholds: settings.lightThresholds,
    missingRates: rates.missing,
    params: paramsAt(year, asOf, office, rates.usd, rates.fx),
  };
}

function paramsAt(
  year: number,
  asOf: string,
  office: string | null,
  rate: number | null,
  fx: string,
): DashboardParams {
  const yearEnd = `${pad(year)}-12-31`;
  const prevEnd = `${pad(year - 1)}-12-31`;
  return {
    from: `${pad(year)}-01-01`,
    to: asOf < yearEnd ? asOf : yearEnd,
    asOf,
    office,
    prevFrom: `${pad(year - 1)}-01-01`,
    prevTo: asOf < prevEnd ? asOf : prevEnd,
    rate,
    fx,
  };
}

/**
 * The scope of the year's figures (targets, ranking, trend, signed mix, their drill-downs): as-of
 * moved to the date the basis reads them at (the last completed month's end by months), so that
 * their events count to it and the state (终止, 落地) is taken on it. The pipeline's snapshot
 * (funnel, region mix of the pipeline, 五未) keeps the scope's own as-of.
 */
export function figuresScope(scope: Scope): Scope {
  const asOf = scope.reading.figuresAsOf;
  if (asOf === scope.asOf) return scope;
  return {
    ...scope,
    asOf,
    params: paramsAt(scope.year, asOf, scope.office, scope.params.rate, scope.params.fx),
  };
}

/** The ids one statement selects (a single column), under the scope's parameters. */
export function ids(tx: Tx, text: string, params: DashboardParams): string[] {
  return tx.sql.prepare(text).pluck().all(params) as string[];
}
