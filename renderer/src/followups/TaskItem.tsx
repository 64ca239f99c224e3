// One open follow-up: 「完成」, what to do, its project (a click opens it) and when it is due.
import { useNavigate } from '../shell/navigation';
import { dayText, relativeText } from './followup-dates';
import type { OpenTask } from './use-open-tasks';

interface Props {
  task: OpenTask;
  today: string;
  busy: boolean;
  onDone: (task: OpenTask) => void;
}

export function TaskItem({ task, today, busy, onDone }: Props) {
  const navigate = useNavigate();
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
        <span className="followups-ellipsis followups-item-title" title={task.title}>
          {task.title}
        </span>
        {task.notes ? (
          <span className="followups-ellipsis followups-muted" title={task.notes}>
            {task.notes}
          </span>
        ) : null}
      </div>
      {task.projectId ? (
        <button
          type="button"
          className="followups-project followups-ellipsis"
          title={project}
          onClick={() => navigate({ screen: 'project', id: task.projectId })}
        >
          {project || '（项目）'}
        </button>
      ) : (
        <span className="followups-project followups-muted">未关联项目</span>
      )}
      <span className="followups-due">
        <span>{dayText(task.dueOn, today)}</span>
        <span className={late ? 'followups-relative late' : 'followups-relative'}>
          {relativeText(task.dueOn, today)}
        </span>
      </span>
    </li>
  );
}
