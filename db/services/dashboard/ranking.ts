// The ranking (以项目论英雄): offices and promoters by the year's signings.
import type { RankingRow } from '../../../domain/dashboard';
import { labelOf, offices } from '../../../domain/vocabulary';
import type { Tx } from '../../app-database';
import type { Scope } from './scope';
import type { SigningGroup, Tally } from './signings';
import { emptyTally, tallyBy } from './signings';

function rankingRow(id: string, name: string, office: string | null, t: Tally): RankingRow {
  return {
    id,
    name,
    office,
    signed: t.signed,
    byTier: { t100: t.t100, t50_100: t.t50_100, t10_50: t.t10_50, t1_10: t.t1_10 },
    totalCny: t.totalCny,
    contractedFdiUsd: t.contractedFdiUsd,
    landed: t.landed,
  };
}

const byResult = (a: RankingRow, b: RankingRow) =>
  b.totalCny - a.totalCny || b.signed - a.signed || a.name.localeCompare(b.name, 'zh-CN');

export function officeRanking(scope: Scope, groups: SigningGroup[]): RankingRow[] {
  const byOffice = tallyBy(groups, (g) => g.office);
  const keys = scope.office ? [scope.office] : offices.map((o) => o.key);
  return keys
    .map((key) =>
      rankingRow(key, labelOf(offices, key) ?? key, key, byOffice.get(key) ?? emptyTally()),
    )
    .sort(byResult);
}

export function promoterRanking(tx: Tx, groups: SigningGroup[]): RankingRow[] {
  const names = new Map(
    (tx.sql.prepare('SELECT id, name FROM promoter').all() as { id: string; name: string }[]).map(
      (p) => [p.id, p.name],
    ),
  );
  // A promoter's office: the one most of their signings belong to.
  const signedIn = new Map<string, Map<string | null, number>>();
  for (const g of groups) {
    if (g.owner === null) continue;
    const byOffice = signedIn.get(g.owner) ?? new Map<string | null, number>();
    byOffice.set(g.office, (byOffice.get(g.office) ?? 0) + g.signed);
    signedIn.set(g.owner, byOffice);
  }
  const officeOf = (owner: string) =>
    [...(signedIn.get(owner) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return [...tallyBy(groups, (g) => g.owner)]
    .map(([id, t]) => rankingRow(id, names.get(id) ?? '（未知）', officeOf(id), t))
    .sort(byResult);
}
