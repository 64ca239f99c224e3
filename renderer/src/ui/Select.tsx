// A select over a list of choices: each option's value and label from the list, an optional first
// option standing for none (or asking to choose), and the chosen value handed over as typed.
import type { SelectHTMLAttributes } from 'react';

export interface Choice<V extends string = string> {
  value: V;
  label: string;
}

type Props<V extends string> = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange' | 'children'
> & {
  choices: readonly Choice<V>[];
  value: V | '';
  onChange: (value: V) => void;
  /** A first option with the value '' (「全区」, 「（未填写）」); `disabled`: only asks to choose. */
  none?: { label: string; disabled?: boolean } | undefined;
};

export function Select<V extends string>({ choices, value, onChange, none, ...rest }: Props<V>) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value as V)}>
      {none ? (
        <option value="" disabled={none.disabled}>
          {none.label}
        </option>
      ) : null}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** Choices from a vocabulary list ({ key, label }): the key is the value. */
export const choicesOf = <V extends string>(list: readonly { key: V; label: string }[]) =>
  list.map((item) => ({ value: item.key, label: item.label }));
