// The ranking (以项目论英雄): offices and promoters by the year's signings, ordered by their
// 首报首谈 credit (claim-credit.ts), which is the signings themselves where nobody has claimed.
import type { Credit, RankingRow } from '../../../domain/dashboard';
import { labelOf, offices } from '../../../domain/vocabulary';
import type { Tx } from '../../app-database';
import type { Credits } from './claim-credit';
import type { Scope } from './scope';
import type { SigningGroup, Tally } from './signings';
import { emptyTally, tallyBy } from './signings';

const noCredit: Credit = { signed: 0, totalCny: 0, contractedFdiUsd: 0 };

function rankingRow(
  id: string,
  name: string,
  office: string | null,
  t: Tally,
  credit: Credit | undefined,
): RankingRow {
  return {
    id,
    name,
    office,
    signed: t.signed,
    byTier: { t100: t.t100, t50_100: t.t50_100, t10_50: t.t10_50, t1_10: t.t1_10 },
    totalCny: t.totalCny,
    contractedFdiUsd: t.contractedFdiUsd,
    landed: t.landed,
    credit: credit ?? noCredit,
  };
}

const byResult = (a: RankingRow, b: RankingRow) =>
  b.credit.totalCny - a.credit.totalCny ||
  b.credit.signed - a.credit.signed ||
  b.totalCny - a.totalCny ||
  b.signed - a.signed ||
  a.name.localeCompare(b.name, 'zh-CN');

export function officeRanking(
  scope: Scope,
  groups: SigningGroup[],
  credits: Credits,
): RankingRow[] {
  const byOffice = tallyBy(groups, (g) => g.office);
  const keys = scope.office ? [scope.office] : offices.map((o) => o.key);
  return keys
    .map((key) =>
      rankingRow(
        key,
        labelOf(offices, key) ?? key,
        key,
        byOffice.get(key) ?? emptyTally(),
        credits.offices.get(key),
      ),
    )
    .sort(byResult);
}

export function promoterRanking(tx: Tx, groups: SigningGroup[], credits: Credits): RankingRow[] {
  const promoters = new Map(
    (
      tx.sql.prepare('SELECT id, name, office_id AS office FROM promoter').all() as {
        id: string;
        name: string;
        office: string | null;
      }[]
    ).map((p) => [p.id, p]),
  );
  // A promoter's office: the one most of their signings belong to, else their own.
  const signedIn = new Map<string, Map<string | null, number>>();
  for (const g of groups) {
    if (g.owner === null) continue;
    const byOffice = signedIn.get(g.owner) ?? new Map<string | null, number>();
    byOffice.set(g.office, (byOffice.get(g.office) ?? 0) + g.signed);
    signedIn.set(g.owner, byOffice);
  }
  const officeOf = (owner: string) =>
    [...(signedIn.get(owner) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0] ??
    promoters.get(owner)?.office ??
    null;
  const tallies = tallyBy(groups, (g) => g.owner);
  // Credited by a claim alone (a 以商引商 referrer, say) ranks too, with no signings of their own.
  const ids = new Set([...tallies.keys(), ...credits.promoters.keys()]);
  return [...ids]
    .map((id) =>
      rankingRow(
        id,
        promoters.get(id)?.name ?? '（未知）',
        officeOf(id),
        tallies.get(id) ?? emptyTally(),
        credits.promoters.get(id),
      ),
    )
    .filter((r) => r.signed > 0 || r.credit.signed > 0)
    .sort(byResult);
}
