// 记录活动: what happened on the project (拜访, 来访, 电话 …), when, who took part and what was said;
// it lands on the project's timeline (activity.create with its projectId).
import { activityCreate } from '../../../domain/entities';
import type { ActivityKind } from '../../../domain/vocabulary';
import { activityKinds, labelOf } from '../../../domain/vocabulary';
import { call } from '../api/client';
import { activityKindChoices, notesInput, peopleInput } from '../shared/activity-fields';
import { AreaField, SelectField, TextField } from '../ui/fields';
import { dayText } from './followup-dates';
import { DateField, SubForm, useSubForm } from './followup-form';

interface Props {
  projectId: string;
  today: string;
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

export function ActivityForm({ projectId, today }: Props) {
  const { form, props } = useSubForm({
    initial: () => ({ kind: 'visit' as ActivityKind, occurredOn: today, people: '', notes: '' }),
    checked: ({ values, check }) =>
      check(activityCreate, {
        ...values,
        projectId,
        people: orNull(values.people),
        notes: orNull(values.notes),
      }),
    send: async (data, { reset }) => {
      await call('activity.create', data);
      reset('people', 'notes');
      const day = dayText(data.occurredOn, today);
      return `已记入项目的活动记录：${labelOf(activityKinds, data.kind)}（${day}）`;
    },
    dirty: ({ people, notes }) => people.trim() !== '' || notes.trim() !== '',
    what: '「记录活动」中填写的内容',
  });

  return (
    <SubForm {...props} title="记录活动" submitLabel="保存活动">
      <SelectField label="类型" {...form.bind('kind')} choices={activityKindChoices} />
      <DateField label="日期" {...form.bind('occurredOn')} today={today} />
      <TextField label="参与人员" {...form.bind('people')} {...peopleInput} className="wide" />
      <AreaField label="记录" {...form.bind('notes')} {...notesInput} className="wide" />
    </SubForm>
  );
}
