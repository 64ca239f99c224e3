// 安排下一次跟进: after one is done, the next one on the same project — what and by when (a week on).
import { useId, useState } from 'react';
import { taskCreate } from '../../../domain/entities';
import { call } from '../api/client';
import { fieldErrors } from '../ui/field-errors';
import type { FieldErrors } from '../ui/field-errors';
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
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(() => daysAfter(today, 7));
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();

  const save = () => {
    const parsed = taskCreate.safeParse({ projectId, title, dueOn });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error));
    if (!parsed.success) return submit.clear();
    void submit.run(async () => {
      await call('task.create', parsed.data);
      setTitle('');
      onScheduled();
      return `已安排：${parsed.data.title}（${dayText(parsed.data.dueOn, today)}）`;
    });
  };

  return (
    <SubForm id={base} title="安排下一次跟进" submitLabel="安排" submit={submit} onSubmit={save}>
      <TitleField
        id={`${base}-what`}
        error={errors.title}
        value={title}
        placeholder="如：约下次拜访"
        onChange={setTitle}
      />
      <DateField
        id={`${base}-due`}
        label="截止日期"
        error={errors.dueOn}
        value={dueOn}
        today={today}
        onChange={setDueOn}
      />
    </SubForm>
  );
}
