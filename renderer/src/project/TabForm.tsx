// A tab with a small entry form (到资, 活动, 跟进): useTabEntry holds the tab's list and the draft
// that adds to it; TabForm draws the fields in a row, the button that adds and the backend's
// refusal under it; TabList the list or what stands in its place; and the date field the forms
// share.
import type { ReactNode } from 'react';
import { useRestores } from '../shared/undo-store';
import { useLeaveGuard } from '../shell/leave-guard';
import { ErrorText } from '../ui/Alert';
import { Field } from '../ui/Field';
import type { ControlProps } from '../ui/Field';
import { Form } from '../ui/Form';
import { ListState } from '../ui/ListState';
import { useDraft } from '../ui/use-draft';
import type { Bound, Draft } from '../ui/use-draft';
import { useLoad } from '../ui/use-load';
import type { Loaded } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import type { Submit } from '../ui/use-submit';

interface Entry<T extends object, D, R> {
  /** The form's accessible name, also how the leave question names its content: 新增活动记录. */
  label: string;
  /** The project's records; read again after an add, and after an undo anywhere. */
  load: () => Promise<R>;
  initial: () => T;
  /** What is added: the draft checked with `form.check`, or null after showing why not. */
  checked: (form: Draft<T>) => D | null;
  add: (data: D) => Promise<unknown>;
  /** The fields emptied after an add: what the user typed, asked about before leaving. */
  emptied: (keyof T)[];
}

/** `kind` names the draft (its fields' ids); spread `formProps` on TabForm. */
export function useTabEntry<T extends object, D, R>(
  kind: string,
  projectId: string,
  entry: Entry<T, D, R>,
) {
  const restores = useRestores();
  const list = useLoad(entry.load, [projectId, restores]);
  const form = useDraft(kind, entry.initial);
  const submit = useSubmit();
  const add = async () => {
    const data = entry.checked(form);
    if (data === null) return false;
    return submit.run(async () => {
      await entry.add(data);
      form.reset(...entry.emptied);
      list.reload();
    });
  };
  useLeaveGuard({
    dirty: form.changed(...entry.emptied),
    what: `「${entry.label}」中填写的内容`,
    save: add,
  });
  const formProps = { label: entry.label, submit, onSubmit: () => void add() };
  return { list, form, submit, formProps };
}

interface FormProps {
  label: string;
  submitLabel: string;
  submit: Submit;
  onSubmit: () => void;
  /** The fields. */
  children: ReactNode;
}

export function TabForm({ label, submitLabel, submit, onSubmit, children }: FormProps) {
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

interface ListProps<T> {
  list: Pick<Loaded<readonly T[]>, 'data' | 'error' | 'reload'>;
  /** What the tab says while its list is empty. */
  empty: string;
  /** The list, drawn once it has items. */
  children: (items: readonly T[]) => ReactNode;
}

export function TabList<T>({ list, empty, children }: ListProps<T>) {
  return (
    <>
      <ListState list={list} className="tab-empty" empty={empty} />
      {list.data?.length ? children(list.data) : null}
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

export function TabDateField({ label, ...bound }: Bound<string> & { label: string }) {
  return (
    <Field id={bound.id} label={label} error={bound.error}>
      {(control) => <DateInput control={control} value={bound.value} onChange={bound.onChange} />}
    </Field>
  );
}
