// The 台账 export's rows: the projects read in the order asked, with what the 台账 derives for them
// (母公司, 城市, 实到外资, 市外内资) in one statement, and how each sheet column reads its value.
import { regionLabels } from '../../../domain/countries';
import type { Region } from '../../../domain/countries';
import { countryByCode } from '../../../domain/countries';
import { tierLabels } from '../../../domain/classify';
import type { Tier } from '../../../domain/classify';
import type { ledgerColumns } from '../../../domain/excel/sheet-layout';
import { stageLabels } from '../../../domain/lifecycle';
import type { Stage } from '../../../domain/lifecycle';
import { fromBaseUnits } from '../../../domain/excel/cell-values';
import type { AmountUnit } from '../../../domain/excel/cell-values';
import { snake } from '../../../domain/column-names';
import {
  capitalTypes,
  labelOf,
  offices,
  projectFieldVocabularies,
} from '../../../domain/vocabulary';
import type { Sql } from '../../sql';
import { syncedTables } from '../../synced-tables';
import { DOMESTIC_CAPITAL_CNY, PAID_IN_FDI_USD } from '../arrival-sums';
import { effectiveCityOf, investorParentOf } from '../ledger';

export type Row = Record<string, string | number | null>;

const flag = (v: unknown) => (v === 1 ? '是' : v === 0 ? '否' : null);
const day = (v: unknown) =>
  typeof v === 'string' && v ? new Date(`${v.slice(0, 10)}T00:00:00Z`) : null;

/** The calendar day of a timestamp on this computer's clock, as a date cell. */
function localDay(timestamp: string): Date | null {
  const t = new Date(timestamp);
  if (Number.isNaN(t.getTime())) return null;
  return new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate()));
}

export type Reader = (row: Row, seq: number) => string | number | Date | null;

const text =
  (col: string): Reader =>
  (row) =>
    (row[col] as string | null) ?? null;
const label =
  (list: readonly { key: string; label: string }[], col: string): Reader =>
  (row) =>
    labelOf(list, (row[col] as string | null) ?? null);
const amount =
  (col: string, unit: AmountUnit): Reader =>
  (row) =>
    row[col] === null || row[col] === undefined ? null : fromBaseUnits(Number(row[col]), unit);

/** How a column reads its value from a project row; made once per column, not per cell. */
export function readerFor(
  source: (typeof ledgerColumns)[number]['source'],
  unit: (typeof ledgerColumns)[number]['unit'],
): Reader {
  switch (source) {
    case 'seq':
      return (_row, seq) => seq;
    case 'country':
      return (row) =>
        row.country ? (countryByCode(String(row.country))?.nameZh ?? String(row.country)) : null;
    case 'region':
      return (row) => (row.region ? regionLabels[row.region as Region] : null);
    case 'tier':
      return (row) => (row.tier && row.tier !== 'none' ? tierLabels[row.tier as Tier] : null);
    case 'office':
      return label(offices, 'office_id');
    case 'capitalType':
      // 市外内资 stays distinct from 内资, so that the sheet comes back in as it went out.
      return (row) =>
        row.capital_type === 'domestic' && row.city_outside === 1
          ? '市外内资'
          : labelOf(capitalTypes, (row.capital_type as string | null) ?? null);
    case 'industrial':
      return (row) => flag(row.industrial);
    case 'leaderProject':
      return (row) => flag(row.leader_project);
    case 'stage':
      return (row) => stageLabels[((row.stage as string | null) ?? 'lead') as Stage];
    case 'investor':
      return text('investor_name');
    case 'owner':
      return text('owner_name');
    case 'city':
      return text('effective_city');
    case 'total': {
      if (unit === '亿元') return amount('total_cny', '亿元');
      const usd = amount('total_investment', '万美元');
      return (row, seq) => (row.investment_currency === 'USD' ? usd(row, seq) : null);
    }
    case 'contractedFdiUsd':
      return amount('contracted_fdi_usd', '万美元');
    case 'paidInFdiUsd':
      return (row, seq) => (row.paid_in_usd ? amount('paid_in_usd', '万美元')(row, seq) : null);
    case 'domesticCapitalCny':
      return (row, seq) => (row.domestic_cny ? amount('domestic_cny', '万元')(row, seq) : null);
    case 'landAreaMu':
      return (row) => (row.land_area_mu as number | null) ?? null;
    case 'updatedAt':
      // A timestamp: the day it was on this computer's clock, not in UTC.
      return (row) => (typeof row.updated_at === 'string' ? localDay(row.updated_at) : null);
    default: {
      const col = snake(source);
      const vocabulary = projectFieldVocabularies.get(source);
      if (vocabulary) return label(vocabulary, col);
      return source.endsWith('On') ? (row) => day(row[col]) : text(col);
    }
  }
}

/** Every column of a project row but its search text (160 characters a row the sheet never shows). */
const projectColumns = [
  'id',
  ...Object.keys(syncedTables.project.columns),
  ...syncedTables.project.derived.filter((c) => c !== 'search_text'),
]
  .map((c) => `p.${c}`)
  .join(', ');

/**
 * The rows of these projects in this order, with their 母公司 and 城市 as the 台账 shows them, and
 * their 实到外资 and 市外内资 (arrival-sums.ts's sums, grouped over just these projects' arrivals
 * in the same statement).
 */
export function readExportRows(sql: Sql, rowids: number[], rates: string): Row[] {
  const rows = sql
    .prepare(
      `SELECT p.rowid AS rid, ${projectColumns}, ${investorParentOf('p')} AS investor_parent,
         ${effectiveCityOf('p')} AS effective_city, s.paid_in_usd, s.domestic_cny
       FROM project p
       LEFT JOIN (
         SELECT a.project_id, ${PAID_IN_FDI_USD} AS paid_in_usd,
           ${DOMESTIC_CAPITAL_CNY} AS domestic_cny
         FROM capital_arrival a
         WHERE a.deleted = 0 AND a.project_id IN
           (SELECT id FROM project WHERE rowid IN (SELECT value FROM json_each(@ids)))
         GROUP BY a.project_id
       ) s ON s.project_id = p.id
       WHERE p.rowid IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ ids: JSON.stringify(rowids), rates }) as Row[];
  const position = new Map(rowids.map((id, i) => [id, i]));
  return rows.sort((a, b) => position.get(a.rid as number)! - position.get(b.rid as number)!);
}

/** Each of these projects' office (by rowid). */
export function officesOf(sql: Sql, rowids: number[]): Map<number, string | null> {
  const rows = sql
    .prepare(
      'SELECT rowid, office_id FROM project WHERE rowid IN (SELECT value FROM json_each(@ids))',
    )
    .raw(true)
    .all({ ids: JSON.stringify(rowids) }) as [number, string | null][];
  return new Map(rows);
}
