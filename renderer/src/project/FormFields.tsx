// The project form's controls: each one a visible <label> bound to its input (so it can be found by
// its label), the input, and the field's error message under it.
import type { ChangeEvent, InputHTMLAttributes, ReactNode } from 'react';
import { Field } from '../ui/Field';
import type { ControlProps } from '../ui/Field';
import { classes } from '../ui/classes';
import type { DraftKey, ProjectDraft } from './project-draft';
import { normalizeDate } from './project-draft';
import type { FieldErrors } from './project-validation';
import { DateInput } from './TabForm';

/** What every field needs: the draft, its errors and a way to change one value. */
export interface FormBinding {
  draft: ProjectDraft;
  errors: FieldErrors;
  set: <K extends DraftKey>(key: K, value: ProjectDraft[K]) => void;
}

export const fieldId = (key: DraftKey) => `project-${key}`;

interface FieldProps {
  name: DraftKey;
  label: string;
  form: FormBinding;
  /** Spans both columns of the section. */
  wide?: boolean;
  /** Label left of the input instead of above it. */
  inline?: boolean;
  /** Beside the control: a unit switch. */
  hint?: ReactNode;
}

function DraftField({
  name,
  label,
  form,
  wide,
  inline,
  hint,
  children,
}: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  return (
    <Field
      id={fieldId(name)}
      label={label}
      error={form.errors[name]}
      className={classes(wide && 'wide', inline && 'inline')}
    >
      {(control) => (
        <div className="field-control">
          {children(control)}
          {hint}
        </div>
      )}
    </Field>
  );
}

type StringKey = { [K in DraftKey]: ProjectDraft[K] extends string ? K : never }[DraftKey];

type TextControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A text control's value and change handler, bound to one key of the draft. */
const valueOf = (form: FormBinding, name: StringKey) => ({
  value: form.draft[name],
  onChange: (e: ChangeEvent<TextControl>) => form.set(name, e.target.value),
});

export function TextField({
  suggestions,
  placeholder,
  maxLength = 200,
  inputMode,
  boxProps,
  ...props
}: FieldProps & {
  name: StringKey;
  suggestions?: readonly string[];
  placeholder?: string;
  maxLength?: number;
  inputMode?: 'decimal' | 'text';
  /** More for the input: the 撞单 warning's keys and aria on the investor's name. */
  boxProps?: InputHTMLAttributes<HTMLInputElement>;
}) {
  const { form, name } = props;
  const listId = suggestions?.length ? `${fieldId(name)}-list` : undefined;
  return (
    <DraftField {...props}>
      {(control) => (
        <>
          <input
            {...boxProps}
            {...control}
            {...valueOf(form, name)}
            type="text"
            className="input"
            maxLength={maxLength}
            placeholder={placeholder}
            inputMode={inputMode}
            list={listId}
            autoComplete="off"
          />
          {listId ? (
            <datalist id={listId}>
              {suggestions?.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          ) : null}
        </>
      )}
    </DraftField>
  );
}

export function DateField(props: FieldProps & { name: StringKey }) {
  const { form, name } = props;
  return (
    <DraftField {...props}>
      {(control) => (
        <DateInput
          control={control}
          value={form.draft[name]}
          onChange={(value) => form.set(name, value)}
          onBlur={(value) => {
            const normalized = normalizeDate(value);
            if (normalized !== value) form.set(name, normalized);
          }}
        />
      )}
    </DraftField>
  );
}

export interface Option {
  value: string;
  label: string;
}

export const optionsOf = (labels: readonly string[]): Option[] =>
  labels.map((label) => ({ value: label, label }));

export function SelectField({
  options,
  groups,
  empty = '未选择',
  ...props
}: FieldProps & {
  name: StringKey;
  options?: readonly Option[];
  /** Options under headings, instead of a flat list. */
  groups?: readonly { label: string; options: readonly Option[] }[];
  empty?: string | null;
}) {
  const { form, name } = props;
  const value = form.draft[name];
  const all = groups ? groups.flatMap((g) => g.options) : (options ?? []);
  // A stored value the list no longer has (an old platform, a renamed promoter) stays choosable.
  const orphan = value !== '' && !all.some((o) => o.value === value);
  return (
    <DraftField {...props}>
      {(control) => (
        <select {...control} {...valueOf(form, name)} className="input">
          {empty !== null ? <option value="">{empty}</option> : null}
          {orphan ? <option value={value}>{value}</option> : null}
          {groups
            ? groups.map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))
            : options?.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
        </select>
      )}
    </DraftField>
  );
}

export function AreaField(props: FieldProps & { name: StringKey; placeholder?: string }) {
  const { form, name, placeholder } = props;
  return (
    <DraftField {...props}>
      {(control) => (
        <textarea
          {...control}
          {...valueOf(form, name)}
          className="input textarea"
          rows={4}
          maxLength={2000}
          placeholder={placeholder}
        />
      )}
    </DraftField>
  );
}

type BoolKey = { [K in DraftKey]: ProjectDraft[K] extends boolean ? K : never }[DraftKey];

export function CheckField({
  name,
  label,
  form,
}: {
  name: BoolKey;
  label: string;
  form: FormBinding;
}) {
  const id = fieldId(name);
  return (
    <div className="field check">
      <input
        id={id}
        type="checkbox"
        checked={form.draft[name]}
        onChange={(e) => form.set(name, e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
