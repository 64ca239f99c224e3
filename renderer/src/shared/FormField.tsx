// A labelled form control with its hint and error under it: the label is bound to the control (so
// it can be found by its label), and the control is marked invalid and described by the error.
import type { ReactNode } from 'react';
import './form-field.css';

export interface ControlAria {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface Props {
  id: string;
  label: string;
  error?: string | null | undefined;
  /** A quiet line under the control (shown while there is no error). */
  hint?: ReactNode;
  /** Announce the error as it appears (a refusal from the backend, not a check while typing). */
  announce?: boolean;
  children: (aria: ControlAria) => ReactNode;
}

export function FormField({ id, label, error, hint, announce, children }: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = error ? errorId : hint ? hintId : undefined;
  return (
    <div className={error ? 'form-field invalid' : 'form-field'}>
      <label htmlFor={id} className="form-field-label">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {error ? (
        <span id={errorId} className="form-field-error" role={announce ? 'alert' : undefined}>
          {error}
        </span>
      ) : hint ? (
        <span id={hintId} className="form-field-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
