// 安排下一次跟进: after one is done, the next one on the same project — what and by when (a week on).
import { useId, useState } from 'react';
import { taskCreate } from '../../../domain/entities';
import { call, errorText } from '../api/client';
import type { FieldErrors } from './FollowupField';
import { DayHint, FollowupField, errorsOf } from './FollowupField';
import { dayText, daysAfter } from './followup-dates';

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
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [scheduled, setScheduled] = useState<string | null>(null);

  const save = async () => {
    const parsed = taskCreate.safeParse({ projectId, title, dueOn });
    setErrors(parsed.success ? {} : errorsOf(parsed.error));
    setSaveError(null);
    if (!parsed.success) return;
    setBusy(true);
    try {
      await call('task.create', parsed.data);
      setScheduled(`已安排：${parsed.data.title}（${dayText(parsed.data.dueOn, today)}）`);
      setTitle('');
      onScheduled();
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
        安排下一次跟进
      </h3>
      <FollowupField id={`${base}-what`} label="事项" error={errors.title} wide>
        {(p) => (
          <input
            {...p}
            value={title}
            maxLength={200}
            autoComplete="off"
            placeholder="如：约下次拜访"
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </FollowupField>
      <FollowupField id={`${base}-due`} label="截止日期" error={errors.dueOn}>
        {(p) => (
          <>
            <input {...p} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
            <DayHint day={dueOn} today={today} />
          </>
        )}
      </FollowupField>
      <div className="followups-actions followups-actions-inline">
        <button type="submit" className="primary-button" disabled={busy}>
          安排
        </button>
      </div>
      {scheduled ? <p className="followups-saved">{scheduled}</p> : null}
      {saveError ? (
        <p className="followups-error" role="alert">
          {saveError}
        </p>
      ) : null}
    </form>
  );
}
