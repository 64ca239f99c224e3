// What comes after 「完成」: the done follow-up named, and two small forms — the next follow-up on the
// same project, and the activity to log on the project's timeline.
import type { OpenTask } from './use-open-tasks';
import { ActivityForm } from './ActivityForm';
import { NextFollowupForm } from './NextFollowupForm';

interface Props {
  task: OpenTask;
  today: string;
  onScheduled: () => void;
  onClose: () => void;
}

export function AfterDonePanel({ task, today, onScheduled, onClose }: Props) {
  const project = task.projectName ?? '';
  return (
    <section className="side-panel followups-after" aria-labelledby="followups-after-title">
      <div className="followups-after-head">
        <h2
          id="followups-after-title"
          className="followups-panel-title ellipsis"
          title={task.title}
        >
          已完成：{task.title}
        </h2>
        <button type="button" className="link-button" onClick={onClose}>
          关闭
        </button>
      </div>
      {task.projectId ? (
        <p className="ellipsis muted-text" title={project}>
          项目：{project}
        </p>
      ) : null}
      <NextFollowupForm projectId={task.projectId} today={today} onScheduled={onScheduled} />
      {task.projectId ? (
        <ActivityForm projectId={task.projectId} today={today} />
      ) : (
        <p className="muted-text">这项跟进没有关联项目，活动无处记录。</p>
      )}
    </section>
  );
}
