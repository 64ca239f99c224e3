// The 台账 screen: filters and sorting become one ledger.query; the rows come in pages as they
// scroll into view; an empty ledger explains how to get projects in. A row opens its project;
// 「新建项目」 (or Ctrl+N) opens an empty form. 「列」 chooses the columns shown, 「视图」 saves and
// restores filters, columns (shown, order, widths) and sort under a name. Filters, sort and columns
// survive a visit elsewhere for the rest of the session. Totals of the extra amount columns are
// asked for only while those columns are shown.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type {
  ColumnOrderState,
  ColumnSizingState,
  ColumnVisibilityState,
  SortingState,
} from '@tanstack/react-table';
import { useDebouncedValue } from '../shared/use-debounced-value';
import { useNavigate } from '../shell/navigation';
import { ErrorBanner } from '../ui/Alert';
import { LedgerExcelMenu } from '../excel/LedgerExcelMenu';
import { LedgerColumnMenu } from './LedgerColumnMenu';
import { defaultVisibility, sumsShown, visibleColumnIds } from './ledger-columns';
import { LedgerEmpty, LedgerNoMatches } from './LedgerEmpty';
import { LedgerFilters } from './LedgerFilters';
import type { LedgerBaseQuery, LedgerFilterValues } from './ledger-query';
import { hasFilters, ledgerQueryOf, noFilters } from './ledger-query';
import type { LedgerViewState } from './ledger-views';
import { LedgerTable } from './LedgerTable';
import { LedgerViews } from './LedgerViews';
import { useLedgerPages } from './use-ledger-pages';
import { useLedgerTable } from './use-ledger-table';
import { GoButton } from '../ui/GoButton';
import { ScreenTitle } from '../ui/ScreenTitle';
import './ledger.css';

const SEARCH_DELAY_MS = 300;

/** The last filters, sort and columns, restored when the user comes back to the 台账. */
let remembered: LedgerViewState = {
  filters: noFilters,
  sorting: [],
  columnVisibility: defaultVisibility,
  columnOrder: [],
  columnSizing: {},
};

export function LedgerScreen() {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<LedgerFilterValues>(() => remembered.filters);
  const [sorting, setSorting] = useState<SortingState>(() => remembered.sorting);
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(
    () => remembered.columnVisibility,
  );
  const [columnOrder, setColumnOrder] = useState<ColumnOrderState>(() => remembered.columnOrder);
  const [columnSizing, setColumnSizing] = useState<ColumnSizingState>(
    () => remembered.columnSizing,
  );
  const [reloads, setReloads] = useState(0);
  const viewState = useMemo<LedgerViewState>(
    () => ({ filters, sorting, columnVisibility, columnOrder, columnSizing }),
    [filters, sorting, columnVisibility, columnOrder, columnSizing],
  );
  useEffect(() => {
    remembered = viewState;
  }, [viewState]);

  const applyView = useCallback((view: LedgerViewState) => {
    setFilters(view.filters);
    setSorting(view.sorting);
    setColumnVisibility(view.columnVisibility);
    setColumnOrder(view.columnOrder);
    setColumnSizing(view.columnSizing);
  }, []);

  const q = useDebouncedValue(filters.q, SEARCH_DELAY_MS);
  const { region, tier, stage, office, owner, industry, channel, signingYear, group } = filters;
  const query = useMemo(
    () =>
      ledgerQueryOf(
        { q, region, tier, stage, office, owner, industry, channel, signingYear, group },
        sorting,
      ),
    [q, region, tier, stage, office, owner, industry, channel, signingYear, group, sorting],
  );
  const shownIds = useMemo(
    () => visibleColumnIds(columnVisibility, columnOrder),
    [columnVisibility, columnOrder],
  );
  const sumsKey = sumsShown(shownIds).join(',');
  const pageQuery = useMemo(
    () => (sumsKey ? { ...query, sums: sumsKey.split(',') as LedgerBaseQuery['sums'] } : query),
    [query, sumsKey],
  );
  const pages = useLedgerPages(pageQuery, reloads);
  const table = useLedgerTable({
    items: pages.items,
    sorting,
    onSortingChange: setSorting,
    columnVisibility,
    onColumnVisibilityChange: setColumnVisibility,
    columnOrder,
    onColumnOrderChange: setColumnOrder,
    columnSizing,
    onColumnSizingChange: setColumnSizing,
  });
  const filtered = hasFilters(filters);
  const nothingAtAll = !filtered && pages.totals?.count === 0;

  return (
    <section className="ledger-screen" aria-labelledby="ledger-title">
      <div className="screen-head ledger-head-bar">
        <ScreenTitle id="ledger-title">项目台账</ScreenTitle>
        {nothingAtAll ? null : <LedgerViews state={viewState} onApply={applyView} />}
        <LedgerExcelMenu query={query} count={pages.totals?.count ?? null} columns={shownIds} />
        <GoButton
          className="primary-button ledger-new"
          title="新建项目（Ctrl+N）"
          to={{ screen: 'project', id: null }}
        >
          新建项目
        </GoButton>
      </div>
      {nothingAtAll ? null : (
        <LedgerFilters
          value={filters}
          onChange={setFilters}
          busy={pages.loading}
          tools={<LedgerColumnMenu table={table} />}
        />
      )}
      <ErrorBanner error={pages.error} onRetry={() => setReloads((n) => n + 1)} />
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
          table={table}
          totals={pages.totals}
          dataKey={pages.dataKey}
          onRangeChange={pages.ensureRange}
          onOpen={(id) => navigate({ screen: 'project', id })}
        />
      )}
    </section>
  );
}
