// A table row that opens something (a project's page): a click, or Enter once it has the focus.
import type { ReactNode } from 'react';

export function LinkRow({ onOpen, children }: { onOpen: () => void; children: ReactNode }) {
  return (
    <tr
      className="dash-row-link"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen();
      }}
    >
      {children}
    </tr>
  );
}
