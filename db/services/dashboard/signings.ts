// The year's signings in one pass over the project_signings index, summed by month, office,
// promoter and region: the key figures, the ranking, the region mix and the trend each add these
// groups up their own way.
import type { RegionSlice } from '../../../domain/dashboard';
import type { Tx } from '../../app-database';
import { LEADER, LIVE, SIGNED, inMonths, reachedAsOf, signedMetricConditions } from './conditions';
import type { Scope } from './scope';

export const signedMetricKeys = Object.keys(signedMetricConditions) as SignedMetricKey[];
export type SignedMetricKey = keyof typeof signedMetricConditions;

/** The column of a signing group that counts a signed metric: the tier counts are tallies too. */
export const metricColumn = {
  contracted_fdi: 'contracted_fdi',
  tier_100yi: 't100',
  tier_50_100yi: 't50_100',
  tier_10_50yi: 't10_50',
  tier_1yi_industrial: 'tier_1yi_industrial',
  leader_projects: 'leader_projects',
} as const satisfies Record<SignedMetricKey, string>;

/**
 * The year's signings in one pass, summed by office, promoter, region and month, with the counts
 * of the signed metrics (each under its condition of conditions.ts).
 */
export type SigningGroup = {
  office: string | null;
  owner: string | null;
  region: RegionSlice['region'];
  month: number;
  signed: number;
  t100: number;
  t50_100: number;
  t10_50: number;
  t1_10: number;
  totalCny: number;
  contractedFdiUsd: number;
  landed: number;
  /** 合同外资: the sum of the amounts contracted_fdi counts. */
  fdi: number;
  /** The 省市县长工程 (leader_projects) landed by as-of. */
  leaderLanded: number;
} & Record<(typeof metricColumn)[SignedMetricKey], number>;

/**
 * Read from the project_signings index, which lists the signings by month, office, promoter and
 * region: grouped as they are read, without a sort.
 */
export function signingGroups(tx: Tx, scope: Scope): SigningGroup[] {
  const landed = reachedAsOf(scope.landingRule.milestone);
  const rows = tx.sql
    .prepare(
      `SELECT substr(signed_on, 1, 7) AS ym, office_id AS office, owner_id AS owner, region,
         count(*) AS signed, sum(tier = 't1_10') AS t1_10,
         coalesce(sum(total_cny), 0) AS totalCny,
         coalesce(sum(contracted_fdi_usd), 0) AS contractedFdiUsd,
         sum(${landed}) AS landed,
         ${signedMetricKeys
           .map(
             (key) =>
               `count(CASE WHEN ${signedMetricConditions[key]} THEN 1 END) AS ${metricColumn[key]}`,
           )
           .join(',\n')},
         coalesce(sum(CASE WHEN ${signedMetricConditions.contracted_fdi}
           THEN contracted_fdi_usd END), 0) AS fdi,
         count(CASE WHEN ${LEADER} AND ${landed} THEN 1 END) AS leaderLanded
       FROM project INDEXED BY project_signings
       WHERE ${LIVE} AND ${inMonths('signed_on')} AND ${SIGNED}
       GROUP BY substr(signed_on, 1, 7), office_id, owner_id, region`,
    )
    .all(scope.params) as (Omit<SigningGroup, 'region' | 'month'> & {
    ym: string;
    region: RegionSlice['region'] | null;
    month?: number;
  })[];
  for (const r of rows) {
    r.region ??= 'unknown';
    r.month = Number(r.ym.slice(5, 7));
  }
  return rows as SigningGroup[];
}

export type Tally = Pick<SigningGroup, (typeof tallyKeys)[number]>;
const tallyKeys = [
  'signed',
  't100',
  't50_100',
  't10_50',
  't1_10',
  'totalCny',
  'contractedFdiUsd',
  'landed',
] as const;
export const emptyTally = (): Tally => Object.fromEntries(tallyKeys.map((k) => [k, 0])) as Tally;

/** Adds up the groups by `key` (groups whose key is null are left out). */
export function tallyBy<K>(
  groups: SigningGroup[],
  key: (g: SigningGroup) => K | null,
): Map<K, Tally> {
  const out = new Map<K, Tally>();
  for (const g of groups) {
    const k = key(g);
    if (k === null) continue;
    const t = out.get(k) ?? emptyTally();
    for (const f of tallyKeys) t[f] += g[f];
    out.set(k, t);
  }
  return out;
}
