// 金额: total investment in 亿元 or 万美元 (a switch), contracted FDI in 万美元, land in 亩, and the
// 来源地区 and 规模档次 the backend will derive, recomputed as the user types.
import { tierLabels } from '../../../domain/classify';
import { regionLabels } from '../../../domain/countries';
import { formatYiYuan } from '../../../domain/money';
import type { FormBinding } from './FormFields';
import { TextField } from './FormFields';
import type { DraftClass } from './project-class';
import type { AmountCurrency } from './project-draft';
import type { UsdRate } from './use-usd-rate';

const currencies: readonly { key: AmountCurrency; label: string }[] = [
  { key: 'CNY', label: '亿元' },
  { key: 'USD', label: '万美元' },
];

interface Props {
  form: FormBinding;
  klass: DraftClass;
  rate: UsdRate;
  rateYear: number;
}

export function AmountSection({ form, klass, rate, rateYear }: Props) {
  const switcher = (
    <div className="unit-switch" role="radiogroup" aria-label="总投资单位">
      {currencies.map((c) => (
        <label key={c.key} className={form.draft.currency === c.key ? 'unit selected' : 'unit'}>
          <input
            type="radio"
            name="project-currency"
            value={c.key}
            checked={form.draft.currency === c.key}
            onChange={() => form.set('currency', c.key)}
          />
          {c.label}
        </label>
      ))}
    </div>
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
          placeholder={form.draft.currency === 'CNY' ? '单位：亿元' : '单位：万美元'}
          hint={switcher}
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
          <dd>{klass.tier ? tierLabels[klass.tier] : '—（填写总投资）'}</dd>
        </div>
        {form.draft.currency === 'USD' && klass.totalCny !== null ? (
          <div className="class-note">
            <dt>折合</dt>
            <dd>
              约 {formatYiYuan(klass.totalCny)}（按 {rateYear} 年汇率 {rate.rate}
              {rate.estimated ? '估算，保存时按设置中的汇率' : ''}）
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
