// A progress bar for a long backend task: the phase in words, and a share when the size is known.
import type { TaskProgress } from '../../../domain/ledger-io';

interface Props {
  progress: TaskProgress | null;
  /** Shown until the first poll answers. */
  label: string;
}

export function TaskProgressBar({ progress, label }: Props) {
  const share = progress && progress.total > 0 ? progress.done / progress.total : null;
  const text = progress
    ? `${progress.phase}${share === null ? '……' : ` ${progress.done.toLocaleString('zh-CN')} / ${progress.total.toLocaleString('zh-CN')}`}`
    : label;
  return (
    <div className="task-progress" role="status" aria-live="polite">
      <progress
        max={1}
        value={share ?? undefined}
        aria-label={text}
        className="task-progress-bar"
      />
      <span className="task-progress-text">{text}</span>
    </div>
  );
}
