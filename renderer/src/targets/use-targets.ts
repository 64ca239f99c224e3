// target.list for one year (every scope: the zone and each office's allocation), with ways to
// replace one saved record and to reload after a copy.
import { useCallback, useEffect, useState } from 'react';
import type { TargetRecord } from '../../../domain/targets';
import { call, errorText } from '../api/client';

export interface TargetsState {
  targets: TargetRecord[] | null;
  error: string | null;
  reload: () => void;
  /** Puts a saved record (target.upsert / setActual answer) in place of the old one or adds it. */
  put: (record: TargetRecord) => void;
}

export function useTargets(year: number): TargetsState {
  // The answer remembers its year: another year's list is never shown while this one loads.
  const [loaded, setLoaded] = useState<{ year: number; list: TargetRecord[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    let live = true;
    call('target.list', { year }).then(
      (list) => {
        if (!live) return;
        setLoaded({ year, list });
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [year, loads]);

  const reload = useCallback(() => setLoads((n) => n + 1), []);
  const put = useCallback((record: TargetRecord) => {
    setLoaded((state) => {
      if (!state || state.year !== record.year) return state;
      const { list } = state;
      const i = list.findIndex((t) => t.id === record.id);
      const next = i < 0 ? [...list, record] : list.map((t) => (t.id === record.id ? record : t));
      return { year: state.year, list: next };
    });
  }, []);
  const targets = loaded?.year === year ? loaded.list : null;
  return { targets, error, reload, put };
}
