// The investor's fields, each with a visible label bound to its control and its error under it:
// names, aliases, 统一社会信用代码, parent (picked from the investors on record, or typed),
// headquarters country, location, flags and notes. Used to create and to edit.
import { useId } from 'react';
import { citiesOf } from '../../../domain/cities';
import { investorFlags, provinceByLabel, provinces } from '../../../domain/vocabulary';
import { AreaField, SelectField, TextField } from '../ui/fields';
import { binder } from '../ui/use-draft';
import type { InvestorDraft, InvestorErrors } from './investor-draft';
import { countryOptions } from './investor-labels';
import { ParentPicker } from './ParentPicker';
import type { NameWarning } from './similar-investors';

const countryChoices = countryOptions.map((c) => ({ value: c.code, label: c.nameZh }));
const provinceChoices = provinces.map((p) => ({ value: p.label, label: p.label }));
/** The investor's own name, in Chinese or English. */
const companyName = { maxLength: 200, autoComplete: 'off' };

interface Props {
  draft: InvestorDraft;
  errors: InvestorErrors;
  onChange: (draft: InvestorDraft) => void;
  /** The investor being edited: its 母公司 cannot be itself. */
  selfId?: string;
  /** The 撞单 warning's keys on the name boxes (useNameWarning). */
  nameBoxProps?: NameWarning['boxProps'];
}

export function InvestorFields({ draft, errors, onChange, selfId, nameBoxProps }: Props) {
  const id = useId();
  const bind = binder(id, draft, errors, (key, value) => onChange({ ...draft, [key]: value }));
  // The cities of the chosen province are offered; any other city may be typed.
  const cities = citiesOf(provinceByLabel(draft.province)?.key);
  return (
    <div className="investors-fields">
      <TextField
        label="中文名称"
        {...bind('nameZh')}
        {...companyName}
        {...nameBoxProps}
        placeholder="如：西门子（中国）有限公司"
      />
      <TextField
        label="英文名称"
        {...bind('nameEn')}
        {...companyName}
        {...nameBoxProps}
        placeholder="如：Siemens AG"
      />
      <TextField
        label="简称/别名"
        {...bind('aliases')}
        autoComplete="off"
        placeholder="多个用逗号或「、」分隔"
      />
      <TextField
        label="统一社会信用代码"
        {...bind('creditCode')}
        className="half"
        maxLength={40}
        autoComplete="off"
        spellCheck={false}
        placeholder="18 位，如：914403001922038216"
      />
      <ParentPicker {...bind('parentName')} selfId={selfId} className="half" />
      <SelectField
        label="总部国别/地区"
        {...bind('hqCountry')}
        className="half"
        choices={countryChoices}
        none={{ label: '（未填写）' }}
      />
      <SelectField
        label="所在省份"
        {...bind('province')}
        className="half"
        choices={provinceChoices}
        none={{ label: '（未填写）' }}
      />
      <TextField
        label="所在城市"
        {...bind('city')}
        className="half"
        maxLength={50}
        autoComplete="off"
        list={`${id}-cities`}
        placeholder="如：嘉兴市（非嘉兴市的内资计入市外内资）"
      />
      <datalist id={`${id}-cities`}>
        {cities.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
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
      <AreaField label="备注" {...bind('notes')} maxLength={2000} />
    </div>
  );
}
