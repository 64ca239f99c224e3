// Labelled fields of one control each, for a value bound with useDraft's `bind` (or any id, value,
// error and onChange): a line of text, a few lines of text, a choice from a list. The rest of the
// props go to the control (maxLength, placeholder, type …).
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { Field } from './Field';
import { Select } from './Select';
import type { Choice } from './Select';
import type { Bound } from './use-draft';

interface FieldPart {
  label: string;
  id?: string;
  error?: string | null | undefined;
  hint?: ReactNode;
  required?: boolean;
  announce?: boolean;
  /** The field's place in its form: wide, half, tab-field … */
  className?: string | undefined;
  /** The control's class: 'input' unless given. */
  inputClassName?: string;
}

type Labelled<V> = FieldPart & Pick<Bound<V>, 'value' | 'onChange'>;

type Own = keyof Labelled<string> | 'children';

/** The field's props, and what goes to its control. */
function split<P extends FieldPart & { value: unknown; onChange: unknown }>(props: P) {
  const { label, id, error, hint, required, announce, className, ...control } = props;
  const { inputClassName, value, onChange, ...rest } = control;
  return {
    field: { label, id, error, hint, required, announce, className },
    inputClassName,
    value,
    onChange,
    rest,
  };
}

type TextProps = Labelled<string> & Omit<InputHTMLAttributes<HTMLInputElement>, Own>;

export function TextField(props: TextProps) {
  const { field, inputClassName = 'input', value, onChange, rest } = split(props);
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...rest}
          {...control}
          className={inputClassName}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

type AreaProps = Labelled<string> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Own>;

/** A few lines of text (two unless `rows` says otherwise). */
export function AreaField(props: AreaProps) {
  const { field, inputClassName = 'input textarea', value, onChange, rest } = split(props);
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          rows={2}
          {...rest}
          {...control}
          className={inputClassName}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

type SelectProps<V extends string> = Omit<Labelled<V>, 'value'> & {
  value: V | '';
  choices: readonly Choice<V>[];
  /** A first option with the value '' (「（未填写）」); `disabled`: only asks to choose. */
  none?: { label: string; disabled?: boolean } | undefined;
  disabled?: boolean;
};

export function SelectField<V extends string>(props: SelectProps<V>) {
  const { field, inputClassName = 'input', value, onChange, rest } = split(props);
  return (
    <Field {...field}>
      {(control) => (
        <Select
          {...rest}
          {...control}
          className={inputClassName}
          value={value}
          onChange={onChange}
        />
      )}
    </Field>
  );
}
