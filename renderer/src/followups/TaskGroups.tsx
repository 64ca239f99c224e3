// The open follow-ups in four groups by due date — 今天到期, 已逾期, 本周, 以后 — each under its
// heading with its count; an empty group says so in a line, a long one shows its first 20 until
// asked for the rest.
import { useState } from 'react';
import type { DueGroup } from './followup-dates';
import { dueGroupOf, dueGroups } from './followup-dates';
import { TaskItem } from './TaskItem';
import type { OpenTask } from './use-open-tasks';

const emptyText: Record<DueGroup, string> = {
  today: '今天没有到期的跟进。',
  overdue: '没有逾期的跟进。',
  week: '本周余下几天没有安排。',
  later: '下周及以后还没有安排。',
};

interface Props {
  tasks: OpenTask[];
  today: string;
  busyId: string | null;
  onDone: (task: OpenTask) => void;
  onDelete: (task: OpenTask) => void;
}

const SHOWN = 20;

export function groupTasks(tasks: OpenTask[], today: string): Record<DueGroup, OpenTask[]> {
  const groups: Record<DueGroup, OpenTask[]> = { today: [], overdue: [], week: [], later: [] };
  for (const task of tasks) groups[dueGroupOf(task.dueOn, today)].push(task);
  return groups;
}

export function TaskGroups({ tasks, today, busyId, onDone, onDelete }: Props) {
  const groups = groupTasks(tasks, today);
  const [expanded, setExpanded] = useState<ReadonlySet<DueGroup>>(new Set());
  return (
    <div className="followups-groups">
      {dueGroups.map(({ key, label }) => (
        <section
          key={key}
          className={`followups-group followups-group-${key}`}
          aria-labelledby={`followups-group-${key}`}
        >
          <h2 id={`followups-group-${key}`} className="followups-group-title">
            {label}
            <span className="followups-count">{groups[key].length}</span>
          </h2>
          {groups[key].length === 0 ? (
            <p className="followups-group-empty">{emptyText[key]}</p>
          ) : (
            <>
              <ul className="followups-list">
                {(expanded.has(key) ? groups[key] : groups[key].slice(0, SHOWN)).map((task) => (
                  <TaskItem
                    key={task.id}
                    task={task}
                    today={today}
                    busy={busyId === task.id}
                    onDone={onDone}
                    onDelete={onDelete}
                  />
                ))}
              </ul>
              {groups[key].length > SHOWN && !expanded.has(key) ? (
                <button
                  type="button"
                  className="link-button followups-show-all"
                  onClick={() => setExpanded(new Set([...expanded, key]))}
                >
                  显示其余 {groups[key].length - SHOWN} 项
                </button>
              ) : null}
            </>
          )}
        </section>
      ))}
    </div>
  );
}
