// Investors: real groups, their China arms and composed names, about one per 2.5 projects; parents
// before their subsidiaries.
import { countryByCode } from '../../domain/countries';
import type { Region } from '../../domain/countries';
import { officeKeys } from '../../domain/vocabulary';
import type { OfficeKey } from '../../domain/vocabulary';
import { investorNotes } from './data/companies';
import { composedCountries, regionWeights } from './data/geography';
import { realDomesticGroups, realForeignGroups } from './data/real-groups';
import type { RealGroup } from './data/real-groups';
import type { DemoContext } from './context';
import { domesticDraft, foreignDraft, realDraft, subsidiaryDraft } from './investor-drafts';
import type { InvestorDraft } from './investor-drafts';
import type { Rng } from './random';
import type { DemoRow, Investor } from './types';

/** Projects per investor, on average: groups come back with 增资 and 二期 projects. */
const PROJECTS_PER_INVESTOR = 2.5;

export interface Investors {
  all: Investor[];
  /** Indices in all of the groups able to carry the largest projects. */
  big: number[];
}

/** Yields the investors of a demo of projectCount projects; returns them. */
export function* investorRows(
  ctx: DemoContext,
  projectCount: number,
): Generator<DemoRow, Investors> {
  const { rng, calendarStart, windowStart } = ctx;
  const investorCount =
    projectCount === 0 ? 0 : Math.max(1, Math.round(projectCount / PROJECTS_PER_INVESTOR));
  const investors: Investor[] = [];
  const bigInvestors: number[] = [];
  const usedNames = new Set<string>();
  const unusedReal: Record<Region, RealGroup[]> = {
    eu_us: [],
    de_jp: [],
    kr_sg_hk_tw: [],
    other_foreign: [],
    domestic: [...realDomesticGroups],
  };
  for (const g of realForeignGroups)
    unusedReal[countryByCode(g.home)?.region ?? 'other_foreign'].push(g);
  const usedReal: Record<Region, Investor[]> = {
    eu_us: [],
    de_jp: [],
    kr_sg_hk_tw: [],
    other_foreign: [],
    domestic: [],
  };

  for (let i = 0; i < investorCount; i++) {
    const region = regionWeights.pick(rng);
    const roll = rng.float();
    const pool = unusedReal[region];
    const parents = usedReal[region];
    let draft: InvestorDraft | null = null;
    if (roll < (region === 'domestic' ? 0.12 : 0.35) && pool.length > 0) {
      const k = rng.int(pool.length);
      const group = pool[k] as RealGroup;
      pool[k] = pool[pool.length - 1] as RealGroup;
      pool.pop();
      draft = realDraft(group, region);
    } else if (roll < 0.55 && parents.length > 0) {
      const parent = rng.pick(parents);
      if (region !== 'domestic' || parent.ownership === 'central_soe') {
        draft = subsidiaryDraft(rng, parent, region, usedNames);
      }
    }
    draft ??=
      region === 'domestic'
        ? domesticDraft(rng, usedNames)
        : foreignDraft(rng, composedCountries[region].pick(rng), usedNames);
    usedNames.add(draft.nameZh);

    const id = ctx.newId(calendarStart + rng.int(windowStart - calendarStart));
    const inv: Investor = {
      id,
      nameZh: draft.nameZh,
      short: draft.short,
      shortEn: draft.shortEn,
      flags: draft.flags,
      country: draft.country,
      region,
      province: draft.province,
      ownership: draft.ownership,
      industry: draft.industry,
      city: draft.city,
      office: officeFor(rng, draft),
      big:
        draft.real ||
        draft.flags.includes('f') ||
        draft.flags.includes('c') ||
        draft.flags.includes('s'),
      style: draft.style,
      projects: 0,
    };
    investors.push(inv);
    if (inv.big) bigInvestors.push(i);
    if (draft.real) usedReal[region].push(inv);
    const flags = draft.flags;
    yield {
      table: 'investor',
      id,
      fields: {
        name_zh: draft.nameZh,
        name_en: draft.nameEn,
        aliases: JSON.stringify(draft.aliases),
        parent_name: draft.parent?.nameZh ?? null,
        parent_investor_id: draft.parent?.id ?? null,
        hq_country: draft.country,
        // Where a domestic investor is: 嘉兴 ones bring no 市外内资 (domain/cities.ts).
        province: draft.province,
        city: draft.province ? cityName(draft.city) : null,
        fortune500: flags.includes('f') ? 1 : 0,
        china100: flags.includes('c') ? 1 : 0,
        central_soe: flags.includes('s') ? 1 : 0,
        listed: flags.includes('l') ? 1 : 0,
        well_known: flags.includes('w') ? 1 : 0,
        notes:
          draft.real && flags.includes('f')
            ? '世界500强企业'
            : rng.chance(0.2)
              ? rng.pick(investorNotes)
              : null,
      },
    };
  }
  return { all: investors, big: bigInvestors };
}

const officeIndex = (key: OfficeKey) => officeKeys.indexOf(key);
const HQ = officeIndex('hq');
const SH = officeIndex('shanghai');
const BJ = officeIndex('beijing');
const SZ = officeIndex('shenzhen');

/** The office most likely to follow an investor: by where its decision-makers sit. */
function officeFor(rng: Rng, d: InvestorDraft): number {
  const x = rng.float();
  if (d.country === 'CN') {
    if (d.ownership === 'central_soe' && d.province !== 'guangdong') return x < 0.8 ? BJ : HQ;
    switch (d.province) {
      case 'shanghai':
      case 'jiangsu':
      case 'anhui':
        return x < 0.6 ? SH : HQ;
      case 'zhejiang':
        return x < 0.8 ? HQ : SH;
      case 'beijing':
      case 'tianjin':
      case 'hebei':
      case 'shandong':
      case 'liaoning':
      case 'henan':
      case 'shaanxi':
        return x < 0.75 ? BJ : HQ;
      default:
        return x < 0.7 ? SZ : HQ;
    }
  }
  if (d.country === 'HK' || d.country === 'TW' || d.country === 'SG')
    return x < 0.5 ? SZ : x < 0.8 ? SH : HQ;
  if (d.country === 'KR') return x < 0.4 ? SH : x < 0.7 ? BJ : HQ;
  const region = countryByCode(d.country)?.region;
  if (region === 'eu_us' || region === 'de_jp') return x < 0.6 ? SH : x < 0.8 ? BJ : HQ;
  return x < 0.4 ? SH : x < 0.7 ? SZ : HQ;
}

/** 杭州 → 杭州市, as the investor form's city list names prefecture cities. */
function cityName(city: string): string {
  return city.endsWith('市') ? city : `${city}市`;
}
