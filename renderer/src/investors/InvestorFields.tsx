// The investor's fields, each with a visible label bound to its control and its error under it:
// names, aliases, parent, headquarters country, flags and notes. Used to create and to edit.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { investorFlags } from '../../../domain/vocabulary';
import { Field } from '../ui/Field';
import type { ControlProps } from '../ui/Field';
import type { DraftField, InvestorDraft, InvestorErrors } from './investor-draft';
import { countryOptions } from './investor-labels';
import { Select } from '../ui/Select';

const countryChoices = countryOptions.map((c) => ({ value: c.code, label: c.nameZh }));

interface Props {
  draft: InvestorDraft;
  errors: InvestorErrors;
  onChange: (draft: InvestorDraft) => void;
}

export function InvestorFields({ draft, errors, onChange }: Props) {
  const base = useId();
  const set = (key: DraftField, value: string) => onChange({ ...draft, [key]: value });
  const field = (
    key: DraftField,
    label: string,
    control: (props: ControlProps) => ReactNode,
    half = false,
  ) => (
    <Field
      id={`${base}-${key}`}
      label={label}
      error={errors[key]}
      className={half ? 'half' : undefined}
    >
      {control}
    </Field>
  );

  return (
    <div className="investors-fields">
      {field('nameZh', '中文名称', (p) => (
        <input
          {...p}
          className="input"
          value={draft.nameZh}
          maxLength={200}
          autoComplete="off"
          placeholder="如：西门子（中国）有限公司"
          onChange={(e) => set('nameZh', e.target.value)}
        />
      ))}
      {field('nameEn', '英文名称', (p) => (
        <input
          {...p}
          className="input"
          value={draft.nameEn}
          maxLength={200}
          autoComplete="off"
          placeholder="如：Siemens AG"
          onChange={(e) => set('nameEn', e.target.value)}
        />
      ))}
      {field('aliases', '简称/别名', (p) => (
        <input
          {...p}
          className="input"
          value={draft.aliases}
          autoComplete="off"
          placeholder="多个用逗号或「、」分隔"
          onChange={(e) => set('aliases', e.target.value)}
        />
      ))}
      {field(
        'parentName',
        '母公司',
        (p) => (
          <input
            {...p}
            className="input"
            value={draft.parentName}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => set('parentName', e.target.value)}
          />
        ),
        true,
      )}
      {field(
        'hqCountry',
        '总部国别/地区',
        (p) => (
          <Select
            {...p}
            className="input"
            choices={countryChoices}
            none={{ label: '（未填写）' }}
            value={draft.hqCountry}
            onChange={(value) => set('hqCountry', value)}
          />
        ),
        true,
      )}
      <fieldset className="field investors-flags">
        <legend className="field-label">标签</legend>
        {investorFlags.map((f) => (
          <label key={f.key} className="investors-check">
            <input
              type="checkbox"
              checked={draft.flags[f.key]}
              onChange={(e) =>
                onChange({ ...draft, flags: { ...draft.flags, [f.key]: e.target.checked } })
              }
            />
            {f.label}
          </label>
        ))}
      </fieldset>
      {field('notes', '备注', (p) => (
        <textarea
          {...p}
          className="input textarea"
          rows={2}
          value={draft.notes}
          maxLength={2000}
          onChange={(e) => set('notes', e.target.value)}
        />
      ))}
    </div>
  );
}
