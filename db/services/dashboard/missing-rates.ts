// The year's exchange rates for the 看板's SQL, and the rates it lacks: a currency that projects
// (tiered at their signing year's rate) or arrivals of the year are in, with no rate for that year
// in 设置. No nearest year and no default stands in: the 看板 shows the gap as an error instead.
import { allCurrencies, currencyLabels, rateOf } from '../../../domain/currencies';
import type { AnyCurrency, RatesByYear } from '../../../domain/currencies';
import type { MissingRate } from '../../../domain/dashboard';
import { todayIso } from '../../../domain/dates';
import type { Tx } from '../../app-database';

export interface YearRates {
  /** 元 per 美元 in the year, or null. */
  usd: number | null;
  /** 元 per unit by currency in the year, as JSON (the @fx parameter); absent without a rate. */
  fx: string;
  missing: MissingRate[];
}

export function yearRates(tx: Tx, year: number, rates: RatesByYear): YearRates {
  const fx: Partial<Record<AnyCurrency, number>> = {};
  for (const currency of allCurrencies) {
    const rate = rateOf(rates, currency, year);
    if (rate !== null) fx[currency] = rate;
  }
  // Only currencies without a rate need counting; without the USD rate, every foreign amount does
  // (实到外资 is reported in 美元). Each part seeks its partial index of migration 014.
  const lacking = allCurrencies.filter((c) => c !== 'CNY' && (fx.USD === undefined || !fx[c]));
  const y = String(year).padStart(4, '0');
  const used =
    lacking.length === 0
      ? []
      : (tx.sql
          .prepare(
            `SELECT currency, sum(projects) AS projects, sum(arrivals) AS arrivals FROM (
               SELECT investment_currency AS currency, 1 AS projects, 0 AS arrivals
               FROM project INDEXED BY project_foreign_investment
               WHERE deleted = 0 AND investment_currency <> 'CNY' AND total_investment IS NOT NULL
                 AND investment_currency IN (SELECT value FROM json_each(@lacking))
                 AND substr(coalesce(nullif(signed_on, ''), nullif(planned_signed_on, ''), @today),
                   1, 4) = @y
               UNION ALL
               SELECT currency, 0, 1 FROM capital_arrival INDEXED BY capital_arrival_foreign
               WHERE deleted = 0 AND currency <> 'CNY'
                 AND currency IN (SELECT value FROM json_each(@lacking))
                 AND arrived_on BETWEEN @y || '-01-01' AND @y || '-12-31')
             GROUP BY currency ORDER BY currency`,
          )
          .all({ y, today: todayIso(), lacking: JSON.stringify(lacking) }) as {
          currency: AnyCurrency;
          projects: number;
          arrivals: number;
        }[]);
  // 实到外资 is reported in 美元: every foreign amount of the year needs the USD rate as well.
  const needsUsd = used.length > 0 && fx.USD === undefined;
  const missing: MissingRate[] = [];
  for (const currency of allCurrencies) {
    const row = used.find((u) => u.currency === currency);
    if (fx[currency] !== undefined || (!row && !(currency === 'USD' && needsUsd))) continue;
    missing.push({
      currency,
      currencyLabel: currencyLabels[currency],
      year,
      projects: row?.projects ?? 0,
      arrivals: row?.arrivals ?? 0,
      message: `${year}年未设置${currencyLabels[currency]}汇率：${
        row
          ? `${row.projects} 个项目的总投资、${row.arrivals} 笔到位资金无法折算`
          : '外币到位资金无法折算为美元'
      }，请在“设置 → 汇率”中填写`,
    });
  }
  return { usd: fx.USD ?? null, fx: JSON.stringify(fx), missing };
}
