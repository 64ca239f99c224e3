// The pieces the follow-up forms share: the small form under 「已完成」 (a title, its fields, the
// button, what it saved or why not), the due-date field with its day in words, and the note field.
import type { ReactNode } from 'react';
import { ErrorText } from '../ui/Alert';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import type { Submit } from '../ui/use-submit';
import { DayHint } from './DayHint';

interface SubFormProps {
  id: string;
  title: string;
  submitLabel: string;
  submit: Submit;
  onSubmit: () => void;
  children: ReactNode;
}

export function SubForm({ id, title, submitLabel, submit, onSubmit, children }: SubFormProps) {
  return (
    <Form
      className="followups-form followups-subform"
      aria-labelledby={`${id}-title`}
      onSubmit={onSubmit}
    >
      <h3 id={`${id}-title`} className="followups-subtitle">
        {title}
      </h3>
      {children}
      <div className="followups-actions followups-actions-inline">
        <button type="submit" className="primary-button" disabled={submit.busy}>
          {submitLabel}
        </button>
      </div>
      {submit.done ? <p className="followups-saved">{submit.done}</p> : null}
      <ErrorText error={submit.error} className="followups-error" />
    </Form>
  );
}

interface InputProps {
  id: string;
  label: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

export function DateField({ today, ...props }: InputProps & { today: string }) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(control) => (
        <>
          <input
            {...control}
            type="date"
            className="input"
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
          <DayHint day={props.value} today={today} />
        </>
      )}
    </Field>
  );
}

/** What to do next: one line. */
export function TitleField({
  placeholder,
  ...props
}: Omit<InputProps, 'label'> & { placeholder: string }) {
  return (
    <Field id={props.id} label="事项" error={props.error} className="wide">
      {(control) => (
        <input
          {...control}
          className="input"
          value={props.value}
          maxLength={200}
          autoComplete="off"
          placeholder={placeholder}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  maxLength,
  placeholder,
  ...props
}: InputProps & { maxLength: number; placeholder?: string }) {
  return (
    <Field id={props.id} label={props.label} error={props.error} className="wide">
      {(control) => (
        <textarea
          {...control}
          className="input textarea"
          rows={2}
          value={props.value}
          maxLength={maxLength}
          placeholder={placeholder}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
