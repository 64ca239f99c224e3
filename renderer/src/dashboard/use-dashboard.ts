// dashboard.get for the chosen year, as-of date and office; the last answer stays on screen while a
// new one loads, so changing a picker does not blank the 看板.
import { useEffect, useState } from 'react';
import type { Dashboard } from '../../../domain/dashboard';
import { call, errorText } from '../api/client';

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
  const key = JSON.stringify([year, asOf, office]);
  const [answer, setAnswer] = useState<{
    key: string;
    dashboard: Dashboard | null;
    error: string | null;
  }>({
    key: '',
    dashboard: null,
    error: null,
  });

  useEffect(() => {
    let live = true;
    // The 五未 list's first 500 items; every other figure's projects come from dashboard.drill.
    call('dashboard.get', { year, asOf, office, stalledLimit: 500 }).then(
      (dashboard) => live && setAnswer({ key, dashboard, error: null }),
      (e: unknown) =>
        live && setAnswer((last) => ({ key, dashboard: last.dashboard, error: errorText(e) })),
    );
    return () => {
      live = false;
    };
  }, [key, year, asOf, office]);

  return { dashboard: answer.dashboard, loading: answer.key !== key, error: answer.error };
}
