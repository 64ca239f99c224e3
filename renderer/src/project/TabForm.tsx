// A tab with a small entry form (到资, 活动, 跟进): its fields in a row, the button that adds, the
// backend's refusal under it, then the tab's list or what stands in its place; and the date field
// the forms share.
import type { ReactNode } from 'react';
import { ErrorText } from '../ui/Alert';
import { Field } from '../ui/Field';
import type { ControlProps } from '../ui/Field';
import { Form } from '../ui/Form';
import { ListState } from '../ui/ListState';
import type { Bound } from '../ui/use-draft';
import type { Loaded } from '../ui/use-load';
import type { Submit } from '../ui/use-submit';

interface Props<T> {
  /** The form's accessible name: 新增活动记录. */
  label: string;
  submitLabel: string;
  submit: Submit;
  onSubmit: () => void;
  fields: ReactNode;
  list: Pick<Loaded<readonly T[]>, 'data' | 'error' | 'reload'>;
  /** What the tab says while its list is empty. */
  empty: string;
  /** The list, drawn once it has items. */
  children: (items: readonly T[]) => ReactNode;
}

export function TabBody<T>(props: Props<T>) {
  const { submit, list } = props;
  return (
    <div className="tab-body">
      <Form className="tab-form" aria-label={props.label} onSubmit={props.onSubmit}>
        {props.fields}
        <button type="submit" className="primary-button" disabled={submit.busy}>
          {props.submitLabel}
        </button>
      </Form>
      <ErrorText error={submit.error} />
      <ListState list={list} className="tab-empty" empty={props.empty} />
      {list.data?.length ? props.children(list.data) : null}
    </div>
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
