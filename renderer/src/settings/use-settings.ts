// settings.get for the 设置 screen: the current settings, a load error, and a way to load again.
import type { Settings } from '../../../domain/settings';
import { call } from '../api/client';
import { useLoad } from '../ui/use-load';

export interface SettingsState {
  settings: Settings | null;
  error: string | null;
  reload: () => void;
  /** Replaces the shown settings with a fresh answer (settings.update returns one). */
  replace: (settings: Settings) => void;
}

export function useSettings(): SettingsState {
  const loaded = useLoad(() => call('settings.get'), []);
  return {
    settings: loaded.data,
    error: loaded.error,
    reload: loaded.reload,
    replace: (settings) => loaded.update(() => settings),
  };
}
