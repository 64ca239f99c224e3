// Kysely's view of the database, derived from the synced-table registry so the two cannot drift.
import type { ColumnType as KyselyColumn, Kysely } from 'kysely';
import type { ColumnType, SyncedTable, syncedTables } from './synced-tables';

type SqlValue<T> = T extends ColumnType ? (T extends 'text' ? string : number) : never;

type SyncedRow<T extends SyncedTable> = { id: string } & {
  [C in keyof (typeof syncedTables)[T]['columns']]: C extends 'deleted'
    ? KyselyColumn<number, number | undefined, number>
    : SqlValue<(typeof syncedTables)[T]['columns'][C]> | null;
};

export interface ProjectDerived {
  /** SQLite's implicit row number: read by the ledger to page by index, never written. */
  rowid: KyselyColumn<number, never, never>;
  region: string | null;
  tier: string | null;
  total_cny: number | null;
  search_text: string | null;
  investor_name: string | null;
  owner_name: string | null;
  updated_at: string | null;
  /** The latest actual milestone date (签约 … 投产), for the 看板. */
  last_actual_on: string | null;
  /** The furthest milestone with an actual date, else 线索 / 在谈 (for the 看板's funnel). */
  dated_stage: string | null;
  /** Where the region comes from (domain/source-region.ts): override, group or domestic. */
  region_source: string | null;
  /** HQ country of the investor group's ultimate parent. */
  group_country: string | null;
  /** The investor group's ultimate parent, when the investor has a parent. */
  group_parent_id: string | null;
  /** 1 when the project's domestic money is 市外 (override, else project's or investor's city). */
  city_outside: number | null;
  /** Bits of db/services/project-groups.ts: investor-group flags and 长三角. */
  group_flags: number;
  /** Investor and name as a ledger matches them (domain/project-match.ts). */
  match_key: string | null;
}

export interface InvestorDerived {
  /** Names, aliases and 统一社会信用代码 folded for search, with pinyin (db/search-fold.ts). */
  search_text: string | null;
}

export interface ArrivalDerived {
  /** 1 when the arrival counts as 市外内资: its override, else its project's city_outside. */
  outside_counted: number | null;
}

export type Schema = {
  [T in Exclude<SyncedTable, 'project' | 'capital_arrival' | 'investor'>]: SyncedRow<T>;
} & {
  investor: SyncedRow<'investor'> & InvestorDerived;
  project: SyncedRow<'project'> & ProjectDerived;
  capital_arrival: SyncedRow<'capital_arrival'> & ArrivalDerived;
  sync_meta: { key: string; value: string };
  saved_view: { id: string; name: string; definition: string; created_at: string };
  sync_vv: { origin: string; max_seq: number };
  sync_change: {
    origin: string;
    seq: number;
    hlc: string;
    tbl: string;
    row_id: string;
    fields: string;
    prev: string;
    author: string | null;
  };
};

export type QueryBuilder = Kysely<Schema>;
export type Row<T extends keyof Schema> = {
  [C in keyof Schema[T]]: Schema[T][C] extends KyselyColumn<infer S, unknown, unknown>
    ? S
    : Schema[T][C];
};
