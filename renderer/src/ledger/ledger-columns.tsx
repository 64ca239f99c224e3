// The 台账's columns, every column of the Excel export (domain/ledger-columns.ts names them): header
// (with the unit for amounts), how each cell shows its value, its default width, and which way a
// first click sorts (amounts, size and date: largest and latest first). A column sorts only where
// ledger.query has an index for it. Every column but 项目名称 can be hidden, moved and resized.
import {
  columnOrderingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { ColumnOrderState, ColumnVisibilityState } from '@tanstack/react-table';
import { tierLabels } from '../../../domain/classify';
import { countryByCode, regionLabels } from '../../../domain/countries';
import type { LedgerSortKey } from '../../../domain/ledger';
import {
  defaultLedgerColumns,
  isLedgerColumnKey,
  ledgerColumnKeys,
} from '../../../domain/ledger-columns';
import type { LedgerColumnKey, OptionalSum } from '../../../domain/ledger-columns';
import { stageLabels } from '../../../domain/lifecycle';
import { areaCell, dayOf, wanUsdUnit, wanYuanUnit, yiUnit } from './ledger-format';
import type { AmountUnit } from './ledger-format';
import type { LedgerItem } from './use-ledger-pages';

export const ledgerFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  columnSizingFeature,
});

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

const flag = (v: boolean | null) => (v === null ? null : v ? '是' : '否');

/** Whether a column sorts (where ledger.query has an index for it), and which way first. */
type Sorting = 'none' | 'asc' | 'desc';
const sortingOptions = {
  none: { enableSorting: false },
  asc: {},
  desc: { sortDescFirst: true },
} as const;

/** A text column read straight from the row. */
function plain<K extends TextKey>(id: K, header: string, sorting: Sorting = 'none') {
  return helper.accessor(id, {
    id,
    header,
    ...sortingOptions[sorting],
    cell: (c) => text(c.getValue() as string | null),
  });
}
type TextKey = {
  [K in keyof LedgerItem]: LedgerItem[K] extends string | null ? K : never;
}[keyof LedgerItem] &
  LedgerColumnKey;

const amountText = (unit: AmountUnit, value: number | null) =>
  text(unit.cell(value), unit.title(value));

/** An amount column: the figure in the header's unit. */
function amount<K extends AmountKey>(
  key: K,
  id: LedgerColumnKey,
  header: string,
  unit: AmountUnit,
  sorting: Sorting,
) {
  return helper.accessor(key, {
    id,
    header,
    ...sortingOptions[sorting],
    cell: (c) => amountText(unit, c.getValue() as number | null),
  });
}
type AmountKey = {
  [K in keyof LedgerItem]: LedgerItem[K] extends number | null ? K : never;
}[keyof LedgerItem];

export const ledgerColumns = helper.columns([
  plain('code', '项目编号', 'asc'),
  plain('projectCode', '项目代码'),
  helper.accessor('name', {
    id: 'name',
    header: '项目名称',
    enableHiding: false,
    cell: (c) => text(c.getValue()),
  }),
  plain('investor', '投资方', 'asc'),
  helper.accessor('region', {
    id: 'region',
    header: '国别/地区',
    // The project's own country is an override of its investor group's HQ: shown beside the region.
    cell: (c) => {
      const region = c.getValue();
      const country = c.row.original.country;
      const name = country ? (countryByCode(country)?.nameZh ?? country) : undefined;
      if (!region) return text(name);
      if (!name) return text(regionLabels[region], `${regionLabels[region]}（按投资方集团总部）`);
      return text(`${regionLabels[region]}·${name}`, `${name}：项目自填国别/地区，覆盖集团总部`);
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
  amount('totalInvestmentCny', 'totalInvestment', '总投资（亿元）', yiUnit, 'desc'),
  amount('contractedFdiUsd', 'contractedFdiUsd', '合同外资（万美元）', wanUsdUnit, 'desc'),
  helper.accessor('stage', {
    id: 'stage',
    header: '阶段',
    cell: (c) => text(stageLabels[c.getValue()]),
  }),
  plain('office', '驻点', 'asc'),
  plain('owner', '招商责任人', 'asc'),
  plain('signedOn', '签约日期', 'desc'),
  plain('investorParent', '母公司'),
  plain('province', '省份'),
  plain('city', '城市'),
  plain('ownership', '企业性质'),
  plain('capitalType', '资本类别'),
  plain('industry', '产业', 'asc'),
  helper.accessor('industrial', {
    id: 'industrial',
    header: '产业项目',
    enableSorting: false,
    cell: (c) => text(flag(c.getValue())),
  }),
  plain('projectType', '项目类型'),
  helper.accessor((r) => (r.investmentCurrency === 'USD' ? r.totalInvestment : null), {
    id: 'totalInvestmentUsd',
    header: '总投资（万美元）',
    enableSorting: false,
    cell: (c) => amountText(wanUsdUnit, c.getValue()),
  }),
  amount('paidInFdiUsd', 'paidInFdiUsd', '实到外资（万美元）', wanUsdUnit, 'none'),
  amount('domesticCapitalCny', 'domesticCapitalCny', '市外内资（万元）', wanYuanUnit, 'none'),
  helper.accessor('landAreaMu', {
    id: 'landAreaMu',
    header: '用地（亩）',
    enableSorting: false,
    cell: (c) => text(areaCell(c.getValue())),
  }),
  plain('platform', '承接平台'),
  helper.accessor('channel', {
    id: 'channel',
    header: '招商方式',
    enableSorting: false,
    cell: (c) => text(c.getValue()),
  }),
  plain('referrer', '引荐人'),
  plain('agent', '委托机构'),
  plain('fairEdition', '展会届次'),
  plain('registeredOn', '注册日期'),
  plain('landSuppliedOn', '供地日期'),
  plain('startedOn', '开工日期'),
  plain('completedOn', '竣工日期'),
  plain('producingOn', '投产日期'),
  plain('techApprovedOn', '技改批复日期'),
  plain('terminatedOn', '终止日期'),
  plain('terminationReason', '终止原因'),
  helper.accessor('leaderProject', {
    id: 'leaderProject',
    header: '省市县长工程',
    enableSorting: false,
    cell: (c) => text(flag(c.getValue())),
  }),
  plain('problems', '存在问题'),
  plain('nextSteps', '下一步工作'),
  helper.accessor('updatedAt', {
    id: 'updatedAt',
    header: '更新日期',
    sortDescFirst: true,
    cell: (c) => text(dayOf(c.getValue())),
  }),
]);

export type LedgerColumnId = LedgerColumnKey;

interface ColumnLayout {
  /** Default width in pixels; a column that grows takes at least this much. */
  size: number;
  /** Shares the room left over (as a CSS fr) until the user sets its width. */
  grow?: number;
  numeric?: boolean;
  /** Summed in the totals row: the two always-there totals, or one asked for while shown. */
  sum?: 'totalInvestmentCny' | 'contractedFdiUsd' | OptionalSum;
}

const dateLayout: ColumnLayout = { size: 96, numeric: true };

export const ledgerLayout: Record<LedgerColumnId, ColumnLayout> = {
  code: { size: 100 },
  projectCode: { size: 190 },
  name: { size: 180, grow: 1.25 },
  investor: { size: 150, grow: 1 },
  region: { size: 74 },
  tier: { size: 76 },
  totalInvestment: { size: 116, numeric: true, sum: 'totalInvestmentCny' },
  contractedFdiUsd: { size: 146, numeric: true, sum: 'contractedFdiUsd' },
  stage: { size: 56 },
  office: { size: 56 },
  owner: { size: 92 },
  signedOn: dateLayout,
  investorParent: { size: 150 },
  province: { size: 72 },
  city: { size: 80 },
  ownership: { size: 90 },
  capitalType: { size: 80 },
  industry: { size: 120 },
  industrial: { size: 80 },
  projectType: { size: 80 },
  totalInvestmentUsd: { size: 130, numeric: true, sum: 'totalInvestmentUsd' },
  paidInFdiUsd: { size: 146, numeric: true, sum: 'paidInFdiUsd' },
  domesticCapitalCny: { size: 132, numeric: true, sum: 'domesticCapitalCny' },
  landAreaMu: { size: 96, numeric: true, sum: 'landAreaMu' },
  platform: { size: 140 },
  channel: { size: 90 },
  referrer: { size: 80 },
  agent: { size: 100 },
  fairEdition: { size: 100 },
  registeredOn: dateLayout,
  landSuppliedOn: dateLayout,
  startedOn: dateLayout,
  completedOn: dateLayout,
  producingOn: dateLayout,
  techApprovedOn: { ...dateLayout, size: 104 },
  terminatedOn: dateLayout,
  terminationReason: { size: 140 },
  leaderProject: { size: 104 },
  problems: { size: 200 },
  nextSteps: { size: 200 },
  updatedAt: dateLayout,
};

export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 800;

export function layoutOf(columnId: string): ColumnLayout {
  return ledgerLayout[columnId as LedgerColumnId] ?? { size: 100 };
}

/** Every column id, in the default order. */
export const ledgerColumnIds: readonly LedgerColumnId[] = ledgerColumnKeys;

/** The column that is always shown. */
export const ALWAYS_SHOWN: LedgerColumnId = 'name';

/** The header text of a column (with its unit), as the 「列」 menu and saved views name it. */
export const ledgerHeaders: Record<LedgerColumnId, string> = Object.fromEntries(
  ledgerColumns.map((c) => [(c as { id: string }).id, String((c as { header?: unknown }).header)]),
) as Record<LedgerColumnId, string>;

export function isLedgerColumnId(id: string): id is LedgerColumnId {
  return isLedgerColumnKey(id);
}

/** Sort keys of ledger.query that have a column. */
export function isSortableColumn(id: string): id is LedgerSortKey & LedgerColumnId {
  return ledgerColumns.some(
    (c) =>
      (c as { id: string }).id === id && (c as { enableSorting?: boolean }).enableSorting !== false,
  );
}

/**
 * The grid's tracks for the columns shown: the user's width where set, else the default width, the
 * growing columns sharing what is left. Also the least width the row needs (for sideways scroll).
 */
export function ledgerGridTemplate(
  visibleIds: readonly string[],
  sizing: Readonly<Record<string, number>>,
): { template: string; minWidth: number } {
  let minWidth = 0;
  const tracks = visibleIds.map((id) => {
    const layout = layoutOf(id);
    const set = sizing[id];
    minWidth += set ?? layout.size;
    if (set !== undefined) return `${set}px`;
    return layout.grow ? `minmax(${layout.size}px, ${layout.grow}fr)` : `${layout.size}px`;
  });
  return { template: tracks.join(' '), minWidth };
}

/** The ids of the columns shown, in display order. */
export function visibleColumnIds(
  visibility: ColumnVisibilityState,
  order: ColumnOrderState,
): LedgerColumnId[] {
  return fullOrder(order).filter((id) => id === ALWAYS_SHOWN || visibility[id] !== false);
}

/** Every column id once: those of `order` first (unknown ids dropped), the rest in default order. */
export function fullOrder(order: readonly string[]): LedgerColumnId[] {
  const known = [...new Set(order.filter(isLedgerColumnId))];
  return [...known, ...ledgerColumnIds.filter((id) => !known.includes(id))];
}

/** Visibility that shows exactly these columns (项目名称 always; none known: the default ones). */
export function visibilityShowing(ids: readonly string[]): ColumnVisibilityState {
  const shown = new Set(ids.filter(isLedgerColumnId));
  if (shown.size === 0) for (const id of defaultLedgerColumns) shown.add(id);
  const visibility: ColumnVisibilityState = {};
  for (const id of ledgerColumnIds) {
    if (id !== ALWAYS_SHOWN && !shown.has(id)) visibility[id] = false;
  }
  return visibility;
}

/** What a new user sees: the first eleven columns. */
export const defaultVisibility: ColumnVisibilityState = visibilityShowing(defaultLedgerColumns);

/** The optional sums (ledger.query `sums`) of the columns shown. */
export function sumsShown(visibleIds: readonly string[]): OptionalSum[] {
  const sums: OptionalSum[] = [];
  for (const id of visibleIds) {
    const sum = layoutOf(id).sum;
    if (sum && sum !== 'totalInvestmentCny' && sum !== 'contractedFdiUsd') sums.push(sum);
  }
  return sums;
}
