// settings.get for the 设置 screen: the current settings, a load error, and a way to load again.
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../domain/workspace';
import { call, errorText } from '../api/client';

export interface SettingsState {
  settings: Settings | null;
  error: string | null;
  reload: () => void;
  /** Replaces the shown settings with a fresh answer (settings.update returns one). */
  replace: (settings: Settings) => void;
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    let live = true;
    call('settings.get').then(
      (s) => {
        if (!live) return;
        setSettings(s);
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [loads]);

  const reload = useCallback(() => setLoads((n) => n + 1), []);
  return { settings, error, reload, replace: setSettings };
}
