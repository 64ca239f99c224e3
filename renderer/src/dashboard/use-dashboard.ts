// dashboard.get for the chosen year, as-of date and office; the last answer stays on screen while a
// new one loads, so changing a picker does not blank the 看板.
import type { Dashboard } from '../../../domain/dashboard';
import { callEarly } from '../api/prefetch';
import { useLoad } from '../ui/use-load';
import { dashboardInput } from './dashboard-input';
import type { DashboardQuery } from './dashboard-input';

export interface DashboardState {
  dashboard: Dashboard | null;
  loading: boolean;
  error: string | null;
}

export function useDashboard(query: DashboardQuery): DashboardState {
  const { year, asOf, office } = query;
  // The first visit takes the answer App.tsx asked for while this screen's code loaded.
  const loaded = useLoad(
    () => callEarly('dashboard.get', dashboardInput({ year, asOf, office })),
    [year, asOf, office],
    { keep: true },
  );
  return { dashboard: loaded.data, loading: loaded.loading, error: loaded.error };
}
