// A project's source region (来源地区) by the fDi Markets convention: the country or region of its
// investor group's ultimate parent headquarters, unless the project names its own country, which
// then overrides the group's (and is flagged where the two differ).
import { countryByCode } from './countries';
import type { Region } from './countries';
import { legacyProvinceCountries } from './vocabulary';

/** Where a project's region comes from: its own country (override), its group's HQ, or domestic. */
export type RegionSource = 'override' | 'group' | 'domestic';

export const regionSourceLabels: Record<RegionSource, string> = {
  override: '项目自填国别/地区（覆盖集团总部）',
  group: '投资方最终母公司总部',
  domestic: '内资（省份/资本类别）',
};

/** One investor as the parent walk reads it. */
export interface InvestorLink {
  parentId: string | null;
  hqCountry: string | null;
}

/**
 * The ultimate parent of an investor: follows parent links to the top. Cycle-safe: the walk stops
 * at the last investor before one it has already seen; a link to a missing investor ends it too.
 */
export function ultimateParent(
  id: string,
  read: (id: string) => InvestorLink | undefined,
): { id: string; link: InvestorLink; depth: number } | undefined {
  let link = read(id);
  if (!link) return undefined;
  let top = id;
  const seen = new Set([id]);
  while (link.parentId !== null && !seen.has(link.parentId)) {
    const parent = read(link.parentId);
    if (!parent) break;
    seen.add(link.parentId);
    top = link.parentId;
    link = parent;
  }
  return { id: top, link, depth: seen.size - 1 };
}

export interface RegionInput {
  /** The project's own country (ISO code): an explicit override. */
  country: string | null;
  /** The HQ country of the investor group's ultimate parent. */
  groupCountry: string | null;
  province: string | null;
  capitalType: string | null;
}

/** The region and where it comes from; null when nothing tells (no country, group or province). */
export function sourceRegion(input: RegionInput): {
  region: Region | null;
  source: RegionSource | null;
} {
  const legacy = input.province ? legacyProvinceCountries[input.province] : undefined;
  const own = countryByCode(input.country ?? legacy ?? '');
  if (own) return { region: own.region, source: 'override' };
  const group = countryByCode(input.groupCountry ?? '');
  if (group) return { region: group.region, source: 'group' };
  if (input.capitalType === 'domestic' || input.province) {
    return { region: 'domestic', source: 'domestic' };
  }
  return { region: null, source: null };
}

/** The project's own country differs from its group's HQ country: the region is worth a look. */
export function regionMismatch(country: string | null, groupCountry: string | null): boolean {
  return country !== null && groupCountry !== null && country !== groupCountry;
}
