// A button that opens a small panel under it (the 「列」 and 「视图」 menus). The panel exists only
// while open; Escape or a click elsewhere closes it and Escape gives the focus back to the button.
import { useCallback, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { useDismiss } from '../ui/use-dismiss';

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

  const close = useCallback(() => onOpenChange(false), [onOpenChange]);
  useDismiss(open, close, wrapper, trigger);

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
