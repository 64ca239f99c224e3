// 分类统计: the year's signings and the pipeline on as-of by investor-group flag (世界500强, 国内100强,
// 央企, 上市, 知名), 长三角 and ownership, each under its condition of project-groups.ts.
import type { BreakdownKey, BreakdownRow } from '../../../domain/dashboard';
import { breakdownKeys } from '../../../domain/dashboard';
import type { InvestorFlag, Ownership } from '../../../domain/vocabulary';
import { investorFlags, labelOf, ownerships } from '../../../domain/vocabulary';
import type { Tx } from '../../app-database';
import { flaggedInvestor, ownershipIs, yrdProject } from '../project-groups';
import { ALIVE, LIVE, SIGNED } from './conditions';
import type { Scope } from './scope';

/** The condition over the project table that puts a project in a group. */
export function breakdownCondition(key: BreakdownKey): string {
  if (key === 'yrd') return yrdProject();
  const [kind, value] = key.split(':') as ['flag' | 'ownership', string];
  return kind === 'flag' ? flaggedInvestor(value as InvestorFlag) : ownershipIs(value as Ownership);
}

function labelFor(key: BreakdownKey): string {
  if (key === 'yrd') return '长三角';
  const [kind, value] = key.split(':') as ['flag' | 'ownership', string];
  return labelOf(kind === 'flag' ? investorFlags : ownerships, value);
}

function counts(tx: Tx, scope: Scope, within: string): Record<string, number> {
  const columns = breakdownKeys.flatMap((key, i) => [
    `count(CASE WHEN ${breakdownCondition(key)} THEN 1 END) AS n${i}`,
    `coalesce(sum(CASE WHEN ${breakdownCondition(key)} THEN total_cny END), 0) AS c${i}`,
  ]);
  return tx.sql
    .prepare(`SELECT ${columns.join(', ')} FROM project WHERE ${LIVE} AND ${within}`)
    .get(scope.params) as Record<string, number>;
}

/** `figures` reads the year's signings (on the basis's date), `scope` the pipeline on as-of. */
export function breakdownsOf(tx: Tx, scope: Scope, figures: Scope): BreakdownRow[] {
  const signed = counts(tx, figures, SIGNED);
  const pipeline = counts(tx, scope, ALIVE);
  return breakdownKeys.map((key, i) => ({
    key,
    group: key === 'yrd' ? 'yrd' : key.startsWith('flag:') ? 'flag' : 'ownership',
    label: labelFor(key),
    signed: signed[`n${i}`]!,
    signedCny: signed[`c${i}`]!,
    pipeline: pipeline[`n${i}`]!,
    pipelineCny: pipeline[`c${i}`]!,
  }));
}
