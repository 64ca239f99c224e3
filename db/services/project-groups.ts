// The groups leaders ask about besides region and tier (docs/domain.md "Breakdowns"): projects of
// 世界500强, 国内100强, 央企, 上市 and 知名 investor groups, 长三角 projects, and projects by the
// ownership of their investor. Written once as SQL conditions over the project table, for the 看板's
// breakdown, its drill-down and the 台账's filters.
import type { InvestorFlag, Ownership } from '../../domain/vocabulary';
import { provinces } from '../../domain/vocabulary';

/** The investor column of each flag. */
export const flagColumn: Record<InvestorFlag, string> = {
  fortune500: 'fortune500',
  china100: 'china100',
  centralSoe: 'central_soe',
  listed: 'listed',
  wellKnown: 'well_known',
};

/**
 * The project's investor, or a parent up its group, carries the flag: a subsidiary of a 世界500强
 * group brings in a 世界500强 project. Walks down from the flagged investors, so it reads the few
 * flagged groups, not every project's chain. UNION over the id alone visits each investor once
 * and ends on a cycle; CROSS JOIN keeps SQLite on the parent index (left to itself it built an
 * automatic index at every step: 2 s per flag at 8,000 investors).
 */
export function flaggedInvestor(flag: InvestorFlag, column = 'investor_id'): string {
  return `${column} IN (WITH RECURSIVE grp(id) AS (
      SELECT id FROM investor WHERE deleted = 0 AND ${flagColumn[flag]} = 1
      UNION SELECT i.id FROM grp g CROSS JOIN investor i ON i.parent_investor_id = g.id
        WHERE i.deleted = 0)
    SELECT id FROM grp)`;
}

const yrdKeys = provinces.filter((p) => p.yrd).map((p) => `'${p.key}'`);

/**
 * 长三角: a domestic project from 上海, 江苏, 浙江 or 安徽: by its own province, or, without one, by
 * its investor's (investor.province, migration 009). Never NULL, so NOT of it is safe.
 */
export function yrdProject(): string {
  const yrd = `(${yrdKeys.join(', ')})`;
  return `(coalesce(province IN ${yrd}, 0) OR (coalesce(province, '') = ''
    AND coalesce(region, '') = 'domestic'
    AND investor_id IN (SELECT id FROM investor WHERE deleted = 0 AND province IN ${yrd})))`;
}

export function ownershipIs(ownership: Ownership, column = 'ownership'): string {
  return `${column} = '${ownership}'`;
}
