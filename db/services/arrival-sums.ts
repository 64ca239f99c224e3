// 实到外资 and 市外内资 of projects, as the 台账 and its Excel export show them: every live arrival
// of the kind, whenever it came, each converted at its own year's USD rate (the as-of year's for an
// arrival without a date). 实到外资 is in 美元, 市外内资 (domestic money from outside the city) in 元.
import { yearOf } from '../../domain/dates';
import { cachedLookups } from '../derived';
import type { Sql } from '../sql';

/**
 * The USD rate of every year an arrival may fall in, as JSON keyed by year, and the as-of year's
 * under "asOf": the @rates parameter of the statements below.
 */
export function ratesByYear(sql: Sql, asOf: string): string {
  const asOfYear = yearOf(asOf);
  const { usdRate } = cachedLookups(sql);
  const rates: Record<string, number> = { asOf: usdRate(asOfYear) };
  for (let year = 1990; year <= asOfYear + 10; year++) rates[year] = usdRate(year);
  return JSON.stringify(rates);
}

const rate = `coalesce(@rates ->> substr(a.arrived_on, 1, 4), @rates ->> 'asOf')`;

/** Sums over arrivals (alias a) in 美元 for 实到外资 and 元 for 市外内资. */
export const PAID_IN_FDI_USD = `sum(CASE WHEN a.kind = 'fdi'
  THEN (CASE WHEN a.currency = 'USD' THEN a.amount ELSE round(a.amount / ${rate}) END) END)`;
export const DOMESTIC_CAPITAL_CNY = `sum(CASE WHEN a.kind = 'domestic' AND a.outside_counted = 1
  THEN (CASE WHEN a.currency = 'USD' THEN round(a.amount * ${rate}) ELSE a.amount END) END)`;

export interface ArrivalSums {
  paidInFdiUsd: number | null;
  domesticCapitalCny: number | null;
}

/**
 * Both sums for each of these projects (by id) that had an arrival: one pass over the arrivals of
 * just these projects, through the capital_arrival project index.
 */
export function arrivalSumsOf(
  sql: Sql,
  projectIds: readonly string[],
  rates: string,
): Map<string, ArrivalSums> {
  if (projectIds.length === 0) return new Map();
  const rows = sql
    .prepare(
      `SELECT a.project_id AS id, ${PAID_IN_FDI_USD} AS paidInFdiUsd,
         ${DOMESTIC_CAPITAL_CNY} AS domesticCapitalCny
       FROM capital_arrival a
       WHERE a.project_id IN (SELECT value FROM json_each(@ids)) AND a.deleted = 0
       GROUP BY a.project_id`,
    )
    .all({ ids: JSON.stringify(projectIds), rates }) as ({ id: string } & ArrivalSums)[];
  return new Map(rows.map(({ id, ...sums }) => [id, sums]));
}
