// What a screen or a list shows when there is nothing in it: what that means and what to do. The
// large one stands in a screen's place (a heading, the way forward, its buttons); the note stands
// in a list's place.
import type { ReactNode } from 'react';
import { classes } from './classes';

interface Props {
  title: string;
  /** The heading's level where the state sits inside a titled section. */
  heading?: 'h2' | 'h3';
  className?: string;
  children: ReactNode;
}

export function EmptyState({ title, heading: Heading = 'h2', className, children }: Props) {
  return (
    <div className={classes('empty-state', className)}>
      <Heading>{title}</Heading>
      {children}
    </div>
  );
}

export function EmptyNote({ className, children }: { className?: string; children: ReactNode }) {
  return <p className={classes('empty-note', className)}>{children}</p>;
}
