// Duplicate-investor warning (撞单): existing investors whose Chinese or English name or alias
// resembles a new name once legal forms, brackets, width, case, accents and traditional or
// simplified characters are set aside, and first of all the investor holding the same 统一社会信用代码,
// which is the same investor whatever the names (issue 18).
import type { z } from 'zod';
import { normaliseCode } from '../../domain/identity-codes';
import { resemblance } from '../../domain/investor-names';
import { readTextList } from '../../domain/stored-values';
import type { SimilarInvestor, similarInput } from '../../domain/search';
import type { Tx } from '../app-database';
import { toSimplified } from '../search-fold';
import { readDecisions } from './claims';
import { investorHolders } from './investor-holders';

interface Row {
  id: string;
  name_zh: string | null;
  name_en: string | null;
  aliases: string | null;
  projects: number;
}

const select = `SELECT id, name_zh, name_en, aliases,
    (SELECT count(*) FROM project p WHERE p.investor_id = investor.id AND p.deleted = 0) AS projects
  FROM investor WHERE deleted = 0`;

export function similarInvestors(tx: Tx, input: z.output<typeof similarInput>): SimilarInvestor[] {
  const found: (Omit<SimilarInvestor, 'holders'> & { exact: boolean })[] = [];
  const code = input.creditCode ? normaliseCode(input.creditCode) : '';
  if (code !== '') {
    const same = tx.sql.prepare(`${select} AND credit_code = ?`).all(code) as Row[];
    for (const row of same) {
      if (row.id === input.excludeId) continue;
      found.push({ ...investorOf(row, code), sameCreditCode: true, exact: true });
    }
  }
  const certain = new Set(found.map((f) => f.id));
  const rows = tx.sql.prepare(select).all() as Row[];
  const candidate = toSimplified(input.name);
  for (const row of rows) {
    if (row.id === input.excludeId || certain.has(row.id)) continue;
    const names = [row.name_zh, row.name_en, ...readTextList(row.aliases)];
    for (const name of names) {
      const match = name ? resemblance(candidate, toSimplified(name)) : null;
      if (match && name) {
        found.push({ ...investorOf(row, name), sameCreditCode: false, exact: match === 'same' });
        break;
      }
    }
  }
  // Decisions are read once per call, not once per investor shown, as the name is typed.
  const decisions = found.length > 0 ? readDecisions(tx) : new Map();
  return found
    .sort(
      (a, b) =>
        Number(b.sameCreditCode) - Number(a.sameCreditCode) ||
        Number(b.exact) - Number(a.exact) ||
        b.projectCount - a.projectCount,
    )
    .slice(0, 10)
    .map(({ exact: _, ...investor }) => ({
      ...investor,
      holders: investorHolders(tx, investor.id, decisions),
    }));
}

const investorOf = (row: Row, matchedOn: string) => ({
  id: row.id,
  nameZh: row.name_zh ?? '',
  nameEn: row.name_en,
  matchedOn,
  projectCount: row.projects,
});
