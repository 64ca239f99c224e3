// A project's total investment as columns: one amount (total_investment) in one currency
// (investment_currency), from the general pair or the older 元/美元 keys.
import { AppError } from '../../domain/errors';
import type { ProjectCreateInput, ProjectPatch } from '../../domain/project-input';
import type { Fields } from '../mutation';

type ProjectRow = Record<string, string | number | null>;

/**
 * Total investment is one amount in one currency. The general pair (totalInvestment with
 * investmentCurrency) sets or clears it; setting either old key's amount replaces it; clearing one
 * clears the amount only if it is the stored currency.
 */
export function investmentColumns(
  input: ProjectCreateInput | ProjectPatch,
  current: ProjectRow | undefined,
): Fields {
  if (input.totalInvestment === null) return { total_investment: null, investment_currency: null };
  if (input.totalInvestment !== undefined) {
    if (!input.investmentCurrency) {
      throw new AppError(
        'VALIDATION',
        '总投资（totalInvestment）与总投资币种（investmentCurrency）须同时填写',
      );
    }
    return {
      total_investment: input.totalInvestment,
      investment_currency: input.investmentCurrency,
    };
  }
  const stored = current?.investment_currency ?? null;
  for (const [key, currency] of [
    ['totalInvestmentCny', 'CNY'],
    ['totalInvestmentUsd', 'USD'],
  ] as const) {
    const value = input[key];
    if (typeof value === 'number')
      return { total_investment: value, investment_currency: currency };
  }
  for (const [key, currency] of [
    ['totalInvestmentCny', 'CNY'],
    ['totalInvestmentUsd', 'USD'],
  ] as const) {
    if (input[key] === null && (stored === null || stored === currency)) {
      return { total_investment: null, investment_currency: null };
    }
  }
  return {};
}
