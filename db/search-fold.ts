// Chinese names as people type them (issue 18, point 5): traditional characters fold to
// simplified (opencc-js, Hong Kong and Taiwan forms: 臺積電 → 台积电), and a Chinese name is also
// found by its toneless pinyin written together (西门子 → ximenzi) and by its initials (xmz), from
// pinyin-pro's most common reading in context. Both libraries carry their dictionaries in the
// package; they live on the main side so the renderer's bundle never loads them.
import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';
import { chinesePattern } from '../domain/investor-names';
import { foldForSearch, searchTerms } from '../domain/search-text';
import { readTextList } from '../domain/stored-values';

let converter: ((text: string) => string) | undefined;
const simplifiedSeen = new Map<string, string>();

/**
 * Simplified characters for traditional ones (Hong Kong and Taiwan variants included).
 * Remembered: the duplicate check folds every investor's names on each keystroke.
 */
export function toSimplified(text: string): string {
  if (/^[\p{ASCII}]*$/u.test(text)) return text;
  let simplified = simplifiedSeen.get(text);
  if (simplified === undefined) {
    converter ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
    simplified = converter(text);
    if (simplifiedSeen.size >= 200_000) simplifiedSeen.clear();
    simplifiedSeen.set(text, simplified);
  }
  return simplified;
}

const han = /\p{Script=Han}/u;
const notHan = /[^\p{Script=Han}]+/gu;

/**
 * A name's pinyin and initials ("ximenzi xmz"), of its Chinese characters without legal forms, or
 * '' when it has none. Remembered: investors' names recur in every project and on every search.
 */
function pinyinOf(simplified: string): string {
  if (!han.test(simplified)) return '';
  let found = pinyinSeen.get(simplified);
  if (found === undefined) {
    const chinese = simplified.normalize('NFKC').replace(chinesePattern, '').replace(notHan, '');
    const syllables = chinese ? pinyin(chinese, { toneType: 'none', type: 'array', v: true }) : [];
    found = syllables.length ? `${syllables.join('')} ${syllables.map((s) => s[0]).join('')}` : '';
    if (pinyinSeen.size >= 100_000) pinyinSeen.clear();
    pinyinSeen.set(simplified, found);
  }
  return found;
}
const pinyinSeen = new Map<string, string>();

/**
 * What a row is found by: its parts in simplified characters, folded (domain/search-text.ts), then
 * the pinyin and initials of the Chinese ones.
 */
export function searchTextOf(parts: readonly unknown[]): string {
  const texts = parts
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .map(toSimplified);
  const words = texts.map(foldForSearch);
  for (const text of texts) {
    const spelled = pinyinOf(text);
    if (spelled) words.push(spelled);
  }
  return words.filter((w) => w !== '').join(' ');
}

/** The words of a query (domain/search-text.ts), traditional characters as simplified. */
export function queryTerms(query: string): string[] {
  return searchTerms(toSimplified(query));
}

const investorTexts = new Map<string, string>();

/**
 * An investor's search text from its names, stored aliases and 统一社会信用代码, remembered per
 * investor (a bulk derive meets the same investor once per project).
 */
export function investorSearchText(
  nameZh: unknown,
  nameEn: unknown,
  aliases: unknown,
  creditCode: unknown,
): string {
  const key = `${String(nameZh)}\u0000${String(nameEn)}\u0000${String(aliases)}\u0000${String(creditCode)}`;
  let text = investorTexts.get(key);
  if (text === undefined) {
    text = searchTextOf([nameZh, nameEn, ...readTextList(aliases), creditCode]);
    if (investorTexts.size >= 200_000) investorTexts.clear();
    investorTexts.set(key, text);
  }
  return text;
}

/** Forgets every remembered spelling, as a process just started (for the bench's cold figures). */
export function forgetSpellings(): void {
  simplifiedSeen.clear();
  pinyinSeen.clear();
  investorTexts.clear();
}
