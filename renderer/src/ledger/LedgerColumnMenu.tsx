// 「列」: which columns the 台账 shows and in what order. The columns shown are listed first, in their
// order, each with a checkbox and 上移/下移 buttons; the others follow, and checking one adds it at
// the end. 项目名称 is always shown. 「恢复默认」 brings back the eleven default columns, their order
// and widths. Keyboard: Tab through the list, Space toggles, Enter on ↑/↓ moves, Esc closes.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ColumnOrderState, ColumnVisibilityState } from '@tanstack/react-table';
import {
  ALWAYS_SHOWN,
  defaultVisibility,
  fullOrder,
  ledgerColumnIds,
  ledgerHeaders,
  visibleColumnIds,
} from './ledger-columns';
import type { LedgerColumnId } from './ledger-columns';
import { LedgerPopover } from './LedgerPopover';
import type { LedgerTableInstance } from './use-ledger-table';

/** The buttons that move a shown column one place up or down the list. */
const moves = [
  { dir: 'up', by: -1, label: '上移', arrow: '↑' },
  { dir: 'down', by: 1, label: '下移', arrow: '↓' },
] as const;

export function LedgerColumnMenu({ table }: { table: LedgerTableInstance }) {
  const [open, setOpen] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const refocus = useRef<{ id: LedgerColumnId; dir: 'up' | 'down' } | null>(null);
  const onOpenChange = useCallback((next: boolean) => setOpen(next), []);
  const state = table.options.state;
  const visibility: ColumnVisibilityState = state?.columnVisibility ?? {};
  const order: ColumnOrderState = state?.columnOrder ?? [];
  const shown = visibleColumnIds(visibility, order);
  const hidden = fullOrder(order).filter((id) => !shown.includes(id));
  const isDefault =
    ledgerColumnIds.every((id) => (visibility[id] ?? true) === (defaultVisibility[id] ?? true)) &&
    shown.every((id, i) => ledgerColumnIds[i] === id) &&
    Object.keys(state?.columnSizing ?? {}).length === 0;

  /** The shown columns in this order, the hidden ones after them. */
  const arrange = (nextShown: LedgerColumnId[]) => {
    table.setColumnOrder([
      ...nextShown,
      ...fullOrder(order).filter((id) => !nextShown.includes(id)),
    ]);
    const next: ColumnVisibilityState = {};
    for (const id of ledgerColumnIds) if (!nextShown.includes(id)) next[id] = false;
    table.setColumnVisibility(next);
  };
  const move = (id: LedgerColumnId, by: -1 | 1) => {
    const from = shown.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= shown.length) return;
    const next = [...shown];
    [next[from], next[to]] = [next[to]!, next[from]!];
    arrange(next);
    refocus.current = { id, dir: by < 0 ? 'up' : 'down' };
  };
  // A moved row may be re-inserted, which drops the focus: give it back to the same button, or to
  // the other one when this one is now at the edge and disabled.
  useLayoutEffect(() => {
    const target = refocus.current;
    if (!target) return;
    refocus.current = null;
    const button = (dir: string) =>
      listRef.current?.querySelector<HTMLButtonElement>(`[data-move="${target.id}:${dir}"]`);
    const same = button(target.dir);
    (same && !same.disabled ? same : button(target.dir === 'up' ? 'down' : 'up'))?.focus();
  });
  const toggle = (id: LedgerColumnId, show: boolean) =>
    arrange(show ? [...shown, id] : shown.filter((s) => s !== id));
  const reset = () => {
    table.setColumnOrder([]);
    table.setColumnVisibility(defaultVisibility);
    table.setColumnSizing({});
  };

  const item = (id: LedgerColumnId, index: number | null) => {
    const header = ledgerHeaders[id] ?? id;
    const fixed = id === ALWAYS_SHOWN;
    const noteId = `ledger-column-note-${id}`;
    return (
      <li key={id}>
        <label className="ledger-check">
          <input
            type="checkbox"
            checked={index !== null}
            disabled={fixed}
            aria-describedby={fixed ? noteId : undefined}
            onChange={(e) => toggle(id, e.target.checked)}
          />
          <span className="ledger-check-text">{header}</span>
        </label>
        {fixed ? (
          <span id={noteId} className="muted-text ledger-check-note">
            始终显示
          </span>
        ) : null}
        {index !== null ? (
          <span className="ledger-move">
            {moves.map(({ dir, by, label, arrow }) => (
              <button
                key={dir}
                type="button"
                className="ledger-move-button"
                aria-label={`${label}「${header}」`}
                data-move={`${id}:${dir}`}
                title={label}
                disabled={index + by < 0 || index + by >= shown.length}
                onClick={() => move(id, by)}
              >
                {arrow}
              </button>
            ))}
          </span>
        ) : null}
      </li>
    );
  };

  return (
    <LedgerPopover
      open={open}
      onOpenChange={onOpenChange}
      panelLabel="显示的列"
      align="end"
      className="ledger-columns-menu"
      buttonTitle="选择台账显示哪些列、排列顺序"
      button={
        <>
          列
          <span className="muted-text">
            （{shown.length}/{ledgerColumnIds.length}）
          </span>
        </>
      }
    >
      <p className="ledger-panel-title">显示的列（按顺序）</p>
      <div ref={listRef} className="ledger-columns-scroll">
        <ul className="ledger-check-list" aria-label="显示的列">
          {shown.map((id, i) => item(id, i))}
        </ul>
        {hidden.length ? (
          <>
            <p className="ledger-panel-title ledger-hidden-title">未显示的列</p>
            <ul className="ledger-check-list" aria-label="未显示的列">
              {hidden.map((id) => item(id, null))}
            </ul>
          </>
        ) : null}
      </div>
      <p className="ledger-panel-hint">拖动表头右边缘可调整列宽。</p>
      <div className="ledger-panel-actions">
        <button type="button" className="link-button" disabled={isDefault} onClick={reset}>
          恢复默认
        </button>
      </div>
    </LedgerPopover>
  );
}
