// target.list for one year (every scope: the zone and each office's allocation), with ways to
// replace one saved record and to reload after a copy.
import { useCallback } from 'react';
import type { TargetRecord } from '../../../domain/targets';
import { call } from '../api/client';
import { useLoad } from '../ui/use-load';

export interface TargetsState {
  targets: TargetRecord[] | null;
  error: string | null;
  reload: () => void;
  /** Puts a saved record (target.upsert / setActual answer) in place of the old one or adds it. */
  put: (record: TargetRecord) => void;
}

export function useTargets(year: number): TargetsState {
  // Another year's list is never shown while this one loads.
  const loaded = useLoad(() => call('target.list', { year }), [year]);
  const { update } = loaded;
  const put = useCallback(
    (record: TargetRecord) =>
      update((list) => {
        if (list[0] && list[0].year !== record.year) return list;
        const i = list.findIndex((t) => t.id === record.id);
        return i < 0 ? [...list, record] : list.map((t) => (t.id === record.id ? record : t));
      }),
    [update],
  );
  return { targets: loaded.data, error: loaded.error, reload: loaded.reload, put };
}
