// The words of a search (domain/search-text.ts) as SQL: each word must be found (AND), in a
// project's or an investor's stored search text.
import type Database from 'better-sqlite3';
import { foldForSearch } from '../domain/search-text';
import { investorSearchText } from './search-fold';

/**
 * zs_fold(text): the text folded as a query is (no pinyin), to rank names. zs_search(name_zh,
 * name_en, aliases, credit_code): an investor's search text (db/search-fold.ts), for the rows sync
 * writes in SQL from the logged changes (Mutations.applyLoggedRows).
 */
export function installSearchFold(sqlite: Database.Database): void {
  sqlite.function('zs_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldForSearch(text) : null,
  );
  sqlite.function('zs_search', { deterministic: true }, investorSearchText);
}

/** A LIKE pattern (with ESCAPE '\') that finds `term` anywhere in a value. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `expr LIKE ? ESCAPE '\'` for every term, joined by AND, with its parameters ('1' for none). */
export function allTermsLike(expr: string, terms: readonly string[]): [string, string[]] {
  if (terms.length === 0) return ['1', []];
  return [terms.map(() => `${expr} LIKE ? ESCAPE '\\'`).join(' AND '), terms.map(likeContains)];
}
