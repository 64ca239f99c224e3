// 跟进事项: what to do next on this project and by when; ticking one marks it done (today); 删除
// takes one away at once, with 撤销 offered.
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { formatDateZh, todayIso } from '../../../domain/dates';
import type { TaskRecord } from '../../../domain/entities';
import { taskCreate } from '../../../domain/entities';
import { call } from '../api/client';
import { useDeleteRow } from '../shared/use-delete-row';
import { ErrorText } from '../ui/Alert';
import { TextField } from '../ui/fields';
import { normalizeDate } from './project-draft';
import { TabDateField, TabForm, TabList, useTabEntry } from './TabForm';
import { DeleteRowButton } from '../shared/DeleteRowButton';

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
  const { list, form, submit, formProps } = useTabEntry('task', projectId, {
    label: '新增跟进事项',
    load: () => call('task.list', { projectId }),
    initial: () => ({ title: '', dueOn: inAWeek() }),
    checked: ({ values, check }) =>
      check(taskCreate, { projectId, title: values.title, dueOn: normalizeDate(values.dueOn) }),
    add: (data) => call('task.create', data),
    emptied: ['title'],
  });
  const removal = useDeleteRow('task', () => list.reload());
  const today = todayIso();

  const toggle = (task: TaskRecord) =>
    void submit.run(async () => {
      await call('task.update', {
        id: task.id,
        patch: task.done ? { done: false, doneOn: null } : { done: true, doneOn: today },
      });
      list.reload();
    });

  return (
    <div className="tab-body">
      <TabForm {...formProps} submitLabel="添加跟进">
        <TextField
          label="跟进内容"
          {...form.bind('title')}
          className="grow"
          maxLength={200}
          placeholder="如 寄送园区用地资料、约对方来访考察"
        />
        <TabDateField label="截止日期" {...form.bind('dueOn')} />
      </TabForm>
      <TabList
        list={list}
        empty="还没有跟进事项。写下下一步要做的事和截止日期，到期前会出现在「跟进」里提醒。"
      >
        {(items) => (
          <>
            <ErrorText error={removal.error} prefix="删除失败：" />
            <ul className="task-list" aria-label="跟进事项列表">
              {items.map((task) => {
                const due = dueText(task, today);
                return (
                  <li key={task.id} className={task.done ? 'task-item done' : 'task-item'}>
                    <input
                      id={`task-done-${task.id}`}
                      type="checkbox"
                      checked={task.done}
                      onChange={() => toggle(task)}
                    />
                    <label
                      htmlFor={`task-done-${task.id}`}
                      className="task-title"
                      title={task.title}
                    >
                      {task.title}
                    </label>
                    <span className={due.late ? 'task-due late' : 'task-due'}>{due.text}</span>
                    <DeleteRowButton
                      removal={removal}
                      id={task.id}
                      label={`删除跟进「${task.title}」`}
                      className="link-button row-delete"
                    />
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </TabList>
    </div>
  );
}
