// 会后整理: the captures waiting to be settled (or, by the filter, the settled ones too), each turned
// into a project, filed under one, or dismissed; the last action is confirmed above the list with a
// way to open the project it touched.
import { useRef, useState } from 'react';
import { ErrorBanner } from '../ui/Alert';
import { EmptyState } from '../ui/EmptyState';
import { statusLabels } from './capture-format';
import { TriageItem } from './TriageItem';
import type { Outcome } from './TriageItem';
import type { CaptureFilter, Captures } from './use-captures';
import { Select } from '../ui/Select';
import { GoButton } from '../ui/GoButton';

const filters: { value: CaptureFilter; label: string }[] = [
  { value: 'new', label: '待处理' },
  { value: 'all', label: '全部' },
  { value: 'converted', label: statusLabels.converted },
  { value: 'attached', label: statusLabels.attached },
  { value: 'dismissed', label: statusLabels.dismissed },
];

interface Props {
  captures: Captures;
  filter: CaptureFilter;
  onFilterChange: (filter: CaptureFilter) => void;
}

export function TriagePanel({ captures, filter, onFilterChange }: Props) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const section = useRef<HTMLElement>(null);
  const { items } = captures;

  const onDone = (done: Outcome) => {
    setOutcome(done);
    captures.reload();
    // The settled item leaves the list: focus goes to the note's 打开项目, or to the next capture.
    requestAnimationFrame(() => {
      const next = openButton.current ?? section.current?.querySelector('.fair-list button');
      if (next instanceof HTMLElement) next.focus();
    });
  };

  return (
    <section ref={section} className="fair-triage" aria-labelledby="fair-triage-title">
      <div className="fair-triage-head">
        <h2 id="fair-triage-title" className="fair-heading">
          会后整理
        </h2>
        {filter === 'new' && items && items.length > 0 ? (
          <span className="fair-muted">待处理 {items.length} 条</span>
        ) : null}
        <div className="fair-filter">
          <label htmlFor="fair-filter" className="fair-muted">
            显示
          </label>
          <Select
            id="fair-filter"
            className="input focus-ring fair-input"
            choices={filters}
            value={filter}
            onChange={onFilterChange}
          />
        </div>
      </div>
      <div className="fair-outcome" aria-live="polite">
        {outcome ? (
          <>
            <span className="fair-outcome-text" title={outcome.text}>
              {outcome.text}
            </span>
            {outcome.projectId ? (
              <GoButton
                ref={openButton}
                className="primary-button fair-small-button"
                to={{ screen: 'project', id: outcome.projectId! }}
              >
                打开项目
              </GoButton>
            ) : null}
            <button
              type="button"
              className="link-button fair-muted"
              aria-label="关闭提示"
              onClick={() => setOutcome(null)}
            >
              ×
            </button>
          </>
        ) : null}
      </div>
      <ErrorBanner error={captures.error} onRetry={captures.reload} />
      {items === null ? (
        captures.error ? null : (
          <p className="fair-muted">正在加载速记……</p>
        )
      ) : items.length === 0 ? (
        <TriageEmpty
          filter={filter}
          anyCaptures={(captures.total ?? 0) > 0}
          onShowAll={() => onFilterChange('all')}
        />
      ) : (
        <ul className="fair-list" aria-label="速记列表">
          {items.map((capture) => (
            <TriageItem key={capture.id} capture={capture} onDone={onDone} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface EmptyProps {
  filter: CaptureFilter;
  anyCaptures: boolean;
  onShowAll: () => void;
}

function TriageEmpty({ filter, anyCaptures, onShowAll }: EmptyProps) {
  if (!anyCaptures) {
    return (
      <EmptyState title="还没有速记" heading="h3" className="fair-empty">
        <p>
          在左侧填写投资方（联系人、电话、意向可以先空着）并按 <kbd>Enter</kbd>
          ，就记下了一条，表单随即清空，可以接着记下一家。
        </p>
        <p>会后回到这里，把每条速记转为项目、归入已有项目或忽略。</p>
      </EmptyState>
    );
  }
  if (filter === 'new') {
    return (
      <EmptyState title="速记都已整理完" heading="h3" className="fair-empty">
        <p>新的速记会出现在这里，等待转为项目、归入已有项目或忽略。</p>
        <button type="button" className="link-button" onClick={onShowAll}>
          查看已处理的速记
        </button>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title={`没有${filter === 'all' ? '' : statusLabels[filter]}的速记`}
      heading="h3"
      className="fair-empty"
    >
      <p>换一个「显示」选项，或选择「全部」查看所有速记。</p>
    </EmptyState>
  );
}
