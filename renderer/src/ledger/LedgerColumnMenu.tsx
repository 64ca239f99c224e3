// 「列」: which columns the 台账 shows, one checkbox per column labelled with its header. 项目名称
// is always shown. The choice is the table's column visibility, kept by the screen.
import { useCallback, useState } from 'react';
import { ledgerHeaders } from './ledger-columns';
import type { LedgerColumnId } from './ledger-columns';
import { LedgerPopover } from './LedgerPopover';
import type { LedgerTableInstance } from './use-ledger-table';

export function LedgerColumnMenu({ table }: { table: LedgerTableInstance }) {
  const [open, setOpen] = useState(false);
  const onOpenChange = useCallback((next: boolean) => setOpen(next), []);
  const columns = table.getAllLeafColumns();
  const hidden = columns.filter((c) => !c.getIsVisible()).length;

  return (
    <LedgerPopover
      open={open}
      onOpenChange={onOpenChange}
      panelLabel="显示的列"
      align="end"
      className="ledger-columns-menu"
      buttonTitle="选择台账显示哪些列"
      button={<>列{hidden > 0 ? <span className="muted-text">（隐藏 {hidden}）</span> : null}</>}
    >
      <p className="ledger-panel-title">显示的列</p>
      <ul className="ledger-check-list">
        {columns.map((column) => {
          const header = ledgerHeaders[column.id as LedgerColumnId] ?? column.id;
          const fixed = !column.getCanHide();
          const noteId = `ledger-column-note-${column.id}`;
          return (
            <li key={column.id}>
              <label className="ledger-check">
                <input
                  type="checkbox"
                  checked={column.getIsVisible()}
                  disabled={fixed}
                  aria-describedby={fixed ? noteId : undefined}
                  onChange={column.getToggleVisibilityHandler()}
                />
                <span className="ledger-check-text">{header}</span>
              </label>
              {fixed ? (
                <span id={noteId} className="muted-text">
                  始终显示
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="ledger-panel-actions">
        <button
          type="button"
          className="link-button"
          disabled={hidden === 0}
          onClick={() => table.resetColumnVisibility(true)}
        >
          全部显示
        </button>
      </div>
    </LedgerPopover>
  );
}
