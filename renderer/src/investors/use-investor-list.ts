// The investor list for a search text, a page at a time: investor.list matches Chinese and English
// names and aliases on the server; 「加载更多」 appends the next page.
import { useCallback, useEffect, useState } from 'react';
import type { InvestorRecord } from '../../../domain/entities';
import { call, errorText } from '../api/client';

export const INVESTOR_PAGE = 100;

interface Loaded {
  /** Which search (and reload) these rows answer. */
  key: string;
  items: InvestorRecord[];
  more: boolean;
  error: string | null;
}

export interface InvestorList {
  items: InvestorRecord[];
  loading: boolean;
  more: boolean;
  error: string | null;
  loadMore: () => void;
}

export function useInvestorList(q: string, reloads: number): InvestorList {
  const key = `${reloads}\n${q}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let live = true;
    call('investor.list', { q: q || undefined, offset: 0, limit: INVESTOR_PAGE }).then(
      (items) =>
        live && setLoaded({ key, items, more: items.length === INVESTOR_PAGE, error: null }),
      (e: unknown) => live && setLoaded({ key, items: [], more: false, error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [key, q]);

  const current = loaded?.key === key ? loaded : null;

  const loadMore = useCallback(() => {
    if (!current || loadingMore) return;
    setLoadingMore(true);
    call('investor.list', { q: q || undefined, offset: current.items.length, limit: INVESTOR_PAGE })
      .then(
        (next) =>
          setLoaded((prev) =>
            prev?.key === key
              ? { ...prev, items: [...prev.items, ...next], more: next.length === INVESTOR_PAGE }
              : prev,
          ),
        (e: unknown) => setLoaded((prev) => (prev ? { ...prev, error: errorText(e) } : prev)),
      )
      .finally(() => setLoadingMore(false));
  }, [current, loadingMore, q, key]);

  return {
    items: current?.items ?? loaded?.items ?? [],
    loading: current === null || loadingMore,
    more: current?.more ?? false,
    error: current?.error ?? null,
    loadMore,
  };
}
