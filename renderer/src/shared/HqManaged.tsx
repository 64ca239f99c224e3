// On an office laptop, beside 本部's data: the note 「由本部统一维护」 and 「向本部提建议」, which opens
// the proposal form for `subject` (no subject: the note alone, where each part has its own button).
// ProposeButton alone serves a row of a table.
import { useState } from 'react';
import { HQ_MANAGED } from './hq-authority';
import { ProposalDialog } from './ProposalDialog';
import './hq-authority.css';

interface ProposeProps {
  subject: string;
  text?: string;
  /** A short text in a table row: the accessible name adds the subject ('提建议：2021 年…目标'). */
  named?: boolean;
  className?: string;
}

export function ProposeButton({ subject, text = '向本部提建议', named, className }: ProposeProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className ? `link-button ${className}` : 'link-button'}
        aria-label={named ? `${text}：${subject}` : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {text}
      </button>
      {open ? <ProposalDialog subject={subject} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export function HqManaged({ subject }: { subject?: string }) {
  return (
    <div className="hq-managed">
      <span className="hq-managed-note">{HQ_MANAGED}</span>
      {subject ? <ProposeButton subject={subject} /> : null}
    </div>
  );
}
