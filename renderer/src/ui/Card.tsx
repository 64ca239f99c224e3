// A titled panel of a screen built of panels (设置, 同步, 看板 …): the heading names the region for
// screen readers, a quiet line under it may say what the panel is for.
import type { ReactNode } from 'react';
import { classes } from './classes';

interface Props {
  /** The heading's id is `${id}-title`. */
  id: string;
  title: ReactNode;
  hint?: ReactNode;
  /**
   * Beside the title: the panel's own buttons. Given (even as null), the title and they share a
   * row (.card-head); left out, the title stands alone.
   */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function Card({ id, title, hint, actions, className, children }: Props) {
  const heading = (
    <h2 id={`${id}-title`} className="card-title">
      {title}
    </h2>
  );
  return (
    <section className={classes('card', className)} aria-labelledby={`${id}-title`}>
      {actions === undefined ? (
        heading
      ) : (
        <div className="card-head">
          {heading}
          {actions}
        </div>
      )}
      {hint ? <p className="card-hint">{hint}</p> : null}
      {children}
    </section>
  );
}
