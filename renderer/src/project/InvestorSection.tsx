// 投资方: who invests and where from — the investor, its country (grouped by 来源地区), and for
// domestic capital the province and ownership. A typed investor name is checked as it is typed
// against the investors on record (the 撞单 warning), and 使用此投资方 puts the project under one.
import { useState } from 'react';
import { countries, regionLabels, regionOrder } from '../../../domain/countries';
import type { Region } from '../../../domain/countries';
import { citiesOf } from '../../../domain/cities';
import { capitalTypes, ownerships, provinceByLabel, provinces } from '../../../domain/vocabulary';
import type { SimilarInvestor } from '../../../domain/search';
import { DuplicateWarning } from '../investors/DuplicateWarning';
import { useNameWarning } from '../investors/similar-investors';
import type { FormBinding, Option } from './FormFields';
import { SelectField, TextField, fieldId, optionsOf } from './FormFields';

const collator = new Intl.Collator('zh-CN');
const regionsDomesticFirst: readonly Region[] = [
  'domestic',
  ...regionOrder.filter((r) => r !== 'domestic'),
];

/** Every country under its 来源地区, by Chinese name: 德国 DE. */
export const countryGroups: readonly { label: string; options: Option[] }[] =
  regionsDomesticFirst.map((region) => ({
    label: regionLabels[region],
    options: countries
      .filter((c) => c.region === region)
      .sort((a, b) => collator.compare(a.nameZh, b.nameZh))
      .map((c) => ({ value: c.code, label: `${c.nameZh} ${c.code}` })),
  }));

const provinceOptions = optionsOf(provinces.map((p) => p.label));
const ownershipOptions = optionsOf(ownerships.map((o) => o.label));
const capitalTypeOptions = optionsOf(capitalTypes.map((c) => c.label));
const outsideOptions = optionsOf(['市外', '市内']);

export function InvestorSection({ form }: { form: FormBinding }) {
  const { draft } = form;
  /** The investor chosen here with 使用此投资方 (not the one the project was saved under). */
  const [chosen, setChosen] = useState<SimilarInvestor | null>(null);
  const useExisting = (match: SimilarInvestor) => {
    form.set('investor', match.nameZh);
    form.set('investorId', match.id);
    setChosen(match);
  };
  // Only a typed name warns: a project under an investor on record creates none.
  const warning = useNameWarning(
    fieldId('investor'),
    draft.investorId === '' ? [draft.investor] : [],
    useExisting,
  );
  return (
    <section className="form-card">
      <h2 id="section-investor">投资方</h2>
      <div className="field-grid">
        <TextField
          name="investor"
          label="投资方"
          form={form}
          wide
          placeholder="企业中文名称，如 西门子（中国）有限公司"
          boxProps={warning.boxProps}
        />
        {chosen !== null && draft.investorId === chosen.id ? (
          <p className="project-investor-chosen">
            已选用已有投资方「{chosen.nameZh}」，保存后项目记在它名下。
          </p>
        ) : null}
        <div className="project-investor-warning">
          <DuplicateWarning
            warning={warning}
            useLabel="使用此投资方"
            help="下列已有投资方的名称与填写的相近。若是同一家，请点「使用此投资方」，项目记在它名下，不再新建投资方。"
            onUse={useExisting}
          />
        </div>
        {/* Left empty, the region follows the investor group's ultimate parent's HQ; a country
            chosen here overrides it (the project page says which, and flags a difference). */}
        <SelectField
          name="country"
          label="国别/地区"
          form={form}
          groups={countryGroups}
          empty="按投资方最终母公司总部"
        />
        <SelectField name="capitalType" label="资本类别" form={form} options={capitalTypeOptions} />
        <SelectField name="province" label="省份" form={form} options={provinceOptions} />
        <SelectField name="ownership" label="企业性质" form={form} options={ownershipOptions} />
        {/* Only where the project is elsewhere than its investor; 市外内资 follows the city. */}
        <TextField
          name="city"
          label="城市"
          form={form}
          maxLength={50}
          suggestions={citiesOf(provinceByLabel(form.draft.province)?.key)}
          placeholder="与投资方所在城市不同时填写"
        />
        <SelectField
          name="outsideCity"
          label="市外内资"
          form={form}
          options={outsideOptions}
          empty="按所在城市（非嘉兴市为市外）"
        />
      </div>
    </section>
  );
}
