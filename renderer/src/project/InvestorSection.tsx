// 投资方: who invests and where from — the investor, its country (grouped by 来源地区), and for
// domestic capital the province and ownership.
import { countries, regionLabels, regionOrder } from '../../../domain/countries';
import type { Region } from '../../../domain/countries';
import { citiesOf } from '../../../domain/cities';
import { capitalTypes, ownerships, provinceByLabel, provinces } from '../../../domain/vocabulary';
import type { FormBinding, Option } from './FormFields';
import { SelectField, TextField, optionsOf } from './FormFields';

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
        />
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
