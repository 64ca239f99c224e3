// The currencies amounts arrive in, and the rule that converts them: at the rate of the amount's
// year set in 设置 (元 per unit), never at another year's and never at a made-up one. A year
// without its rate leaves the amount unconverted, and the 看板 names the missing rate.

/** USD first: it keeps its own setting (fx.usd_cny); the others share fx.rates. */
export const foreignCurrencies = ['USD', 'EUR', 'JPY', 'HKD', 'GBP', 'KRW', 'SGD', 'TWD'] as const;
export type ForeignCurrency = (typeof foreignCurrencies)[number];
export type AnyCurrency = 'CNY' | ForeignCurrency;
export const allCurrencies = ['CNY', ...foreignCurrencies] as const;

/** The currencies besides USD whose rates 设置 keeps in fx.rates. */
export const otherCurrencies = foreignCurrencies.filter(
  (c): c is Exclude<ForeignCurrency, 'USD'> => c !== 'USD',
);
export type OtherCurrency = (typeof otherCurrencies)[number];

export const currencyLabels: Record<AnyCurrency, string> = {
  CNY: '人民币',
  USD: '美元',
  EUR: '欧元',
  JPY: '日元',
  HKD: '港元',
  GBP: '英镑',
  KRW: '韩元',
  SGD: '新加坡元',
  TWD: '新台币',
};

/** Plausible 元 per unit, wide enough for decades of history: a typo of ×10 or ÷10 is refused. */
export const rateBounds: Record<ForeignCurrency, readonly [number, number]> = {
  USD: [1, 20],
  EUR: [1, 20],
  GBP: [1, 30],
  SGD: [1, 15],
  HKD: [0.1, 3],
  TWD: [0.05, 1],
  JPY: [0.01, 0.2],
  KRW: [0.001, 0.02],
};

export function isCurrency(value: unknown): value is AnyCurrency {
  return typeof value === 'string' && (allCurrencies as readonly string[]).includes(value);
}

/** Rates by currency, then by year (元 per unit). */
export type RatesByYear = Partial<Record<ForeignCurrency, Record<string, number>>>;

/** The rate of a currency in a year: 1 for 元, null when 设置 has none for that year. */
export function rateOf(rates: RatesByYear, currency: AnyCurrency, year: number): number | null {
  if (currency === 'CNY') return 1;
  return rates[currency]?.[String(year)] ?? null;
}

/** Whole 元 of an amount at its year's rate, or null when that year has no rate. */
export function convertToCny(
  amount: number,
  currency: AnyCurrency,
  year: number,
  rates: RatesByYear,
): number | null {
  const rate = rateOf(rates, currency, year);
  return rate === null ? null : Math.round(amount * rate);
}
