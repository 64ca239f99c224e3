// The ledger (台账) query: filter, sort and page over live projects, with totals for the whole
// filter. Every filter and sort column is on the project row (region, tier, amount in 元 and the
// investor and owner names are derived columns), so no query joins, and the indexes made for the
// ledger in migration 001 answer each part without reading the wide rows.
import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { LedgerPage, LedgerRow, LedgerSortKey, ledgerQuery } from '../../domain/ledger';
import type { Region } from '../../domain/countries';
import type { Tier } from '../../domain/classify';
import type { Stage } from '../../domain/lifecycle';
import { channels, offices } from '../../domain/vocabulary';
import type { Tx } from '../app-database';
import type { Schema } from '../schema';

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

export function queryLedger(tx: Tx, q: Query): LedgerPage {
  const live = tx.qb.selectFrom('project').where((eb) => eb.and(conditions(eb, q)));
  const totals = tx.sql.first(
    live.select([
      sql<number>`count(*)`.as('count'),
      sql<number>`coalesce(sum(total_cny), 0)`.as('totalInvestmentCny'),
      sql<number>`coalesce(sum(contracted_fdi_usd), 0)`.as('contractedFdiUsd'),
    ]),
  )!;
  return { rows: page(tx, live, q).map(ledgerRow), totals, offset: q.offset };
}

type Live = ReturnType<typeof liveProjects>;
const liveProjects = (tx: Tx) => tx.qb.selectFrom('project');

/**
 * One page in the requested order, empty values last. Descending order puts NULL last by itself;
 * ascending order reads the non-empty rows, then the empty ones, so both halves use the column's
 * index. Rows are picked by rowid first and read afterwards, so a deep offset skips index entries
 * rather than whole rows.
 */
function page(tx: Tx, live: Live, q: Query): RawRow[] {
  const col = sortColumns[q.sort.key];
  if (q.sort.dir === 'desc') {
    return rowsById(
      tx,
      live.orderBy(col, 'desc').orderBy('rowid', 'desc'),
      q.offset,
      q.limit,
      col,
      'desc',
    );
  }
  const filled = live.where(col, 'is not', null).orderBy(col, 'asc').orderBy('rowid', 'asc');
  const rows = rowsById(tx, filled, q.offset, q.limit, col, 'asc');
  if (rows.length === q.limit) return rows;
  const filledCount = tx.sql.first(
    live.where(col, 'is not', null).select(sql<number>`count(*)`.as('n')),
  )!.n;
  const empty = live.where(col, 'is', null).orderBy('rowid', 'asc');
  return [
    ...rows,
    ...rowsById(tx, empty, Math.max(0, q.offset - filledCount), q.limit - rows.length, col, 'asc'),
  ];
}

type Ordered = ReturnType<Live['orderBy']>;

function rowsById(
  tx: Tx,
  ordered: Ordered,
  offset: number,
  limit: number,
  col: (typeof sortColumns)[LedgerSortKey],
  dir: 'asc' | 'desc',
) {
  const ids = ordered.select('rowid').limit(limit).offset(offset);
  return tx.sql.all(
    liveProjects(tx)
      .where('rowid', 'in', ids)
      .select([
        'id',
        'code',
        'name',
        'investor_name as investor',
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
      ])
      .orderBy(sql`${sql.ref(col)} is null`)
      .orderBy(sql.ref(col), dir)
      .orderBy('rowid', dir),
  );
}

type RawRow = ReturnType<typeof rowsById>[number];

function ledgerRow(r: RawRow): LedgerRow {
  return {
    ...r,
    name: r.name ?? '',
    region: r.region as Region | null,
    tier: r.tier as Tier | null,
    stage: (r.stage ?? 'lead') as Stage,
    office: offices.find((o) => o.key === r.office)?.label ?? r.office,
    channel: channels.find((c) => c.key === r.channel)?.label ?? r.channel,
  };
}

function conditions(eb: Where, q: Query): Expression<SqlBool>[] {
  const list: Expression<SqlBool>[] = [eb('deleted', '=', 0)];
  if (q.region?.length) list.push(eb('region', 'in', q.region));
  if (q.tier?.length) list.push(eb('tier', 'in', q.tier));
  if (q.stage?.length) list.push(eb('stage', 'in', q.stage));
  if (q.office?.length) list.push(eb('office_id', 'in', q.office));
  if (q.owner?.length) list.push(eb('owner_name', 'in', q.owner));
  if (q.industry?.length) list.push(eb('industry', 'in', q.industry));
  if (q.channel?.length) list.push(eb('channel', 'in', q.channel));
  if (q.signingYear !== undefined) {
    list.push(eb('signed_on', '>=', `${q.signingYear}-01-01`));
    list.push(eb('signed_on', '<', `${q.signingYear + 1}-01-01`));
  }
  if (q.q) {
    const pattern = `%${escapeLike(q.q.toLowerCase())}%`;
    list.push(sql<SqlBool>`search_text like ${pattern} escape '\\'`);
  }
  return list;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
