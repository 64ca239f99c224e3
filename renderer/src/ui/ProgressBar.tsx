// The progress of a long backend call (an import, an export, a 月报, a backup): shown while it runs, it
// asks the backend how far it got a few times a second and shows the phase in words, with a share
// when the size is known. The window stays live because the backend yields between chunks.
import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../domain/job-progress';
import { call } from '../api/client';

const POLL_MS = 250;

function useProgress(): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const now = await call('job.progress');
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
    };
  }, []);
  return progress;
}

/** Render it while the call runs; `label` shows until the first poll answers. */
export function ProgressBar({ label }: { label: string }) {
  const progress = useProgress();
  const share = progress && progress.total > 0 ? progress.done / progress.total : null;
  const text = progress
    ? `${progress.phase}${share === null ? '……' : ` ${progress.done.toLocaleString('zh-CN')}\u00a0/\u00a0${progress.total.toLocaleString('zh-CN')}`}`
    : label;
  return (
    <div className="job-progress" role="status" aria-live="polite">
      <progress max={1} value={share ?? undefined} aria-label={text} className="job-progress-bar" />
      <span className="job-progress-text">{text}</span>
    </div>
  );
}
