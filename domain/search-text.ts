// Search that forgives the way people type: full-width and half-width forms are one (NFKC), case
// does not matter, punctuation separates words, spaces mean AND, and the legal-form words the
// duplicate check ignores (有限公司, (中国), Co., Ltd …) are ignored in the query too. So
// 「三井物产(中国)」 finds what 「三井物产（中国）」 finds, and 「新能源 汽车」 finds a project whose
// name holds both words.
import { chinesePattern, latinWords } from './investor-names';

const punctuation = /[\p{P}\p{S}]+/gu;

/** Width-folded, lower-case, punctuation as single spaces. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(punctuation, ' ').replace(/\s+/g, ' ').trim();
}

/** What a row is found by: its parts folded, one space between them. */
export function searchText(parts: readonly unknown[]): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .map(foldForSearch)
    .join(' ');
}

/**
 * The words of a query, each to be found in the row's search text. Legal forms are dropped; a
 * query of legal forms only (「有限公司」) is searched as typed.
 */
export function searchTerms(query: string): string[] {
  const lower = query.normalize('NFKC').toLowerCase();
  const words = lower
    .replace(chinesePattern, ' ')
    .replace(punctuation, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !latinWords.has(w));
  return words.length > 0
    ? words
    : foldForSearch(lower)
        .split(' ')
        .filter((w) => w !== '');
}
