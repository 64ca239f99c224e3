// A button that takes the window elsewhere: a screen, a project's or an investor's page.
import type { ButtonHTMLAttributes, Ref } from 'react';
import { useNavigate } from '../shell/navigation';
import type { Place } from '../shell/navigation';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick'> & {
  to: Place;
  ref?: Ref<HTMLButtonElement>;
};

export function GoButton({ to, children, ...rest }: Props) {
  const navigate = useNavigate();
  return (
    <button {...rest} type="button" onClick={() => navigate(to)}>
      {children}
    </button>
  );
}
