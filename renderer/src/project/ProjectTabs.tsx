// The project page's tab strip (ARIA tabs: ← → move between them).
import type { KeyboardEvent } from 'react';

export type TabKey =
  'info' | 'arrivals' | 'investment' | 'activities' | 'tasks' | 'claims' | 'history';

const tabs: readonly { key: TabKey; label: string }[] = [
  { key: 'info', label: '项目信息' },
  { key: 'arrivals', label: '到资记录' },
  { key: 'investment', label: '重点项目投资' },
  { key: 'activities', label: '活动记录' },
  { key: 'tasks', label: '跟进事项' },
  { key: 'claims', label: '首报首谈' },
  { key: 'history', label: '变更记录' },
];

interface Props {
  current: TabKey;
  onSelect: (tab: TabKey) => void;
}

export function ProjectTabs({ current, onSelect }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const i = tabs.findIndex((t) => t.key === current);
    const next = tabs[(i + step + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.key);
    document.getElementById(`project-tab-${next.key}`)?.focus();
  };
  return (
    <div className="project-tabs" role="tablist" aria-label="项目内容" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.key}
          id={`project-tab-${t.key}`}
          type="button"
          role="tab"
          className="project-tab"
          aria-selected={t.key === current}
          aria-controls={`project-panel-${t.key}`}
          tabIndex={t.key === current ? 0 : -1}
          onClick={() => onSelect(t.key)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
