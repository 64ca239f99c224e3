// A tab's small entry form (到资, 活动, 跟进): its fields in a row, the button that adds, and the
// backend's refusal under it; and the date field each of them has.
import type { ReactNode } from 'react';
import { ErrorText } from '../ui/Alert';
import { Field } from '../ui/Field';
import type { ControlProps } from '../ui/Field';
import { Form } from '../ui/Form';
import type { Submit } from '../ui/use-submit';

interface Props {
  label: string;
  submitLabel: string;
  submit: Submit;
  onSubmit: () => void;
  children: ReactNode;
}

export function TabForm({ label, submitLabel, submit, onSubmit, children }: Props) {
  return (
    <>
      <Form className="tab-form" aria-label={label} onSubmit={onSubmit}>
        {children}
        <button type="submit" className="primary-button" disabled={submit.busy}>
          {submitLabel}
        </button>
      </Form>
      <ErrorText error={submit.error} />
    </>
  );
}

/** A date typed as YYYY-MM-DD (or 2024.6.1, 2024/6/1: normalized before it is checked). */
export function DateInput({
  control,
  value,
  onChange,
  onBlur,
}: {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
  onBlur?: (value: string) => void;
}) {
  return (
    <input
      {...control}
      type="text"
      className="input date-input"
      placeholder="YYYY-MM-DD"
      maxLength={12}
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur ? (e) => onBlur(e.target.value) : undefined}
    />
  );
}

export function TabDateField(props: {
  id: string;
  label: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error} className="tab-field">
      {(control) => <DateInput control={control} value={props.value} onChange={props.onChange} />}
    </Field>
  );
}
