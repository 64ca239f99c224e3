// What the 看板 asks dashboard.get for, kept apart from the screen's code so that the app's frame
// can ask for the first 看板's figures while that code is still loading (App.tsx).
import type { MethodArgs } from '../../../domain/contract';

export interface DashboardQuery {
  year: number;
  /** Absent: today in the current year, else the year's last day (the service decides). */
  asOf?: string;
  /** An office key; absent for the whole zone. */
  office?: string;
}

/** The 看板's first query (DashboardScreen's first `remembered`): this year, as of today, the zone. */
export const firstDashboardQuery = (): DashboardQuery => ({ year: new Date().getFullYear() });

/**
 * How many of the most overdue 五未 items the 看板 lists; the per-rule counts open all of them
 * (dashboard.drill). More rows would only delay the first paint of the cards above them.
 */
export const SCREEN_STALLED_ITEMS = 100;

/** The screen's input: no id lists, the most overdue 五未 items. */
export const dashboardInput = ({
  year,
  asOf,
  office,
}: DashboardQuery): MethodArgs<'dashboard.get'> => ({
  year,
  asOf,
  office,
  stalledLimit: SCREEN_STALLED_ITEMS,
});
