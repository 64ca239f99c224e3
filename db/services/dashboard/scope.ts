// The scope every 看板 panel reads: the year, the as-of date, the zone or one office, 本部's 落地率
// and 五未 rules, and the named parameters of the SQL conditions, all settled once per request.
import type { z } from 'zod';
import type { dashboardInput } from '../../../domain/dashboard';
import { todayIso } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import type { LandingRule, StalledRule } from '../../../domain/lifecycle';
import { scheduleProgress } from '../../../domain/schedule';
import { offices } from '../../../domain/vocabulary';
import type { Tx } from '../../app-database';
import { usdRate } from '../../derived';
import { readSettings } from '../settings';

export type DashboardInput = z.output<typeof dashboardInput>;

/**
 * The named parameters every condition of conditions.ts reads: @from and @to (the year's first day
 * and its last day that counts: the year's end or as-of, whichever is earlier), @asOf, @office (an
 * office key or NULL for the zone), @prevFrom and @prevTo (the year before, for the
 * previous-year cohort), @rate (the year's USD→CNY rate).
 */
export interface DashboardParams {
  from: string;
  to: string;
  asOf: string;
  office: string | null;
  prevFrom: string;
  prevTo: string;
  rate: number;
}

export interface Scope {
  year: number;
  withProjects: boolean;
  asOf: string;
  office: string | null;
  params: DashboardParams;
  landingRule: LandingRule;
  stalledRules: StalledRule[];
}

export const pad = (year: number) => String(year).padStart(4, '0');

export function scopeOf(tx: Tx, input: DashboardInput): Scope {
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

/** 序时进度 of the chosen year on as-of: none of it before the year, all of it after. */
export function scheduleOf(scope: Scope): number {
  if (scope.asOf < scope.params.from) return 0;
  if (scope.asOf > `${pad(scope.year)}-12-31`) return 1;
  return scheduleProgress(scope.asOf);
}

/** The ids one statement selects (a single column), under the scope's parameters. */
export function ids(tx: Tx, text: string, params: DashboardParams): string[] {
  return tx.sql.prepare(text).pluck().all(params) as string[];
}
