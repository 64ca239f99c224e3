// Loads app.status: who is using this copy and for which office, and whether the first-run setup
// has been done. `refreshAppStatus()` (or the hook's `refresh`) reloads it everywhere it is shown,
// after the first run, a change of user or office in 设置, or a restored backup.
import { useEffect, useState } from 'react';
import type { AppStatus } from '../../../domain/contract';
import { errorText } from '../api/client';
import { callEarly, takeArrived } from '../api/prefetch';

export type AppStatusState =
  | { state: 'loading' }
  | { state: 'ready'; status: AppStatus }
  | { state: 'error'; message: string };

const listeners = new Set<() => void>();

/** Asks every mounted useAppStatus() to load app.status again. */
export function refreshAppStatus(): void {
  for (const listener of listeners) listener();
}

export function useAppStatus(): AppStatusState & { refresh: () => void } {
  // The answer asked for at start-up may be here already: then the first render has it.
  const [early] = useState(() => takeArrived('app.status', undefined));
  const [result, setResult] = useState<AppStatusState>(() =>
    early ? { state: 'ready', status: early.value } : { state: 'loading' },
  );
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    const listener = () => setLoads((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);

  useEffect(() => {
    if (early && loads === 0) return;
    let live = true;
    // A reload keeps showing the last answer until the new one arrives.
    callEarly('app.status', undefined).then(
      (status) => live && setResult({ state: 'ready', status }),
      (error: unknown) => live && setResult({ state: 'error', message: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [early, loads]);

  return { ...result, refresh: refreshAppStatus };
}
