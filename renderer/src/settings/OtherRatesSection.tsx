// 外币汇率（元/单位，按年）: 欧元, 日元, 港元, 英镑, 韩元, 新加坡元, 新台币 — the rate each year's
// amounts in them convert at. A year without its rate is not converted (the 看板 says so). 本部
// sets them; an office laptop shows them.
import { useState } from 'react';
import { currencyLabels, otherCurrencies, rateBounds } from '../../../domain/currencies';
import type { OtherCurrency } from '../../../domain/currencies';
import type { Settings } from '../../../domain/settings';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { HqManaged } from '../shared/HqManaged';
import { Card } from '../ui/Card';
import { useSubmit } from '../ui/use-submit';
import { SaveRow } from './Feedback';

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  readOnly: boolean;
}

export function OtherRatesSection({ settings, onSaved, readOnly }: Props) {
  const [currency, setCurrency] = useState<OtherCurrency>('EUR');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [rate, setRate] = useState('');
  const submit = useSubmit();
  const [min, max] = rateBounds[currency];
  const value = Number(rate);
  const error =
    rate.trim() === ''
      ? null
      : !/^(19|20)\d\d$/.test(year)
        ? '年份无效（1900–2099）'
        : !(value >= min && value <= max)
          ? `${currencyLabels[currency]}汇率须在 ${min}–${max} 元之间`
          : null;

  const save = () =>
    submit.run(async () => {
      const next = await call('settings.update', { fxRates: { [currency]: { [year]: value } } });
      onSaved(next);
      setRate('');
      return `已保存 ${year} 年${currencyLabels[currency]}汇率，相应项目的规模档次已重新计算`;
    });
  useLeaveGuard({
    dirty: rate.trim() !== '',
    what: `填写的${year}年${currencyLabels[currency]}汇率`,
    save: () => (error ? Promise.resolve(false) : save()),
  });

  const rows = otherCurrencies.filter((c) => Object.keys(settings.fxRates[c] ?? {}).length > 0);
  return (
    <Card
      className="settings-card"
      id="settings-other-rates"
      title="外币汇率（元/单位，按年）"
      hint="欧元、日元、港元等金额按其年份的汇率折合人民币；没有该年汇率的金额不折算，看板会提示缺少的汇率。"
    >
      {readOnly ? <HqManaged subject="汇率" /> : null}
      {rows.length === 0 ? (
        <p className="empty-note settings-empty">还没有外币汇率。</p>
      ) : (
        <table className="settings-table settings-rates-table">
          <thead>
            <tr>
              <th scope="col">币种</th>
              <th scope="col">各年汇率（元/单位）</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c}>
                <th scope="row">{currencyLabels[c]}</th>
                <td>
                  {Object.entries(settings.fxRates[c] ?? {})
                    .map(([y, r]) => `${y} 年 ${r}`)
                    .join('；')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {readOnly ? null : (
        <div className="settings-rate-adder">
          <select
            aria-label="币种"
            className="control-box"
            value={currency}
            onChange={(e) => setCurrency(e.target.value as OtherCurrency)}
          >
            {otherCurrencies.map((c) => (
              <option key={c} value={c}>
                {currencyLabels[c]}
              </option>
            ))}
          </select>
          <input
            aria-label="年份"
            className="control-box settings-input"
            inputMode="numeric"
            value={year}
            onChange={(e) => setYear(e.target.value.trim())}
          />
          <input
            aria-label="汇率（元/单位）"
            className="control-box settings-input settings-rate-input"
            inputMode="decimal"
            placeholder="汇率"
            aria-invalid={error ? true : undefined}
            value={rate}
            onChange={(e) => setRate(e.target.value.trim())}
          />
          {error ? <span className="settings-field-error">{error}</span> : null}
          <SaveRow
            submit={submit}
            label="保存外币汇率"
            disabled={rate === '' || error !== null}
            onSave={() => void save()}
          />
        </div>
      )}
    </Card>
  );
}
