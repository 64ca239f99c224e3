// The 台账 export's 总投资币种 and 原币总投资（万）: filled for a total in neither 元 nor 美元 (欧元,
// 日元 …), whose 元 equivalent stands under 总投资（亿元）, so the import can read it back as entered.
import { currencyLabels, isCurrency } from '../../../domain/currencies';
import { fromBaseUnits } from '../../../domain/excel/cell-values';

type Row = Record<string, string | number | null>;

const otherCurrency = (row: Row) =>
  typeof row.total_investment === 'number' &&
  isCurrency(row.investment_currency) &&
  row.investment_currency !== 'CNY' &&
  row.investment_currency !== 'USD'
    ? row.investment_currency
    : null;

/** The readers of the two columns, by their source in sheet-layout.ts. */
export const originalTotalReaders: Partial<Record<string, (row: Row) => string | number | null>> = {
  investmentCurrency: (row) => {
    const currency = otherCurrency(row);
    return currency ? currencyLabels[currency] : null;
  },
  totalOriginal: (row) =>
    otherCurrency(row) ? fromBaseUnits(Number(row.total_investment), '万元') : null,
};
