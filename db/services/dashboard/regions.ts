// The region mix: projects by source region. The pipeline's side is read with the funnel
// (funnel.ts); the year's signings' side is added up here from the signing groups.
import type { RegionSlice } from '../../../domain/dashboard';
import type { SigningGroup } from './signings';
import { tallyBy } from './signings';

/** The order the regions are listed in. */
export const regionOrder = [
  'eu_us',
  'de_jp',
  'kr_sg_hk_tw',
  'other_foreign',
  'domestic',
  'unknown',
] as const;

export function signedRegions(groups: SigningGroup[]): RegionSlice[] {
  const byRegion = tallyBy(groups, (g) => g.region);
  return regionOrder.map((region) => {
    const t = byRegion.get(region);
    return { region, count: t?.signed ?? 0, totalCny: t?.totalCny ?? 0 };
  });
}
