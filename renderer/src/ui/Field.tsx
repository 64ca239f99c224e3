// A labelled form control: the label bound to the control (so it can be found by its label), a quiet
// hint or the error under it, and the control marked invalid and described by what is under it.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { classes } from './classes';

/** Spread on the field's input, select or textarea. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

interface Props {
  /** The control's id; one is made when left out. */
  id?: string;
  label: string;
  error?: string | null | undefined;
  /** A quiet line under the control, shown while there is no error. */
  hint?: ReactNode;
  /** Announce the error as it appears (a refusal from the backend, not a check while typing). */
  announce?: boolean;
  /** Says 必填 beside the label. */
  required?: boolean;
  /** The field's place in its form: wide, half, grow … (each form's own CSS). */
  className?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

export function Field(props: Props) {
  const { id, label, error, hint, announce, required, className, children } = props;
  const made = useId();
  const controlId = id ?? made;
  const errorId = `${controlId}-error`;
  const hintId = `${controlId}-hint`;
  return (
    <div className={classes('field', className, error && 'invalid')}>
      {required ? (
        <div className="field-label-row">
          {labelOf(controlId, label)}
          <span className="field-required" aria-hidden="true">
            必填
          </span>
        </div>
      ) : (
        labelOf(controlId, label)
      )}
      {children({
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : hint ? hintId : undefined,
        'aria-required': required || undefined,
      })}
      {error ? (
        <p id={errorId} className="field-error" role={announce ? 'alert' : undefined}>
          {error}
        </p>
      ) : hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function labelOf(id: string, label: string) {
  return (
    <label htmlFor={id} className="field-label">
      {label}
    </label>
  );
}
