// 首报首谈 credit for the ranking (docs/domain.md): a signed project is credited to whoever holds it.
// Without claims that is its own office and promoter, as the signing counts are. With claims, the
// holder (the project's holder claim, else its investor's) takes the place of the project's office
// and promoter, and each 以商引商 or 委托招商 claim on the project or its investor takes its share.
// Shares synced from two offices may add up to over 100%: they are then scaled to 100 together and
// the holder is left nothing. Only the projects with claims are read one by one, so the cost grows
// with the claims, not with the year's signings.
import type { Credit } from '../../../domain/dashboard';
import type { Tx } from '../../app-database';
import { claimHolders } from '../claims';
import { LIVE, SIGNED, inMonths } from './conditions';
import type { Scope } from './scope';
import type { SigningGroup } from './signings';

export interface Credits {
  offices: Map<string, Credit>;
  promoters: Map<string, Credit>;
}

interface Claimant {
  office: string | null;
  promoter: string | null;
}

interface ClaimedProject extends Claimant {
  id: string;
  investorId: string | null;
  totalCny: number;
  contractedFdiUsd: number;
}

const emptyCredit = (): Credit => ({ signed: 0, totalCny: 0, contractedFdiUsd: 0 });

function add(into: Map<string, Credit>, key: string | null, amounts: Credit, weight: number) {
  if (key === null || weight === 0) return;
  const c = into.get(key) ?? emptyCredit();
  c.signed += amounts.signed * weight;
  c.totalCny += amounts.totalCny * weight;
  c.contractedFdiUsd += amounts.contractedFdiUsd * weight;
  into.set(key, c);
}

function credit(into: Credits, who: Claimant, amounts: Credit, weight: number) {
  add(into.offices, who.office, amounts, weight);
  add(into.promoters, who.promoter, amounts, weight);
}

export function claimCredits(tx: Tx, scope: Scope, groups: SigningGroup[]): Credits {
  const out: Credits = { offices: new Map(), promoters: new Map() };
  for (const g of groups) {
    const amounts = {
      signed: g.signed,
      totalCny: g.totalCny,
      contractedFdiUsd: g.contractedFdiUsd,
    };
    credit(out, { office: g.office, promoter: g.owner }, amounts, 1);
  }
  const { claims, holders } = claimHolders(tx);
  const claimed = new Set(claims.map((c) => c.subjectId));
  const holderOf = new Map(holders.map((h) => [h.subjectId, h]));
  for (const p of claimedSignings(tx, scope, claimed)) {
    const amounts = { signed: 1, totalCny: p.totalCny, contractedFdiUsd: p.contractedFdiUsd };
    const onIt = (subject: string | null) => subject !== null && claimed.has(subject);
    const shares = claims.filter(
      (c) => c.role !== 'holder' && (c.subjectId === p.id || c.subjectId === p.investorId),
    );
    const holder = holderOf.get(p.id) ?? (onIt(p.investorId) ? holderOf.get(p.investorId!) : null);
    if (!holder && shares.length === 0) continue;
    const total = shares.reduce((sum, c) => sum + (c.share ?? 0), 0);
    const scale = total > 100 ? 100 / total : 1;
    // Take the project back from its own office and promoter, then give it out by the claims.
    credit(out, p, amounts, -1);
    const holderWeight = 1 - (total * scale) / 100;
    credit(
      out,
      holder ? { office: holder.officeId, promoter: holder.promoterId } : p,
      amounts,
      holderWeight,
    );
    for (const c of shares) {
      credit(
        out,
        { office: c.officeId, promoter: c.promoterId },
        amounts,
        ((c.share ?? 0) * scale) / 100,
      );
    }
  }
  for (const map of [out.offices, out.promoters]) {
    for (const c of map.values()) roundCredit(c);
  }
  return out;
}

/** Sums of fractions leave float dust (1e-9 of a project); credit is shown to a tenth. */
function roundCredit(c: Credit) {
  c.signed = Math.round(c.signed * 1e4) / 1e4;
  c.totalCny = Math.round(c.totalCny * 100) / 100;
  c.contractedFdiUsd = Math.round(c.contractedFdiUsd * 100) / 100;
}

/** The year's signings in scope that have a claim on themselves or on their investor. */
function claimedSignings(tx: Tx, scope: Scope, claimed: Set<string>): ClaimedProject[] {
  const ids = JSON.stringify([...claimed]);
  return tx.sql
    .prepare(
      `SELECT id, investor_id AS investorId, office_id AS office, owner_id AS promoter,
         coalesce(total_cny, 0) AS totalCny, coalesce(contracted_fdi_usd, 0) AS contractedFdiUsd
       FROM project
       WHERE (id IN (SELECT value FROM json_each(@claimed))
           OR investor_id IN (SELECT value FROM json_each(@claimed)))
         AND ${LIVE} AND ${inMonths('signed_on')} AND ${SIGNED}`,
    )
    .all({ ...scope.params, claimed: ids }) as ClaimedProject[];
}
