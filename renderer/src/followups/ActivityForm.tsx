// 记录活动: what happened on the project (拜访, 来访, 电话 …), when, who took part and what was said;
// it lands on the project's timeline (activity.create with its projectId).
import { useId, useState } from 'react';
import { activityCreate } from '../../../domain/entities';
import type { ActivityKind } from '../../../domain/vocabulary';
import { activityKinds } from '../../../domain/vocabulary';
import { call } from '../api/client';
import { Field } from '../ui/Field';
import { fieldErrors } from '../ui/field-errors';
import type { FieldErrors } from '../ui/field-errors';
import { useSubmit } from '../ui/use-submit';
import { dayText } from './followup-dates';
import { DateField, SubForm, TextAreaField } from './followup-form';
import { Select, choicesOf } from '../ui/Select';

interface Props {
  projectId: string;
  today: string;
}

const kindChoices = choicesOf(activityKinds);

const orNull = (s: string) => (s.trim() === '' ? null : s);

export function ActivityForm({ projectId, today }: Props) {
  const base = useId();
  const [kind, setKind] = useState<ActivityKind>('visit');
  const [occurredOn, setOccurredOn] = useState(today);
  const [people, setPeople] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();

  const save = () => {
    const parsed = activityCreate.safeParse({
      projectId,
      kind,
      occurredOn,
      people: orNull(people),
      notes: orNull(notes),
    });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error));
    if (!parsed.success) return submit.clear();
    void submit.run(async () => {
      await call('activity.create', parsed.data);
      const label = activityKinds.find((k) => k.key === kind)?.label ?? kind;
      setPeople('');
      setNotes('');
      return `已记入项目的活动记录：${label}（${dayText(parsed.data.occurredOn, today)}）`;
    });
  };

  return (
    <SubForm id={base} title="记录活动" submitLabel="保存活动" submit={submit} onSubmit={save}>
      <Field id={`${base}-kind`} label="类型" error={errors.kind}>
        {(control) => (
          <Select
            {...control}
            className="input"
            choices={kindChoices}
            value={kind}
            onChange={setKind}
          />
        )}
      </Field>
      <DateField
        id={`${base}-date`}
        label="日期"
        error={errors.occurredOn}
        value={occurredOn}
        today={today}
        onChange={setOccurredOn}
      />
      <Field id={`${base}-people`} label="参与人员" error={errors.people} className="wide">
        {(control) => (
          <input
            {...control}
            className="input"
            value={people}
            maxLength={500}
            autoComplete="off"
            placeholder="如：王总（对方）、李明"
            onChange={(e) => setPeople(e.target.value)}
          />
        )}
      </Field>
      <TextAreaField
        id={`${base}-notes`}
        label="记录"
        error={errors.notes}
        value={notes}
        maxLength={5000}
        placeholder="谈了什么、对方的意向和顾虑"
        onChange={setNotes}
      />
    </SubForm>
  );
}
