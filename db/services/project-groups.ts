// The groups leaders ask about besides region and tier (docs/domain.md "Breakdowns"): projects of
// 世界500强, 国内100强, 央企, 上市 and 知名 investor groups, 长三角 projects, and projects by the
// ownership of their investor. Defined once here: groupFlagsOf computes a project's bits into its
// derived column group_flags (db/derived.ts), and the 看板's breakdown, its drill-down and the
// 台账's filters test those bits, so none of them walks investor groups per project.
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

/** project.group_flags: one bit per investor flag, and one for 长三角. */
export const groupFlagBit: Record<InvestorFlag | 'yrd', number> = {
  fortune500: 1,
  china100: 2,
  centralSoe: 4,
  listed: 8,
  wellKnown: 16,
  yrd: 32,
};

/** The project's investor, or a parent up its group, carries the flag (see groupFlagsOf). */
export function flaggedInvestor(flag: InvestorFlag): string {
  return `(group_flags & ${groupFlagBit[flag]}) <> 0`;
}

/** 长三角 (see groupFlagsOf). Never NULL, so NOT of it is safe. */
export function yrdProject(): string {
  return `(coalesce(group_flags, 0) & ${groupFlagBit.yrd}) <> 0`;
}

export function ownershipIs(ownership: Ownership, column = 'ownership'): string {
  return `${column} = '${ownership}'`;
}

type Values = Record<string, string | number | null | undefined>;

const yrdProvinces = new Set<unknown>(provinces.filter((p) => p.yrd).map((p) => p.key));

/**
 * A project's group_flags. A flag is set when the project's investor, or a parent up its group,
 * carries it: a subsidiary of a 世界500强 group brings in a 世界500强 project. The walk up parent
 * links stops at a deleted investor (a deleted investor's own projects carry no flag) and on a
 * cycle. 长三角: a domestic project from 上海, 江苏, 浙江 or 安徽: by its own province, or, without
 * one, by its (not deleted) investor's. `region` is the project's derived region.
 */
export function groupFlagsOf(
  project: Values,
  region: string | null,
  investor: (id: string) => Values | undefined,
): number {
  let bits = 0;
  const seen = new Set<string>();
  let id = typeof project.investor_id === 'string' ? project.investor_id : null;
  const own = id === null ? undefined : investor(id);
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const row = investor(id);
    if (!row || row.deleted === 1) break;
    for (const [flag, column] of Object.entries(flagColumn)) {
      if (row[column] === 1) bits |= groupFlagBit[flag as InvestorFlag];
    }
    id = typeof row.parent_investor_id === 'string' ? row.parent_investor_id : null;
  }
  const province = project.province;
  const yrd =
    yrdProvinces.has(province) ||
    ((province === null || province === undefined || province === '') &&
      region === 'domestic' &&
      own !== undefined &&
      own.deleted !== 1 &&
      yrdProvinces.has(own.province));
  return yrd ? bits | groupFlagBit.yrd : bits;
}
