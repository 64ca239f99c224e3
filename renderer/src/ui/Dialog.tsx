// A modal dialog: opened as it mounts, closed as it unmounts; Esc asks `onCancel` (which may ignore
// it while something runs) instead of closing by itself.
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

interface Props {
  className: string;
  labelledBy: string;
  describedBy?: string;
  onCancel: () => void;
  children: ReactNode;
}

export function Dialog({ className, labelledBy, describedBy, onCancel, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
