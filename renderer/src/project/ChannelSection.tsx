// 产业/平台/招商方式: industry, the hosting platform, how the project was won (with the referrer,
// agency or fair edition when the channel needs one), office, promoter and the project's kind.
import type { Dictionaries } from '../../../domain/contract';
import { channels, offices, projectTypes } from '../../../domain/vocabulary';
import type { FormBinding } from './FormFields';
import { CheckField, SelectField, TextField, optionsOf } from './FormFields';

const channelOptions = optionsOf(channels.map((c) => c.label));
const officeOptions = optionsOf(offices.map((o) => o.label));
const projectTypeOptions = optionsOf(projectTypes.map((t) => t.label));
/** The field a channel asks for beside it (its vocabulary entry's `needs`). */
const needLabels = { referrer: '引荐人', agent: '委托机构', fairEdition: '展会届次' } as const;

export function ChannelSection({
  form,
  dictionaries,
}: {
  form: FormBinding;
  dictionaries: Dictionaries;
}) {
  const needs = channels.find((c) => c.label === form.draft.channel)?.needs ?? null;
  const promoters = [...new Set(dictionaries.promoters.map((p) => p.name))];
  return (
    <section className="form-card">
      <h2 id="section-channel">产业/平台/招商方式</h2>
      <div className="field-grid">
        <TextField
          name="industry"
          label="产业"
          form={form}
          maxLength={50}
          suggestions={dictionaries.industries}
        />
        <SelectField
          name="platform"
          label="承接平台"
          form={form}
          options={optionsOf(dictionaries.platforms)}
        />
        <SelectField name="channel" label="招商方式" form={form} options={channelOptions} />
        {needs ? (
          <TextField
            name={needs}
            label={needLabels[needs]}
            form={form}
            maxLength={100}
            suggestions={needs === 'fairEdition' ? dictionaries.fairEditions : undefined}
          />
        ) : (
          <span className="field-spacer" />
        )}
        <SelectField name="office" label="驻点" form={form} options={officeOptions} />
        <SelectField name="owner" label="招商责任人" form={form} options={optionsOf(promoters)} />
        <SelectField name="projectType" label="项目类型" form={form} options={projectTypeOptions} />
        {form.draft.projectType === '技改' ? (
          <TextField
            name="techApprovedOn"
            label="技改批复日期"
            form={form}
            maxLength={20}
            placeholder="YYYY-MM-DD"
          />
        ) : null}
        <div className="check-row">
          <CheckField name="industrial" label="产业项目" form={form} />
          <CheckField name="leaderProject" label="省市县长工程" form={form} />
        </div>
      </div>
    </section>
  );
}
