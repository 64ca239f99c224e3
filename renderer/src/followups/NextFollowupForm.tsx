// 安排下一次跟进: after one is done, the next one on the same project — what and by when (a week on).
import { taskCreate } from '../../../domain/entities';
import { call } from '../api/client';
import { dayText, daysAfter } from './followup-dates';
import { DateField, SubForm, TitleField, useSubForm } from './followup-form';

interface Props {
  projectId: string | null;
  today: string;
  onScheduled: () => void;
}

export function NextFollowupForm({ projectId, today, onScheduled }: Props) {
  const { form, props } = useSubForm({
    initial: () => ({ title: '', dueOn: daysAfter(today, 7) }),
    checked: ({ values, check }) => check(taskCreate, { ...values, projectId }),
    send: async (data, { reset }) => {
      await call('task.create', data);
      reset('title');
      onScheduled();
      return `已安排：${data.title}（${dayText(data.dueOn, today)}）`;
    },
    dirty: ({ title }) => title.trim() !== '',
    what: '「安排下一次跟进」中填写的内容',
  });

  return (
    <SubForm {...props} title="安排下一次跟进" submitLabel="安排">
      <TitleField {...form.bind('title')} placeholder="如：约下次拜访" />
      <DateField label="截止日期" {...form.bind('dueOn')} today={today} />
    </SubForm>
  );
}
