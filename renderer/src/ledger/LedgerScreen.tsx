// The 台账 screen: filters and sorting become one ledger.query; the rows come in pages as they
// scroll into view; an empty ledger explains how to get projects in. A row opens its project;
// 「新建项目」 (or Ctrl+N) opens an empty form. Filters and sort survive a visit to a project.
import { useEffect, useMemo, useState } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { useDebouncedValue } from '../shared/use-debounced-value';
import { useNavigate } from '../shell/navigation';
import { LedgerEmpty, LedgerNoMatches } from './LedgerEmpty';
import { LedgerFilters } from './LedgerFilters';
import type { LedgerFilterValues } from './ledger-query';
import { hasFilters, ledgerQueryOf, noFilters } from './ledger-query';
import { LedgerTable } from './LedgerTable';
import { useLedgerPages } from './use-ledger-pages';

const SEARCH_DELAY_MS = 300;

/** The last filters and sort, restored when the user comes back from a project. */
let remembered: { filters: LedgerFilterValues; sorting: SortingState } = {
  filters: noFilters,
  sorting: [],
};

export function LedgerScreen() {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<LedgerFilterValues>(() => remembered.filters);
  const [sorting, setSorting] = useState<SortingState>(() => remembered.sorting);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    remembered = { filters, sorting };
  }, [filters, sorting]);

  const q = useDebouncedValue(filters.q, SEARCH_DELAY_MS);
  const { region, tier, stage, office } = filters;
  const query = useMemo(
    () => ledgerQueryOf({ q, region, tier, stage, office }, sorting),
    [q, region, tier, stage, office, sorting],
  );
  const pages = useLedgerPages(query, reloads);
  const filtered = hasFilters(filters);
  const nothingAtAll = !filtered && pages.totals?.count === 0;

  return (
    <section className="ledger-screen" aria-labelledby="ledger-title">
      <div className="screen-head">
        <h1 id="ledger-title" className="screen-title">
          项目台账
        </h1>
        <button
          type="button"
          className="primary-button"
          title="新建项目（Ctrl+N）"
          onClick={() => navigate({ screen: 'project', id: null })}
        >
          新建项目
        </button>
      </div>
      {nothingAtAll ? null : (
        <LedgerFilters value={filters} onChange={setFilters} busy={pages.loading} />
      )}
      {pages.error ? (
        <div className="error-banner" role="alert">
          <span>{pages.error}</span>
          <button type="button" className="link-button" onClick={() => setReloads((n) => n + 1)}>
            重试
          </button>
        </div>
      ) : null}
      {pages.totals === null ? (
        pages.error ? null : (
          <p className="ledger-loading">正在加载台账……</p>
        )
      ) : pages.totals.count === 0 ? (
        filtered ? (
          <LedgerNoMatches onClear={() => setFilters(noFilters)} />
        ) : (
          <LedgerEmpty onDemoLoaded={() => setReloads((n) => n + 1)} />
        )
      ) : (
        <LedgerTable
          items={pages.items}
          totals={pages.totals}
          dataKey={pages.dataKey}
          sorting={sorting}
          onSortingChange={setSorting}
          onRangeChange={pages.ensureRange}
          onOpen={(id) => navigate({ screen: 'project', id })}
        />
      )}
    </section>
  );
}
