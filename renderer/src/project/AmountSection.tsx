// 金额: total investment in 亿元 or 万 of another currency (a select: 人民币, 美元, 欧元, 日元 …), contracted FDI in 万美元, land in 亩, and the
// 来源地区 and 规模档次 the backend will derive, recomputed as the user types.
import { tierLabels } from '../../../domain/classify';
import { regionLabels } from '../../../domain/countries';
import { allCurrencies, currencyLabels } from '../../../domain/currencies';
import { formatYiYuan } from '../../../domain/money';
import type { FormBinding } from './FormFields';
import { TextField } from './FormFields';
import type { DraftClass } from './project-class';
import type { AmountCurrency } from './project-draft';
import type { InvestmentRate } from './use-investment-rate';

/** What the amount is typed in: 亿元 for 人民币 (as the 台账 shows it), else 万 of the currency. */
const unitOf = (c: AmountCurrency) => (c === 'CNY' ? '亿元' : `万${currencyLabels[c]}`);

interface Props {
  form: FormBinding;
  klass: DraftClass;
  rate: InvestmentRate;
  rateYear: number;
}

export function AmountSection({ form, klass, rate, rateYear }: Props) {
  const { currency } = form.draft;
  const select = (
    <select
      className="input unit-select"
      aria-label="总投资币种"
      value={currency}
      onChange={(e) => form.set('currency', e.target.value as AmountCurrency)}
    >
      {allCurrencies.map((c) => (
        <option key={c} value={c}>
          {currencyLabels[c]}（{unitOf(c)}）
        </option>
      ))}
    </select>
  );
  return (
    <section className="form-card">
      <h2 id="section-amount">金额</h2>
      <div className="field-grid">
        <TextField
          name="amount"
          label="总投资"
          form={form}
          wide
          inputMode="decimal"
          maxLength={20}
          placeholder={`单位：${unitOf(currency)}`}
          hint={select}
        />
        <TextField
          name="contractedFdi"
          label="合同外资（万美元）"
          form={form}
          inputMode="decimal"
          maxLength={20}
        />
        <TextField
          name="landAreaMu"
          label="用地（亩）"
          form={form}
          inputMode="decimal"
          maxLength={12}
        />
      </div>
      <dl className="project-class" aria-live="polite">
        <div>
          <dt>来源地区</dt>
          <dd>{klass.region ? regionLabels[klass.region] : '—（选择国别/地区或省份）'}</dd>
        </div>
        <div>
          <dt>规模档次</dt>
          <dd>
            {klass.tier
              ? tierLabels[klass.tier]
              : rate.rate === null && form.draft.amount.trim() !== ''
                ? '—（无当年汇率）'
                : '—（填写总投资）'}
          </dd>
        </div>
        {currency !== 'CNY' ? (
          <div className="class-note">
            <dt>折合</dt>
            <dd>
              {rate.rate === null
                ? `${rateYear} 年未设置${currencyLabels[currency]}汇率，无法折算（请在“设置 → 汇率”中填写）`
                : klass.totalCny === null
                  ? '—'
                  : `约 ${formatYiYuan(klass.totalCny)}（按 ${rateYear} 年${currencyLabels[currency]}汇率 ${rate.rate}）`}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
