// A call made on the user's word (save, delete, import …): busy while it runs, so its button cannot
// send twice; the Chinese message when it fails; the note it leaves when it succeeds.
import { useCallback, useMemo, useState } from 'react';
import { errorText } from '../api/client';

export interface Submit {
  busy: boolean;
  /** Why the last run failed (or what a check before it found), until the next run. */
  error: string | null;
  /** The note the last successful run returned, until the next run. */
  done: string | null;
  /**
   * Runs `action`; resolves to true when it succeeded. What the action returns is kept as `done`.
   * `keepBusy`: stays busy after success, for a form that goes away when it is done.
   */
  run: (action: () => Promise<string | void>, options?: { keepBusy?: boolean }) => Promise<boolean>;
  /** Shows a message as the error without running anything (a check before sending). */
  fail: (message: string) => void;
  /** Forgets the last error and note (the user changed something). */
  clear: () => void;
}

interface State {
  busy: boolean;
  error: string | null;
  done: string | null;
}

const idle: State = { busy: false, error: null, done: null };

export function useSubmit(): Submit {
  const [state, setState] = useState<State>(idle);

  const run = useCallback<Submit['run']>(async (action, options) => {
    setState({ busy: true, error: null, done: null });
    try {
      const done = await action();
      setState({ busy: options?.keepBusy ?? false, error: null, done: done ?? null });
      return true;
    } catch (e) {
      setState({ busy: false, error: errorText(e), done: null });
      return false;
    }
  }, []);
  const fail = useCallback((message: string) => setState({ ...idle, error: message }), []);
  const clear = useCallback(() => setState((s) => (s.busy ? s : idle)), []);

  return useMemo(() => ({ ...state, run, fail, clear }), [state, run, fail, clear]);
}
