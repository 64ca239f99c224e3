// The 台账's 「Excel」 button; its menu (export, import) is loaded on first open, so the 台账's own
// start-up carries none of it. Escape or a click elsewhere closes the menu.
import { Suspense, lazy, useCallback, useRef, useState } from 'react';
import type { LedgerQuery } from '../../../domain/ledger';
import type { LedgerColumnKey } from '../../../domain/ledger-columns';
import { useDismiss } from '../ui/use-dismiss';

const LedgerExcelPanel = lazy(() =>
  import('./LedgerExcelPanel').then((m) => ({ default: m.LedgerExcelPanel })),
);

interface Props {
  /** The 台账's filter and sort as they stand (no paging). */
  query: Omit<LedgerQuery, 'offset' | 'limit'>;
  /** Projects the filter matches, to say what will be exported. */
  count: number | null;
  /** The 台账's columns shown, in their order: an export can follow them. */
  columns: readonly LedgerColumnKey[];
}

export function LedgerExcelMenu(props: Props) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  useDismiss(
    open,
    useCallback(() => setOpen(false), []),
    wrapper,
    trigger,
  );
  return (
    <div ref={wrapper} className="xl-export">
      <button
        ref={trigger}
        type="button"
        className="secondary-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
      >
        Excel
      </button>
      {open ? (
        <Suspense fallback={null}>
          <LedgerExcelPanel {...props} />
        </Suspense>
      ) : null}
    </div>
  );
}
