// The USD→CNY rate for showing a dollar amount's tier while the user types: the configured rate of
// the year (settings.get; the nearest configured year, as the backend does), or a fixed estimate
// when none is configured or the settings cannot be read.
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

export function useUsdRate(year: number): UsdRate {
  const settings = useLoad(() => call('settings.get'), []);
  return rateForYear(settings.data?.usdRates ?? {}, year);
}
