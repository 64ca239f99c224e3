// 落地率口径: which milestone counts as landed and which projects form the cohort, saved with
// settings.update; the sentence under the fields says what the 看板 will compute. On an office
// laptop it is 本部's rule, shown as text with 向本部提建议.
import { useId } from 'react';
import type { LandingCohort, MilestoneStage } from '../../../domain/lifecycle';
import { landingCohortLabels, milestones } from '../../../domain/lifecycle';
import type { Settings } from '../../../domain/settings';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { HqManaged } from '../shared/HqManaged';
import { SelectField } from '../ui/fields';
import { Form } from '../ui/Form';
import { useDraft } from '../ui/use-draft';
import { useSubmit } from '../ui/use-submit';
import { SaveRow } from './Feedback';
import { settingsField } from './field-look';
import { milestoneChoices } from './milestone-choices';

const cohortChoices = Object.entries(landingCohortLabels).map(([value, label]) => ({
  value: value as LandingCohort,
  label,
}));

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  readOnly: boolean;
}

const label = (stage: MilestoneStage) => milestones.find((m) => m.stage === stage)?.label ?? stage;

export function LandingRuleForm({ settings, onSaved, readOnly }: Props) {
  const submit = useSubmit();
  const form = useDraft(useId(), settings.landingRule, { onEdit: submit.clear });
  const { milestone, cohort } = form.values;
  const changed =
    milestone !== settings.landingRule.milestone || cohort !== settings.landingRule.cohort;

  const save = () =>
    submit.run(async () => {
      onSaved(await call('settings.update', { landingRule: { milestone, cohort } }));
      return '已保存，看板按新口径计算';
    });
  useLeaveGuard({ dirty: changed, what: '「落地率口径」的修改', save });

  const meaning = (
    <p className="settings-note">
      落地率 = {landingCohortLabels[cohort]}中的“省市县长工程”项目里，截至看板所选日期已达「
      {label(milestone)}」阶段的个数 ÷ 这些项目的总数。
    </p>
  );

  if (readOnly) {
    return (
      <div className="settings-landing-form" role="group" aria-label="落地率口径">
        <h3 className="settings-subtitle">落地率口径</h3>
        <HqManaged subject="落地率口径" />
        <dl className="settings-landing-values">
          <dt>统计范围</dt>
          <dd>{landingCohortLabels[cohort]}</dd>
          <dt>达到哪个阶段算落地</dt>
          <dd>{label(milestone)}</dd>
        </dl>
        {meaning}
      </div>
    );
  }

  return (
    <Form className="settings-landing-form" onSubmit={() => void save()} aria-label="落地率口径">
      <h3 className="settings-subtitle">落地率口径</h3>
      <div className="settings-landing-fields">
        <SelectField
          label="统计范围"
          {...settingsField}
          {...form.bind('cohort')}
          choices={cohortChoices}
        />
        <SelectField
          label="达到哪个阶段算落地"
          {...settingsField}
          {...form.bind('milestone')}
          choices={milestoneChoices}
        />
        <SaveRow submit={submit} label="保存口径" disabled={!changed} />
      </div>
      {meaning}
    </Form>
  );
}
