// A screen's heading: its one <h1>, whose id names the screen's section (aria-labelledby).
import type { ReactNode } from 'react';
import { classes } from './classes';

interface Props {
  id: string;
  className?: string;
  children: ReactNode;
}

export function ScreenTitle({ id, className, children }: Props) {
  return (
    <h1 id={id} className={classes('screen-title', className)}>
      {children}
    </h1>
  );
}
