// The 台账 grid: a sticky header whose buttons sort on the server, only the rows in or near view
// rendered (loaded rows from the page cache, grey placeholders for rows still on their way) and a
// sticky totals row for the whole filter. Only the columns shown take a grid track, in their order
// and at their width; dragging a header's right edge sets the width. Only the
// summable columns shown get a total.
import { useEffect, useRef } from 'react';
import type { CSSProperties, PointerEvent, ReactNode } from 'react';
import type { LedgerPage } from '../../../domain/ledger';
import {
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  isSortableColumn,
  layoutOf,
  ledgerGridTemplate,
  ledgerHeaders,
} from './ledger-columns';
import type { LedgerColumnId } from './ledger-columns';
import { areaCell, countText, wanUsdUnit, wanYuanUnit, yiUnit } from './ledger-format';
import type { AmountUnit } from './ledger-format';
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
  const sizing = table.options.state?.columnSizing ?? {};
  const grid = ledgerGridTemplate(columnIds, sizing);
  const setWidth = (id: string, width: number) =>
    table.setColumnSizing((old) => ({
      ...old,
      [id]: Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width))),
    }));
  const gridStyle = {
    '--ledger-columns': grid.template,
    '--ledger-min-width': `${grid.minWidth}px`,
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
            const id = header.column.id;
            const sorted = header.column.getIsSorted();
            const numeric = layoutOf(id).numeric;
            return (
              <div
                key={header.id}
                role="columnheader"
                data-column={id}
                className={numeric ? 'ledger-th num' : 'ledger-th'}
                aria-sort={
                  sorted === 'asc'
                    ? 'ascending'
                    : sorted === 'desc'
                      ? 'descending'
                      : isSortableColumn(id)
                        ? 'none'
                        : undefined
                }
              >
                {isSortableColumn(id) ? (
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
                ) : (
                  <span className="ledger-th-text">
                    <table.FlexRender header={header} />
                  </span>
                )}
                <ResizeHandle
                  columnId={id}
                  width={() =>
                    scrollRef.current
                      ?.querySelector<HTMLElement>(`[data-column="${id}"]`)
                      ?.getBoundingClientRect().width ?? layoutOf(id).size
                  }
                  onWidth={(width) => setWidth(id, width)}
                  onReset={() => header.column.resetSize()}
                />
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
 * A header's right edge: drag it to set the column's width; a double click resets it. Hidden from
 * assistive technology, so the header's name stays its text alone.
 */
function ResizeHandle({
  columnId,
  width,
  onWidth,
  onReset,
}: {
  columnId: string;
  /** The column's width on screen now. */
  width: () => number;
  onWidth: (width: number) => void;
  onReset: () => void;
}) {
  const header = ledgerHeaders[columnId as LedgerColumnId] ?? columnId;
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const handle = e.currentTarget;
    const startX = e.clientX;
    const start = width();
    handle.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => onWidth(start + ev.clientX - startX);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };
  return (
    <div
      aria-hidden="true"
      title={`拖动调整「${header}」的列宽，双击恢复`}
      data-resize={columnId}
      className="ledger-resize"
      onPointerDown={onPointerDown}
      onDoubleClick={onReset}
      onClick={(e) => e.stopPropagation()}
    />
  );
}

/** How each summable column shows its total, and says what it is to a screen reader. */
function sumCell(
  id: string,
  totals: LedgerPage['totals'],
): { text: string; title: string | undefined; label: string } | null {
  const sum = layoutOf(id).sum;
  if (!sum) return null;
  const value = totals[sum];
  if (value === undefined) return null;
  const header = ledgerHeaders[id as LedgerColumnId] ?? id;
  const label = header.replace('（', '合计（');
  if (sum === 'landAreaMu') {
    return { text: areaCell(value), title: `${label} ${areaCell(value)}`, label };
  }
  const unit: AmountUnit =
    sum === 'totalInvestmentCny' ? yiUnit : sum === 'domesticCapitalCny' ? wanYuanUnit : wanUsdUnit;
  return { text: unit.cell(value), title: `${label} ${unit.title(value) ?? ''}`, label };
}

/**
 * 合计: the count spans the columns up to the first summable column shown, each summable column
 * shown gets its total; hidden columns are not totalled.
 */
function TotalsRow({
  columnIds,
  totals,
}: {
  columnIds: readonly string[];
  totals: LedgerPage['totals'];
}) {
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
          </span>
        ) : null}
      </div>,
    );
    run = 0;
  };
  for (const id of columnIds) {
    const sum = sumCell(id, totals);
    if (!sum) {
      run += 1;
      continue;
    }
    flush(`before-${id}`);
    cells.push(
      <div key={id} role="cell" className="ledger-td num" data-sum={id}>
        <span className="visually-hidden">{sum.label}</span>
        <span className="cell-text" title={sum.title}>
          {sum.text}
        </span>
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
