// A modal question before an action that cannot simply be taken back (a restore, a revoked laptop,
// a forgotten peer): what will happen, the error of a failed attempt, 取消 and the confirming
// button. Esc is 取消, except while the action runs.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { ErrorText } from '../ui/Alert';
import { Dialog } from '../ui/Dialog';

interface Props {
  title: string;
  /** What the action does and means. */
  children: ReactNode;
  confirmLabel: string;
  /** The confirming button's text while the action runs. */
  busyLabel: string;
  busy: boolean;
  /** The failed attempt's message, shown as 「{errorPrefix}{error}」. */
  error: string | null;
  errorPrefix?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  busy,
  error,
  errorPrefix = '',
  onConfirm,
  onCancel,
}: Props) {
  const id = useId();

  return (
    <Dialog
      className="dialog"
      labelledBy={`${id}-title`}
      describedBy={`${id}-what`}
      onCancel={() => {
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-what`}>{children}</div>
      <ErrorText error={error} prefix={errorPrefix} className="dialog-error" />
      <div className="dialog-actions">
        <button type="button" className="secondary-button" disabled={busy} onClick={onCancel}>
          取消
        </button>
        <button
          type="button"
          className="primary-button danger-button"
          disabled={busy}
          onClick={onConfirm}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
