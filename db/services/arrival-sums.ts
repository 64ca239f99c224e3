// 实到外资 and 市外内资 of projects, as the 台账 and its Excel export show them: every live arrival
// of the kind, whenever it came, each converted at its own year's rates (the as-of year's for an
// arrival without a date). 实到外资 is in 美元, 市外内资 (domestic money from outside the city) in 元.
// An arrival in a year without its rate is left out (the 看板 names the missing rate).
import { allCurrencies } from '../../domain/currencies';
import { yearOf } from '../../domain/dates';
import { readRates } from '../derived';
import { rateOf } from '../../domain/currencies';
import type { Sql } from '../sql';

/**
 * 元 per unit of every currency in every year an arrival may fall in, as JSON keyed by
 * "currency:year", and the as-of year under "asOf": the @rates parameter of the statements below.
 */
export function ratesByYear(sql: Sql, asOf: string): string {
  const asOfYear = yearOf(asOf);
  const rates = readRates(sql);
  const byKey: Record<string, number | string | null> = { asOf: String(asOfYear) };
  for (let year = 1990; year <= asOfYear + 10; year++) {
    for (const currency of allCurrencies)
      byKey[`${currency}:${year}`] = rateOf(rates, currency, year);
  }
  return JSON.stringify(byKey);
}

const year = `coalesce(substr(a.arrived_on, 1, 4), @rates ->> 'asOf')`;
const cnyPerUnit = `(@rates ->> (a.currency || ':' || ${year}))`;
const cnyPerUsd = `(@rates ->> ('USD:' || ${year}))`;

/** Sums over arrivals (alias a) in 美元 for 实到外资 and 元 for 市外内资. */
export const PAID_IN_FDI_USD = `sum(CASE WHEN a.kind = 'fdi'
  THEN (CASE WHEN a.currency = 'USD' THEN a.amount
    ELSE round(a.amount * ${cnyPerUnit} / ${cnyPerUsd}) END) END)`;
export const DOMESTIC_CAPITAL_CNY = `sum(CASE WHEN a.kind = 'domestic' AND a.outside_counted = 1
  THEN round(a.amount * ${cnyPerUnit}) END)`;

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
