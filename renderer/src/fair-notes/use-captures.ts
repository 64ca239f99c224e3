// The captures the screen shows: the triage list for the chosen filter (capture.list) and the
// count for the fair being worked (本场已记 N 条). `reload` fetches both again after a change.
import type { CaptureRecord, CaptureStatus } from '../../../domain/captures';
import { todayIso } from '../../../domain/dates';
import { call } from '../api/client';
import { useLoad } from '../ui/use-load';

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
  const list = useLoad(
    () => call('capture.list', filter === 'all' ? {} : { status: filter }),
    [filter],
    { keep: true },
  );
  // Every capture, for the counts; a failure leaves them as they were.
  const all = useLoad(() => call('capture.list', {}), [], { keep: true });
  const today = todayIso();
  const count = (all.data ?? []).filter((c) =>
    fairEdition === ''
      ? c.fairEdition === null && c.capturedOn === today
      : c.fairEdition === fairEdition,
  ).length;

  return {
    items: list.data,
    error: list.error,
    count,
    total: all.data?.length ?? null,
    reload: () => {
      list.reload();
      all.reload();
    },
  };
}
