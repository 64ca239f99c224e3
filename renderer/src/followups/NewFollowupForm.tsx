// 新建跟进: a project (required, found by search), what to do, by when (a week from today unless
// changed) and a note; checked with the domain's task schema before sending.
import { useId, useState } from 'react';
import { taskCreate } from '../../../domain/entities';
import { call, errorText } from '../api/client';
import type { FieldErrors } from './FollowupField';
import { DayHint, FollowupField, errorsOf } from './FollowupField';
import { daysAfter } from './followup-dates';
import type { PickedProject } from './ProjectPicker';
import { ProjectPicker } from './ProjectPicker';

interface Props {
  today: string;
  onCreated: (title: string) => void;
  onCancel: () => void;
}

export function NewFollowupForm({ today, onCreated, onCancel }: Props) {
  const base = useId();
  const [project, setProject] = useState<PickedProject | null>(null);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(() => daysAfter(today, 7));
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const parsed = taskCreate.safeParse({
      projectId: project?.id,
      title,
      dueOn,
      notes: notes.trim() === '' ? null : notes,
    });
    const found = parsed.success ? {} : errorsOf(parsed.error);
    if (!project) found.projectId = '请选择项目：输入项目名称、编号或投资方，再从结果中点选';
    setErrors(found);
    setSaveError(null);
    if (!parsed.success || !project) return;
    setBusy(true);
    try {
      await call('task.create', { ...parsed.data, projectId: project.id });
      onCreated(parsed.data.title);
    } catch (e) {
      setSaveError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <form
      className="followups-form"
      aria-labelledby={`${base}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id={`${base}-title`} className="followups-panel-title">
        新建跟进
      </h2>
      <FollowupField id={`${base}-project`} label="项目" error={errors.projectId} wide>
        {(p) => (
          <ProjectPicker
            control={p}
            value={project}
            onChange={(picked) => {
              setProject(picked);
              if (picked) setErrors(({ projectId: _, ...rest }) => rest);
            }}
          />
        )}
      </FollowupField>
      <FollowupField id={`${base}-title-input`} label="事项" error={errors.title} wide>
        {(p) => (
          <input
            {...p}
            value={title}
            maxLength={200}
            autoComplete="off"
            placeholder="如：回访确认用地需求"
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
      <FollowupField id={`${base}-notes`} label="备注" error={errors.notes} wide>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={notes}
            maxLength={2000}
            onChange={(e) => setNotes(e.target.value)}
          />
        )}
      </FollowupField>
      {saveError ? (
        <p className="followups-error" role="alert">
          {saveError}
        </p>
      ) : null}
      <div className="followups-actions">
        <button type="submit" className="primary-button" disabled={busy}>
          保存
        </button>
        <button type="button" className="secondary-button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
