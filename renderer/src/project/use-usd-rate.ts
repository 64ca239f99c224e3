// The USD→CNY rate for showing a dollar amount's tier while the user types: the configured rate of
// the year (settings.get; the nearest configured year, as the backend does), or a fixed estimate
// when none is configured or the settings cannot be read.
import { rateOf } from '../../../domain/currencies';
import type { AnyCurrency } from '../../../domain/currencies';
import { call } from '../api/client';
import { useLoad } from '../ui/use-load';

export const DISPLAY_USD_RATE = 6.45;

export interface UsdRate {
  rate: number;
  /** True when the rate is the display fallback, not a configured one. */
  estimated: boolean;
}

export function rateForYear(rates: Record<string, number>, year: number): UsdRate {
  const years = Object.keys(rates)
    .map(Number)
    .filter((y) => Number.isInteger(y) && (rates[String(y)] ?? 0) > 0);
  if (years.length === 0) return { rate: DISPLAY_USD_RATE, estimated: true };
  const nearest = years.reduce((best, y) =>
    Math.abs(y - year) < Math.abs(best - year) ? y : best,
  );
  return { rate: rates[String(nearest)] ?? DISPLAY_USD_RATE, estimated: false };
}

/** 元 per unit of the total's currency; null for a currency other than 美元 without that year's rate. */
export interface InvestmentRate {
  rate: number | null;
  estimated: boolean;
}

/**
 * The rate a draft's 总投资 converts at: 1 for 元, the USD rate as above, and for 欧元, 日元 … the
 * year's own rate in 设置 or none (as the backend: no nearest year, no estimate).
 */
export function useInvestmentRate(year: number, currency: AnyCurrency): InvestmentRate {
  const settings = useLoad(() => call('settings.get'), []);
  if (currency === 'CNY') return { rate: 1, estimated: false };
  if (currency === 'USD') return rateForYear(settings.data?.usdRates ?? {}, year);
  return { rate: rateOf(settings.data?.fxRates ?? {}, currency, year), estimated: false };
}
