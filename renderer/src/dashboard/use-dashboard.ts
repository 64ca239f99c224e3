// dashboard.get for the chosen year, as-of date and office; the last answer stays on screen while a
// new one loads, so changing a picker does not blank the 看板.
import type { Dashboard } from '../../../domain/dashboard';
import { call } from '../api/client';
import { useLoad } from '../ui/use-load';

export interface DashboardQuery {
  year: number;
  /** Absent: today in the current year, else the year's last day (the service decides). */
  asOf?: string;
  /** An office key; absent for the whole zone. */
  office?: string;
}

export interface DashboardState {
  dashboard: Dashboard | null;
  loading: boolean;
  error: string | null;
}

export function useDashboard(query: DashboardQuery): DashboardState {
  const { year, asOf, office } = query;
  // The 五未 list's first 500 items; every other figure's projects come from dashboard.drill.
  const loaded = useLoad(
    () => call('dashboard.get', { year, asOf, office, stalledLimit: 500 }),
    [year, asOf, office],
    { keep: true },
  );
  return { dashboard: loaded.data, loading: loaded.loading, error: loaded.error };
}
