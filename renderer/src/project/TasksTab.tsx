// 跟进事项: what to do next on this project and by when; ticking one marks it done (today).
import { useState } from 'react';
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { formatDateZh, todayIso } from '../../../domain/dates';
import type { TaskRecord } from '../../../domain/entities';
import { taskCreate } from '../../../domain/entities';
import { call, errorText } from '../api/client';
import { normalizeDate } from './project-draft';
import { TabField, invalidProps } from './TabField';
import { TabStatus } from './TabStatus';
import { useRecords } from './use-records';
import { errorsByField } from './zod-errors';

const inAWeek = () => format(addDays(parseISO(todayIso()), 7), 'yyyy-MM-dd');

function dueText(task: TaskRecord, today: string): { text: string; late: boolean } {
  if (task.done)
    return { text: task.doneOn ? `${formatDateZh(task.doneOn)}完成` : '已完成', late: false };
  const days = differenceInCalendarDays(parseISO(task.dueOn), parseISO(today));
  if (days < 0) return { text: `已逾期 ${-days} 天（${formatDateZh(task.dueOn)}）`, late: true };
  if (days === 0) return { text: '今天到期', late: false };
  return { text: `${formatDateZh(task.dueOn)}到期`, late: false };
}

export function TasksTab({ projectId }: { projectId: string }) {
  const list = useRecords(() => call('task.list', { projectId }), projectId);
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(inAWeek);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = todayIso();

  const add = async () => {
    const parsed = taskCreate.safeParse({ projectId, title, dueOn: normalizeDate(dueOn) });
    if (!parsed.success) {
      setErrors(errorsByField(parsed.error));
      return;
    }
    setErrors({});
    setSaveError(null);
    setBusy(true);
    try {
      await call('task.create', parsed.data);
      setTitle('');
      list.reload();
    } catch (e) {
      setSaveError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (task: TaskRecord) => {
    setSaveError(null);
    try {
      await call('task.update', {
        id: task.id,
        patch: task.done ? { done: false, doneOn: null } : { done: true, doneOn: today },
      });
      list.reload();
    } catch (e) {
      setSaveError(errorText(e));
    }
  };

  return (
    <div className="tab-body">
      <form
        className="tab-form"
        aria-label="新增跟进事项"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TabField id="task-title" label="跟进内容" error={errors.title} grow>
          <input
            id="task-title"
            className="input"
            maxLength={200}
            placeholder="如 寄送园区用地资料、约对方来访考察"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            {...invalidProps('task-title', errors.title)}
          />
        </TabField>
        <TabField id="task-due" label="截止日期" error={errors.dueOn}>
          <input
            id="task-due"
            className="input date-input"
            placeholder="YYYY-MM-DD"
            maxLength={12}
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
            {...invalidProps('task-due', errors.dueOn)}
          />
        </TabField>
        <button type="submit" className="primary-button" disabled={busy}>
          添加跟进
        </button>
      </form>
      {saveError ? (
        <p role="alert" className="error-text">
          {saveError}
        </p>
      ) : null}
      <TabStatus
        list={list}
        empty="还没有跟进事项。写下下一步要做的事和截止日期，到期前会出现在「跟进」里提醒。"
      />
      {list.items?.length ? (
        <ul className="task-list" aria-label="跟进事项列表">
          {list.items.map((task) => {
            const due = dueText(task, today);
            return (
              <li key={task.id} className={task.done ? 'task-item done' : 'task-item'}>
                <input
                  id={`task-done-${task.id}`}
                  type="checkbox"
                  checked={task.done}
                  onChange={() => void toggle(task)}
                />
                <label htmlFor={`task-done-${task.id}`} className="task-title" title={task.title}>
                  {task.title}
                </label>
                <span className={due.late ? 'task-due late' : 'task-due'}>{due.text}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
