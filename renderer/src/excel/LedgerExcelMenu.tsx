// The 台账's 「Excel」 button; its menu (export, import) is loaded on first open, so the 台账's own
// start-up carries none of it.
import { Suspense, lazy, useState } from 'react';
import type { LedgerQuery } from '../../../domain/ledger';

const LedgerExcelPanel = lazy(() =>
  import('./LedgerExcelPanel').then((m) => ({ default: m.LedgerExcelPanel })),
);

interface Props {
  /** The 台账's filter and sort as they stand (no paging). */
  query: Omit<LedgerQuery, 'offset' | 'limit'>;
  /** Projects the filter matches, to say what will be exported. */
  count: number | null;
}

export function LedgerExcelMenu(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <div className="xl-export">
      <button
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
