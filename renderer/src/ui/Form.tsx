// A form the app checks itself (noValidate: the messages are the schema's Chinese ones, under each
// field): Enter or the submit button calls `onSubmit`, and the page does not reload.
import type { FormHTMLAttributes } from 'react';

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'> & {
  onSubmit: () => void;
};

export function Form({ onSubmit, children, ...rest }: Props) {
  return (
    <form
      {...rest}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
