// One open follow-up: 「完成」, what to do, its project (a click opens it), when it is due and 删除.
import { dayText, relativeText } from './followup-dates';
import type { OpenTask } from './use-open-tasks';
import { Clip } from '../ui/Clip';
import { GoButton } from '../ui/GoButton';

interface Props {
  task: OpenTask;
  today: string;
  busy: boolean;
  onDone: (task: OpenTask) => void;
  onDelete: (task: OpenTask) => void;
}

export function TaskItem({ task, today, busy, onDone, onDelete }: Props) {
  const late = task.dueOn < today;
  const project = task.projectName ?? '';
  return (
    <li className="followups-item">
      <button
        type="button"
        className="followups-done-button"
        disabled={busy}
        title={`标记「${task.title}」已完成`}
        onClick={() => onDone(task)}
      >
        完成
      </button>
      <div className="followups-item-main">
        <Clip text={task.title} className="followups-item-title" />
        {task.notes ? <Clip text={task.notes} className="muted-text" /> : null}
      </div>
      {task.projectId ? (
        <GoButton
          className="link-button followups-project ellipsis"
          title={project}
          to={{ screen: 'project', id: task.projectId }}
        >
          {project || '（项目）'}
        </GoButton>
      ) : (
        <span className="followups-project muted-text">未关联项目</span>
      )}
      <span className="followups-due">
        <span>{dayText(task.dueOn, today)}</span>
        <span className={late ? 'followups-relative late' : 'followups-relative'}>
          {relativeText(task.dueOn, today)}
        </span>
      </span>
      <button
        type="button"
        className="link-button row-delete"
        disabled={busy}
        aria-label={`删除跟进「${task.title}」`}
        onClick={() => onDelete(task)}
      >
        删除
      </button>
    </li>
  );
}
