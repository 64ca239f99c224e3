// The monthly trend: the year's signings and paid-in money month by month.
import type { TrendMonth } from '../../../domain/dashboard';
import type { ArrivalTotals } from './arrivals';
import type { SigningGroup } from './signings';
import { tallyBy } from './signings';

export function trendOf(groups: SigningGroup[], arrivals: ArrivalTotals): TrendMonth[] {
  const byMonth = tallyBy(groups, (g) => g.month);
  return Array.from({ length: 12 }, (_, i) => {
    const t = byMonth.get(i + 1);
    return {
      month: i + 1,
      signed: t?.signed ?? 0,
      signedCny: t?.totalCny ?? 0,
      contractedFdiUsd: t?.contractedFdiUsd ?? 0,
      paidInFdiUsd: arrivals.paid_in_fdi.byMonth[i] ?? 0,
      domesticCny: arrivals.domestic_capital.byMonth[i] ?? 0,
    };
  });
}
