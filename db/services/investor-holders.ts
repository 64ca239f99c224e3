// Who already holds an existing investor, for the 撞单 warning where a name is typed: its 首报首谈
// holder claim first (docs/domain.md), then the office and promoter behind its live projects, most
// projects first, a few at most.
import type { InvestorHolder } from '../../domain/search';
import { labelOf, offices } from '../../domain/vocabulary';
import type { Tx } from '../app-database';
import type { ClaimDecisions } from './claims';
import { subjectHolder } from './claims';

/** Enough to say who to call; the investor's page lists the rest. */
export const MAX_HOLDERS = 4;

export function investorHolders(
  tx: Tx,
  investorId: string,
  decisions: ClaimDecisions,
): InvestorHolder[] {
  const claim = subjectHolder(tx, investorId, decisions);
  const holders = projectHolders(tx, investorId);
  if (!claim) return holders;
  return [
    {
      source: 'claim',
      office: labelOf(offices, claim.officeId),
      promoter: claim.promoterName,
      projects: 0,
      claimedOn: claim.claimedOn,
      decided: claim.decided,
    },
    ...holders.slice(0, MAX_HOLDERS - 1),
  ];
}

function projectHolders(tx: Tx, investorId: string): InvestorHolder[] {
  const rows = tx.sql
    .prepare(
      `SELECT p.office_id AS office, pr.name AS promoter, count(*) AS projects
       FROM project p LEFT JOIN promoter pr ON pr.id = p.owner_id AND pr.deleted = 0
       WHERE p.investor_id = ? AND p.deleted = 0
       GROUP BY p.office_id, pr.name
       ORDER BY projects DESC, p.office_id, pr.name
       LIMIT ?`,
    )
    .all(investorId, MAX_HOLDERS) as {
    office: string | null;
    promoter: string | null;
    projects: number;
  }[];
  return rows.map((r) => ({
    source: 'project',
    office: labelOf(offices, r.office),
    promoter: r.promoter,
    projects: r.projects,
  }));
}
