// Investor names as people write them: the same group appears as 西门子, 西门子（中国）有限公司 and
// Siemens AG. `nameKey` reduces a name to what identifies the group, so a new investor that
// resembles an existing one is caught at entry — the first defence against 撞单.

// Legal forms and generic words, longest first so 股份有限公司 goes before 有限公司.
const chineseNoise = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '株式会社',
  '（中国）',
  '(中国)',
  '中国区',
  '控股',
  '集团',
  '股份',
  '公司',
];
const latinNoise = [
  'co',
  'ltd',
  'limited',
  'gmbh',
  'ag',
  'se',
  'sa',
  'nv',
  'bv',
  'sarl',
  'srl',
  'pte',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'company',
  'plc',
  'llc',
  'kg',
  'holding',
  'holdings',
  'group',
  'china',
];

// One pass over the name: the alternatives in the order above, so the longest form wins.
export const chinesePattern = new RegExp(
  chineseNoise.map((n) => n.normalize('NFKC').replace(/[()]/g, '\\$&')).join('|'),
  'g',
);
export const latinWords = new Set(latinNoise);

// Marks on Latin letters only: stripping every mark would also drop the dakuten of ガ or ド.
const latinMarks = /(\p{Script=Latin})\p{M}+/gu;

// Letters with dots, as legal forms are abbreviated (S.A., N.V., S.p.A.), written as one word.
const dottedLetters = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,4}(?![\p{L}\p{N}])/gu;

/** Width-folded (NFKC), lower case, Latin letters without accents, S.A. as sa: Nestlé → nestle. */
export function plainLetters(text: string): string {
  return text
    .normalize('NFD')
    .replace(latinMarks, '$1')
    .normalize('NFKC')
    .toLowerCase()
    .replace(dottedLetters, (letters) => letters.replaceAll('.', ''));
}

/**
 * The identifying part of a name: width-folded, lower-case, without accents, legal forms or
 * punctuation.
 */
export function nameKey(name: string): string {
  const words = plainLetters(name)
    .replace(chinesePattern, ' ')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !latinWords.has(w));
  return words.join('');
}

/** Why two names look like one investor, or null: equal keys, or one key inside the other. */
export function resemblance(candidate: string, existing: string): 'same' | 'contains' | null {
  const a = nameKey(candidate);
  const b = nameKey(existing);
  if (a.length < 2 || b.length < 2) return a !== '' && a === b ? 'same' : null;
  if (a === b) return 'same';
  return a.includes(b) || b.includes(a) ? 'contains' : null;
}
