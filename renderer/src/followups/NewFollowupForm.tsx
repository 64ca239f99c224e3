// 新建跟进: a project (required, found by search), what to do, by when (a week from today unless
// changed) and a note; checked with the domain's task schema before sending.
import { useId, useState } from 'react';
import { taskCreate } from '../../../domain/entities';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { ErrorText } from '../ui/Alert';
import { Field } from '../ui/Field';
import { AreaField } from '../ui/fields';
import { Form } from '../ui/Form';
import { ProjectPicker } from '../ui/ProjectPicker';
import { useDraft } from '../ui/use-draft';
import { useSubmit } from '../ui/use-submit';
import { daysAfter } from './followup-dates';
import { DateField, TitleField } from './followup-form';

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
  const form = useDraft(base, () => ({ title: '', dueOn: daysAfter(today, 7), notes: '' }));
  const { errors, setErrors } = form;
  const submit = useSubmit();

  const save = async (): Promise<boolean> => {
    const { notes } = form.values;
    const input = {
      ...form.values,
      projectId: project?.id,
      notes: notes.trim() === '' ? null : notes,
    };
    const unpicked = { projectId: '请选择项目：输入项目名称、编号或投资方，再从结果中点选' };
    const data = form.check(taskCreate, input, project ? {} : unpicked);
    if (!data || !project) {
      submit.clear();
      return false;
    }
    return submit.run(
      async () => {
        await call('task.create', { ...data, projectId: project.id });
        onCreated(data.title);
      },
      { keepBusy: true },
    );
  };

  const { title, dueOn, notes } = form.values;
  useLeaveGuard({
    dirty:
      project !== null ||
      title.trim() !== '' ||
      notes.trim() !== '' ||
      dueOn !== daysAfter(today, 7),
    what: '新建跟进中填写的内容',
    save,
  });

  return (
    <Form
      className="side-panel followups-form"
      aria-labelledby={`${base}-heading`}
      onSubmit={() => void save()}
    >
      <h2 id={`${base}-heading`} className="followups-panel-title">
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
      <TitleField {...form.bind('title')} placeholder="如：回访确认用地需求" />
      <DateField label="截止日期" {...form.bind('dueOn')} today={today} />
      <AreaField label="备注" {...form.bind('notes')} className="wide" maxLength={2000} />
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
