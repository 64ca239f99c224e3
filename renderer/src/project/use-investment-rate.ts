// The rate a draft's 总投资 converts at while the user types, to show its tier: 1 for 元, and for
// 美元, 欧元, 日元 … the year's own rate in 设置 or none, as the backend converts (no nearest year,
// no estimate: the form says the year has no rate, as the 看板 does).
import { rateOf } from '../../../domain/currencies';
import type { AnyCurrency } from '../../../domain/currencies';
import { call } from '../api/client';
import { useLoad } from '../ui/use-load';

/** 元 per unit of the total's currency; null without that year's rate. */
export interface InvestmentRate {
  rate: number | null;
}

export function useInvestmentRate(year: number, currency: AnyCurrency): InvestmentRate {
  const settings = useLoad(() => call('settings.get'), []);
  if (currency === 'CNY') return { rate: 1 };
  const { usdRates = {}, fxRates = {} } = settings.data ?? {};
  return { rate: rateOf({ ...fxRates, USD: usdRates }, currency, year) };
}
