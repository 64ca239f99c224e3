// The 台账 grid: a sticky header whose buttons sort on the server, only the rows in or near view
// rendered (loaded rows from the page cache, grey placeholders for rows still on their way) and a
// sticky totals row for the whole filter. Only the columns shown take a grid track; the totals of a
// hidden amount column move into the totals row's label.
import { useEffect, useRef } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import type { LedgerPage } from '../../../domain/ledger';
import { ledgerGridTemplate, layoutOf } from './ledger-columns';
import { countText, wanUsdCell, wanUsdTitle, yiCell, yiTitle } from './ledger-format';
import type { LedgerTableInstance } from './use-ledger-table';
import { useRowWindow } from './use-row-window';

const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 38;
/** Rows beyond the visible ones rendered on each side, so a wheel turn shows no gaps. */
const OVERSCAN = 10;
/** Page requests wait until scrolling pauses this long, so a fast drag does not fetch every page. */
const FETCH_DELAY_MS = 60;

interface Props {
  table: LedgerTableInstance;
  totals: LedgerPage['totals'];
  /** Changes when new results replace the old ones: the grid scrolls back to the top. */
  dataKey: string;
  /** Rows first..last are in or near view. */
  onRangeChange: (first: number, last: number) => void;
  /** A click (or Enter) on a row opens its project. */
  onOpen: (projectId: string) => void;
}

export function LedgerTable({ table, totals, dataKey, onRangeChange, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Fixed-height rows: which are in view is arithmetic, not 100,000 measured offsets.
  const { first, last, totalHeight } = useRowWindow({
    count: totals.count,
    rowHeight: ROW_HEIGHT,
    offsetTop: HEADER_HEIGHT,
    overscan: OVERSCAN,
    scrollRef,
  });
  const shownIndexes: number[] = [];
  for (let index = first; index <= last; index++) shownIndexes.push(index);

  useEffect(() => {
    if (last < 0) return;
    const timer = setTimeout(() => onRangeChange(first, last), FETCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [first, last, onRangeChange]);

  // New results start at the top. A grid just mounted is there already: scrolling it would only
  // force a layout before the first paint.
  const topFor = useRef(dataKey);
  useEffect(() => {
    if (topFor.current === dataKey) return;
    topFor.current = dataKey;
    scrollRef.current?.scrollTo({ top: 0 });
  }, [dataKey]);

  const rowsById = table.getRowModel().rowsById;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const columnIds = table.getVisibleLeafColumns().map((c) => c.id);
  const gridStyle = {
    '--ledger-columns': ledgerGridTemplate(columnIds),
    '--ledger-row-height': `${ROW_HEIGHT}px`,
    '--ledger-header-height': `${HEADER_HEIGHT}px`,
  } as CSSProperties;

  return (
    <div
      ref={scrollRef}
      className="table-scroll ledger-scroll"
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

      <div role="rowgroup" className="ledger-body" style={{ height: totalHeight }}>
        {shownIndexes.map((index) => {
          const row = rowsById[String(index)];
          const style = { transform: `translateY(${index * ROW_HEIGHT}px)` };
          if (!row) {
            return (
              <div
                key={index}
                role="row"
                className="ledger-row placeholder"
                aria-rowindex={index + 2}
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
              key={index}
              role="row"
              className={index % 2 ? 'ledger-row odd clickable' : 'ledger-row clickable'}
              aria-rowindex={index + 2}
              style={style}
              tabIndex={0}
              onClick={() => onOpen(row.original.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onOpen(row.original.id);
              }}
            >
              {row.getVisibleCells().map((cell) => (
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
        <TotalsRow columnIds={columnIds} totals={totals} />
      </div>
    </div>
  );
}

/**
 * 合计: the count spans the columns up to the first amount column shown, each amount column shown
 * gets its sum, and the sum of an amount column that is hidden follows the count instead.
 */
function TotalsRow({
  columnIds,
  totals,
}: {
  columnIds: readonly string[];
  totals: LedgerPage['totals'];
}) {
  const yi = yiCell(totals.totalInvestmentCny);
  const wan = wanUsdCell(totals.contractedFdiUsd);
  const sums: Record<string, { cell: ReactNode; inline: ReactNode }> = {
    totalInvestment: {
      cell: (
        <>
          <span className="visually-hidden">总投资合计（亿元）</span>
          <span className="cell-text" title={`总投资合计 ${yiTitle(totals.totalInvestmentCny)}`}>
            {yi}
          </span>
        </>
      ),
      inline: <span className="ledger-totals-extra">总投资 {yi} 亿元</span>,
    },
    contractedFdiUsd: {
      cell: (
        <>
          <span className="visually-hidden">合同外资合计（万美元）</span>
          <span
            className="cell-text"
            title={`合同外资合计 ${wanUsdTitle(totals.contractedFdiUsd)}`}
          >
            {wan}
          </span>
        </>
      ),
      inline: <span className="ledger-totals-extra">合同外资 {wan} 万美元</span>,
    },
  };
  const hiddenSums = Object.keys(sums).filter((id) => !columnIds.includes(id));

  // Runs of columns without a sum become one spanning cell; the first run carries the label.
  const cells: ReactNode[] = [];
  let run = 0;
  const flush = (key: string) => {
    if (run === 0) return;
    const first = cells.length === 0;
    cells.push(
      <div
        key={key}
        role="cell"
        className={first ? 'ledger-td ledger-totals-label' : 'ledger-td'}
        style={{ gridColumn: `span ${run}` }}
      >
        {first ? (
          <span className="cell-text">
            <span className="totals-label">合计</span>
            项目数 <strong className="totals-count">{countText(totals.count)}</strong> 个
            {hiddenSums.map((id) => (
              <span key={id}>{sums[id]?.inline}</span>
            ))}
          </span>
        ) : null}
      </div>,
    );
    run = 0;
  };
  for (const id of columnIds) {
    const sum = sums[id];
    if (!sum) {
      run += 1;
      continue;
    }
    flush(`before-${id}`);
    cells.push(
      <div key={id} role="cell" className="ledger-td num">
        {sum.cell}
      </div>,
    );
  }
  flush('rest');

  return (
    <div
      role="row"
      className="ledger-row ledger-totals"
      aria-rowindex={totals.count + 2}
      aria-label="合计"
    >
      {cells}
    </div>
  );
}
