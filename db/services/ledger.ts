// The ledger (台账) query: filter, sort and page over live projects, with totals for the whole
// filter. Every filter and sort column is on the project row (region, tier, amount in 元 and the
// investor and owner names are derived columns), so no query joins, and the indexes made for the
// ledger in migration 001 answer each part without reading the wide rows.
import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, SelectQueryBuilder, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { LedgerPage, LedgerRow, LedgerSortKey, ledgerQuery } from '../../domain/ledger';
import type { Region } from '../../domain/countries';
import type { Tier } from '../../domain/classify';
import type { Stage } from '../../domain/lifecycle';
import { todayIso } from '../../domain/dates';
import { isCurrency } from '../../domain/currencies';
import type { OptionalSum } from '../../domain/ledger-columns';
import {
  capitalTypes,
  channels,
  labelOf,
  offices,
  ownerships,
  projectTypes,
  provinces,
} from '../../domain/vocabulary';
import type { Tx } from '../app-database';
import type { Schema } from '../schema';
import type { SqlParam } from '../sql';
import { queryTerms } from '../search-fold';
import { likeContains } from '../search-match';
import { flaggedInvestor, yrdProject } from './project-groups';
import { DOMESTIC_CAPITAL_CNY, PAID_IN_FDI_USD, arrivalSumsOf, ratesByYear } from './arrival-sums';
import type { ArrivalSums } from './arrival-sums';

type Query = z.output<typeof ledgerQuery>;
type Where = ExpressionBuilder<Schema, 'project'>;

const sortColumns = {
  code: 'code',
  name: 'name',
  investor: 'investor_name',
  region: 'region',
  tier: 'total_cny',
  totalInvestment: 'total_cny',
  contractedFdiUsd: 'contracted_fdi_usd',
  stage: 'stage',
  office: 'office_id',
  owner: 'owner_name',
  industry: 'industry',
  signedOn: 'signed_on',
  updatedAt: 'updated_at',
} as const satisfies Record<LedgerSortKey, keyof Schema['project']>;

/** Up to this many matches, sorting them beats walking a sort index and skipping non-matches. */
const FEW_MATCHES = 5_000;

export function queryLedger(tx: Tx, q: Query): LedgerPage {
  const live = tx.qb.selectFrom('project').where((eb) => eb.and(conditions(eb, q)));
  const col = sortColumns[q.sort.key];
  let totals: LedgerPage['totals'];
  let rowids: number[];
  if (q.q) {
    // Free text is checked row by row: one pass over the covering index finds every match and its
    // amounts; the page then sorts just those matches, or walks the sort index when they are many.
    const matches = tx.sql.all(live.select(['rowid', 'total_cny', 'contracted_fdi_usd']));
    totals = {
      count: matches.length,
      totalInvestmentCny: matches.reduce((sum, m) => sum + (m.total_cny ?? 0), 0),
      contractedFdiUsd: matches.reduce((sum, m) => sum + (m.contracted_fdi_usd ?? 0), 0),
    };
    const among = JSON.stringify(matches.map((m) => m.rowid));
    if (q.sums?.length && q.offset === 0) {
      const matched = tx.qb
        .selectFrom('project')
        .where('rowid', 'in', sql<number>`(select value from json_each(${among}))`);
      Object.assign(totals, optionalTotals(tx, matched, q.sums, false));
    }
    rowids =
      matches.length <= FEW_MATCHES
        ? pick(
            tx,
            sortedBySort(
              tx.qb
                .selectFrom('project')
                .where('rowid', 'in', sql<number>`(select value from json_each(${among}))`),
              col,
              q.sort.dir,
            ),
            q,
          )
        : byIndexWalk(tx, live, col, q);
  } else {
    totals = totalsOf(tx, live);
    const filtered =
      q.region ||
      q.tier ||
      q.stage ||
      q.office ||
      q.owner ||
      q.industry ||
      q.channel ||
      q.investorFlag ||
      q.yrd !== undefined ||
      q.ownership ||
      q.signingYear;
    if (q.sums?.length && q.offset === 0) {
      Object.assign(totals, optionalTotals(tx, live, q.sums, !filtered && !q.investorId));
    }
    rowids =
      filtered && totals.count <= FEW_MATCHES
        ? pick(tx, sortedBySort(live, col, q.sort.dir), q)
        : byIndexWalk(tx, live, col, q);
  }
  return { rows: readLedgerRows(tx, rowids), totals, offset: q.offset };
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Kysely's type for "no columns selected yet"
type Live = SelectQueryBuilder<Schema, 'project', {}>;
type SortColumn = (typeof sortColumns)[LedgerSortKey];

function totalsOf(tx: Tx, live: Live): LedgerPage['totals'] {
  return tx.sql.first(
    live.select([
      sql<number>`count(*)`.as('count'),
      sql<number>`coalesce(sum(total_cny), 0)`.as('totalInvestmentCny'),
      sql<number>`coalesce(sum(contracted_fdi_usd), 0)`.as('contractedFdiUsd'),
    ]),
  )!;
}

/**
 * The totals of the optional sum columns shown, with the first page only (the screen keeps them
 * while it scrolls): the amounts off the wide rows, the arrivals of the matching projects. Over the
 * whole live ledger the arrivals are read without a project row each: all of them, less those of
 * the few deleted projects. Asked for only while shown, so the default 台账 pays nothing for them
 * (at 100k projects: 用地 30 ms, 实到外资 with a filter about 120 ms, without one about 55 ms).
 */
function optionalTotals(
  tx: Tx,
  matched: Live,
  sums: OptionalSum[],
  wholeLedger: boolean,
): Partial<Record<OptionalSum, number>> {
  const totals: Partial<Record<OptionalSum, number>> = {};
  if (sums.includes('totalInvestmentUsd') || sums.includes('landAreaMu')) {
    const row = tx.sql.first(
      matched.select([
        sql<number>`coalesce(sum(case when investment_currency = 'USD' then total_investment end), 0)`.as(
          'usd',
        ),
        sql<number>`coalesce(sum(land_area_mu), 0)`.as('mu'),
      ]),
    )!;
    if (sums.includes('totalInvestmentUsd')) totals.totalInvestmentUsd = row.usd;
    if (sums.includes('landAreaMu')) totals.landAreaMu = row.mu;
  }
  if (sums.includes('paidInFdiUsd') || sums.includes('domesticCapitalCny')) {
    const ids = matched.select('id').compile();
    const projects = wholeLedger
      ? `a.project_id NOT IN (SELECT id FROM project WHERE deleted <> 0)
         AND EXISTS (SELECT 1 FROM project p WHERE p.id = a.project_id)`
      : `a.project_id IN (${ids.sql})`;
    const row = tx.sql
      .prepare(
        `SELECT coalesce(${PAID_IN_FDI_USD}, 0) AS paidInFdiUsd,
           coalesce(${DOMESTIC_CAPITAL_CNY}, 0) AS domesticCapitalCny
         FROM capital_arrival a
         WHERE a.deleted = 0 AND ${projects}`,
      )
      .get(...(wholeLedger ? [] : (ids.parameters as SqlParam[])), {
        rates: ratesByYear(tx.sql, todayIso()),
      }) as Record<'paidInFdiUsd' | 'domesticCapitalCny', number>;
    if (sums.includes('paidInFdiUsd')) totals.paidInFdiUsd = row.paidInFdiUsd;
    if (sums.includes('domesticCapitalCny')) totals.domesticCapitalCny = row.domesticCapitalCny;
  }
  return totals;
}

function pick(tx: Tx, ordered: ReturnType<typeof sortedBySort>, q: Query): number[] {
  return tx.sql.all(ordered.select('rowid').limit(q.limit).offset(q.offset)).map((r) => r.rowid);
}

/** Sorts the matches themselves, empty values last; `+col` keeps SQLite off the sort index. */
function sortedBySort(live: Live, col: SortColumn, dir: 'asc' | 'desc') {
  return live
    .orderBy(sql`${sql.ref(col)} is null`)
    .orderBy(sql`+${sql.ref(col)}`, dir)
    .orderBy('rowid', dir);
}

/**
 * Walks the sort column's index, empty values last. Descending order puts NULL last by itself;
 * ascending order reads the non-empty rows, then the empty ones, so both halves use the index.
 */
function byIndexWalk(tx: Tx, live: Live, col: SortColumn, q: Query): number[] {
  const ids = (query: Live, offset: number, limit: number) =>
    tx.sql.all(query.select('rowid').limit(limit).offset(offset)).map((r) => r.rowid);
  if (q.sort.dir === 'desc') {
    return ids(live.orderBy(col, 'desc').orderBy('rowid', 'desc'), q.offset, q.limit);
  }
  const filled = live.where(col, 'is not', null);
  const head = ids(filled.orderBy(col, 'asc').orderBy('rowid', 'asc'), q.offset, q.limit);
  if (head.length === q.limit) return head;
  const filledCount = tx.sql.first(filled.select(sql<number>`count(*)`.as('n')))!.n;
  const empty = live.where(col, 'is', null).orderBy('rowid', 'asc');
  return [...head, ...ids(empty, Math.max(0, q.offset - filledCount), q.limit - head.length)];
}

/** Every project the filter matches, in its order: the rows of an export. */
export function matchingRowids(tx: Tx, q: Omit<Query, 'offset' | 'limit'>): number[] {
  const live = tx.qb.selectFrom('project').where((eb) => eb.and(conditions(eb, q)));
  const ordered = sortedBySort(live, sortColumns[q.sort.key], q.sort.dir);
  return tx.sql.all(ordered.select('rowid')).map((r) => r.rowid);
}

/**
 * 母公司 of the project aliased `p`: its investor's parent investor's Chinese name, else the parent
 * name typed. The 台账 and its Excel export read the same.
 */
export const investorParentOf = (p: string) =>
  `(SELECT coalesce(pi.name_zh, i.parent_name) FROM investor i
     LEFT JOIN investor pi ON pi.id = i.parent_investor_id WHERE i.id = ${p}.investor_id)`;

/** 城市 of the project aliased `p`: its own city, else its investor's. */
export const effectiveCityOf = (p: string) =>
  `coalesce(${p}.city, (SELECT i.city FROM investor i WHERE i.id = ${p}.investor_id))`;

/** Reads the picked rows, keeping the order in which they were picked. */
export function readLedgerRows(tx: Tx, rowids: number[]): LedgerRow[] {
  if (rowids.length === 0) return [];
  // One JSON parameter, not one per row: a drill-down may list more rows than SQLite's 32,766
  // variables.
  const among = JSON.stringify(rowids);
  const rows = tx.sql.all(
    tx.qb
      .selectFrom('project')
      .where('rowid', 'in', sql<number>`(select value from json_each(${among}))`)
      .select([
        'rowid',
        'id',
        'code',
        'project_code as projectCode',
        'name',
        'investor_name as investor',
        sql<string | null>`${sql.raw(investorParentOf('project'))}`.as('investorParent'),
        'country',
        'region',
        'tier',
        'industry',
        'total_cny as totalInvestmentCny',
        'contracted_fdi_usd as contractedFdiUsd',
        'stage',
        'office_id as office',
        'owner_name as owner',
        'channel',
        'signed_on as signedOn',
        'updated_at as updatedAt',
        'province',
        sql<string | null>`${sql.raw(effectiveCityOf('project'))}`.as('city'),
        'ownership',
        'capital_type as capitalType',
        'industrial',
        'project_type as projectType',
        'total_investment as totalInvestment',
        'investment_currency as investmentCurrency',
        'land_area_mu as landAreaMu',
        'platform',
        'referrer',
        'agent',
        'fair_edition as fairEdition',
        'registered_on as registeredOn',
        'land_supplied_on as landSuppliedOn',
        'started_on as startedOn',
        'completed_on as completedOn',
        'producing_on as producingOn',
        'tech_approved_on as techApprovedOn',
        'terminated_on as terminatedOn',
        'termination_reason as terminationReason',
        'leader_project as leaderProject',
        'problems',
        'next_steps as nextSteps',
      ]),
  );
  const arrivals = arrivalSumsOf(
    tx.sql,
    rows.map((r) => r.id),
    ratesByYear(tx.sql, todayIso()),
  );
  const position = new Map(rowids.map((id, i) => [id, i]));
  return rows
    .sort((a, b) => position.get(a.rowid)! - position.get(b.rowid)!)
    .map(({ rowid: _, ...row }) => ledgerRow(row, arrivals.get(row.id)));
}

/** A ledger row as SQL returns it, before enumerations become types and labels. */
type RawRow = Omit<
  LedgerRow,
  | 'name'
  | 'region'
  | 'tier'
  | 'stage'
  | 'industrial'
  | 'leaderProject'
  | 'investmentCurrency'
  | 'paidInFdiUsd'
  | 'domesticCapitalCny'
> & {
  name: string | null;
  region: string | null;
  tier: string | null;
  stage: string | null;
  industrial: number | null;
  leaderProject: number | null;
  investmentCurrency: string | null;
};

const flag = (v: number | null) => (v === null ? null : v === 1);

function ledgerRow(r: RawRow, arrivals: Partial<ArrivalSums> = {}): LedgerRow {
  return {
    ...r,
    name: r.name ?? '',
    region: r.region as Region | null,
    tier: r.tier as Tier | null,
    stage: (r.stage ?? 'lead') as Stage,
    office: labelOf(offices, r.office),
    channel: labelOf(channels, r.channel),
    province: labelOf(provinces, r.province),
    ownership: labelOf(ownerships, r.ownership),
    capitalType: labelOf(capitalTypes, r.capitalType),
    projectType: labelOf(projectTypes, r.projectType),
    industrial: flag(r.industrial),
    leaderProject: flag(r.leaderProject),
    investmentCurrency: isCurrency(r.investmentCurrency) ? r.investmentCurrency : null,
    paidInFdiUsd: arrivals.paidInFdiUsd ?? null,
    domesticCapitalCny: arrivals.domesticCapitalCny ?? null,
  };
}

function conditions(eb: Where, q: Omit<Query, 'offset' | 'limit'>): Expression<SqlBool>[] {
  const list: Expression<SqlBool>[] = [eb('deleted', '=', 0)];
  if (q.region?.length) list.push(eb('region', 'in', q.region));
  if (q.tier?.length) list.push(eb('tier', 'in', q.tier));
  if (q.stage?.length) list.push(eb('stage', 'in', q.stage));
  if (q.office?.length) list.push(eb('office_id', 'in', q.office));
  if (q.owner?.length) list.push(eb('owner_name', 'in', q.owner));
  if (q.industry?.length) list.push(eb('industry', 'in', q.industry));
  if (q.channel?.length) list.push(eb('channel', 'in', q.channel));
  if (q.investorFlag?.length) {
    const any = q.investorFlag.map((f) => flaggedInvestor(f)).join(' OR ');
    list.push(sql<SqlBool>`(${sql.raw(any)})`);
  }
  if (q.yrd !== undefined) {
    const yrd = yrdProject();
    list.push(sql<SqlBool>`${sql.raw(q.yrd ? yrd : `NOT ${yrd}`)}`);
  }
  if (q.ownership?.length) list.push(eb('ownership', 'in', q.ownership));
  if (q.investorId) list.push(eb('investor_id', '=', q.investorId));
  if (q.signingYear !== undefined) {
    list.push(eb('signed_on', '>=', `${q.signingYear}-01-01`));
    list.push(eb('signed_on', '<', `${q.signingYear + 1}-01-01`));
  }
  if (q.q) {
    for (const term of queryTerms(q.q)) {
      list.push(sql<SqlBool>`search_text like ${likeContains(term)} escape '\\'`);
    }
  }
  return list;
}
