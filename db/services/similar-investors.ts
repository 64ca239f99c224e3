// Duplicate-investor warning (撞单): existing investors whose Chinese or English name or alias
// resembles a new name once legal forms, brackets, width, case, accents and traditional or
// simplified characters are set aside.
import type { z } from 'zod';
import { resemblance } from '../../domain/investor-names';
import { readTextList } from '../../domain/stored-values';
import type { SimilarInvestor, similarInput } from '../../domain/search';
import type { Tx } from '../app-database';
import { toSimplified } from '../search-fold';

export function similarInvestors(tx: Tx, input: z.output<typeof similarInput>): SimilarInvestor[] {
  const rows = tx.sql
    .prepare(
      `SELECT id, name_zh, name_en, aliases,
              (SELECT count(*) FROM project p WHERE p.investor_id = investor.id AND p.deleted = 0) AS projects
       FROM investor WHERE deleted = 0`,
    )
    .all() as {
    id: string;
    name_zh: string | null;
    name_en: string | null;
    aliases: string | null;
    projects: number;
  }[];
  const candidate = toSimplified(input.name);
  const found: (SimilarInvestor & { exact: boolean })[] = [];
  for (const row of rows) {
    if (row.id === input.excludeId) continue;
    const names = [row.name_zh, row.name_en, ...readTextList(row.aliases)];
    for (const name of names) {
      const match = name ? resemblance(candidate, toSimplified(name)) : null;
      if (match && name) {
        found.push({
          id: row.id,
          nameZh: row.name_zh ?? '',
          nameEn: row.name_en,
          matchedOn: name,
          projectCount: row.projects,
          exact: match === 'same',
        });
        break;
      }
    }
  }
  return found
    .sort((a, b) => Number(b.exact) - Number(a.exact) || b.projectCount - a.projectCount)
    .slice(0, 10)
    .map(({ exact: _, ...investor }) => investor);
}
