// One backend read kept in state: its answer, its error, and a way to read it again. `load` must be
// stable (useCallback) — a new function means a new read.
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../api/client';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [reloads, setReloads] = useState(0);
  const [result, setResult] = useState<{
    load: () => Promise<T>;
    reloads: number;
    data: T | null;
    error: string | null;
  } | null>(null);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setResult({ load, reloads, data, error: null }),
      (e: unknown) => live && setResult({ load, reloads, data: null, error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [load, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const fresh = result !== null && result.load === load && result.reloads === reloads;
  return {
    // The previous answer stays on screen while a reload runs (no flicker), but not another id's.
    data: result?.load === load ? result.data : null,
    error: fresh ? result.error : null,
    loading: !fresh,
    reload,
  };
}
