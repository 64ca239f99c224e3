// Picks an existing project for 归入已有项目: typed words go to ledger.query (name, investor or
// code), the matches list under the box; arrow keys move, Enter picks, Esc gives up.
import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { LedgerRow } from '../../../domain/ledger';
import { call, errorText } from '../api/client';
import { useDebouncedValue } from '../shared/use-debounced-value';

const SEARCH_DELAY_MS = 200;
const MAX_MATCHES = 8;

interface Props {
  /** Unique on the page: ids of the box and its options start with it. */
  idPrefix: string;
  initialQuery: string;
  busy: boolean;
  onPick: (project: LedgerRow) => void;
  onCancel: () => void;
}

export function ProjectPicker({ idPrefix, initialQuery, busy, onPick, onCancel }: Props) {
  const [q, setQ] = useState(initialQuery);
  const debounced = useDebouncedValue(q.trim(), SEARCH_DELAY_MS);
  const [matches, setMatches] = useState<LedgerRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    let live = true;
    call('ledger.query', { q: debounced === '' ? undefined : debounced, limit: MAX_MATCHES }).then(
      (page) => {
        if (!live) return;
        setMatches(page.rows);
        setActive(0);
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [debounced]);

  const listId = `${idPrefix}-matches`;
  const optionId = (i: number) => `${idPrefix}-match-${i}`;
  const count = matches?.length ?? 0;

  const activeId = count > 0 ? optionId(active) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId, matches]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (count > 0) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const project = matches?.[active];
      if (project && !busy) onPick(project);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <div className="fair-picker">
      <div className="fair-picker-bar">
        <label htmlFor={`${idPrefix}-q`} className="fair-label">
          查找项目
        </label>
        <input
          id={`${idPrefix}-q`}
          className="fair-input"
          type="text"
          role="combobox"
          aria-expanded={count > 0}
          aria-controls={count > 0 ? listId : undefined}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          autoComplete="off"
          placeholder="项目名称、投资方或项目编号"
          maxLength={100}
          // Opened on purpose by 归入已有项目: typing goes straight into the search.
          autoFocus
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="secondary-button fair-small-button" onClick={onCancel}>
          取消
        </button>
      </div>
      {error ? (
        <p role="alert" className="fair-error">
          {error}
        </p>
      ) : matches === null ? (
        <p className="fair-muted">正在查找……</p>
      ) : count === 0 ? (
        <p className="fair-muted">
          没有找到{debounced ? `与「${debounced}」相关的` : ''}
          项目。换个关键词试试，或改用「转为项目」新建。
        </p>
      ) : (
        <ul id={listId} role="listbox" aria-label="可归入的项目" className="fair-matches">
          {matches.map((project, i) => (
            <li
              key={project.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="fair-match"
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => !busy && onPick(project)}
            >
              <span className="fair-match-name" title={project.name}>
                {project.name}
              </span>
              <span className="fair-match-meta" title={project.investor ?? undefined}>
                {[project.code, project.investor].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
