// 安排下一次跟进: after one is done, the next one on the same project — what and by when (a week on).
import { useId } from 'react';
import { taskCreate } from '../../../domain/entities';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { useDraft } from '../ui/use-draft';
import { useSubmit } from '../ui/use-submit';
import { dayText, daysAfter } from './followup-dates';
import { DateField, SubForm, TitleField } from './followup-form';

interface Props {
  projectId: string | null;
  today: string;
  onScheduled: () => void;
}

export function NextFollowupForm({ projectId, today, onScheduled }: Props) {
  const base = useId();
  const form = useDraft(base, () => ({ title: '', dueOn: daysAfter(today, 7) }));
  const submit = useSubmit();

  const save = async (): Promise<boolean> => {
    const data = form.check(taskCreate, { ...form.values, projectId });
    if (!data) {
      submit.clear();
      return false;
    }
    return submit.run(async () => {
      await call('task.create', data);
      form.reset('title');
      onScheduled();
      return `已安排：${data.title}（${dayText(data.dueOn, today)}）`;
    });
  };

  useLeaveGuard({
    dirty: form.values.title.trim() !== '',
    what: '「安排下一次跟进」中填写的内容',
    save,
  });

  return (
    <SubForm
      id={base}
      title="安排下一次跟进"
      submitLabel="安排"
      submit={submit}
      onSubmit={() => void save()}
    >
      <TitleField {...form.bind('title')} placeholder="如：约下次拜访" />
      <DateField label="截止日期" {...form.bind('dueOn')} today={today} />
    </SubForm>
  );
}
