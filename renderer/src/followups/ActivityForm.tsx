// 记录活动: what happened on the project (拜访, 来访, 电话 …), when, who took part and what was said;
// it lands on the project's timeline (activity.create with its projectId).
import { useId } from 'react';
import { activityCreate } from '../../../domain/entities';
import type { ActivityKind } from '../../../domain/vocabulary';
import { activityKinds, labelOf } from '../../../domain/vocabulary';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { AreaField, SelectField, TextField } from '../ui/fields';
import { choicesOf } from '../ui/Select';
import { useDraft } from '../ui/use-draft';
import { useSubmit } from '../ui/use-submit';
import { dayText } from './followup-dates';
import { DateField, SubForm } from './followup-form';

interface Props {
  projectId: string;
  today: string;
}

const kindChoices = choicesOf(activityKinds);

const orNull = (s: string) => (s.trim() === '' ? null : s);

export function ActivityForm({ projectId, today }: Props) {
  const base = useId();
  const form = useDraft(base, {
    kind: 'visit' as ActivityKind,
    occurredOn: today,
    people: '',
    notes: '',
  });
  const submit = useSubmit();
  const { kind, people, notes } = form.values;

  const save = async (): Promise<boolean> => {
    const input = { ...form.values, projectId, people: orNull(people), notes: orNull(notes) };
    const data = form.check(activityCreate, input);
    if (!data) {
      submit.clear();
      return false;
    }
    return submit.run(async () => {
      await call('activity.create', data);
      form.reset('people', 'notes');
      const day = dayText(data.occurredOn, today);
      return `已记入项目的活动记录：${labelOf(activityKinds, kind)}（${day}）`;
    });
  };

  useLeaveGuard({
    dirty: people.trim() !== '' || notes.trim() !== '',
    what: '「记录活动」中填写的内容',
    save,
  });

  return (
    <SubForm
      id={base}
      title="记录活动"
      submitLabel="保存活动"
      submit={submit}
      onSubmit={() => void save()}
    >
      <SelectField label="类型" {...form.bind('kind')} choices={kindChoices} />
      <DateField label="日期" {...form.bind('occurredOn')} today={today} />
      <TextField
        label="参与人员"
        {...form.bind('people')}
        className="wide"
        maxLength={500}
        autoComplete="off"
        placeholder="如：王总（对方）、李明"
      />
      <AreaField
        label="记录"
        {...form.bind('notes')}
        className="wide"
        maxLength={5000}
        placeholder="谈了什么、对方的意向和顾虑"
      />
    </SubForm>
  );
}
