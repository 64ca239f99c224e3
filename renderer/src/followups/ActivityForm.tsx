// 记录活动: what happened on the project (拜访, 来访, 电话 …), when, who took part and what was said;
// it lands on the project's timeline (activity.create with its projectId).
import { useId, useState } from 'react';
import { activityCreate } from '../../../domain/entities';
import type { ActivityKind } from '../../../domain/vocabulary';
import { activityKinds } from '../../../domain/vocabulary';
import { call, errorText } from '../api/client';
import type { FieldErrors } from './FollowupField';
import { DayHint, FollowupField, errorsOf } from './FollowupField';
import { dayText } from './followup-dates';

interface Props {
  projectId: string;
  today: string;
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

export function ActivityForm({ projectId, today }: Props) {
  const base = useId();
  const [kind, setKind] = useState<ActivityKind>('visit');
  const [occurredOn, setOccurredOn] = useState(today);
  const [people, setPeople] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const save = async () => {
    const parsed = activityCreate.safeParse({
      projectId,
      kind,
      occurredOn,
      people: orNull(people),
      notes: orNull(notes),
    });
    setErrors(parsed.success ? {} : errorsOf(parsed.error));
    setSaveError(null);
    if (!parsed.success) return;
    setBusy(true);
    try {
      await call('activity.create', parsed.data);
      const label = activityKinds.find((k) => k.key === kind)?.label ?? kind;
      setSaved(`已记入项目的活动记录：${label}（${dayText(parsed.data.occurredOn, today)}）`);
      setPeople('');
      setNotes('');
    } catch (e) {
      setSaveError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="followups-form followups-subform"
      aria-labelledby={`${base}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={`${base}-title`} className="followups-subtitle">
        记录活动
      </h3>
      <FollowupField id={`${base}-kind`} label="类型" error={errors.kind}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)}>
            {activityKinds.map((k) => (
              <option key={k.key} value={k.key}>
                {k.label}
              </option>
            ))}
          </select>
        )}
      </FollowupField>
      <FollowupField id={`${base}-date`} label="日期" error={errors.occurredOn}>
        {(p) => (
          <>
            <input
              {...p}
              type="date"
              value={occurredOn}
              onChange={(e) => setOccurredOn(e.target.value)}
            />
            <DayHint day={occurredOn} today={today} />
          </>
        )}
      </FollowupField>
      <FollowupField id={`${base}-people`} label="参与人员" error={errors.people} wide>
        {(p) => (
          <input
            {...p}
            value={people}
            maxLength={500}
            autoComplete="off"
            placeholder="如：王总（对方）、李明"
            onChange={(e) => setPeople(e.target.value)}
          />
        )}
      </FollowupField>
      <FollowupField id={`${base}-notes`} label="记录" error={errors.notes} wide>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={notes}
            maxLength={5000}
            placeholder="谈了什么、对方的意向和顾虑"
            onChange={(e) => setNotes(e.target.value)}
          />
        )}
      </FollowupField>
      <div className="followups-actions followups-actions-inline">
        <button type="submit" className="primary-button" disabled={busy}>
          保存活动
        </button>
      </div>
      {saved ? <p className="followups-saved">{saved}</p> : null}
      {saveError ? (
        <p className="followups-error" role="alert">
          {saveError}
        </p>
      ) : null}
    </form>
  );
}
