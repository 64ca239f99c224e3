// One disputed subject on 首报首谈认定: its name (opening its page), the holder and each challenger
// side by side, and — at 本部 — a note and 「认定此方」 under each side.
import { useId, useState } from 'react';
import type { ArbitrationCase, ArbitrationSide } from '../../../domain/claims';
import { MAX_REPORTED } from '../../../domain/claims';
import { call } from '../api/client';
import { ErrorText } from '../ui/Alert';
import { GoButton } from '../ui/GoButton';
import { useSubmit } from '../ui/use-submit';
import { claimantText, officeLabel } from './claim-format';

interface Props {
  item: ArbitrationCase;
  name: string;
  readOnly: boolean;
  onDecided: (text: string) => void;
}

const kindLabel = { investor: '投资方', project: '项目' } as const;

export function ArbitrationCard({ item, name, readOnly, onDecided }: Props) {
  const noteId = useId();
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const decide = (side: ArbitrationSide) =>
    void submit.run(async () => {
      await call('claim.decide', {
        claimId: side.id,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onDecided(`已认定「${name}」由 ${claimantText(side)} 持有。`);
    });
  const sides = [
    { side: item.holder, label: '目前持有（最先登记）' },
    ...item.challengers.map((side) => ({ side, label: '提出异议' })),
  ];

  return (
    <li className="card arbitration-case" aria-label={`${kindLabel[item.subjectKind]}：${name}`}>
      <div className="arbitration-head">
        <span className="tag">{kindLabel[item.subjectKind]}</span>
        <GoButton
          className="link-button arbitration-name"
          title={name}
          to={{ screen: item.subjectKind, id: item.subjectId }}
        >
          {name}
        </GoButton>
        {/* The counts are the subject's, the same on every side: said once. */}
        <span className="muted-text arbitration-counts">
          {item.subjectKind === 'investor' ? `项目 ${item.holder.projects} 个 · ` : ''}活动记录{' '}
          {item.holder.activities} 条
        </span>
      </div>
      <div className="arbitration-sides">
        {sides.map(({ side, label }) => (
          <div
            key={side.id}
            className="arbitration-side"
            aria-label={`${label}：${claimantText(side)}`}
          >
            <span className="muted-text">{label}</span>
            <strong className="arbitration-who">
              {officeLabel(side.officeId)} · {side.promoterName ?? '（未填招商人员）'}
            </strong>
            <span>首报日期：{side.claimedOn ?? '未填'}</span>
            <span className="arbitration-reported" title={side.reported ?? undefined}>
              报送内容：{side.reported || '（未填）'}
            </span>
            {readOnly ? null : (
              <button
                type="button"
                className="secondary-button arbitration-decide"
                disabled={submit.busy}
                aria-label={`认定 ${claimantText(side)} 持有`}
                onClick={() => decide(side)}
              >
                认定此方
              </button>
            )}
          </div>
        ))}
      </div>
      {readOnly ? null : (
        <div className="arbitration-note-field">
          <label htmlFor={noteId} className="field-label">
            认定说明（可不填）
          </label>
          <input
            id={noteId}
            className="input"
            value={note}
            maxLength={MAX_REPORTED}
            placeholder="如：经核对拜访记录，北京驻点 3 月已接洽"
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      )}
      <ErrorText error={submit.error} prefix="认定失败：" />
    </li>
  );
}
