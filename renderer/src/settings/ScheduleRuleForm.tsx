// 序时口径 and 红黄绿灯阈值: how the 看板 and the 月报 read 序时 (by completed months, as the 通报 do,
// or by days) and how far behind it a target turns yellow or red; saved with settings.update. On
// an office laptop it is 本部's, shown as text with 向本部提建议.
import { useId } from 'react';
import type { ScheduleBasis } from '../../../domain/schedule';
import { scheduleBasisLabels, scheduleBases } from '../../../domain/schedule';
import type { Settings } from '../../../domain/settings';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { HqManaged } from '../shared/HqManaged';
import { SelectField, TextField } from '../ui/fields';
import { Form } from '../ui/Form';
import { useDraft } from '../ui/use-draft';
import { useSubmit } from '../ui/use-submit';
import { SaveRow } from './Feedback';
import { settingsField } from './field-look';

const basisChoices = scheduleBases.map((value) => ({ value, label: scheduleBasisLabels[value] }));

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
  readOnly: boolean;
}

function meaning(basis: ScheduleBasis, yellow: string, red: string) {
  const rule =
    basis === 'months'
      ? '按月：数据统计至上一个已过完的月末，序时进度 = 已过完月数 ÷ 12（与通报口径一致）。'
      : '按日：数据统计至所选日期，序时进度 = 已过天数 ÷ 全年天数。';
  return (
    <p className="settings-note">
      {rule}落后序时不足 {yellow} 个百分点亮绿灯，{yellow}–{red} 个百分点亮黄灯，超过 {red}{' '}
      个百分点亮红灯。
    </p>
  );
}

export function ScheduleRuleForm({ settings, onSaved, readOnly }: Props) {
  const submit = useSubmit();
  const initial = {
    basis: settings.scheduleBasis,
    yellow: String(settings.lightThresholds.yellow),
    red: String(settings.lightThresholds.red),
  };
  const form = useDraft(useId(), initial, { onEdit: submit.clear });
  const { basis, yellow, red } = form.values;
  const changed =
    basis !== settings.scheduleBasis ||
    yellow !== String(settings.lightThresholds.yellow) ||
    red !== String(settings.lightThresholds.red);

  const save = () =>
    submit.run(async () => {
      const number = (text: string) => (text.trim() === '' ? NaN : Number(text));
      onSaved(
        await call('settings.update', {
          scheduleBasis: basis,
          lightThresholds: { yellow: number(yellow), red: number(red) },
        }),
      );
      return '已保存，看板按新口径计算';
    });
  useLeaveGuard({ dirty: changed, what: '「序时口径」的修改', save });

  if (readOnly) {
    return (
      <div className="settings-landing-form" role="group" aria-label="序时口径与红黄绿灯">
        <h3 className="settings-subtitle">序时口径与红黄绿灯</h3>
        <HqManaged subject="序时口径与红黄绿灯" />
        <dl className="settings-landing-values">
          <dt>序时口径</dt>
          <dd>{scheduleBasisLabels[settings.scheduleBasis]}</dd>
          <dt>黄灯 / 红灯</dt>
          <dd>
            落后 {settings.lightThresholds.yellow} / 超过 {settings.lightThresholds.red} 个百分点
          </dd>
        </dl>
        {meaning(settings.scheduleBasis, initial.yellow, initial.red)}
      </div>
    );
  }

  return (
    <Form
      className="settings-landing-form"
      onSubmit={() => void save()}
      aria-label="序时口径与红黄绿灯"
    >
      <h3 className="settings-subtitle">序时口径与红黄绿灯</h3>
      <div className="settings-landing-fields">
        <SelectField
          label="序时口径"
          {...settingsField}
          {...form.bind('basis')}
          choices={basisChoices}
        />
        <TextField
          label="黄灯：落后（个百分点）"
          {...settingsField}
          {...form.bind('yellow')}
          inputMode="decimal"
        />
        <TextField
          label="红灯：超过（个百分点）"
          {...settingsField}
          {...form.bind('red')}
          inputMode="decimal"
        />
        <SaveRow submit={submit} label="保存序时口径" disabled={!changed} />
      </div>
      {meaning(basis, yellow, red)}
    </Form>
  );
}
