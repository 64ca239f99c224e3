// Investors before they get an id: a real group, a real group's China arm or a central SOE's
// subsidiary, or a composed domestic or foreign company with a name not used before.
import { countryByCode } from '../../domain/countries';
import type { Region } from '../../domain/countries';
import type { Ownership, Province } from '../../domain/vocabulary';
import {
  brandFirst,
  brandSecond,
  chinaHqCities,
  foreignParts,
  localSoeKinds,
  offshore,
  subsidiaryForms,
} from './data/companies';
import { domesticHome, provinceLabel } from './data/geography';
import {
  genericWords,
  industrialIndices,
  industryInfos,
  nonIndustrialIndices,
} from './data/industries';
import type { IndustryInfo } from './data/industries';
import type { NameStyle } from './data/people';
import type { RealGroup } from './data/real-groups';
import type { Rng } from './random';
import type { Investor } from './types';

export interface InvestorDraft {
  nameZh: string;
  nameEn: string | null;
  aliases: string[];
  short: string;
  shortEn: string | null;
  country: string;
  province: Province | null;
  ownership: Ownership | null;
  industry: number;
  city: string;
  flags: string;
  real: boolean;
  style: NameStyle;
  parent: Investor | null;
}

function styleOf(country: string): NameStyle {
  if (
    country === 'CN' ||
    country === 'HK' ||
    country === 'TW' ||
    country === 'SG' ||
    offshore.has(country)
  )
    return 'zh';
  if (country === 'DE') return 'de';
  if (country === 'JP') return 'jp';
  if (country === 'KR') return 'kr';
  const region = countryByCode(country)?.region;
  return region === 'eu_us' ? 'west' : 'other';
}

export function realDraft(g: RealGroup, region: Region): InvestorDraft {
  const domestic = region === 'domestic';
  return {
    nameZh: g.nameZh,
    nameEn: g.nameEn,
    aliases: g.aliases,
    short: g.aliases[0] ?? g.nameZh,
    shortEn: g.aliases.find((a) => !/[\u4e00-\u9fff]/.test(a)) ?? null,
    country: domestic ? 'CN' : g.home,
    province: domestic ? (g.home as Province) : null,
    ownership: domestic ? g.ownership : null,
    industry: g.industry,
    city: g.city,
    flags: g.flags,
    real: true,
    style: styleOf(domestic ? 'CN' : g.home),
    parent: null,
  };
}

/** A real group's China arm (foreign) or a central SOE's subsidiary (domestic). */
export function subsidiaryDraft(
  rng: Rng,
  parent: Investor,
  region: Region,
  used: Set<string>,
): InvestorDraft | null {
  let nameZh: string;
  let nameEn: string | null;
  let industry = parent.industry;
  if (region === 'domestic') {
    industry = rng.pick(industrialIndices);
    const [wz] = rng.pick((industryInfos[industry] as IndustryInfo).words);
    nameZh = `${parent.short}${wz}${rng.pick(['有限公司', '科技有限公司', '投资有限公司'])}`;
    nameEn = null;
  } else {
    const [fz, fe] = rng.pick(subsidiaryForms);
    nameZh = parent.short + fz;
    nameEn = parent.shortEn ? `${parent.shortEn} ${fe}` : null;
  }
  if (used.has(nameZh)) return null;
  return {
    nameZh,
    nameEn,
    aliases: region === 'domestic' ? [] : [`${parent.short}中国`],
    short: parent.short,
    shortEn: parent.shortEn,
    country: parent.country,
    province: parent.province,
    ownership: parent.ownership,
    industry,
    city: parent.city,
    // A group's arm counts as the group's: 世界500强 and 央企 projects are reported by parent.
    flags: (parent.flags.includes('f') ? 'f' : '') + (region === 'domestic' ? 's' : 'w'),
    real: false,
    style: parent.style,
    parent,
  };
}

function chineseBrand(rng: Rng): [string, string] {
  const [az, ap] = rng.pick(brandFirst);
  let [bz, bp] = rng.pick(brandSecond);
  while (bz === az) [bz, bp] = rng.pick(brandSecond);
  return [az + bz, ap.charAt(0).toUpperCase() + ap.slice(1) + bp];
}

function uniqueName(used: Set<string>, base: string): string {
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base}（${n}）`;
    if (!used.has(name)) return name;
  }
}

/** A legal form that does not repeat the trade word: 视觉科技 + 股份有限公司, not 视觉科技科技…. */
function pickLegal(rng: Rng, word: string, forms: readonly string[]): string {
  const form = rng.pick(forms);
  return (word.endsWith('科技') || word.endsWith('技术')) && form.startsWith('科技')
    ? form.slice(2)
    : form;
}

export function domesticDraft(rng: Rng, used: Set<string>): InvestorDraft {
  const [province, , cities] = domesticHome.pick(rng);
  const city = rng.pick(cities);
  const industry = rng.chance(0.9) ? rng.pick(industrialIndices) : rng.pick(nonIndustrialIndices);
  const base = {
    nameEn: null,
    shortEn: null,
    country: 'CN',
    province,
    industry,
    city,
    real: false,
    style: 'zh' as const,
    parent: null,
  };
  if (rng.chance(0.08)) {
    const [kind, abbr] = rng.pick(localSoeKinds);
    const nameZh = `${city}${kind}集团有限公司`;
    if (!used.has(nameZh)) {
      const short = city + abbr;
      return { ...base, nameZh, aliases: [short], short, ownership: 'local_soe', flags: '' };
    }
  }
  const words = (industryInfos[industry] as IndustryInfo).words;
  let nameZh = '';
  let short = '';
  let word = '';
  for (let attempt = 0; attempt < 8; attempt++) {
    [word] = rng.pick(words);
    [short] = chineseBrand(rng);
    const place = rng.chance(0.7) ? city : (provinceLabel[province] ?? city);
    const legal = pickLegal(rng, word, [
      '科技股份有限公司',
      '科技有限公司',
      '股份有限公司',
      '集团有限公司',
      '有限公司',
    ]);
    nameZh = `${place}${short}${word}${legal}`;
    if (!used.has(nameZh)) break;
  }
  nameZh = uniqueName(used, nameZh);
  const listed = nameZh.includes('股份') && rng.chance(0.4);
  return {
    ...base,
    nameZh,
    aliases: [short + word],
    short,
    ownership: 'private',
    flags: (listed ? 'l' : '') + (rng.chance(0.05) ? 'w' : '') + (rng.chance(0.01) ? 'c' : ''),
  };
}

export function foreignDraft(rng: Rng, country: string, used: Set<string>): InvestorDraft {
  const industry = rng.chance(0.9) ? rng.pick(industrialIndices) : rng.pick(nonIndustrialIndices);
  const own = (industryInfos[industry] as IndustryInfo).words;
  const pickWord = () => (rng.chance(0.65) ? rng.pick(own) : rng.pick(genericWords));
  let nameZh = '';
  let nameEn = '';
  let short = '';
  let shortEn = '';
  const fp = foreignParts[country];
  for (let attempt = 0; attempt < 12; attempt++) {
    const [wz, we] = pickWord();
    if (!fp) {
      // Offshore holding of a Chinese-run group: 恒瑞新能源国际控股有限公司.
      [short, shortEn] = chineseBrand(rng);
      nameZh = `${short}${wz}国际控股有限公司`;
      nameEn = `${shortEn} ${we} International Holdings Limited`;
    } else {
      let [bz, be] = rng.pick(fp.brands);
      if (attempt >= 6) {
        const [cz, ce] = rng.pick(fp.brands);
        if (cz !== bz) {
          bz = `${bz}·${cz}`;
          be = `${be}-${ce}`;
        }
      }
      short = bz;
      shortEn = be;
      nameZh = `${bz}${wz}${rng.pick(fp.legalZh)}`;
      nameEn = `${be} ${we} ${rng.pick(fp.legalEn)}`;
    }
    if (!used.has(nameZh)) break;
  }
  nameZh = uniqueName(used, nameZh);
  return {
    nameZh,
    nameEn,
    aliases: [short, shortEn],
    short,
    shortEn,
    country,
    province: null,
    ownership: null,
    industry,
    city: rng.pick(fp?.cities ?? chinaHqCities),
    flags: (rng.chance(0.2) ? 'l' : '') + (rng.chance(0.1) ? 'w' : ''),
    real: false,
    style: fp?.style ?? 'zh',
    parent: null,
  };
}
