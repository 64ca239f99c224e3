// The words of a search (domain/search-text.ts) as SQL: each word must be found (AND), in a
// project's stored search text or, for investors, in their names folded on the fly by zs_fold.
import type Database from 'better-sqlite3';
import { foldForSearch } from '../domain/search-text';

/** zs_fold(text): the text as searchText stores it; for columns that keep no folded copy. */
export function installSearchFold(sqlite: Database.Database): void {
  sqlite.function('zs_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldForSearch(text) : null,
  );
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
