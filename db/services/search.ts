// Quick search (Ctrl+K): projects and investors by Chinese or English name, alias or project code,
// pinyin or initials of a Chinese name, traditional or simplified characters, every word of the
// query found (domain/search-text.ts, db/search-fold.ts). `search` (the CLI's) adds contacts and
// ranks every kind together: a code given exactly (项目编号, 项目代码, 统一社会信用代码), then a
// name that starts with the query, one that holds it, then any other match (pinyin, an alias).
import type { z } from 'zod';
import { normaliseCode } from '../../domain/identity-codes';
import type {
  QuickSearchResult,
  SearchHit,
  SearchMatch,
  SearchResults,
  quickSearchInput,
  searchInput,
} from '../../domain/search';
import { foldForSearch } from '../../domain/search-text';
import { labelOf, offices } from '../../domain/vocabulary';
import type { Tx } from '../app-database';
import { queryTerms, toSimplified } from '../search-fold';
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

const matches: readonly SearchMatch[] = ['code', 'prefix', 'contains', 'other'];
const kinds: readonly SearchHit['kind'][] = ['project', 'investor', 'contact'];

/** A row's rank by its name (folded as the query is): 1 starts with it, 2 holds it, 3 neither. */
const nameRank = (name: string) =>
  `CASE WHEN instr(zs_fold(${name}), @folded) = 1 THEN 1
        WHEN instr(zs_fold(${name}), @folded) > 0 THEN 2 ELSE 3 END`;

type Row = Omit<SearchHit, 'match' | 'kind'> & { rank: number };

export function searchAll(tx: Tx, input: z.output<typeof searchInput>): SearchResults {
  const terms = queryTerms(input.q);
  if (terms.length === 0) return { results: [] };
  const code = normaliseCode(input.q);
  const params = {
    raw: input.q.trim(),
    code,
    folded: foldForSearch(toSimplified(input.q)),
    limit: input.limit,
  };
  const [projectMatch, projectParams] = allTermsLike('search_text', terms);
  const projects = tx.sql
    .prepare(
      `SELECT id, name, office_id AS office, code, project_code AS projectCode, NULL AS creditCode,
         investor_name AS investor,
         CASE WHEN code = @raw COLLATE NOCASE OR project_code = @code THEN 0
              ELSE ${nameRank('name')} END AS rank
       FROM project
       WHERE deleted = 0 AND (code = @raw COLLATE NOCASE OR project_code = @code OR (${projectMatch}))
       ORDER BY rank, length(name), name LIMIT @limit`,
    )
    .all(...projectParams, params) as Row[];
  const [investorMatch, investorParams] = allTermsLike(investorSearchText, terms);
  const investors = tx.sql
    .prepare(
      `SELECT id, name_zh AS name, NULL AS office, NULL AS code, NULL AS projectCode,
         credit_code AS creditCode, NULL AS investor,
         CASE WHEN credit_code = @code THEN 0 ELSE ${nameRank('name_zh')} END AS rank
       FROM investor
       WHERE deleted = 0 AND (credit_code = @code OR (${investorMatch}))
       ORDER BY rank, length(name_zh), name_zh LIMIT @limit`,
    )
    .all(...investorParams, params) as Row[];
  // Contacts have no stored search text: their names are spelled on the fly (people's names are
  // short, and the folding remembers each).
  const [contactMatch, contactParams] = allTermsLike('zs_search(c.name, NULL, NULL, NULL)', terms);
  const contacts = tx.sql
    .prepare(
      `SELECT c.id, c.name, p.office_id AS office, p.code, NULL AS projectCode,
         NULL AS creditCode, coalesce(i.name_zh, pi.name_zh) AS investor,
         ${nameRank('c.name')} AS rank
       FROM contact c
       LEFT JOIN project p ON p.id = c.project_id AND p.deleted = 0
       LEFT JOIN investor i ON i.id = c.investor_id AND i.deleted = 0
       LEFT JOIN investor pi ON pi.id = p.investor_id AND pi.deleted = 0
       WHERE c.deleted = 0 AND ${contactMatch}
       ORDER BY rank, length(c.name), c.name LIMIT @limit`,
    )
    .all(...contactParams, params) as Row[];
  const hits = [
    ...projects.map((r) => hit('project', r)),
    ...investors.map((r) => hit('investor', r)),
    ...contacts.map((r) => hit('contact', r)),
  ];
  hits.sort(
    (a, b) =>
      matches.indexOf(a.match) - matches.indexOf(b.match) ||
      kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
      a.name.length - b.name.length,
  );
  return { results: hits.slice(0, input.limit) };
}

function hit(kind: SearchHit['kind'], row: Row): SearchHit {
  return {
    kind,
    id: row.id,
    name: row.name,
    office: labelOf(offices, row.office),
    code: row.code,
    projectCode: row.projectCode,
    creditCode: row.creditCode,
    investor: row.investor,
    match: matches[row.rank]!,
  };
}
