// Loads app.status once: who is using this copy and for which office.
import { useEffect, useState } from 'react';
import type { AppStatus } from '../../../domain/contract';
import { call, errorText } from '../api/client';

export type AppStatusState =
  | { state: 'loading' }
  | { state: 'ready'; status: AppStatus }
  | { state: 'error'; message: string };

export function useAppStatus(): AppStatusState {
  const [result, setResult] = useState<AppStatusState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    call('app.status').then(
      (status) => live && setResult({ state: 'ready', status }),
      (error: unknown) => live && setResult({ state: 'error', message: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return result;
}
