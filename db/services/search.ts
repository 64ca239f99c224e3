// Quick search (Ctrl+K): projects and investors by Chinese or English name, alias or project code,
// pinyin or initials of a Chinese name, traditional or simplified characters, every word of the
// query found (domain/search-text.ts, db/search-fold.ts).
import type { z } from 'zod';
import type { QuickSearchResult, quickSearchInput } from '../../domain/search';
import type { Tx } from '../app-database';
import { queryTerms } from '../search-fold';
import { allTermsLike } from '../search-match';
import { investorSearchText } from './entities';

export function quickSearch(tx: Tx, input: z.output<typeof quickSearchInput>): QuickSearchResult {
  const terms = queryTerms(input.q);
  if (terms.length === 0) return { projects: [], investors: [] };
  const [projectMatch, projectParams] = allTermsLike('search_text', terms);
  const projects = tx.sql
    .prepare(
      `SELECT id, name, code, investor_name AS investor FROM project
       WHERE deleted = 0 AND ${projectMatch}
       ORDER BY instr(zs_fold(name), ?) = 0, length(name), updated_at DESC LIMIT ?`,
    )
    .all(...projectParams, terms[0], input.limit) as QuickSearchResult['projects'];
  const [investorMatch, investorParams] = allTermsLike(investorSearchText, terms);
  const investors = tx.sql
    .prepare(
      `SELECT id, name_zh AS nameZh, name_en AS nameEn FROM investor
       WHERE deleted = 0 AND ${investorMatch}
       ORDER BY length(name_zh) LIMIT ?`,
    )
    .all(...investorParams, input.limit) as QuickSearchResult['investors'];
  return { projects, investors };
}
