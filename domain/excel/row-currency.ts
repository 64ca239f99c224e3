// A sheet row's 总投资币种: the currency as offices write it (欧元, EUR, 港币 …) and how it settles
// the row's total with the 总投资 and 原币总投资 columns (docs/excel.md).
import { allCurrencies, currencyLabels } from '../currencies';
import type { AnyCurrency } from '../currencies';
import type { ProjectCreateInput } from '../project-input';
import type { CellValue, Parsed } from './cell-values';
import { cellText } from './cell-values';

/** Names offices write for a currency, besides the labels of currencies.ts and the codes. */
const currencyAliases: Record<string, AnyCurrency> = {
  人民币元: 'CNY',
  元: 'CNY',
  RMB: 'CNY',
  美金: 'USD',
  日币: 'JPY',
  港币: 'HKD',
  韩币: 'KRW',
  新币: 'SGD',
  台币: 'TWD',
};

/** 欧元, EUR, 港币 … → the currency's code. */
export function parseCurrency(value: CellValue): Parsed<AnyCurrency> {
  const text = cellText(value).normalize('NFKC').replace(/\s+/g, '');
  const upper = text.toUpperCase();
  const found =
    allCurrencies.find((c) => c === upper || currencyLabels[c] === text) ??
    currencyAliases[text] ??
    currencyAliases[upper];
  return found
    ? { value: found }
    : {
        error: `总投资币种「${text}」无法识别，可选：${allCurrencies.map((c) => currencyLabels[c]).join('、')}`,
      };
}

/**
 * The row's total in its currency: 原币总投资 when given, else, for a currency other than 元 and
 * 美元, the 总投资 column's number (the 元 column's, else the 美元 column's) read in it. Without a
 * 币种 the 元 and 美元 columns stand as they are.
 */
export function settleCurrency(
  input: Partial<Record<keyof ProjectCreateInput, unknown>>,
  currency: AnyCurrency | undefined,
  amounts: { cny?: number; usd?: number; original?: number },
  errors: string[],
): void {
  if (currency === undefined) {
    if (amounts.original !== undefined) errors.push('填写了原币总投资，但未填写总投资币种');
    return;
  }
  // 人民币 or 美元 beside a 元 or 美元 header: the header's currency stands (a 币种 column may
  // speak of 合同外资); only another currency re-reads the 总投资 column.
  const plain = currency === 'CNY' || currency === 'USD';
  const amount = amounts.original ?? (plain ? undefined : (amounts.cny ?? amounts.usd));
  if (amount === undefined) return;
  delete input.totalInvestmentCny;
  delete input.totalInvestmentUsd;
  if (currency === 'CNY') input.totalInvestmentCny = amount;
  else if (currency === 'USD') input.totalInvestmentUsd = amount;
  else {
    input.totalInvestment = amount;
    input.investmentCurrency = currency;
  }
}
