// A Ctrl (or ⌘) + key shortcut for the whole window while the component is mounted; the browser's
// own action for that key (Ctrl+S saves the page, Ctrl+N opens a window) is suppressed.
import { useEffect, useEffectEvent } from 'react';

export function useCtrlShortcut(key: string, onPress: () => void, enabled = true): void {
  const press = useEffectEvent(onPress);
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.key.toLowerCase() !== key) return;
      e.preventDefault();
      press();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [key, enabled]);
}
