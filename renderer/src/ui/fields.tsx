// Labelled fields of one control each, for a value bound with useDraft's `bind` (or any id, value,
// error and onChange): a line of text, a few lines of text, a choice from a list. The rest of the
// props go to the control (maxLength, placeholder, type …).
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { Field } from './Field';
import type { ControlProps } from './Field';
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
  /** The field's place in its form: wide, half, grow … */
  className?: string | undefined;
  /** The control's class: 'input' unless given. */
  inputClassName?: string;
}

type Labelled<V> = FieldPart & Pick<Bound<V>, 'value' | 'onChange'>;

type Own = keyof Labelled<string> | 'children';

/** The labelled field around a control; the control gets its class and the props meant for it. */
function labelled<P extends FieldPart & { value: unknown; onChange: unknown }>(
  props: P,
  defaultClass: string,
  control: (own: ControlProps & { className: string }, parts: ControlParts<P>) => ReactNode,
) {
  const { label, id, error, hint, required, announce, className, ...forControl } = props;
  const { inputClassName = defaultClass, ...parts } = forControl;
  return (
    <Field {...{ label, id, error, hint, required, announce, className }}>
      {(own) => control({ ...own, className: inputClassName }, parts as ControlParts<P>)}
    </Field>
  );
}

type ControlParts<P> = Omit<P, keyof FieldPart>;

type TextProps = Labelled<string> & Omit<InputHTMLAttributes<HTMLInputElement>, Own>;

export function TextField(props: TextProps) {
  return labelled(props, 'input', (own, { value, onChange, ...rest }) => (
    <input {...rest} {...own} value={value} onChange={(e) => onChange(e.target.value)} />
  ));
}

type AreaProps = Labelled<string> & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Own>;

/** A few lines of text (two unless `rows` says otherwise). */
export function AreaField(props: AreaProps) {
  return labelled(props, 'input textarea', (own, { value, onChange, ...rest }) => (
    <textarea
      rows={2}
      {...rest}
      {...own}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  ));
}

type SelectProps<V extends string> = Omit<Labelled<V>, 'value'> & {
  value: V | '';
  choices: readonly Choice<V>[];
  /** A first option with the value '' (「（未填写）」); `disabled`: only asks to choose. */
  none?: { label: string; disabled?: boolean } | undefined;
  disabled?: boolean;
};

export function SelectField<V extends string>(props: SelectProps<V>) {
  return labelled(props, 'input', (own, rest) => <Select {...rest} {...own} />);
}
