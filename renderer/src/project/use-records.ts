// A list a tab shows (arrivals, activities, tasks, history): loaded when the tab opens, reloaded
// after each change, with the Chinese message when loading fails.
import { useEffect, useEffectEvent, useState } from 'react';
import { errorText } from '../api/client';

export interface Records<T> {
  /** null while the first load is on its way. */
  items: T[] | null;
  error: string | null;
  reload: () => void;
}

export function useRecords<T>(load: () => Promise<T[]>, key: string): Records<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const run = useEffectEvent(load);

  useEffect(() => {
    let live = true;
    run().then(
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
  }, [key, reloads]);

  return { items, error, reload: () => setReloads((n) => n + 1) };
}
