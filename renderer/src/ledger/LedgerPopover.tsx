// A button that opens a small panel under it (the 「列」 and 「视图」 menus). The panel exists only
// while open; Escape or a click elsewhere closes it and Escape gives the focus back to the button.
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button's content; its text is the button's name. */
  button: ReactNode;
  buttonTitle?: string;
  /** The panel's accessible name. */
  panelLabel: string;
  /** Which edge of the button the panel lines up with. */
  align?: 'start' | 'end';
  className?: string;
  children: ReactNode;
}

export function LedgerPopover({
  open,
  onOpenChange,
  button,
  buttonTitle,
  panelLabel,
  align = 'start',
  className,
  children,
}: Props) {
  const wrapper = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) onOpenChange(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      onOpenChange(false);
      trigger.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, onOpenChange]);

  return (
    <div ref={wrapper} className={className ? `ledger-popover ${className}` : 'ledger-popover'}>
      <button
        ref={trigger}
        type="button"
        className={open ? 'control-box ledger-menu-button open' : 'control-box ledger-menu-button'}
        title={buttonTitle}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => onOpenChange(!open)}
      >
        {button}
        <span className="ledger-menu-caret" aria-hidden="true" />
      </button>
      {open ? (
        <div
          id={panelId}
          role="dialog"
          aria-label={panelLabel}
          className={align === 'end' ? 'ledger-popover-panel end' : 'ledger-popover-panel'}
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}
