// search.quick for the palette, a short pause after the last keystroke; an answer that arrives after
// a newer query was typed is dropped, and the previous results stay until the new ones come.
import { useEffect, useState } from 'react';
import type { QuickSearchResult } from '../../../domain/search';
import { call, errorText } from '../api/client';
import { useDebouncedValue } from '../shared/use-debounced-value';

const SEARCH_DELAY_MS = 150;
const LIMIT = 8;

export interface QuickSearch {
  /** The query the results answer ('' before the first search). */
  answered: string;
  result: QuickSearchResult;
  error: string | null;
  /** The typed query has not been answered yet. */
  pending: boolean;
}

const nothing: QuickSearchResult = { projects: [], investors: [] };

export function useQuickSearch(query: string): QuickSearch {
  const q = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [state, setState] = useState<Omit<QuickSearch, 'pending'>>({
    answered: '',
    result: nothing,
    error: null,
  });

  useEffect(() => {
    if (q === '') return;
    let live = true;
    call('search.quick', { q, limit: LIMIT }).then(
      (result) => live && setState({ answered: q, result, error: null }),
      (e: unknown) => live && setState({ answered: q, result: nothing, error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [q]);

  const typed = query.trim();
  if (typed === '') return { answered: '', result: nothing, error: null, pending: false };
  return { ...state, pending: state.answered !== typed };
}
