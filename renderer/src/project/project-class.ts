// 来源地区 and 规模档次 of a draft, as the backend will derive them on save: region from the country
// (or 境内 for a domestic project entered with a province), tier from 总投资 in 元 at the year's rate.
import { tierOf } from '../../../domain/classify';
import type { Tier } from '../../../domain/classify';
import { countryByCode } from '../../../domain/countries';
import type { Region } from '../../../domain/countries';
import { isRealIsoDate, yearOf } from '../../../domain/dates';
import { wanToUnits, yiToYuan } from '../../../domain/money';
import type { ProjectDraft } from './project-draft';
import { parseNumber } from './project-draft';

export interface DraftClass {
  region: Region | null;
  tier: Tier | null;
  /** 总投资 in whole 元, converted at `rate` (元 per unit) for another currency; null without one. */
  totalCny: number | null;
}

export function regionOfDraft(d: ProjectDraft): Region | null {
  const country = d.country ? countryByCode(d.country) : undefined;
  if (country) return country.region;
  return d.capitalType === '内资' || d.province ? 'domestic' : null;
}

export function classifyDraft(d: ProjectDraft, rate: number | null): DraftClass {
  const amount = parseNumber(d.amount);
  const totalCny =
    amount === null || Number.isNaN(amount) || amount < 0
      ? null
      : d.currency === 'CNY'
        ? yiToYuan(amount)
        : rate === null
          ? null
          : Math.round(wanToUnits(amount) * rate);
  return {
    region: regionOfDraft(d),
    tier: totalCny === null ? null : tierOf(totalCny),
    totalCny,
  };
}

/** The year whose exchange rate applies: signing, else planned signing, else this year. */
export function rateYearOf(d: ProjectDraft, thisYear: number): number {
  for (const date of [d.signedOn, d.plannedSignedOn]) {
    const iso = date.trim();
    if (isRealIsoDate(iso)) return yearOf(iso);
  }
  return thisYear;
}
