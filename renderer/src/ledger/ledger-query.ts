// The ledger screen's filter state and how it and the table's sorting become a ledger.query input.
// The screen picks one value per filter; ledger.query (and a saved view) may hold a list, of which
// the screen shows the first.
import type { SortingState } from '@tanstack/react-table';
import { tierOrder } from '../../../domain/classify';
import type { Tier } from '../../../domain/classify';
import { regionOrder } from '../../../domain/countries';
import type { Region } from '../../../domain/countries';
import type { LedgerQuery, LedgerSortKey } from '../../../domain/ledger';
import { stageOrder } from '../../../domain/lifecycle';
import type { Stage } from '../../../domain/lifecycle';
import { channels, investorFlags, offices, ownerships } from '../../../domain/vocabulary';
import type { Channel, InvestorFlag, OfficeKey, Ownership } from '../../../domain/vocabulary';

export interface LedgerFilterValues {
  /** Free text over name, code and investor. */
  q: string;
  region: Region | '';
  tier: Tier | '';
  stage: Stage | '';
  office: OfficeKey | '';
  /** 招商责任人, by name. */
  owner: string;
  /** 产业, as in the dictionary. */
  industry: string;
  channel: Channel | '';
  /** 签约年份 as text ('2024'), '' for every year. */
  signingYear: string;
  /**
   * 类别: an investor-group flag ('flag:fortune500'), 长三角 ('yrd') or not ('not_yrd'), or an
   * ownership ('ownership:private'); '' for all.
   */
  group: string;
}

/** The 类别 filter's choices: investor-group flags, 长三角, ownership. */
export const groupOptions: readonly { key: string; label: string; group: string }[] = [
  ...investorFlags.map((f) => ({ key: `flag:${f.key}`, label: f.label, group: '投资方' })),
  { key: 'yrd', label: '长三角', group: '地区' },
  { key: 'not_yrd', label: '长三角以外', group: '地区' },
  ...ownerships.map((o) => ({ key: `ownership:${o.key}`, label: o.label, group: '企业性质' })),
];

export const noFilters: LedgerFilterValues = {
  q: '',
  region: '',
  tier: '',
  stage: '',
  office: '',
  owner: '',
  industry: '',
  channel: '',
  signingYear: '',
  group: '',
};

export function hasFilters(f: LedgerFilterValues): boolean {
  return (
    f.q.trim() !== '' ||
    f.region !== '' ||
    f.tier !== '' ||
    f.stage !== '' ||
    f.office !== '' ||
    f.owner !== '' ||
    f.industry !== '' ||
    f.channel !== '' ||
    f.signingYear !== '' ||
    f.group !== ''
  );
}

/** The first year the 签约年份 filter offers; older years of a saved view are added to it. */
export const FIRST_SIGNING_YEAR = 2015;

/** This year back to 2015, newest first. */
export function signingYears(thisYear = new Date().getFullYear()): string[] {
  const years: string[] = [];
  for (let y = Math.max(thisYear, FIRST_SIGNING_YEAR); y >= FIRST_SIGNING_YEAR; y--) {
    years.push(String(y));
  }
  return years;
}

/** Everything but the page window; the table's column ids are the query's sort keys. */
export type LedgerBaseQuery = Omit<LedgerQuery, 'offset' | 'limit'>;

/** The filter part alone, as a saved view keeps it. */
export type LedgerFilterQuery = Omit<LedgerBaseQuery, 'sort'>;

export function filterQueryOf(f: LedgerFilterValues): LedgerFilterQuery {
  const query: LedgerFilterQuery = {};
  const q = f.q.trim();
  if (q) query.q = q;
  if (f.region) query.region = f.region;
  if (f.tier) query.tier = f.tier;
  if (f.stage) query.stage = f.stage;
  if (f.office) query.office = f.office;
  if (f.owner) query.owner = f.owner;
  if (f.industry) query.industry = f.industry;
  if (f.channel) query.channel = f.channel;
  if (f.signingYear) query.signingYear = Number(f.signingYear);
  const [kind, value] = f.group.split(':');
  if (kind === 'flag' && value) query.investorFlag = value as InvestorFlag;
  if (kind === 'ownership' && value) query.ownership = value as Ownership;
  if (f.group === 'yrd' || f.group === 'not_yrd') query.yrd = f.group === 'yrd';
  return query;
}

export function ledgerQueryOf(f: LedgerFilterValues, sorting: SortingState): LedgerBaseQuery {
  const query: LedgerBaseQuery = filterQueryOf(f);
  const sort = sorting[0];
  if (sort) query.sort = { key: sort.id as LedgerSortKey, dir: sort.desc ? 'desc' : 'asc' };
  return query;
}

/** A stored filter (one value or a list, keys or labels) back as the screen's values. */
export function filterValuesOf(stored: Record<string, unknown>): LedgerFilterValues {
  const one = (value: unknown): string => {
    const v = Array.isArray(value) ? (value as unknown[])[0] : value;
    return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
  };
  const among = <K extends string>(value: unknown, keys: readonly K[]): K | '' => {
    const v = one(value);
    return (keys as readonly string[]).includes(v) ? (v as K) : '';
  };
  const entry = <K extends string>(value: unknown, list: readonly { key: K; label: string }[]) => {
    const v = one(value);
    return list.find((e) => e.key === v || e.label === v)?.key ?? '';
  };
  const year = one(stored.signingYear);
  return {
    q: one(stored.q),
    region: among(stored.region, regionOrder),
    tier: among(stored.tier, tierOrder),
    stage: among(stored.stage, stageOrder),
    office: entry(stored.office, offices),
    owner: one(stored.owner),
    industry: one(stored.industry),
    channel: entry(stored.channel, channels),
    signingYear: /^\d{4}$/.test(year) ? year : '',
    group: groupOf(stored, entry),
  };
}

/** A stored view's 类别: its investor flag, 长三角 or ownership (the first of them it holds). */
function groupOf(
  stored: Record<string, unknown>,
  entry: <K extends string>(value: unknown, list: readonly { key: K; label: string }[]) => K | '',
): string {
  const flag = entry(stored.investorFlag, investorFlags);
  if (flag) return `flag:${flag}`;
  if (stored.yrd === true) return 'yrd';
  if (stored.yrd === false) return 'not_yrd';
  const ownership = entry(stored.ownership, ownerships);
  return ownership ? `ownership:${ownership}` : '';
}

/** Rows per ledger.query page as the 台账 scrolls (its own small module: main.tsx needs it too). */
export { PAGE_SIZE } from './ledger-first-page';
