// Quick search (Ctrl+K): projects and investors by Chinese or English name, alias or project code.
import type { z } from 'zod';
import type { QuickSearchResult, quickSearchInput } from '../../domain/search';
import type { Tx } from '../app-database';

export function quickSearch(tx: Tx, input: z.output<typeof quickSearchInput>): QuickSearchResult {
  const q = input.q.toLowerCase();
  if (q === '') return { projects: [], investors: [] };
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const projects = tx.sql
    .prepare(
      `SELECT id, name, code, investor_name AS investor FROM project
       WHERE deleted = 0 AND search_text LIKE @pattern ESCAPE '\\'
       ORDER BY instr(lower(name), @q) = 0, length(name), updated_at DESC LIMIT @limit`,
    )
    .all({ pattern, q, limit: input.limit }) as QuickSearchResult['projects'];
  const investors = tx.sql
    .prepare(
      `SELECT id, name_zh AS nameZh, name_en AS nameEn FROM investor
       WHERE deleted = 0 AND (lower(name_zh) LIKE @pattern ESCAPE '\\' OR lower(name_en) LIKE @pattern ESCAPE '\\'
                              OR lower(aliases) LIKE @pattern ESCAPE '\\')
       ORDER BY length(name_zh) LIMIT @limit`,
    )
    .all({ pattern, limit: input.limit }) as QuickSearchResult['investors'];
  return { projects, investors };
}
