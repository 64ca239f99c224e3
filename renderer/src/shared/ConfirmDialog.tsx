// A modal question before an action that cannot simply be taken back (a restore, a revoked laptop,
// a forgotten peer): what will happen, the error of a failed attempt, 取消 and the confirming
// button. Esc is 取消, except while the action runs.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { ErrorText } from '../ui/Alert';
import { Dialog } from '../ui/Dialog';

/** What runs the dialog: its action's state, 确认 and 取消 (see use-confirmation.ts). */
export interface ConfirmWiring {
  busy: boolean;
  /** The failed attempt's message, shown as 「{verb}失败：{error}」. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

interface Props extends ConfirmWiring {
  title: string;
  /** The action in one word (删除, 恢复 …): the button says 确认{verb}, then 正在{verb}…… */
  verb: string;
  /** The confirming button's text when 确认{verb} will not do. */
  confirmLabel?: string;
  /** What the action does and means. */
  children: ReactNode;
}

export function ConfirmDialog({
  title,
  verb,
  confirmLabel = `确认${verb}`,
  children,
  busy,
  error,
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
      <ErrorText error={error} prefix={`${verb}失败：`} className="dialog-error" />
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
          {busy ? `正在${verb}……` : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
