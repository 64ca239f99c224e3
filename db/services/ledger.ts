// The ledger (台账) query: filter, sort and page over projects, with totals for the whole filter.
// Region, tier and amount in 元 are derived columns on the project row, so every filter is plain SQL.
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
type From = ExpressionBuilder<
  Schema & { i: Schema['investor']; o: Schema['promoter'] },
  'project' | 'i' | 'o'
>;

const sortColumns: Record<LedgerSortKey, string> = {
  code: 'project.code',
  name: 'project.name',
  investor: 'i.name_zh',
  region: 'project.region',
  tier: 'project.total_cny',
  totalInvestment: 'project.total_cny',
  contractedFdiUsd: 'project.contracted_fdi_usd',
  stage: 'project.stage',
  office: 'project.office_id',
  owner: 'o.name',
  industry: 'project.industry',
  signedOn: 'project.signed_on',
  updatedAt: 'project.updated_at',
};

export function queryLedger(tx: Tx, q: Query): LedgerPage {
  const base = tx.qb
    .selectFrom('project')
    .leftJoin('investor as i', 'i.id', 'project.investor_id')
    .leftJoin('promoter as o', 'o.id', 'project.owner_id')
    .where((eb: From) => eb.and(conditions(eb, q)));

  const totals = tx.sql.first(
    base.select([
      sql<number>`count(*)`.as('count'),
      sql<number>`coalesce(sum(project.total_cny), 0)`.as('totalInvestmentCny'),
      sql<number>`coalesce(sum(project.contracted_fdi_usd), 0)`.as('contractedFdiUsd'),
    ]),
  ) ?? { count: 0, totalInvestmentCny: 0, contractedFdiUsd: 0 };

  const dir = q.sort.dir === 'desc' ? sql`desc` : sql`asc`;
  const rows = tx.sql.all(
    base
      .select([
        'project.id as id',
        'project.code as code',
        'project.name as name',
        'i.name_zh as investor',
        'project.country as country',
        'project.region as region',
        'project.tier as tier',
        'project.industry as industry',
        'project.total_cny as totalInvestmentCny',
        'project.contracted_fdi_usd as contractedFdiUsd',
        'project.stage as stage',
        'project.office_id as office',
        'o.name as owner',
        'project.channel as channel',
        'project.signed_on as signedOn',
        'project.updated_at as updatedAt',
      ])
      .orderBy(sql`${sql.raw(sortColumns[q.sort.key])} ${dir} nulls last`)
      .orderBy('project.id')
      .limit(q.limit)
      .offset(q.offset),
  );
  return {
    rows: rows.map((r): LedgerRow => ({
      ...r,
      name: r.name ?? '',
      region: r.region as Region | null,
      tier: r.tier as Tier | null,
      stage: (r.stage ?? 'lead') as Stage,
      office: offices.find((o) => o.key === r.office)?.label ?? r.office,
      channel: channels.find((c) => c.key === r.channel)?.label ?? r.channel,
    })),
    totals,
    offset: q.offset,
  };
}

function conditions(eb: From, q: Query) {
  const list: Expression<SqlBool>[] = [eb('project.deleted', '=', 0)];
  if (q.region?.length) list.push(eb('project.region', 'in', q.region));
  if (q.tier?.length) list.push(eb('project.tier', 'in', q.tier));
  if (q.stage?.length) list.push(eb('project.stage', 'in', q.stage));
  if (q.office?.length) list.push(eb('project.office_id', 'in', q.office));
  if (q.owner?.length)
    list.push(eb.or([eb('o.name', 'in', q.owner), eb('project.owner_id', 'in', q.owner)]));
  if (q.industry?.length) list.push(eb('project.industry', 'in', q.industry));
  if (q.channel?.length) list.push(eb('project.channel', 'in', q.channel));
  if (q.signingYear !== undefined) {
    list.push(eb('project.signed_on', '>=', `${q.signingYear}-01-01`));
    list.push(eb('project.signed_on', '<', `${q.signingYear + 1}-01-01`));
  }
  if (q.q) {
    const pattern = `%${escapeLike(q.q.toLowerCase())}%`;
    list.push(sql<SqlBool>`project.search_text like ${pattern} escape '\\'`);
  }
  return list;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
