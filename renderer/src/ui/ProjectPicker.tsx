// Picks an existing project: typed words go to ledger.query (name, investor or code) and the matches
// list under the box; arrow keys move, Enter or a click picks, Esc closes the list (the words stay;
// an arrow key opens it again), and Esc on a closed list gives up (when the picker can).
import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { LedgerRow } from '../../../domain/ledger';
import { call, errorText } from '../api/client';
import { useDebouncedValue } from '../shared/use-debounced-value';
import { comboboxProps, composing, stepped } from './combobox';
import type { ControlProps } from './Field';

const SEARCH_DELAY_MS = 200;
const MAX_MATCHES = 8;

interface Props {
  /** The box's id and aria (from a Field, or the id alone); the options' ids start with it. */
  control: Partial<ControlProps> & { id: string };
  /** A label inside the bar, for a picker that stands alone (not in a Field). */
  label?: string;
  initialQuery?: string;
  /** While the pick is being acted on: picking again waits. */
  busy?: boolean;
  /** Opened on purpose: typing goes straight into the search. */
  autoFocus?: boolean;
  /** Said after 「没有找到…」: another way forward. */
  noMatchHint?: string;
  onPick: (project: LedgerRow) => void;
  /** Shows 取消 (and Esc) to give up. */
  onCancel?: () => void;
}

type Found = { q: string; rows: LedgerRow[] } | { q: string; error: string };

export function ProjectPicker(props: Props) {
  const { control, label, busy = false, onPick, onCancel } = props;
  const [text, setText] = useState(props.initialQuery ?? '');
  const q = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const [found, setFound] = useState<Found | null>(null);
  const [active, setActive] = useState(0);
  const [listOpen, setListOpen] = useState(true);

  useEffect(() => {
    if (q === '') return;
    let live = true;
    call('ledger.query', { q, limit: MAX_MATCHES }).then(
      (page) => {
        if (!live) return;
        setFound({ q, rows: page.rows });
        setActive(0);
      },
      (e: unknown) => live && setFound({ q, error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [q]);

  const current = q !== '' && found?.q === q ? found : null;
  const answered = current && 'rows' in current ? current.rows : [];
  const matches = listOpen ? answered : [];
  const listId = `${control.id}-matches`;
  const optionId = (i: number) => `${control.id}-match-${i}`;
  const activeId = matches.length > 0 ? optionId(active) : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId, current]);

  const pick = (project: LedgerRow | undefined) => {
    if (project && !busy) onPick(project);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (composing(e)) return;
    const count = matches.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!listOpen) {
        setListOpen(true);
        setActive(0);
      } else if (count > 0) {
        setActive((i) => stepped(i, e.key, count));
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(matches[active]);
    } else if (e.key === 'Escape' && count > 0) {
      // Only the list closes: not the form or dialog around the picker.
      e.preventDefault();
      e.stopPropagation();
      setListOpen(false);
    } else if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      onCancel();
    }
  };

  return (
    <div className="picker">
      <div className="picker-bar">
        {label ? (
          <label htmlFor={control.id} className="picker-label">
            {label}
          </label>
        ) : null}
        <input
          {...control}
          className="input focus-ring picker-input"
          type="text"
          {...comboboxProps(listId, activeId)}
          placeholder="项目名称、投资方或项目编号"
          maxLength={100}
          autoFocus={props.autoFocus}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setListOpen(true);
          }}
          onKeyDown={onKeyDown}
        />
        {onCancel ? (
          <button type="button" className="secondary-button picker-button" onClick={onCancel}>
            取消
          </button>
        ) : null}
      </div>
      {current === null ? (
        q === '' ? null : (
          <p className="picker-note">正在查找……</p>
        )
      ) : 'error' in current ? (
        <p role="alert" className="picker-note picker-error">
          {current.error}
        </p>
      ) : !listOpen ? null : matches.length === 0 ? (
        <p className="picker-note">
          没有找到与「{q}」相关的项目。换个关键词试试
          {props.noMatchHint ? `，${props.noMatchHint}` : '。'}
        </p>
      ) : (
        <ul id={listId} role="listbox" aria-label="匹配的项目" className="picker-matches">
          {matches.map((project, i) => (
            <li
              key={project.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="match"
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(project)}
            >
              <span className="match-name" title={project.name}>
                {project.name}
              </span>
              <span className="match-meta" title={project.investor ?? undefined}>
                {[project.code, project.investor].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
