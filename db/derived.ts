// A project's local derived columns (region, tier, amount in 元, search text, investor and owner names): computed from its
// synced fields, its investor and the exchange-rate setting by the domain rules, so the ledger can
// filter and sort on them with plain indexed SQL.
import { outsideCityOf } from '../domain/cities';
import { tierOf } from '../domain/classify';
import { convertToCny, isCurrency, rateOf } from '../domain/currencies';
import type { AnyCurrency, RatesByYear } from '../domain/currencies';
import { todayIso, yearOf } from '../domain/dates';
import { milestones } from '../domain/lifecycle';
import { matchKey } from '../domain/project-match';
import { sourceRegion, ultimateParent } from '../domain/source-region';
import { readFxRates, readTextList, readUsdRates, settingIds } from '../domain/stored-values';
import { investorSearchText, searchTextOf } from './search-fold';
import { flagColumn, groupFlagsOf } from './services/project-groups';
import type { Sql } from './sql';

type Values = Record<string, string | number | null | undefined>;

export const USD_RATE_SETTING = settingIds.usdRates;

const actualDateColumns = milestones.map((m) => `${m.stage}_on`);

/**
 * What deriving a project reads besides the row: its investor and owner, the exchange rate. Read
 * fresh by default; a bulk write whose parents are already written (sync import)
 * keeps them for the whole batch instead of three queries per project.
 */
export interface DeriveLookups {
  investor(id: string): Values | undefined;
  owner(id: string): Values | undefined;
  /** 元 per unit of a currency in a year, null when 设置 has no rate for it. */
  rate(currency: AnyCurrency, year: number): number | null;
  aliases(investor: Values): string[];
}

/** One set of direct lookups per connection: they hold no values, so every project can share it. */
const directBySql = new WeakMap<Sql, DeriveLookups>();

export function directLookups(sql: Sql): DeriveLookups {
  let lookups = directBySql.get(sql);
  if (!lookups) {
    lookups = {
      investor: (id) =>
        sql
          .prepare(
            `SELECT name_zh, name_en, aliases, parent_investor_id, hq_country, province, city,
               deleted, fortune500, china100, central_soe, listed, well_known
             FROM investor WHERE id = ?`,
          )
          .get(id) as Values | undefined,
      owner: (id) =>
        sql.prepare('SELECT name FROM promoter WHERE id = ?').get(id) as Values | undefined,
      rate: (currency, year) => rateOf(readRates(sql), currency, year),
      aliases: (investor) => readTextList(investor.aliases),
    };
    directBySql.set(sql, lookups);
  }
  return lookups;
}

/** Lookups remembered for a batch: valid only while investors, promoters and rates are not written. */
export function cachedLookups(sql: Sql): DeriveLookups {
  const direct = directLookups(sql);
  const memo = <K, V>(read: (key: K) => V) => {
    const seen = new Map<K, V>();
    return (key: K): V => {
      if (seen.has(key)) return seen.get(key)!;
      const value = read(key);
      if (seen.size < 100_000) seen.set(key, value);
      return value;
    };
  };
  const rates = readRates(sql);
  const aliases = new WeakMap<Values, string[]>();
  return {
    investor: memo(direct.investor),
    owner: memo(direct.owner),
    rate: (currency, year) => rateOf(rates, currency, year),
    aliases: (investor) => {
      let list = aliases.get(investor);
      if (!list) aliases.set(investor, (list = direct.aliases(investor)));
      return list;
    },
  };
}

export function deriveProject(sql: Sql, row: Values, lookups: DeriveLookups = directLookups(sql)) {
  const amount = typeof row.total_investment === 'number' ? row.total_investment : null;
  const currency = isCurrency(row.investment_currency) ? row.investment_currency : 'CNY';
  const year = yearForRate(row);
  // No rate for the year: no 元 amount and no tier (the 看板 names the missing rate).
  const rate = lookups.rate(currency, year);
  const totalCny = amount === null || rate === null ? null : Math.round(amount * rate);
  const investor =
    typeof row.investor_id === 'string' ? lookups.investor(row.investor_id) : undefined;
  const owner = typeof row.owner_id === 'string' ? lookups.owner(row.owner_id) : undefined;
  const aliases = investor ? lookups.aliases(investor) : [];
  const text = searchTextOf([
    ...PROJECT_SEARCH_COLUMNS.map((c) => row[c]),
    investor?.name_zh,
    investor?.name_en,
    ...aliases,
  ]);
  const group = investor ? groupOf(row.investor_id as string, lookups) : undefined;
  const groupCountry = group ? str(group.link.hqCountry) : null;
  const province = str(row.province) ?? str(investor?.province);
  const { region, source } = sourceRegion({
    country: str(row.country),
    groupCountry,
    province,
    capitalType: str(row.capital_type),
  });
  const override = typeof row.outside_city === 'number' ? (row.outside_city ? 1 : 0) : null;
  return {
    region,
    region_source: source,
    group_country: groupCountry,
    group_parent_id: group && group.depth > 0 ? group.id : null,
    city_outside: override ?? outsideCityOf(str(row.city) ?? str(investor?.city), province),
    tier: totalCny === null ? null : tierOf(totalCny),
    total_cny: totalCny,
    search_text: text,
    investor_name: (investor?.name_zh as string | undefined) ?? null,
    match_key: matchKey(investor?.name_zh as string | undefined, str(row.name) ?? ''),
    owner_name: (owner?.name as string | undefined) ?? null,
    last_actual_on: lastActualOn(row),
    dated_stage: datedStage(row),
    group_flags: groupFlagsOf(row, region, lookups.investor),
  };
}

/** An investor's local derived column: what the investor list and search find it by. */
export function deriveInvestor(row: Values): { search_text: string } {
  return {
    search_text: investorSearchText(row.name_zh, row.name_en, row.aliases, row.credit_code),
  };
}

/** Investor columns its search text reads. */
export const INVESTOR_SEARCH_COLUMNS = ['name_zh', 'name_en', 'aliases', 'credit_code'];

/** A project's own columns its search text reads (then its investor's names). */
export const PROJECT_SEARCH_COLUMNS = ['name', 'code', 'project_code'];

/** The names a row's own search text spells (deriveProject, deriveInvestor), aliases listed. */
export function searchedNames(table: string, fields: Readonly<Record<string, unknown>>): unknown[] {
  if (table === 'investor') {
    return INVESTOR_SEARCH_COLUMNS.flatMap((c) =>
      c === 'aliases' ? readTextList(fields[c]) : [fields[c]],
    );
  }
  return table === 'project' ? PROJECT_SEARCH_COLUMNS.map((c) => fields[c]) : [];
}

const str = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

/** The investor group's ultimate parent: the walk up parent links stops at a deleted investor. */
function groupOf(investorId: string, lookups: DeriveLookups) {
  return ultimateParent(investorId, (id) => {
    const investor = lookups.investor(id);
    if (!investor || (investor.deleted === 1 && id !== investorId)) return undefined;
    return { parentId: str(investor.parent_investor_id), hqCountry: str(investor.hq_country) };
  });
}

/**
 * The projects of these investors and of every investor below them (by parent links, cycle-safe):
 * those whose region or city a change of these investors' parent, HQ or place can move.
 */
export function projectsBelowInvestors(sql: Sql, ids: Iterable<string>): string[] {
  return sql
    .prepare(
      `WITH RECURSIVE below(id) AS (
         SELECT value FROM json_each(?)
         UNION SELECT i.id FROM investor i JOIN below b ON i.parent_investor_id = b.id)
       SELECT p.id FROM project p WHERE p.investor_id IN (SELECT id FROM below)`,
    )
    .pluck()
    .all(JSON.stringify([...ids])) as string[];
}

/** Investor columns a project's derived region, 市外 or group flags read (its own or an ancestor's). */
export const GROUP_COLUMNS = [
  'parent_investor_id',
  'hq_country',
  'province',
  'city',
  'deleted',
  ...Object.values(flagColumn),
];

/** The furthest milestone with an actual date; without one, 线索 or else 在谈 (as the 看板 counts). */
function datedStage(row: Values): string {
  for (let i = actualDateColumns.length - 1; i >= 0; i--) {
    const date = row[actualDateColumns[i]!];
    if (typeof date === 'string' && date !== '') return milestones[i]!.stage;
  }
  return row.stage === 'lead' ? 'lead' : 'negotiating';
}

/** The latest actual milestone date, or null when none is dated. */
function lastActualOn(row: Values): string | null {
  let last: string | null = null;
  for (const col of actualDateColumns) {
    const date = row[col];
    if (typeof date === 'string' && date !== '' && (last === null || date > last)) last = date;
  }
  return last;
}

/** Projects whose derived columns name this investor or promoter. */
export function projectsReferencing(
  sql: Sql,
  table: 'investor' | 'promoter',
  id: string,
): string[] {
  const column = table === 'investor' ? 'investor_id' : 'owner_id';
  return (
    sql.prepare(`SELECT id FROM project WHERE ${column} = ?`).all(id) as { id: string }[]
  ).map((r) => r.id);
}

/** Projects whose derived columns name any of these investors or promoters, in one statement. */
export function projectsReferencingAny(
  sql: Sql,
  table: 'investor' | 'promoter',
  ids: Iterable<string>,
): string[] {
  // One index lookup per id: with `IN json_each(?)` and real statistics the planner scans every
  // project (30 ms at 100k) even for the one promoter a small file brings.
  const column = table === 'investor' ? 'investor_id' : 'owner_id';
  const lookup = sql.prepare(`SELECT id FROM project WHERE ${column} = ?`).pluck();
  return [...new Set(ids)].flatMap((id) => lookup.all(id) as string[]);
}

/** A project is tiered at the rate of its signing year (or planned signing year, or this year). */
function yearForRate(row: Values): number {
  const dated = (d: unknown): d is string => typeof d === 'string' && d !== '';
  const date = [row.signed_on, row.planned_signed_on].find(dated);
  return yearOf(date ?? todayIso());
}

/** The rates settings' texts and what they parse to, while the texts stay the same. */
let ratesSeen: { key: string | undefined; rates: RatesByYear } = { key: undefined, rates: {} };

/**
 * Every currency's rates by year (元 per unit): USD from fx.usd_cny, the others from fx.rates. The
 * settings are read every time and parsed again only when their text has changed. A year without
 * its rate has none: no nearest year, no default.
 */
export function readRates(sql: Sql): RatesByYear {
  const usd = settingText(sql, USD_RATE_SETTING);
  const other = settingText(sql, settingIds.fxRates);
  const key = `${usd ?? ''}\u0000${other ?? ''}`;
  if (key !== ratesSeen.key) {
    ratesSeen = { key, rates: { ...readFxRates(other), USD: stringKeys(readUsdRates(usd)) } };
  }
  return ratesSeen.rates;
}

/** The configured USD→CNY rate of a year, or null when 设置 has none. */
export function usdRate(sql: Sql, year: number): number | null {
  return rateOf(readRates(sql), 'USD', year);
}

/** 元 of an amount in a currency at the rate of a year, null without that year's rate. */
export function amountInCny(
  sql: Sql,
  amount: number,
  currency: AnyCurrency,
  year: number,
): number | null {
  return convertToCny(amount, currency, year, readRates(sql));
}

const stringKeys = (rates: Record<number, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(rates));

function settingText(sql: Sql, id: string): string | undefined {
  const row = sql.prepare('SELECT value FROM setting WHERE id = ? AND deleted = 0').get(id) as
    { value: string } | undefined;
  return row?.value;
}
