// Who already holds an existing investor, for the 撞单 warning where a name is typed: the office and
// promoter behind its live projects, most projects first, a few at most. 首报首谈 claims (issue 18)
// are to join in investorHolders, the one place the warning asks, ahead of the projects' holders.
import type { InvestorHolder } from '../../domain/search';
import { labelOf, offices } from '../../domain/vocabulary';
import type { Tx } from '../app-database';

/** Enough to say who to call; the investor's page lists the rest. */
export const MAX_HOLDERS = 4;

export function investorHolders(tx: Tx, investorId: string): InvestorHolder[] {
  return projectHolders(tx, investorId).slice(0, MAX_HOLDERS);
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
