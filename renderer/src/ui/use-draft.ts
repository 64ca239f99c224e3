// A form's values while they are being filled in, and the messages its last check found: `bind`
// hands one field its id, value, error and setter; `check` parses the values with a schema and puts
// the schema's messages under the fields; `reset` empties the named fields after a save.
import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import { fieldErrors } from './field-errors';
import type { FieldErrors } from './field-errors';

/** One field's share of a form: spread on TextField, AreaField, SelectField … */
export interface Bound<V> {
  id: string;
  value: V;
  error: string | undefined;
  onChange: (value: V) => void;
}

export interface Draft<T> {
  values: T;
  errors: FieldErrors;
  set: <K extends keyof T>(key: K, value: T[K]) => void;
  bind: <K extends keyof T & string>(key: K) => Bound<T[K]>;
  setErrors: (errors: FieldErrors | ((errors: FieldErrors) => FieldErrors)) => void;
  /** The parsed input, or null after showing why not; `more`: refusals found before parsing. */
  check: <S extends z.ZodType>(schema: S, input: unknown, more?: FieldErrors) => z.output<S> | null;
  /** Puts the named fields back to their first values. */
  reset: (...keys: (keyof T)[]) => void;
  /** Whether any of the named fields differs from its first value. */
  changed: (...keys: (keyof T)[]) => boolean;
}

interface Options {
  /** Called on every change (a settings form forgets its 「已保存」). */
  onEdit?: () => void;
  /** A field's error goes as soon as the field is edited (else it stays till the next check). */
  clearOnEdit?: boolean;
}

/** `idBase`: the fields' ids are `${idBase}-${key}`. */
export function useDraft<T extends object>(
  idBase: string,
  initial: T | (() => T),
  { onEdit, clearOnEdit }: Options = {},
): Draft<T> {
  const [first] = useState(initial);
  const [values, setValues] = useState(first);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback(
    <K extends keyof T>(key: K, value: T[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      if (clearOnEdit) setErrors(({ [key as string]: _, ...rest }) => rest);
      onEdit?.();
    },
    [onEdit, clearOnEdit],
  );
  const check = useCallback<Draft<T>['check']>((schema, input, more = {}) => {
    const parsed = schema.safeParse(input);
    const found = parsed.success ? { ...more } : { ...fieldErrors(parsed.error), ...more };
    setErrors(found);
    return parsed.success && Object.keys(more).length === 0 ? parsed.data : null;
  }, []);
  const reset = useCallback(
    (...keys: (keyof T)[]) =>
      setValues((v) => ({ ...v, ...Object.fromEntries(keys.map((k) => [k, first[k]])) })),
    [first],
  );

  return useMemo(() => {
    const bind = binder(idBase, values, errors, set);
    const changed = (...keys: (keyof T)[]) => keys.some((k) => values[k] !== first[k]);
    return { values, errors, set, bind, setErrors, check, reset, changed };
  }, [idBase, values, errors, set, check, reset, first]);
}

/** `bind` for values kept elsewhere (a form's parent holds the draft and its errors). */
export function binder<T>(
  idBase: string,
  values: T,
  errors: FieldErrors,
  set: <K extends keyof T>(key: K, value: T[K]) => void,
) {
  return <K extends keyof T & string>(key: K): Bound<T[K]> => ({
    id: `${idBase}-${key}`,
    value: values[key],
    error: errors[key],
    onChange: (value) => set(key, value),
  });
}
