// 阶段与里程碑: the stage, and for each milestone the planned date beside the actual one. An actual
// date moves the stage (the furthest dated milestone is the stage); 终止 asks for date and reason.
import { milestones, stageLabels, stageOrder } from '../../../domain/lifecycle';
import type { FormBinding } from './FormFields';
import { DateField, SelectField, TextField } from './FormFields';

const stageOptions = stageOrder.map((s) => ({ value: s, label: stageLabels[s] }));

export function MilestoneSection({ form }: { form: FormBinding }) {
  return (
    <section className="form-card">
      <h2 id="section-milestones">阶段与里程碑</h2>
      <div className="field-grid">
        <SelectField name="stage" label="阶段" form={form} options={stageOptions} empty={null} />
        <p className="field-note">填写实际日期后，阶段随最远的里程碑自动更新。</p>
        {form.draft.stage === 'terminated' ? (
          <>
            <DateField name="terminatedOn" label="终止日期" form={form} />
            <TextField name="terminationReason" label="终止原因" form={form} maxLength={500} />
          </>
        ) : null}
      </div>
      <div className="milestone-grid" role="group" aria-label="里程碑日期（计划与实际）">
        <span className="milestone-head">计划日期</span>
        <span className="milestone-head">实际日期</span>
        {milestones.map((m) => (
          <div key={m.stage} className="milestone-row">
            <DateField name={m.plannedKey} label={`计划${m.label}日期`} form={form} inline />
            <DateField name={m.actualKey} label={`${m.label}日期`} form={form} inline />
          </div>
        ))}
      </div>
    </section>
  );
}
