// 汇率（元/美元，按年）: the rate each year's USD amounts are converted at. Edits and new years
// collect in the table and are saved together; saving re-tiers that year's USD projects. On an
// office laptop they are 本部's rates, shown as a table with 向本部提建议.
import { useState } from 'react';
import type { Settings } from '../../../domain/settings';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { HqManaged } from '../shared/HqManaged';
import { Card } from '../ui/Card';
import { useSubmit } from '../ui/use-submit';
import { SaveRow } from './Feedback';
import { RateAdder } from './RateAdder';
import { parseRate } from './rate-validation';
import { TableHead } from '../ui/TableHead';

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  readOnly: boolean;
}

const asText = (rates: Record<string, number>) =>
  Object.fromEntries(Object.entries(rates).map(([year, rate]) => [year, String(rate)]));

const rateColumn = { label: '汇率（元/美元）', num: true };

const conversion =
  '美元金额按项目签约年份（未签约按计划签约年份）的汇率折合人民币；没有该年汇率的金额不折算，看板会提示缺少的汇率。';

export function RatesSection({ settings, onSaved, readOnly }: Props) {
  const saved = settings.usdRates;
  const [draft, setDraft] = useState<Record<string, string>>(() => asText(saved));
  const submit = useSubmit();

  const years = Object.keys(draft).sort((a, b) => Number(a) - Number(b));
  const checks = Object.fromEntries(years.map((y) => [y, parseRate(draft[y] ?? '')]));
  const changedYears = years.filter((y) => {
    const check = checks[y];
    return !(check && 'rate' in check && check.rate === saved[y]);
  });
  const invalid = years.some((y) => 'error' in (checks[y] ?? {}));

  const edit = (year: string, text: string) => {
    setDraft((d) => ({ ...d, [year]: text }));
    submit.clear();
  };

  const save = () => {
    const usdRates: Record<string, number> = {};
    for (const y of changedYears) {
      const check = checks[y];
      if (check && 'rate' in check) usdRates[y] = check.rate;
    }
    return submit.run(async () => {
      const next = await call('settings.update', { usdRates });
      onSaved(next);
      setDraft(asText(next.usdRates));
      return `已保存 ${changedYears.join('、')} 年的汇率，相应年份美元项目的规模档次已重新计算`;
    });
  };
  useLeaveGuard({
    dirty: changedYears.length > 0,
    what: '美元汇率的修改',
    save: () => (invalid ? Promise.resolve(false) : save()),
  });

  if (readOnly) {
    const savedYears = Object.keys(saved).sort((a, b) => Number(a) - Number(b));
    return (
      <Card
        className="settings-card"
        id="settings-rates"
        title="汇率（元/美元，按年）"
        hint={conversion}
      >
        <HqManaged subject="汇率" />
        {savedYears.length === 0 ? (
          <p className="empty-note settings-empty">本部还没有发来汇率。</p>
        ) : (
          <table className="settings-table settings-rates-table">
            <TableHead columns={['年份', rateColumn]} />
            <tbody>
              {savedYears.map((year) => (
                <tr key={year}>
                  <th scope="row">{year} 年</th>
                  <td className="num">{saved[year]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    );
  }

  return (
    <Card
      className="settings-card"
      id="settings-rates"
      title="汇率（元/美元，按年）"
      hint={`${conversion}修改某年汇率后，该年美元项目的规模档次会重新计算。`}
    >
      {years.length === 0 ? (
        <p className="empty-note settings-empty">还没有汇率：请在下面添加年份和汇率。</p>
      ) : (
        <table className="settings-table settings-rates-table">
          <TableHead columns={['年份', rateColumn, { label: '状态', hidden: true }]} />
          <tbody>
            {years.map((year) => {
              const check = checks[year];
              const error = check && 'error' in check ? check.error : null;
              const isNew = saved[year] === undefined;
              const changed = changedYears.includes(year);
              const inputId = `settings-rate-${year}`;
              return (
                <tr key={year}>
                  <th scope="row">
                    <label htmlFor={inputId}>
                      {year} 年<span className="visually-hidden">汇率</span>
                    </label>
                  </th>
                  <td className="num">
                    <input
                      id={inputId}
                      className="control-box settings-input settings-rate-input"
                      inputMode="decimal"
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${inputId}-error` : undefined}
                      value={draft[year] ?? ''}
                      onChange={(e) => edit(year, e.target.value)}
                    />
                  </td>
                  <td className="settings-rate-state">
                    {error ? (
                      <span id={`${inputId}-error`} className="settings-field-error">
                        {error}
                      </span>
                    ) : isNew ? (
                      <span className="tag">新增，未保存</span>
                    ) : changed ? (
                      <span className="tag">已修改，未保存</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <RateAdder
        years={years}
        onAdd={(year, rate) => {
          edit(year, rate);
        }}
      />
      <SaveRow
        submit={submit}
        label="保存汇率"
        disabled={invalid || changedYears.length === 0}
        onSave={() => void save()}
        after={
          changedYears.length > 0 && !submit.busy ? (
            <button
              type="button"
              className="secondary-button"
              onClick={() => {
                setDraft(asText(saved));
                submit.clear();
              }}
            >
              放弃修改
            </button>
          ) : null
        }
      />
    </Card>
  );
}
