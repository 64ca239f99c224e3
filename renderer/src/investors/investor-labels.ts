// How an investor's stored values read on screen: country names for the 总部 picker and list, its
// 所在地, and the flags (世界500强 …) it carries.
import type { Country } from '../../../domain/countries';
import { countries, countryByCode } from '../../../domain/countries';
import type { InvestorRecord } from '../../../domain/entities';
import { investorFlags } from '../../../domain/vocabulary';

const collator = new Intl.Collator('zh-Hans-CN');

/** 中国 first (most investors are domestic groups or their Chinese arms), then by Chinese name. */
export const countryOptions: readonly Country[] = [
  ...countries.filter((c) => c.code === 'CN'),
  ...countries.filter((c) => c.code !== 'CN').sort((a, b) => collator.compare(a.nameZh, b.nameZh)),
];

/** 'DE' → '德国'; an unknown code stays as it is. */
export function countryName(code: string | null): string | null {
  if (code === null) return null;
  return countryByCode(code)?.nameZh ?? code;
}

/** The labels of the flags an investor has, in the vocabulary's order. */
export function flagLabels(investor: Pick<InvestorRecord, (typeof investorFlags)[number]['key']>) {
  return investorFlags.filter((f) => investor[f.key]).map((f) => f.label);
}

/** 所在地, short: '浙江 嘉兴市', '上海市' (a city naming its province says it alone), '' for none. */
export function locationText(investor: Pick<InvestorRecord, 'province' | 'city'>): string {
  const { province, city } = investor;
  if (province && city?.startsWith(province)) return city;
  return [province, city].filter(Boolean).join(' ');
}
