// The 台账 grid: a sticky header whose buttons sort on the server, rows positioned by TanStack
// Virtual (loaded rows from the page cache, grey placeholders for rows still on their way) and a
// sticky totals row for the whole filter.
import { useEffect, useRef } from 'react';
import type { CSSProperties } from 'react';
import { useTable } from '@tanstack/react-table';
import type { OnChangeFn, SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LedgerPage } from '../../../domain/ledger';
import { ledgerColumns, ledgerFeatures, ledgerGridTemplate, layoutOf } from './ledger-columns';
import { countText, wanUsdCell, wanUsdTitle, yiCell, yiTitle } from './ledger-format';
import type { LedgerItem } from './use-ledger-pages';

const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 38;
/** Rows beyond the visible ones rendered on each side, so a wheel turn shows no gaps. */
const OVERSCAN = 10;
/** Page requests wait until scrolling pauses this long, so a fast drag does not fetch every page. */
const FETCH_DELAY_MS = 60;

const columnIds = ledgerColumns.map((c) => (c as { id: string }).id);
const amountColumn = columnIds.indexOf('totalInvestment');

const getRowId = (item: LedgerItem) => String(item.index);

const gridStyle = {
  '--ledger-columns': ledgerGridTemplate,
  '--ledger-row-height': `${ROW_HEIGHT}px`,
  '--ledger-header-height': `${HEADER_HEIGHT}px`,
} as CSSProperties;

interface Props {
  items: readonly LedgerItem[];
  totals: LedgerPage['totals'];
  /** Changes when new results replace the old ones: the grid scrolls back to the top. */
  dataKey: string;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  /** Rows first..last are in or near view. */
  onRangeChange: (first: number, last: number) => void;
  /** A click (or Enter) on a row opens its project. */
  onOpen: (projectId: string) => void;
}

export function LedgerTable({
  items,
  totals,
  dataKey,
  sorting,
  onSortingChange,
  onRangeChange,
  onOpen,
}: Props) {
  const table = useTable({
    features: ledgerFeatures,
    columns: ledgerColumns,
    data: items,
    getRowId,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  // The React Compiler is not used in this build, so nothing memoizes the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: totals.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const first = virtualRows[0]?.index ?? 0;
  const last = virtualRows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last < 0) return;
    const timer = setTimeout(() => onRangeChange(first, last), FETCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [first, last, onRangeChange]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [dataKey]);

  const rowsById = table.getRowModel().rowsById;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <div
      ref={scrollRef}
      className="ledger-scroll"
      role="table"
      aria-label="项目台账"
      aria-rowcount={totals.count + 2}
      style={gridStyle}
    >
      <div role="rowgroup" className="ledger-head">
        <div role="row" className="ledger-row" aria-rowindex={1}>
          {headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const numeric = layoutOf(header.column.id).numeric;
            return (
              <div
                key={header.id}
                role="columnheader"
                className={numeric ? 'ledger-th num' : 'ledger-th'}
                aria-sort={
                  sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                }
              >
                <button
                  type="button"
                  className="sort-button"
                  title="点击排序"
                  onClick={header.column.getToggleSortingHandler()}
                >
                  <table.FlexRender header={header} />
                  <span className="sort-mark" aria-hidden="true">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>

      <div role="rowgroup" className="ledger-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualRows.map((virtual) => {
          const row = rowsById[String(virtual.index)];
          const style = { transform: `translateY(${virtual.start - HEADER_HEIGHT}px)` };
          if (!row) {
            return (
              <div
                key={virtual.index}
                role="row"
                className="ledger-row placeholder"
                aria-rowindex={virtual.index + 2}
                aria-busy="true"
                style={style}
              >
                {columnIds.map((id) => (
                  <div key={id} role="cell" className="ledger-td">
                    <span className="skeleton" />
                  </div>
                ))}
              </div>
            );
          }
          return (
            <div
              key={virtual.index}
              role="row"
              className={virtual.index % 2 ? 'ledger-row odd clickable' : 'ledger-row clickable'}
              aria-rowindex={virtual.index + 2}
              style={style}
              tabIndex={0}
              onClick={() => onOpen(row.original.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onOpen(row.original.id);
              }}
            >
              {row.getAllCells().map((cell) => (
                <div
                  key={cell.column.id}
                  role="cell"
                  className={layoutOf(cell.column.id).numeric ? 'ledger-td num' : 'ledger-td'}
                >
                  <table.FlexRender cell={cell} />
                </div>
              ))}
            </div>
          );
        })}
      </div>

      <div role="rowgroup" className="ledger-foot">
        <div
          role="row"
          className="ledger-row ledger-totals"
          aria-rowindex={totals.count + 2}
          aria-label="合计"
        >
          <div role="cell" className="ledger-td" style={{ gridColumn: `span ${amountColumn}` }}>
            <span className="totals-label">合计</span>
            项目数 <strong className="totals-count">{countText(totals.count)}</strong> 个
          </div>
          <div role="cell" className="ledger-td num">
            <span className="visually-hidden">总投资合计（亿元）</span>
            <span className="cell-text" title={`总投资合计 ${yiTitle(totals.totalInvestmentCny)}`}>
              {yiCell(totals.totalInvestmentCny)}
            </span>
          </div>
          <div role="cell" className="ledger-td num">
            <span className="visually-hidden">合同外资合计（万美元）</span>
            <span
              className="cell-text"
              title={`合同外资合计 ${wanUsdTitle(totals.contractedFdiUsd)}`}
            >
              {wanUsdCell(totals.contractedFdiUsd)}
            </span>
          </div>
          <div
            role="cell"
            className="ledger-td"
            style={{ gridColumn: `span ${columnIds.length - amountColumn - 2}` }}
          />
        </div>
      </div>
    </div>
  );
}
