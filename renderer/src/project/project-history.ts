// 变更记录: how the entries of project.history (newest first) read to a person — labels for stage
// and vocabulary keys, names for countries, amounts in 亿元 / 万美元 / 万欧元 … in the currency they had then,
// 是/否 for flags.
import { countryByCode } from '../../../domain/countries';
import { stageLabels } from '../../../domain/lifecycle';
import type { Stage } from '../../../domain/lifecycle';
import { currencyLabels, isCurrency } from '../../../domain/currencies';
import type { AnyCurrency } from '../../../domain/currencies';
import { formatNumber, formatWanUsd, formatYiYuan, usdToWan } from '../../../domain/money';
import { labelOf, projectFieldVocabularies } from '../../../domain/vocabulary';
import type { HistoryEntry } from '../../../domain/history';

type Value = HistoryEntry['from'];
type Currency = AnyCurrency;

export interface HistoryRow {
  key: string;
  at: string;
  author: string | null;
  label: string;
  from: string;
  to: string;
}

function valueText(field: string, value: Value, currency: Currency): string {
  if (value === null || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') {
    if (field === 'totalInvestment')
      return currency === 'CNY'
        ? formatYiYuan(value, 4)
        : `${formatNumber(usdToWan(value), 4)}万${currencyLabels[currency]}`;
    if (field === 'totalInvestmentCny') return formatYiYuan(value, 4);
    if (field === 'totalInvestmentUsd' || field === 'contractedFdiUsd')
      return formatWanUsd(value, 4);
    if (field === 'landAreaMu') return `${value} 亩`;
    return String(value);
  }
  if (field === 'stage') return stageLabels[value as Stage] ?? value;
  if (field === 'country') return countryByCode(value)?.nameZh ?? value;
  if (field === 'investmentCurrency') return isCurrency(value) ? currencyLabels[value] : value;
  const list = projectFieldVocabularies.get(field);
  return list ? labelOf(list, value) : value;
}

const asCurrency = (v: Value): Currency | null => (isCurrency(v) ? v : null);

/**
 * Rows for the table. An amount is shown in the currency it had when it was written: the latest
 * 币种 change at or before it (its "from" side for the old amount of the same save).
 */
export function historyRows(entries: readonly HistoryEntry[], current: Currency): HistoryRow[] {
  return entries.map((entry, i) => {
    let to: Currency = current;
    let from: Currency = current;
    const change = entries.slice(i).find((e) => e.field === 'investmentCurrency');
    if (change) {
      to = asCurrency(change.to) ?? 'CNY';
      from = change.hlc === entry.hlc ? (asCurrency(change.from) ?? to) : to;
    }
    return {
      key: `${entry.hlc}:${entry.field}`,
      at: entry.at,
      author: entry.author,
      label: entry.label || entry.field,
      from: valueText(entry.field, entry.from, from),
      to: valueText(entry.field, entry.to, to),
    };
  });
}
