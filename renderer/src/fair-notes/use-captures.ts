// The captures the screen shows: the triage list for the chosen filter (capture.list) and the
// count for the fair being worked (本场已记 N 条). `reload` fetches both again after a change.
import { useCallback, useEffect, useState } from 'react';
import type { CaptureRecord, CaptureStatus } from '../../../domain/workspace';
import { todayIso } from '../../../domain/dates';
import { call, errorText } from '../api/client';

export type CaptureFilter = CaptureStatus | 'all';

export interface Captures {
  /** null while the first list is loading. */
  items: CaptureRecord[] | null;
  error: string | null;
  /** Captures of the current fair (of today when no fair is chosen), whatever their status. */
  count: number;
  /** All captures, settled or not (null until known). */
  total: number | null;
  reload: () => void;
}

export function useCaptures(filter: CaptureFilter, fairEdition: string): Captures {
  const [version, setVersion] = useState(0);
  const [items, setItems] = useState<CaptureRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [count, setCount] = useState(0);
  const [total, setTotal] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    call('capture.list', filter === 'all' ? {} : { status: filter }).then(
      (list) => {
        if (!live) return;
        setItems(list);
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [filter, version]);

  useEffect(() => {
    let live = true;
    call('capture.list', {}).then(
      (list) => {
        if (!live) return;
        const today = todayIso();
        setTotal(list.length);
        setCount(
          list.filter((c) =>
            fairEdition === ''
              ? c.fairEdition === null && c.capturedOn === today
              : c.fairEdition === fairEdition,
          ).length,
        );
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [fairEdition, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { items, error, count, total, reload };
}
