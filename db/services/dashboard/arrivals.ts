// The year's paid-in money (实到外资, 市外内资) by month, read once for the key figures and the trend.
import type { Tx } from '../../app-database';
import type { ArrivalMetric } from './conditions';
import { arrivalSums, arrivalsFrom } from './conditions';
import type { DashboardParams, Scope } from './scope';
import { ids } from './scope';

export interface ArrivalTotal {
  total: number;
  byMonth: number[];
  projects?: string[];
}
export type ArrivalTotals = Record<ArrivalMetric, ArrivalTotal>;

/** 实到外资 and 市外内资 of the year by month, with (on request) the projects they came to. */
export function arrivalTotals(tx: Tx, scope: Scope): ArrivalTotals {
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

export function arrivalProjects(tx: Tx, metric: ArrivalMetric, params: DashboardParams): string[] {
  return ids(
    tx,
    `SELECT DISTINCT a.project_id FROM ${arrivalsFrom(params.office, metric)}`,
    params,
  );
}
