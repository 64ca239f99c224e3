// A passphrase box of the 同步 file panels: a password input under its label, nothing remembered
// by the browser unless `autoComplete` says so.
import type { ReactNode } from 'react';

interface Props {
  label: ReactNode;
  /** For a long label (a file's name in it): cut with … and shown whole as this tooltip. */
  labelTitle?: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'off';
  disabled: boolean;
  invalid?: boolean;
}

export function PassphraseField(props: Props) {
  const { label, labelTitle, value, onChange, autoComplete, disabled, invalid } = props;
  return (
    <label className="sync-field">
      <span className={labelTitle ? 'sync-ellipsis' : undefined} title={labelTitle}>
        {label}
      </span>
      <input
        type="password"
        className="sync-input"
        value={value}
        autoComplete={autoComplete}
        disabled={disabled}
        aria-invalid={invalid}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
