// A box that suggests records as the user types: the typed words go to `search` (after a pause) and
// the matches list under the box; arrow keys move, Enter or a click picks, Esc closes the list (the
// words stay; an arrow key opens it again), and Esc on a closed list gives up (when the picker can).
// The project picker (ProjectPicker.tsx) and the investor form's 母公司 are made of it.
import { useEffect, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { errorText } from '../api/client';
import { useDebouncedValue } from '../shared/use-debounced-value';
import { classes } from './classes';
import { comboboxProps, composing, stepped } from './combobox';
import type { ControlProps } from './Field';

const SEARCH_DELAY_MS = 200;

/** One suggestion: its name, a quiet detail beside it, and why it cannot be picked (if so). */
export interface PickerMatch {
  id: string;
  name: string;
  meta?: string | null;
  refusal?: string | null;
}

export interface SearchPickerProps<T extends PickerMatch> {
  /** The box's id and aria (from a Field, or the id alone); the options' ids start with it. */
  control: Partial<ControlProps> & { id: string };
  /** A label inside the bar, for a picker that stands alone (not in a Field). */
  label?: string;
  text: string;
  onText: (text: string) => void;
  /** The matches for the words typed; a stable function (module-level or memoized). */
  search: (q: string) => Promise<T[]>;
  /** The list's accessible name: 匹配的项目 … */
  listLabel: string;
  placeholder?: string;
  maxLength: number;
  /** While the pick is being acted on: picking again waits. */
  busy?: boolean;
  /** Opened on purpose: typing goes straight into the search. */
  autoFocus?: boolean;
  /** What to say when nothing matches `q`. */
  noMatch: (q: string) => ReactNode;
  /**
   * The typed words are a value of their own (a name not on record is kept as typed): the list
   * opens only on typing, closes on a pick or on leaving the box, and Enter without a list is
   * left to the form. The list floats over what follows instead of pushing it down.
   */
  freeText?: boolean;
  onPick: (match: T) => void;
  /** Shows 取消 (and Esc) to give up. */
  onCancel?: () => void;
}

type Found<T> = { q: string; rows: T[] } | { q: string; error: string };

export function SearchPicker<T extends PickerMatch>(props: SearchPickerProps<T>) {
  const { control, label, text, onText, search, busy = false, freeText = false } = props;
  const { onPick, onCancel } = props;
  const q = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const [found, setFound] = useState<Found<T> | null>(null);
  const [active, setActive] = useState(0);
  const [listOpen, setListOpen] = useState(!freeText);

  useEffect(() => {
    if (q === '') return;
    let live = true;
    search(q).then(
      (rows) => {
        if (!live) return;
        setFound({ q, rows });
        setActive(0);
      },
      (e: unknown) => live && setFound({ q, error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [q, search]);

  const current = q !== '' && found?.q === q ? found : null;
  const answered = current && 'rows' in current ? current.rows : [];
  const matches = listOpen ? answered : [];
  const listId = `${control.id}-matches`;
  const optionId = (i: number) => `${control.id}-match-${i}`;
  const activeId = matches.length > 0 ? optionId(active) : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId, current]);

  const pick = (match: T | undefined) => {
    if (!match || match.refusal || busy) return;
    if (freeText) setListOpen(false);
    onPick(match);
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
    } else if (e.key === 'Enter' && (count > 0 || !freeText)) {
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
    <div className={classes('picker', freeText && 'picker-floating')}>
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
          placeholder={props.placeholder}
          maxLength={props.maxLength}
          autoFocus={props.autoFocus}
          value={text}
          onChange={(e) => {
            onText(e.target.value);
            setListOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={freeText ? () => setListOpen(false) : undefined}
        />
        {onCancel ? (
          <button type="button" className="secondary-button picker-button" onClick={onCancel}>
            取消
          </button>
        ) : null}
      </div>
      {!listOpen ? null : current === null ? (
        q === '' || freeText ? null : (
          <p className="picker-note">正在查找……</p>
        )
      ) : 'error' in current ? (
        <p role="alert" className="picker-note picker-error">
          {current.error}
        </p>
      ) : matches.length === 0 ? (
        <p className="picker-note">{props.noMatch(q)}</p>
      ) : (
        <ul id={listId} role="listbox" aria-label={props.listLabel} className="picker-matches">
          {matches.map((match, i) => (
            <li
              key={match.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              aria-disabled={match.refusal ? true : undefined}
              className="match"
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(match)}
            >
              <span className="match-name" title={match.name}>
                {match.name}
              </span>
              <span className="match-meta" title={match.refusal ?? match.meta ?? undefined}>
                {match.refusal ?? match.meta}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
