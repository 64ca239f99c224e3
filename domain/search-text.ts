// Search that forgives the way people type: full-width and half-width forms are one (NFKC), case
// does not matter, punctuation separates words, spaces mean AND, and the legal-form words the
// duplicate check ignores (有限公司, (中国), Co., Ltd …) are ignored in the query too, and so are
// accents on Latin letters. So 「三井物产(中国)」 finds what 「三井物产（中国）」 finds, 「新能源 汽车」
// finds a project whose name holds both words, and "nestle" finds Nestlé. Traditional characters
// and pinyin are added on the main side (db/search-fold.ts): their dictionaries stay out of here.
import { chinesePattern, latinWords, plainLetters } from './investor-names';

const punctuation = /[\p{P}\p{S}]+/gu;

/** Width-folded, lower-case, without accents, punctuation as single spaces. */
export function foldForSearch(text: string): string {
  return plainLetters(text).replace(punctuation, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The words of a query, each to be found in the row's search text. Legal forms are dropped; a
 * query of legal forms only (「有限公司」) is searched as typed.
 */
export function searchTerms(query: string): string[] {
  const lower = plainLetters(query);
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
