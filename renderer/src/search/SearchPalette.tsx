// The quick search (Ctrl+K, ⌘K on a Mac): mounted once for the whole window, it opens a dialog from
// any screen; typed words (Chinese or English names, aliases, project codes) go to search.quick, the
// matches list under 项目 and 投资方, arrow keys move, Enter opens the page, Esc closes.
import { useEffect, useEffectEvent, useLayoutEffect, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useNavigate } from '../shell/navigation';
import type { Place } from '../shell/navigation';
import { comboboxProps, composing, stepped } from '../ui/combobox';
import { Dialog } from '../ui/Dialog';
import { SearchResults } from './SearchResults';
import { searchOptions } from './search-options';
import { useQuickSearch } from './use-quick-search';
import './search.css';

export function SearchPalette() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();

  const toggle = useEffectEvent(() => setOpen((o) => !o));
  // A layout effect, so the shortcut works from the first painted frame: a passive effect runs after
  // the paint, and a Ctrl+K pressed in between was lost.
  useLayoutEffect(() => {
    const listener = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (e.key.toLowerCase() !== 'k') return;
      // The browser's own Ctrl+K (its search bar) is not wanted here.
      e.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (!open) return null;
  return (
    <PaletteDialog
      onClose={() => setOpen(false)}
      onOpen={(place) => {
        setOpen(false);
        navigate(place);
      }}
    />
  );
}

interface DialogProps {
  onClose: () => void;
  onOpen: (place: Place) => void;
}

function PaletteDialog({ onClose, onOpen }: DialogProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const search = useQuickSearch(query);
  const options = searchOptions(search.result);
  // The highlight starts on the first match of every new answer.
  const [answeredFor, setAnsweredFor] = useState(search.answered);
  if (answeredFor !== search.answered) {
    setAnsweredFor(search.answered);
    setActive(0);
  }
  const current = Math.min(active, Math.max(options.length - 1, 0));
  // Enter typed before the answer came: the query it was pressed on, opened once answered.
  const [openWhenAnswered, setOpenWhenAnswered] = useState<string | null>(null);
  const target = options[current];
  const answeredKey =
    openWhenAnswered !== null && search.answered === openWhenAnswered && !search.pending
      ? target?.key
      : undefined;
  const openTarget = useEffectEvent(() => {
    if (target) onOpen(target.place);
  });
  useEffect(() => {
    if (answeredKey) openTarget();
  }, [answeredKey]);

  useEffect(() => {
    document.getElementById(`search-option-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, search.answered]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (composing(e)) return;
    const n = options.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (n > 0) setActive(stepped(current, e.key, n));
    } else if (e.key === 'Home' && n > 0 && e.ctrlKey) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End' && n > 0 && e.ctrlKey) {
      e.preventDefault();
      setActive(n - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (search.pending) setOpenWhenAnswered(query.trim());
      else if (target) onOpen(target.place);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  // A click on the dim backdrop (the dialog element itself, outside its box) closes.
  const onBackdrop = (e: MouseEvent<HTMLDialogElement>) => {
    if (e.target === e.currentTarget) onClose();
  };

  return (
    // A modal dialog: on top of everything, the page behind it inert, focus restored on close.
    <Dialog className="search-palette" label="快速搜索" onCancel={onClose} onClick={onBackdrop}>
      <div className="search-palette-box">
        <div className="search-palette-bar">
          <label htmlFor="search-palette-input" className="search-palette-label">
            搜索
          </label>
          <input
            id="search-palette-input"
            className="input large focus-ring search-palette-input"
            type="text"
            {...comboboxProps(
              'search-palette-results',
              options.length > 0 ? `search-option-${current}` : undefined,
            )}
            placeholder="项目或投资方的中文、英文名称，或项目编号"
            spellCheck={false}
            maxLength={100}
            // The dialog exists to take this input.
            autoFocus
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpenWhenAnswered(null);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <SearchResults
          search={search}
          options={options}
          active={current}
          onHover={setActive}
          onOpen={onOpen}
        />
        <div className="search-palette-hint" aria-hidden="true">
          <span>
            <kbd>↑</kbd>
            <kbd>↓</kbd> 选择
          </span>
          <span>
            <kbd>Enter</kbd> 打开
          </span>
          <span>
            <kbd>Esc</kbd> 关闭
          </span>
        </div>
      </div>
    </Dialog>
  );
}
