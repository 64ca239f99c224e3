// A question asked before an action on one thing (a row to remove, a laptop to revoke, `true` for an
// action on nothing in particular): what it is asked about while its ConfirmDialog is open, and the
// dialog's wiring. Asking forgets the last run's message; the dialog closes once the action has
// succeeded, and a failure stays in it.
import { useState } from 'react';
import type { Submit } from '../ui/use-submit';
import type { ConfirmWiring } from './ConfirmDialog';

export interface Confirmation<T> {
  /** What the open dialog asks about; null while it is closed. */
  about: T | null;
  ask: (about: T) => void;
  dialog: ConfirmWiring;
}

/** `action` runs in `submit`; what it returns is kept as the submit's note. */
export function useConfirmation<T>(
  submit: Submit,
  action: (about: T) => Promise<string | void>,
): Confirmation<T> {
  const [about, setAbout] = useState<T | null>(null);
  const confirm = (item: T) =>
    void submit.run(async () => {
      const done = await action(item);
      setAbout(null);
      return done;
    });
  return {
    about,
    ask: (item) => {
      submit.clear();
      setAbout(item);
    },
    dialog: {
      busy: submit.busy,
      error: submit.error,
      onConfirm: () => {
        if (about !== null) confirm(about);
      },
      onCancel: () => setAbout(null),
    },
  };
}
