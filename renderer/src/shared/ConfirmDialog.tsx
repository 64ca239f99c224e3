// A modal question before an action that cannot simply be taken back (a restore, a revoked laptop,
// a forgotten peer): what will happen, the error of a failed attempt, 取消 and the confirming
// button. Esc is 取消, except while the action runs.
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

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
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="settings-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-what`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-what`}>{children}</div>
      {error ? (
        <p role="alert" className="settings-error">
          {errorPrefix}
          {error}
        </p>
      ) : null}
      <div className="settings-dialog-actions">
        <button type="button" className="secondary-button" disabled={busy} onClick={onCancel}>
          取消
        </button>
        <button
          type="button"
          className="primary-button settings-danger-button"
          disabled={busy}
          onClick={onConfirm}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
