// A drill-down request: which figure was clicked (its title, shown over the list) and the
// dashboard.drill targets whose projects it counts. Some figures are the union of several targets
// (a funnel stage "or further") or a subset of one (months with 合同外资 only).
import { createContext, useContext } from 'react';
import type { DrillTarget } from '../../../domain/dashboard';
import type { LedgerRow } from '../../../domain/ledger';

export interface DrillRequest {
  title: string;
  targets: DrillTarget[];
  /** Keeps only the rows the figure counts, when a target lists more. */
  keep?: (row: LedgerRow) => boolean;
  /** The figure as shown; the dialog notes when the list names fewer (a project counted twice). */
  expected?: number;
}

export const DrillContext = createContext<(request: DrillRequest) => void>(() => {});

export function useDrill(): (request: DrillRequest) => void {
  return useContext(DrillContext);
}
