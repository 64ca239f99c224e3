// Investors matching what is typed, as every investor picker lists them: name, English name and
// place; `refusal` says why one may not be picked here.
import type { InvestorRecord } from '../../../domain/entities';
import { call } from '../api/client';
import type { PickerMatch } from '../ui/SearchPicker';
import { countryName, locationText } from './investor-labels';

const MAX_MATCHES = 8;

export async function investorMatches(
  q: string,
  refusal: (investor: InvestorRecord) => string | null,
): Promise<PickerMatch[]> {
  const found = await call('investor.list', { q, limit: MAX_MATCHES });
  return found.map((inv) => ({
    id: inv.id,
    name: inv.nameZh,
    meta: [inv.nameEn, locationText(inv) || countryName(inv.hqCountry)].filter(Boolean).join(' · '),
    refusal: refusal(inv),
  }));
}
