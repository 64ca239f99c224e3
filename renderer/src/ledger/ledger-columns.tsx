// The 台账's columns: header (with the unit for amounts), how each cell shows its value, its width,
// and which way a first click sorts (amounts, size and date: largest and latest first). Column ids
// are ledger.query's sort keys. Every column but 项目名称 can be hidden (the 「列」 menu).
import {
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { tierLabels } from '../../../domain/classify';
import { countryByCode, regionLabels } from '../../../domain/countries';
import type { LedgerSortKey } from '../../../domain/ledger';
import { stageLabels } from '../../../domain/lifecycle';
import { wanUsdCell, wanUsdTitle, yiCell, yiTitle } from './ledger-format';
import type { LedgerItem } from './use-ledger-pages';

export const ledgerFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature });

const helper = createColumnHelper<typeof ledgerFeatures, LedgerItem>();

/** One line, cut with … when too long; the whole text is the tooltip. */
function text(value: string | null | undefined, title: string | undefined = value ?? undefined) {
  if (!value) return null;
  return (
    <span className="cell-text" title={title}>
      {value}
    </span>
  );
}

export const ledgerColumns = helper.columns([
  helper.accessor('code', { id: 'code', header: '项目编号', cell: (c) => text(c.getValue()) }),
  helper.accessor('name', {
    id: 'name',
    header: '项目名称',
    enableHiding: false,
    cell: (c) => text(c.getValue()),
  }),
  helper.accessor('investor', {
    id: 'investor',
    header: '投资方',
    cell: (c) => text(c.getValue()),
  }),
  helper.accessor('region', {
    id: 'region',
    header: '国别/地区',
    cell: (c) => {
      const region = c.getValue();
      const country = c.row.original.country;
      const name = country ? (countryByCode(country)?.nameZh ?? country) : undefined;
      return text(region ? regionLabels[region] : name, name);
    },
  }),
  helper.accessor('tier', {
    id: 'tier',
    header: '规模',
    sortDescFirst: true,
    cell: (c) => {
      const tier = c.getValue();
      return text(tier ? tierLabels[tier] : null);
    },
  }),
  helper.accessor('totalInvestmentCny', {
    id: 'totalInvestment',
    header: '总投资（亿元）',
    sortDescFirst: true,
    cell: (c) => text(yiCell(c.getValue()), yiTitle(c.getValue())),
  }),
  helper.accessor('contractedFdiUsd', {
    id: 'contractedFdiUsd',
    header: '合同外资（万美元）',
    sortDescFirst: true,
    cell: (c) => text(wanUsdCell(c.getValue()), wanUsdTitle(c.getValue())),
  }),
  helper.accessor('stage', {
    id: 'stage',
    header: '阶段',
    cell: (c) => text(stageLabels[c.getValue()]),
  }),
  helper.accessor('office', { id: 'office', header: '驻点', cell: (c) => text(c.getValue()) }),
  helper.accessor('owner', { id: 'owner', header: '招商责任人', cell: (c) => text(c.getValue()) }),
  helper.accessor('signedOn', {
    id: 'signedOn',
    header: '签约日期',
    sortDescFirst: true,
    cell: (c) => text(c.getValue()),
  }),
]);

/** Every sort key but the two without a column. */
export type LedgerColumnId = Exclude<LedgerSortKey, 'industry' | 'updatedAt'>;

interface ColumnLayout {
  /** A CSS grid track. */
  width: string;
  numeric?: boolean;
}

export const ledgerLayout: Record<LedgerColumnId, ColumnLayout> = {
  code: { width: '100px' },
  name: { width: 'minmax(180px, 1.25fr)' },
  investor: { width: 'minmax(150px, 1fr)' },
  region: { width: '74px' },
  tier: { width: '76px' },
  totalInvestment: { width: '116px', numeric: true },
  contractedFdiUsd: { width: '146px', numeric: true },
  stage: { width: '56px' },
  office: { width: '56px' },
  owner: { width: '92px' },
  signedOn: { width: '96px', numeric: true },
};

export function layoutOf(columnId: string): ColumnLayout {
  return ledgerLayout[columnId as LedgerColumnId] ?? { width: '100px' };
}

/** Every column id, in display order. */
export const ledgerColumnIds: readonly LedgerColumnId[] = ledgerColumns.map(
  (c) => (c as { id: string }).id as LedgerColumnId,
);

/** The column that is always shown. */
export const ALWAYS_SHOWN: LedgerColumnId = 'name';

/** The header text of a column (with its unit), as the 「列」 menu and saved views name it. */
export const ledgerHeaders: Record<LedgerColumnId, string> = Object.fromEntries(
  ledgerColumns.map((c) => [(c as { id: string }).id, String((c as { header?: unknown }).header)]),
) as Record<LedgerColumnId, string>;

export function isLedgerColumnId(id: string): id is LedgerColumnId {
  return (ledgerColumnIds as readonly string[]).includes(id);
}

/** The grid's tracks for the columns shown. */
export function ledgerGridTemplate(visibleIds: readonly string[]): string {
  return visibleIds.map((id) => layoutOf(id).width).join(' ');
}

/** The ids of the columns shown, in display order; only an explicit false hides a column. */
export function visibleColumnIds(visibility: ColumnVisibilityState): LedgerColumnId[] {
  return ledgerColumnIds.filter((id) => id === ALWAYS_SHOWN || visibility[id] !== false);
}

/** Visibility that shows exactly these columns (项目名称 always; none known: all). */
export function visibilityShowing(ids: readonly string[]): ColumnVisibilityState {
  const shown = new Set(ids.filter(isLedgerColumnId));
  if (shown.size === 0) return {};
  const visibility: ColumnVisibilityState = {};
  for (const id of ledgerColumnIds) {
    if (id !== ALWAYS_SHOWN && !shown.has(id)) visibility[id] = false;
  }
  return visibility;
}
