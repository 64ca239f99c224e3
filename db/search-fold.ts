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
 * '' when it has none.
 */
function pinyinOf(simplified: string): string {
  const chinese = simplified.normalize('NFKC').replace(chinesePattern, '').replace(notHan, '');
  const syllables = chinese ? pinyin(chinese, { toneType: 'none', type: 'array', v: true }) : [];
  return syllables.length ? `${syllables.join('')} ${syllables.map((s) => s[0]).join('')}` : '';
}

/**
 * What a row is found by: its parts in simplified characters, folded (domain/search-text.ts), then
 * the pinyin and initials of the Chinese ones.
 */
export function searchTextOf(parts: readonly unknown[]): string {
  const words: string[] = [];
  const spellings: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string' || part === '') continue;
    const [folded, spelled] = wordsOf(part);
    if (folded) words.push(folded);
    if (spelled) spellings.push(spelled);
  }
  return words.concat(spellings).join(' ');
}

/**
 * One part's folded words and its pinyin. Those of Chinese parts are remembered: investors' names
 * recur in every project and on every search, and spelling costs most. Parts without Chinese
 * (codes, English names) are not, so that the names of 100,000 projects fit.
 */
function wordsOf(part: string): readonly [folded: string, spelled: string] {
  if (!han.test(part)) return [foldForSearch(toSimplified(part)), ''];
  let found = partsSeen.get(part);
  if (found === undefined) {
    const text = toSimplified(part);
    found = [foldForSearch(text), pinyinOf(text)];
    remember(part, found);
  }
  return found;
}
const partsSeen = new Map<string, readonly [string, string]>();

function remember(part: string, words: readonly [string, string]): void {
  if (partsSeen.size >= 200_000) partsSeen.clear();
  partsSeen.set(part, words);
}

/** A Chinese part, its folded words and its pinyin: what wordsOf remembers. */
export type Spelling = readonly [part: string, folded: string, spelled: string];

/** A part's spelling if it has Chinese, else null. */
export function spellingOf(part: string): Spelling | null {
  return han.test(part) ? [part, ...wordsOf(part)] : null;
}

/** Spellings made by spellingOf elsewhere (the demo's spelling thread), remembered as if here. */
export function rememberSpellings(spellings: readonly Spelling[]): void {
  for (const [part, folded, spelled] of spellings) {
    if (!partsSeen.has(part)) remember(part, [folded, spelled]);
  }
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
  partsSeen.clear();
  investorTexts.clear();
}
