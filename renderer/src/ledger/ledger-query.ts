// The ledger screen's filter state and how it and the table's sorting become a ledger.query input.
import type { SortingState } from '@tanstack/react-table';
import type { Tier } from '../../../domain/classify';
import type { Region } from '../../../domain/countries';
import type { LedgerQuery, LedgerSortKey } from '../../../domain/ledger';
import type { Stage } from '../../../domain/lifecycle';
import type { OfficeKey } from '../../../domain/vocabulary';

export interface LedgerFilterValues {
  /** Free text over name, code and investor. */
  q: string;
  region: Region | '';
  tier: Tier | '';
  stage: Stage | '';
  office: OfficeKey | '';
}

export const noFilters: LedgerFilterValues = { q: '', region: '', tier: '', stage: '', office: '' };

export function hasFilters(f: LedgerFilterValues): boolean {
  return f.q.trim() !== '' || f.region !== '' || f.tier !== '' || f.stage !== '' || f.office !== '';
}

/** Everything but the page window; the table's column ids are the query's sort keys. */
export type LedgerBaseQuery = Omit<LedgerQuery, 'offset' | 'limit'>;

export function ledgerQueryOf(f: LedgerFilterValues, sorting: SortingState): LedgerBaseQuery {
  const query: LedgerBaseQuery = {};
  const q = f.q.trim();
  if (q) query.q = q;
  if (f.region) query.region = f.region;
  if (f.tier) query.tier = f.tier;
  if (f.stage) query.stage = f.stage;
  if (f.office) query.office = f.office;
  const sort = sorting[0];
  if (sort) query.sort = { key: sort.id as LedgerSortKey, dir: sort.desc ? 'desc' : 'asc' };
  return query;
}
