// Deleting one row of a list (a follow-up, an activity, a contact, a 首报首谈 claim): at once, without a question,
// since nothing goes with it and the window then offers 撤销 for some seconds (undo-store.ts).
import { useState } from 'react';
import type { DeletableKind } from '../../../domain/deletion';
import { call } from '../api/client';
import { useSubmit } from '../ui/use-submit';
import { offerUndo } from './undo-store';

export type RowRemoval = ReturnType<typeof useDeleteRow>;

type RowKind = Extract<DeletableKind, 'contact' | 'activity' | 'task' | 'claim'>;

export function useDeleteRow(kind: RowKind, onDeleted: () => void) {
  const submit = useSubmit();
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const remove = (id: string) => {
    setDeletingId(id);
    void submit.run(async () => {
      offerUndo(await call(`${kind}.delete`, { id }));
      onDeleted();
    });
  };
  return {
    remove,
    /** The row being deleted, while it is. */
    busyId: submit.busy ? deletingId : null,
    error: submit.error,
  };
}
