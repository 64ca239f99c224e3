// The 台账's table instance: the loaded rows, server-side sorting, and the columns' visibility,
// order and widths, all controlled by the screen so they survive a visit elsewhere and a saved view
// can set them. The grid and the 「列」 menu share it.
import { useTable } from '@tanstack/react-table';
import type {
  ColumnOrderState,
  ColumnSizingState,
  ColumnVisibilityState,
  OnChangeFn,
  ReactTable,
  SortingState,
} from '@tanstack/react-table';
import { ledgerColumns, ledgerFeatures } from './ledger-columns';
import type { LedgerItem } from './use-ledger-pages';

export type LedgerTableInstance = ReactTable<typeof ledgerFeatures, LedgerItem>;

const getRowId = (item: LedgerItem) => String(item.index);

interface Options {
  items: readonly LedgerItem[];
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  columnVisibility: ColumnVisibilityState;
  onColumnVisibilityChange: OnChangeFn<ColumnVisibilityState>;
  columnOrder: ColumnOrderState;
  onColumnOrderChange: OnChangeFn<ColumnOrderState>;
  columnSizing: ColumnSizingState;
  onColumnSizingChange: OnChangeFn<ColumnSizingState>;
}

export function useLedgerTable({
  items,
  sorting,
  onSortingChange,
  columnVisibility,
  onColumnVisibilityChange,
  columnOrder,
  onColumnOrderChange,
  columnSizing,
  onColumnSizingChange,
}: Options): LedgerTableInstance {
  return useTable({
    features: ledgerFeatures,
    columns: ledgerColumns,
    data: items,
    getRowId,
    state: { sorting, columnVisibility, columnOrder, columnSizing },
    onSortingChange,
    onColumnVisibilityChange,
    onColumnOrderChange,
    onColumnSizingChange,
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
  });
}
