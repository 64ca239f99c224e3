// The pieces the follow-up forms share: the small form under 「已完成」 (a title, its fields, the
// button, what it saved or why not), the due-date field with its day in words, and the title field.
import type { ReactNode } from 'react';
import { ErrorText } from '../ui/Alert';
import { Field } from '../ui/Field';
import { TextField } from '../ui/fields';
import { Form } from '../ui/Form';
import type { Bound } from '../ui/use-draft';
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
      aria-labelledby={`${id}-heading`}
      onSubmit={onSubmit}
    >
      <h3 id={`${id}-heading`} className="followups-subtitle">
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

/** The due or done date: the browser's date input, and the day in words beside it. */
export function DateField({
  label,
  today,
  ...bound
}: Bound<string> & { label: string; today: string }) {
  return (
    <Field id={bound.id} label={label} error={bound.error}>
      {(control) => (
        <>
          <input
            {...control}
            type="date"
            className="input"
            value={bound.value}
            onChange={(e) => bound.onChange(e.target.value)}
          />
          <DayHint day={bound.value} today={today} />
        </>
      )}
    </Field>
  );
}

/** What to do next: one line. */
export function TitleField(props: Bound<string> & { placeholder: string }) {
  return <TextField label="事项" className="wide" maxLength={200} autoComplete="off" {...props} />;
}
