// What the first run's two forms share: the user's 姓名 and its field, app.init once the checks pass
// (a database set up meanwhile by another window is handed to onAlreadyDone), and the button that
// starts with why it failed under it.
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { AppStatus, MethodArgs } from '../../../domain/contract';
import { initInput } from '../../../domain/contract';
import { ApiError, call } from '../api/client';
import { ErrorText } from '../ui/Alert';
import { Field } from '../ui/Field';
import { firstError } from '../ui/field-errors';
import { Form } from '../ui/Form';
import { useSubmit } from '../ui/use-submit';
import type { Submit } from '../ui/use-submit';

export type Who = { user: string; office: string };

/** What the first run hears from either form. */
export interface SetupFormProps {
  onCreated: (who: Who) => void;
  /** The database was set up meanwhile (another window): nothing to do here. */
  onAlreadyDone: () => void;
}

/** A form's own checks' messages, and what it adds to app.init's input besides the user's name. */
type Request = () => { errors: (string | null)[]; input: Omit<MethodArgs<'app.init'>, 'user'> };

/** Spread `form` on InitForm and `name` on NameField. */
export function useInit({ onCreated, onAlreadyDone }: SetupFormProps, request: Request) {
  const id = useId();
  const [user, setUser] = useState('');
  const submit = useSubmit();
  const [tried, setTried] = useState(false);
  /** From the first try on, the checks' messages show under their fields. */
  const shown = (error: string | null) => (tried ? error : null);
  const userError = firstError(initInput.shape.user.safeParse(user));
  /** Runs app.init unless a check failed; the form stays busy after: the next step replaces it. */
  const init = () => {
    setTried(true);
    const { errors, input: own } = request();
    if ([userError, ...errors].some(Boolean)) return;
    const input = { ...own, user: user.trim() };
    void submit.run(
      async () => {
        let status: AppStatus;
        try {
          status = await call('app.init', input);
        } catch (e) {
          if (e instanceof ApiError && e.code === 'ALREADY_INITIALIZED') return onAlreadyDone();
          throw e;
        }
        onCreated({ user: status.user ?? input.user, office: status.office ?? input.office });
      },
      { keepBusy: true },
    );
  };
  return {
    shown,
    busy: submit.busy,
    form: { id, submit, onSubmit: init },
    name: {
      id: `${id}-user`,
      value: user,
      error: shown(userError),
      busy: submit.busy,
      onChange: setUser,
    },
  };
}

interface FormProps {
  id: string;
  title: string;
  submit: Submit;
  submitLabel: string;
  busyLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}

export function InitForm(props: FormProps) {
  const { id, title, submit, submitLabel, busyLabel, onSubmit, children } = props;
  return (
    <Form onSubmit={onSubmit} className="setup-form" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} className="setup-title">
        {title}
      </h1>
      {children}
      <button type="submit" className="primary-button setup-start" disabled={submit.busy}>
        {submit.busy ? busyLabel : submitLabel}
      </button>
      <ErrorText error={submit.error} className="setup-error" />
    </Form>
  );
}

interface NameProps {
  id: string;
  value: string;
  error: string | null;
  busy: boolean;
  onChange: (value: string) => void;
}

export function NameField({ id, value, error, busy, onChange }: NameProps) {
  return (
    <Field id={id} label="姓名" error={error}>
      {(control) => (
        <input
          {...control}
          className="input large"
          autoFocus
          maxLength={50}
          autoComplete="name"
          value={value}
          disabled={busy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
