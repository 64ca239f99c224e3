// While a long call runs (ledger import or export, 月报), asks the backend how far it got a few
// times a second; the window stays live because the backend yields between chunks.
import { useEffect, useState } from 'react';
import type { TaskProgress } from '../../../domain/ledger-io';
import { call } from '../api/client';

const POLL_MS = 250;

export function useTaskProgress(active: boolean): TaskProgress | null {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const poll = async () => {
      try {
        const now = await call('task.progress');
        if (!stopped) setProgress(now);
      } catch {
        // A missed poll only delays the bar.
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    void poll();
    return () => {
      stopped = true;
      clearInterval(timer);
      setProgress(null);
    };
  }, [active]);
  return active ? progress : null;
}
