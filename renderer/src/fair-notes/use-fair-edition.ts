// The fair being worked (展会届次): the choices come from dictionary.list; the chosen one is kept on
// this laptop, so it stays selected between entries and when the screen is opened again.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../api/client';

const STORAGE_KEY = 'fair-notes.fairEdition';

/** The fair chosen last time: null if none was ever chosen, '' if 「不填」 was. */
function remembered(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export interface FairEdition {
  editions: string[];
  /** '' when no fair is chosen. */
  current: string;
  choose: (edition: string) => void;
}

export function useFairEdition(): FairEdition {
  const [editions, setEditions] = useState<string[]>([]);
  const [current, setCurrent] = useState<string | null>(remembered);

  useEffect(() => {
    let live = true;
    call('dictionary.list').then(
      (d) => {
        if (!live) return;
        setEditions(d.fairEditions);
        // Nothing remembered yet (or it was removed from the dictionary): the latest fair.
        setCurrent((chosen) =>
          chosen === '' || (chosen !== null && d.fairEditions.includes(chosen))
            ? chosen
            : (d.fairEditions.at(-1) ?? ''),
        );
      },
      // Without the dictionary the select offers only 「不填」; captures still save.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const choose = useCallback((edition: string) => {
    setCurrent(edition);
    try {
      window.localStorage.setItem(STORAGE_KEY, edition);
    } catch {
      // Storage may be unavailable; the choice then lasts while the screen is open.
    }
  }, []);

  return { editions, current: current ?? '', choose };
}
