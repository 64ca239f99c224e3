// 跟进: every open follow-up across projects, grouped by due date relative to today. 「完成」 marks one
// done and offers, beside the list, the next follow-up and an activity for the project's timeline;
// 「新建跟进」 adds one to a project found by search; 删除 takes one away at once, with 撤销 offered.
import { useState } from 'react';
import { todayIso } from '../../../domain/dates';
import { call } from '../api/client';
import { useDeleteRow } from '../shared/use-delete-row';
import { ErrorBanner } from '../ui/Alert';
import { EmptyState } from '../ui/EmptyState';
import { useSubmit } from '../ui/use-submit';
import { ScreenTitle } from '../ui/ScreenTitle';
import { AfterDonePanel } from './AfterDonePanel';
import { NewFollowupForm } from './NewFollowupForm';
import { TaskGroups } from './TaskGroups';
import type { OpenTask } from './use-open-tasks';
import { useOpenTasks } from './use-open-tasks';
import './followups.css';

type Side = { kind: 'hint' } | { kind: 'new' } | { kind: 'done'; task: OpenTask };

export function FollowupsScreen() {
  const today = todayIso();
  const [mine, setMine] = useState(true);
  const open = useOpenTasks(mine);
  const [side, setSide] = useState<Side>({ kind: 'hint' });
  const [notice, setNotice] = useState<string | null>(null);
  const marking = useSubmit();
  const [markingId, setMarkingId] = useState<string | null>(null);
  const removal = useDeleteRow('task', () => open.reload());

  const markDone = (task: OpenTask) => {
    setMarkingId(task.id);
    void marking.run(async () => {
      await call('task.update', { id: task.id, patch: { done: true, doneOn: today } });
      setNotice(null);
      setSide({ kind: 'done', task });
      open.reload();
    });
  };

  const tasks = open.data;
  return (
    <section className="followups-screen" aria-labelledby="followups-title">
      <div className="toolbar">
        <ScreenTitle id="followups-title" className="followups-title">
          跟进
        </ScreenTitle>
        <span className="muted-text">
          {tasks === null ? '正在加载……' : `待办 ${tasks.length} 项，按截止日期分组`}
        </span>
        <label className="followups-scope">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          只看我的
        </label>
        <button
          type="button"
          className="primary-button toolbar-end"
          aria-expanded={side.kind === 'new'}
          onClick={() => {
            setNotice(null);
            setSide({ kind: 'new' });
          }}
        >
          新建跟进
        </button>
      </div>
      {notice ? (
        <div className="notice-banner" role="status">
          {notice}
        </div>
      ) : null}
      <ErrorBanner error={open.error ?? marking.error ?? removal.error} onRetry={open.reload} />
      <div className="followups-body">
        <div className="followups-main">
          {tasks === null ? null : tasks.length === 0 ? (
            <EmptyState title="没有待办的跟进">
              <p>
                点右上角「新建跟进」，为项目安排下一步，例如约下次拜访、回访确认用地需求；到期和逾期的跟进会按日期列在这里。
              </p>
            </EmptyState>
          ) : (
            <TaskGroups
              tasks={tasks}
              today={today}
              busyId={marking.busy ? markingId : removal.busyId}
              onDone={markDone}
              onDelete={(task) => removal.remove(task.id)}
            />
          )}
        </div>
        <aside className="followups-side">
          {side.kind === 'new' ? (
            <NewFollowupForm
              today={today}
              onCreated={(title) => {
                setNotice(`已新建跟进：${title}`);
                setSide({ kind: 'hint' });
                open.reload();
              }}
              onCancel={() => setSide({ kind: 'hint' })}
            />
          ) : side.kind === 'done' ? (
            <AfterDonePanel
              key={side.task.id}
              task={side.task}
              today={today}
              onScheduled={open.reload}
              onClose={() => setSide({ kind: 'hint' })}
            />
          ) : tasks && tasks.length > 0 ? (
            <div className="side-panel followups-hint-card">
              <h2 className="followups-panel-title">跟进之后</h2>
              <p>
                点一项跟进的「完成」，这里会接着让你安排下一次跟进，并把拜访、来访、电话等情况记入项目的活动记录。
              </p>
            </div>
          ) : null}
        </aside>
      </div>
    </section>
  );
}
