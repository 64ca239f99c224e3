// The end of an investor form: why saving failed, then 保存 (busy while it runs) and 取消.
import { ErrorText } from '../ui/Alert';
import type { Submit } from '../ui/use-submit';

interface Props {
  submit: Submit;
  submitLabel: string;
  onCancel: () => void;
}

export function FormActions({ submit, submitLabel, onCancel }: Props) {
  return (
    <>
      <ErrorText error={submit.error} className="investors-error" />
      <div className="investors-form-actions">
        <button type="submit" className="primary-button" disabled={submit.busy}>
          {submitLabel}
        </button>
        <button type="button" className="secondary-button" onClick={onCancel}>
          取消
        </button>
      </div>
    </>
  );
}
