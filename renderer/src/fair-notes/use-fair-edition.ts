// The fair being worked (展会届次): the choices come from dictionary.list; the chosen one is kept on
// this laptop, so it stays selected between entries and when the screen is opened again.
import { useCallback, useState } from 'react';
import { call } from '../api/client';
import { useLoad } from '../ui/use-load';

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
  // Without the dictionary the select offers only 「不填」; captures still save.
  const dictionary = useLoad(() => call('dictionary.list'), []);
  const [chosen, setChosen] = useState<string | null>(remembered);
  const editions = dictionary.data?.fairEditions ?? [];
  // Nothing remembered yet (or it was removed from the dictionary): the latest fair.
  const current =
    dictionary.data === null || chosen === '' || (chosen !== null && editions.includes(chosen))
      ? chosen
      : (editions.at(-1) ?? '');

  const choose = useCallback((edition: string) => {
    setChosen(edition);
    try {
      window.localStorage.setItem(STORAGE_KEY, edition);
    } catch {
      // Storage may be unavailable; the choice then lasts while the screen is open.
    }
  }, []);

  return { editions, current: current ?? '', choose };
}
