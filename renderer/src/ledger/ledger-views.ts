// A saved view (视图) is the screen's filters, shown columns (in order, with the widths the user
// set) and sort under a name. These turn the
// screen's state into a view definition for view.save and a stored definition back into state; two
// states that would save the same definition are the same view.
import type {
  ColumnOrderState,
  ColumnSizingState,
  ColumnVisibilityState,
  SortingState,
} from '@tanstack/react-table';
import type { MethodArgs } from '../../../domain/contract';
import type { SavedView } from '../../../domain/views';
import { fullOrder, isSortableColumn, visibilityShowing, visibleColumnIds } from './ledger-columns';
import type { LedgerFilterValues } from './ledger-query';
import { filterQueryOf, filterValuesOf } from './ledger-query';

export interface LedgerViewState {
  filters: LedgerFilterValues;
  sorting: SortingState;
  columnVisibility: ColumnVisibilityState;
  columnOrder: ColumnOrderState;
  columnSizing: ColumnSizingState;
}

export type ViewDefinition = MethodArgs<'view.save'>['definition'];

/** ledger.query's own order, saved when no header sorts. */
const DEFAULT_SORT = { key: 'updatedAt', dir: 'desc' } as const;

export function definitionOf(state: LedgerViewState): ViewDefinition {
  const sort = state.sorting[0];
  const columns = visibleColumnIds(state.columnVisibility, state.columnOrder);
  const widths = Object.fromEntries(
    columns.flatMap((id) => {
      const width = state.columnSizing[id];
      return width === undefined ? [] : [[id, Math.round(width)]];
    }),
  );
  return {
    filters: filterQueryOf(state.filters),
    columns,
    ...(Object.keys(widths).length ? { widths } : {}),
    sort: sort ? { key: sort.id, dir: sort.desc ? 'desc' : 'asc' } : { ...DEFAULT_SORT },
  };
}

export function stateOfDefinition(definition: SavedView['definition']): LedgerViewState {
  const { filters, columns, widths, sort } = definition;
  const isDefault = sort.key === DEFAULT_SORT.key && sort.dir === DEFAULT_SORT.dir;
  return {
    filters: filterValuesOf(filters as Record<string, unknown>),
    // ledger.query's own order, or a key no column sorts by, is no header's sort.
    sorting:
      !isDefault && isSortableColumn(sort.key) ? [{ id: sort.key, desc: sort.dir === 'desc' }] : [],
    columnVisibility: visibilityShowing(columns),
    columnOrder: fullOrder(columns),
    columnSizing: Object.fromEntries(
      Object.entries(widths ?? {}).filter(([id]) => columns.includes(id)),
    ),
  };
}

/** Equal for two states that save the same view. */
export function viewKey(state: LedgerViewState): string {
  return JSON.stringify(definitionOf(state));
}

/** The saved view the screen shows right now, if any. */
export function currentView(
  views: readonly SavedView[],
  state: LedgerViewState,
): SavedView | undefined {
  const key = viewKey(state);
  return views.find((v) => viewKey(stateOfDefinition(v.definition)) === key);
}
