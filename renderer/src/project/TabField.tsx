// A labelled control in a tab's small entry form, with its error under it.
import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  error?: string | undefined;
  grow?: boolean;
  children: ReactNode;
}

export function TabField({ id, label, error, grow, children }: Props) {
  return (
    <div className={grow ? 'field tab-field grow' : 'field tab-field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** aria attributes for a control whose TabField shows `error`. */
export function invalidProps(id: string, error: string | undefined) {
  return error
    ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` }
    : { 'aria-invalid': undefined, 'aria-describedby': undefined };
}
