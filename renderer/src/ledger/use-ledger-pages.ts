// Fetches the ledger in pages of 200 as rows come into view, so 100,000 projects scroll smoothly:
// a page cache keyed by offset (bounded, the pages farthest from the latest one are dropped), the
// totals of the whole filter from the latest page, and the previous results kept on screen while a
// new filter or sort loads.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LedgerPage, LedgerRow } from '../../../domain/ledger';
import { errorText } from '../api/client';
import { callEarly, takeArrived } from '../api/prefetch';
import type { LedgerBaseQuery } from './ledger-query';
import { PAGE_SIZE } from './ledger-query';

const MAX_CACHED_PAGES = 40;

/** A loaded row and its position in the whole filtered, sorted ledger. */
export interface LedgerItem extends LedgerRow {
  index: number;
}

interface Cache {
  key: string;
  pages: ReadonlyMap<number, readonly LedgerRow[]>;
  totals: LedgerPage['totals'] | null;
  error: string | null;
}

export interface LedgerPages {
  /** Identifies the data on screen; changes when a new filter, sort or reload has arrived. */
  dataKey: string;
  totals: LedgerPage['totals'] | null;
  /** Loaded rows only, in index order; rows in between are not loaded yet. */
  items: readonly LedgerItem[];
  /** True while the current filter's first page is on its way (older results still shown). */
  loading: boolean;
  error: string | null;
  /** Asks for the pages covering rows first..last (inclusive). */
  ensureRange: (first: number, last: number) => void;
}

const emptyCache: Cache = { key: '', pages: new Map(), totals: null, error: null };

export function useLedgerPages(query: LedgerBaseQuery, reloadCount: number): LedgerPages {
  const key = useMemo(() => JSON.stringify([query, reloadCount]), [query, reloadCount]);
  // The first page asked for at start-up may be here already: then the first render shows it.
  const [cache, setCache] = useState<Cache>(() => {
    const early = takeArrived('ledger.query', { ...query, offset: 0, limit: PAGE_SIZE });
    if (!early) return emptyCache;
    return {
      key,
      pages: new Map([[0, early.value.rows]]),
      totals: early.value.totals,
      error: null,
    };
  });
  const latestKey = useRef(key);
  const inflight = useRef(new Set<string>());

  const fetchPage = useCallback(
    (offset: number) => {
      const id = `${offset}@${key}`;
      if (inflight.current.has(id)) return;
      inflight.current.add(id);
      callEarly('ledger.query', { ...query, offset, limit: PAGE_SIZE })
        .then(
          (page) =>
            setCache((prev) => {
              if (latestKey.current !== key) return prev;
              const pages = new Map(prev.key === key ? prev.pages : []);
              pages.set(offset, page.rows);
              evictFarthest(pages, offset);
              // The optional sums come with the first page only: later pages keep them.
              const totals =
                prev.key === key && prev.totals ? { ...prev.totals, ...page.totals } : page.totals;
              return { key, pages, totals, error: null };
            }),
          (error: unknown) =>
            setCache((prev) =>
              latestKey.current !== key ? prev : { ...prev, error: errorText(error) },
            ),
        )
        .finally(() => inflight.current.delete(id));
    },
    [key, query],
  );

  const hasFirstPage = cache.key === key && cache.pages.has(0);
  useEffect(() => {
    latestKey.current = key;
    if (!hasFirstPage) fetchPage(0);
    // Only a new key asks again; the first page arriving must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, fetchPage]);

  const current = cache.key === key;
  const ensureRange = useCallback(
    (first: number, last: number) => {
      if (!current) return; // the first page of a new query decides the row count first
      for (let offset = pageOf(first); offset <= pageOf(last); offset += PAGE_SIZE) {
        if (!cache.pages.has(offset)) fetchPage(offset);
      }
    },
    [current, cache.pages, fetchPage],
  );

  const items = useMemo(() => {
    const list: LedgerItem[] = [];
    for (const offset of [...cache.pages.keys()].sort((a, b) => a - b)) {
      cache.pages.get(offset)?.forEach((row, i) => list.push({ ...row, index: offset + i }));
    }
    return list;
  }, [cache.pages]);

  return {
    dataKey: cache.key,
    totals: cache.totals,
    items,
    loading: !current && cache.error === null,
    error: cache.error,
    ensureRange,
  };
}

function pageOf(index: number): number {
  return Math.floor(Math.max(0, index) / PAGE_SIZE) * PAGE_SIZE;
}

function evictFarthest(pages: Map<number, readonly LedgerRow[]>, near: number): void {
  if (pages.size <= MAX_CACHED_PAGES) return;
  const byDistance = [...pages.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
  for (const offset of byDistance.slice(0, pages.size - MAX_CACHED_PAGES)) pages.delete(offset);
}
