// 新建跟进: a project (required, found by search), what to do, by when (a week from today unless
// changed) and a note; checked with the domain's task schema before sending.
import { useId, useState } from 'react';
import { taskCreate } from '../../../domain/entities';
import { call } from '../api/client';
import { ErrorText } from '../ui/Alert';
import { Field } from '../ui/Field';
import { fieldErrors } from '../ui/field-errors';
import type { FieldErrors } from '../ui/field-errors';
import { Form } from '../ui/Form';
import { ProjectPicker } from '../ui/ProjectPicker';
import { useSubmit } from '../ui/use-submit';
import { daysAfter } from './followup-dates';
import { DateField, TextAreaField, TitleField } from './followup-form';

interface Props {
  today: string;
  onCreated: (title: string) => void;
  onCancel: () => void;
}

interface Picked {
  id: string;
  name: string;
}

export function NewFollowupForm({ today, onCreated, onCancel }: Props) {
  const base = useId();
  const [project, setProject] = useState<Picked | null>(null);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(() => daysAfter(today, 7));
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();

  const save = () => {
    const parsed = taskCreate.safeParse({
      projectId: project?.id,
      title,
      dueOn,
      notes: notes.trim() === '' ? null : notes,
    });
    const found = parsed.success ? {} : fieldErrors(parsed.error);
    if (!project) found.projectId = '请选择项目：输入项目名称、编号或投资方，再从结果中点选';
    setErrors(found);
    if (!parsed.success || !project) return submit.clear();
    void submit.run(
      async () => {
        await call('task.create', { ...parsed.data, projectId: project.id });
        onCreated(parsed.data.title);
      },
      { keepBusy: true },
    );
  };

  return (
    <Form className="followups-form" aria-labelledby={`${base}-title`} onSubmit={save}>
      <h2 id={`${base}-title`} className="followups-panel-title">
        新建跟进
      </h2>
      <Field id={`${base}-project`} label="项目" error={errors.projectId} className="wide">
        {(control) =>
          project ? (
            <div className="followups-picked">
              <span className="ellipsis" title={project.name}>
                {project.name}
              </span>
              <button type="button" className="link-button" onClick={() => setProject(null)}>
                更换
              </button>
            </div>
          ) : (
            <ProjectPicker
              control={control}
              onPick={(picked) => {
                setProject({ id: picked.id, name: picked.name });
                setErrors(({ projectId: _, ...rest }) => rest);
              }}
            />
          )
        }
      </Field>
      <TitleField
        id={`${base}-title-input`}
        error={errors.title}
        value={title}
        placeholder="如：回访确认用地需求"
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
      <TextAreaField
        id={`${base}-notes`}
        label="备注"
        error={errors.notes}
        value={notes}
        maxLength={2000}
        onChange={setNotes}
      />
      <ErrorText error={submit.error} className="followups-error" />
      <div className="followups-actions">
        <button type="submit" className="primary-button" disabled={submit.busy}>
          保存
        </button>
        <button type="button" className="secondary-button" onClick={onCancel}>
          取消
        </button>
      </div>
    </Form>
  );
}
