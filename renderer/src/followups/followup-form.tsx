// The pieces the follow-up forms share: the small form under 「已完成」 (a title, its fields, the
// button, what it saved or why not) with its draft and save, the due-date field with its day in
// words, and the title field.
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useLeaveGuard } from '../shell/leave-guard';
import { ErrorText } from '../ui/Alert';
import { Field } from '../ui/Field';
import { TextField } from '../ui/fields';
import { Form } from '../ui/Form';
import { useDraft } from '../ui/use-draft';
import type { Bound, Draft } from '../ui/use-draft';
import { useSubmit } from '../ui/use-submit';
import type { Submit } from '../ui/use-submit';
import { DayHint } from './DayHint';

interface SubFormSave<T extends object, D> {
  initial: () => T;
  /** What is sent: the draft checked with `form.check`, or null after showing why not. */
  checked: (form: Draft<T>) => D | null;
  /** Sends it; resolves to the note saying what was saved. */
  send: (data: D, form: Draft<T>) => Promise<string>;
  /** Whether the draft holds edits worth the leave guard's question, and what it calls them. */
  dirty: (values: T) => boolean;
  what: string;
}

/** A sub-form's draft and its save, which the leave guard offers too; spread `props` on SubForm. */
export function useSubForm<T extends object, D>(options: SubFormSave<T, D>) {
  const id = useId();
  const form = useDraft(id, options.initial);
  const submit = useSubmit();
  const save = async (): Promise<boolean> => {
    const data = options.checked(form);
    if (data === null) {
      submit.clear();
      return false;
    }
    return submit.run(() => options.send(data, form));
  };
  useLeaveGuard({ dirty: options.dirty(form.values), what: options.what, save });
  return { form, props: { id, submit, onSubmit: () => void save() } };
}

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
