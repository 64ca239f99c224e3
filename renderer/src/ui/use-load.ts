// One backend read kept in state: its answer, its error, whether it is on its way, and a way to read
// it again. `inputs` are what the read depends on, compared by value: when they change it reads
// again, and another input's answer is not shown meanwhile (unless `keep`, for a list being
// filtered, which keeps the last rows on screen instead of blanking). A failed read keeps the last
// answer for the same inputs and says why.
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { errorText } from '../api/client';

export interface Loaded<T> {
  /** null until the first answer (for these inputs) arrives. */
  data: T | null;
  /** The Chinese message of the last failed read, null once a read succeeds. */
  error: string | null;
  /** A read for the current inputs is on its way. */
  loading: boolean;
  reload: () => void;
  /** Changes the answer in place (a save's result), without reading again. */
  update: (change: (data: T) => T) => void;
}

interface Answer<T> {
  key: string;
  reloads: number;
  data: T | null;
  error: string | null;
}

export function useLoad<T>(
  load: () => Promise<T>,
  inputs: readonly unknown[],
  options: { keep?: boolean } = {},
): Loaded<T> {
  const key = JSON.stringify(inputs);
  const keep = options.keep ?? false;
  const [reloads, setReloads] = useState(0);
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const read = useEffectEvent(load);

  useEffect(() => {
    let live = true;
    read().then(
      (data) => live && setAnswer({ key, reloads, data, error: null }),
      (e: unknown) =>
        live &&
        setAnswer((last) => ({
          key,
          reloads,
          data: last && (last.key === key || keep) ? last.data : null,
          error: errorText(e),
        })),
    );
    return () => {
      live = false;
    };
  }, [key, reloads, keep]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setAnswer((last) => (last?.data == null ? last : { ...last, data: change(last.data) })),
    [],
  );
  const current = answer?.key === key;
  return {
    data: answer && (current || keep) ? answer.data : null,
    error: current ? answer.error : null,
    loading: !(current && answer.reloads === reloads),
    reload,
    update,
  };
}
