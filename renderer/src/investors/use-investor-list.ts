// The investor list for a search text, a page at a time: investor.list matches Chinese and English
// names and aliases on the server; 「加载更多」 appends the next page. The rows on screen stay while
// another search loads.
import type { InvestorRecord } from '../../../domain/entities';
import { call } from '../api/client';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';

export const INVESTOR_PAGE = 100;

interface Page {
  items: InvestorRecord[];
  /** The last page was full: there may be more. */
  more: boolean;
}

const pageOf = (items: InvestorRecord[]): Page => ({
  items,
  more: items.length === INVESTOR_PAGE,
});

export interface InvestorList {
  items: InvestorRecord[];
  loading: boolean;
  more: boolean;
  error: string | null;
  loadMore: () => void;
}

export function useInvestorList(q: string, reloads: number): InvestorList {
  const query = (offset: number) =>
    call('investor.list', { q: q || undefined, offset, limit: INVESTOR_PAGE });
  const list = useLoad(() => query(0).then(pageOf), [q, reloads], { keep: true });
  const next = useSubmit();

  const loadMore = () => {
    const shown = list.data;
    if (!shown || list.loading || next.busy) return;
    void next.run(async () => {
      const page = pageOf(await query(shown.items.length));
      // Appended only to the list it continues, not to another search's answer.
      list.update((now) =>
        now === shown ? { ...page, items: [...now.items, ...page.items] } : now,
      );
    });
  };

  return {
    items: list.data?.items ?? [],
    loading: list.loading || next.busy,
    more: !list.loading && (list.data?.more ?? false),
    error: list.error ?? next.error,
    loadMore,
  };
}
