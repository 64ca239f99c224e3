// The demo's rows and what its generators pass one another.
import type { Region } from '../../domain/countries';
import type { OfficeKey, Ownership, Province } from '../../domain/vocabulary';
import type { NameStyle } from './data/people';
import type { Schedule } from './schedule';

export interface DemoOptions {
  projects: number;
  seed: number;
  /** ISO date the data is "as of", default '2021-06-30' */
  asOf?: string;
  /** The signed-in user: one of their office's promoters, with projects and follow-ups of their own. */
  user?: { name: string; office: OfficeKey };
  /**
   * Rows entered at this moment (epoch ms), as the app stamps them, one millisecond apart: ids then
   * sort by entry, not by each row's own date. The benchmark's office files are such a week's work.
   */
  enteredAtMs?: number;
}

export type DemoTable =
  | 'promoter'
  | 'investor'
  | 'contact'
  | 'project'
  | 'activity'
  | 'task'
  | 'capital_arrival'
  | 'key_investment';

/** A row of a synced table: snake_case columns of db/synced-tables.ts. */
export interface DemoRow {
  table: DemoTable;
  id: string;
  fields: Record<string, string | number | null>;
}

export interface Promoter {
  id: string;
  name: string;
}

export interface Investor {
  id: string;
  nameZh: string;
  short: string;
  shortEn: string | null;
  flags: string;
  country: string;
  region: Region;
  province: Province | null;
  ownership: Ownership | null;
  industry: number;
  city: string;
  /** Index in officeKeys of the office most likely to follow it. */
  office: number;
  big: boolean;
  style: NameStyle;
  /** Projects given to it so far. */
  projects: number;
}

/** A project as its children need it. */
export interface ProjectPlan {
  id: string;
  /** 西门子高端装备制造二期项目 */
  name: string;
  investor: Investor;
  foreign: boolean;
  schedule: Schedule;
  office: OfficeKey;
  owner: Promoter;
  /** The office's promoters, owner among them. */
  staff: readonly Promoter[];
  totalCny: number;
  contractedFdiUsd: number | null;
}
