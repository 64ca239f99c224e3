// One card of the 设置 screen: a heading (which names the region for screen readers) and its body.
import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  /** A short line under the heading. */
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function SettingsSection({ id, title, hint, className, children }: Props) {
  return (
    <section
      className={className ? `settings-card ${className}` : 'settings-card'}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="settings-card-title">
        {title}
      </h2>
      {hint ? <p className="settings-hint">{hint}</p> : null}
      {children}
    </section>
  );
}
