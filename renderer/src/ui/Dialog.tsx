// A modal dialog: opened as it mounts (before the first paint, so nothing behind it takes a key
// meanwhile), closed as it unmounts; Esc asks `onCancel` (which may ignore it while something runs)
// instead of closing by itself. Named by its heading (labelledBy) or by `label`.
import { useLayoutEffect, useRef } from 'react';
import type { MouseEvent, ReactNode } from 'react';

interface Props {
  className: string;
  labelledBy?: string;
  label?: string;
  describedBy?: string;
  onCancel: () => void;
  onClick?: (e: MouseEvent<HTMLDialogElement>) => void;
  children: ReactNode;
}

export function Dialog({
  className,
  labelledBy,
  label,
  describedBy,
  onCancel,
  onClick,
  children,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      aria-label={label}
      aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onClick={onClick}
    >
      {children}
    </dialog>
  );
}
