// 到资记录: capital that has arrived — date, amount (万元 or 万美元), 实到外资 or 到位内资, and
// whether domestic money counts as 市外内资: by the project's or its investor's city unless the
// arrival says otherwise — with the totals of each kind. 删除 asks once more (the
// figures change), then offers 撤销.
import { useState } from 'react';
import { allCurrencies, currencyLabels, otherCurrencies } from '../../../domain/currencies';
import { formatDateZh, todayIso } from '../../../domain/dates';
import type { ArrivalRecord } from '../../../domain/entities';
import { arrivalCreate } from '../../../domain/entities';
import { formatWanUsd, formatWanYuan, wanToUnits } from '../../../domain/money';
import { call } from '../api/client';
import { offerUndo } from '../shared/undo-store';
import { Field } from '../ui/Field';
import { SelectField, TextField } from '../ui/fields';
import { normalizeDate, parseNumber } from './project-draft';
import { TabDateField, TabForm, TabList, useTabEntry } from './TabForm';

type Kind = ArrivalRecord['kind'];
type Currency = ArrivalRecord['currency'];

/** An amount in 万 of its unit, up to 4 decimals. */
const formatWan = (units: number) =>
  (units / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 4 });

const kindLabels: Record<Kind, string> = { fdi: '实到外资', domestic: '到位内资' };
const kindChoices = (['fdi', 'domestic'] as const).map((k) => ({ value: k, label: kindLabels[k] }));
/** Foreign capital is counted in 美元, domestic in 元. */
const usualCurrency: Record<Kind, Currency> = { fdi: 'USD', domestic: 'CNY' };
/** 万 of each currency: 万元, 万美元, 万欧元… */
const unitLabels = Object.fromEntries(
  allCurrencies.map((c) => [c, c === 'CNY' ? '万元' : `万${currencyLabels[c]}`]),
) as Record<Currency, string>;
/** The arrival's 市外 override: '' follows the city (not 嘉兴市 → 市外). */
type Outside = '' | 'yes' | 'no';
const outsideChoices: { value: Outside; label: string }[] = [
  { value: 'yes', label: '市外（指定）' },
  { value: 'no', label: '市内（指定）' },
];

/** 市外 or 市内 as counted, and whether the city or the arrival itself decided it. */
const outsideText = (a: ArrivalRecord) =>
  a.kind !== 'domestic'
    ? ''
    : `${a.outsideCounted ? '市外' : '市内'}${a.outsideCity === null ? '（按城市）' : '（指定）'}`;

const amountText = (a: { amount: number; currency: Currency }) =>
  a.currency === 'USD'
    ? formatWanUsd(a.amount, 4)
    : a.currency === 'CNY'
      ? formatWanYuan(a.amount, 4)
      : `${formatWan(a.amount)} ${unitLabels[a.currency]}`;

function totalsOf(items: readonly ArrivalRecord[]): string[] {
  const sums = new Map<string, { amount: number; currency: Currency; kind: Kind }>();
  for (const a of items) {
    const key = `${a.kind}:${a.currency}`;
    const sum = sums.get(key) ?? { amount: 0, currency: a.currency, kind: a.kind };
    sum.amount += a.amount;
    sums.set(key, sum);
  }
  return [...sums.values()].map((s) => `${kindLabels[s.kind]} ${amountText(s)}`);
}

export function ArrivalsTab({ projectId }: { projectId: string }) {
  const { list, form, submit, formProps } = useTabEntry('arrival', projectId, {
    label: '新增到资记录',
    load: () => call('arrival.list', { projectId }),
    initial: () => ({
      arrivedOn: todayIso(),
      amount: '',
      kind: 'fdi' as Kind,
      currency: 'USD' as Currency,
      outsideCity: '' as Outside,
      notes: '',
    }),
    checked: ({ values, check, setErrors }) => {
      const wan = parseNumber(values.amount);
      if (wan === null || Number.isNaN(wan)) {
        setErrors({ amount: wan === null ? '请填写到资金额' : '到资金额须为数字' });
        return null;
      }
      return check(arrivalCreate, {
        ...values,
        projectId,
        arrivedOn: normalizeDate(values.arrivedOn),
        amount: wanToUnits(wan),
        outsideCity: values.outsideCity === '' ? null : values.outsideCity === 'yes',
        notes: values.notes.trim() || null,
      });
    },
    add: (data) => call('arrival.create', data),
    emptied: ['amount', 'notes'],
  });
  const { amount, currency, kind } = form.values;
  /** The arrival whose 删除 was clicked once: a second click deletes it. */
  const [confirming, setConfirming] = useState<string | null>(null);

  const remove = (a: ArrivalRecord) => {
    if (confirming !== a.id) {
      setConfirming(a.id);
      return;
    }
    setConfirming(null);
    void submit.run(async () => {
      offerUndo(await call('arrival.delete', { id: a.id }));
      list.reload();
    });
  };

  return (
    <div className="tab-body">
      <TabForm {...formProps} submitLabel="登记到资">
        <SelectField
          label="到资类别"
          {...form.bind('kind')}
          choices={kindChoices}
          onChange={(kind) => {
            form.set('kind', kind);
            form.set('currency', usualCurrency[kind]);
          }}
        />
        <TabDateField label="到资日期" {...form.bind('arrivedOn')} />
        <Field id="arrival-amount" label="到资金额" error={form.errors.amount}>
          {(control) => (
            <span className="amount-with-unit">
              <input
                {...control}
                className="input"
                inputMode="decimal"
                maxLength={20}
                value={amount}
                onChange={(e) => form.set('amount', e.target.value)}
              />
              <select
                aria-label="到资金额单位"
                className="input unit-select"
                value={currency}
                onChange={(e) => form.set('currency', e.target.value as Currency)}
              >
                {(['USD', 'CNY', ...otherCurrencies] as const).map((c) => (
                  <option key={c} value={c}>
                    {unitLabels[c]}
                  </option>
                ))}
              </select>
            </span>
          )}
        </Field>
        {kind === 'domestic' ? (
          <SelectField
            label="市外内资"
            {...form.bind('outsideCity')}
            choices={outsideChoices}
            none={{ label: '按所在城市' }}
          />
        ) : null}
        <TextField
          label="到资备注"
          {...form.bind('notes')}
          className="grow"
          maxLength={2000}
          placeholder="如 第二笔注册资本金"
        />
      </TabForm>
      <TabList
        list={list}
        empty="还没有到资记录。资金到位后，在上面登记到资日期和金额：实到外资按万美元，到位内资按万元。"
      >
        {(items) => (
          <>
            <table className="tab-table arrival-table" aria-label="到资记录列表">
              <thead>
                <tr>
                  <th>到资日期</th>
                  <th>类别</th>
                  <th className="num">金额</th>
                  <th>市外内资</th>
                  <th>备注</th>
                  <th aria-label="操作" />
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <td>{formatDateZh(a.arrivedOn)}</td>
                    <td>{kindLabels[a.kind]}</td>
                    <td className="num">{amountText(a)}</td>
                    <td>{outsideText(a)}</td>
                    <td>
                      <span className="cell-text" title={a.notes ?? undefined}>
                        {a.notes}
                      </span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link-button danger"
                        aria-label={
                          confirming === a.id
                            ? `确认删除 ${formatDateZh(a.arrivedOn)} 的到资记录`
                            : `删除 ${formatDateZh(a.arrivedOn)} 的到资记录`
                        }
                        onClick={() => void remove(a)}
                        onBlur={() => setConfirming((c) => (c === a.id ? null : c))}
                      >
                        {confirming === a.id ? '确认删除？' : '删除'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="tab-totals">合计：{totalsOf(items).join('；')}</p>
          </>
        )}
      </TabList>
    </div>
  );
}
