// The end of a settings form: its 保存 button (busy while saving), the buttons around it, and the
// line after it — the note the save left (announced politely) or why it failed (alert).
import type { ReactNode } from 'react';
import type { Submit } from '../ui/use-submit';

export function Feedback({ submit }: { submit: Pick<Submit, 'error' | 'done'> }) {
  if (submit.error) {
    return (
      <span role="alert" className="settings-error">
        {submit.error}
      </span>
    );
  }
  return (
    <span className="settings-ok" aria-live="polite">
      {submit.done ?? ''}
    </span>
  );
}

interface SaveRowProps {
  submit: Submit;
  label: string;
  disabled?: boolean;
  /** A button outside a form; without it, the form's submit button. */
  onSave?: () => void;
  /** Buttons before 保存 (添加规则). */
  before?: ReactNode;
  /** Buttons after it (放弃修改). */
  after?: ReactNode;
}

export function SaveRow({ submit, label, disabled, onSave, before, after }: SaveRowProps) {
  return (
    <div className="settings-actions">
      {before}
      <button
        type={onSave ? 'button' : 'submit'}
        className="primary-button"
        disabled={submit.busy || disabled}
        onClick={onSave}
      >
        {submit.busy ? '正在保存……' : label}
      </button>
      {after}
      <Feedback submit={submit} />
    </div>
  );
}
