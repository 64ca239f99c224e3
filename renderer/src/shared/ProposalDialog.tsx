// 向本部提建议: what to change and why, recorded as a follow-up task 「建议修改：…」 that reaches 本部
// with this laptop's next sync file; the dialog then says so. Esc or 取消 closes it unsent.
import { useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { todayIso } from '../../../domain/dates';
import type { TaskRecord } from '../../../domain/entities';
import { call } from '../api/client';
import { dayText } from '../followups/followup-dates';
import { useAppStatus } from '../shell/use-app-status';
import { ErrorText } from '../ui/Alert';
import { Dialog } from '../ui/Dialog';
import { AreaField, TextField } from '../ui/fields';
import { Form } from '../ui/Form';
import { useDraft } from '../ui/use-draft';
import { useSubmit } from '../ui/use-submit';
import { PROPOSAL_PREFIX, proposalLimits, proposalTask } from './hq-authority';
import './hq-authority.css';

interface Props {
  /** What the proposal is about, as the screen knows it: '2021 年合同外资目标'. */
  subject: string;
  onClose: () => void;
}

export function ProposalDialog({ subject: initialSubject, onClose }: Props) {
  const id = useId();
  const app = useAppStatus();
  const initial = { subject: initialSubject, what: '', why: '' };
  const form = useDraft(id, initial, { clearOnEdit: true });
  /** A field's binding with its length limit, the one proposalTask checks. */
  const field = (key: keyof typeof proposalLimits) => ({
    ...form.bind(key),
    maxLength: proposalLimits[key],
  });
  const submit = useSubmit();
  const busy = submit.busy;
  const [sent, setSent] = useState<TaskRecord | null>(null);
  const today = todayIso();

  const send = () => {
    const status = app.state === 'ready' ? app.status : null;
    const from = [status?.office, status?.user].filter(Boolean).join(' ') || '驻点';
    const made = proposalTask({ ...form.values, from, today });
    form.setErrors(made.ok ? {} : made.errors);
    if (!made.ok) return submit.clear();
    void submit.run(async () => {
      setSent(await call('task.create', made.task));
    });
  };

  // In <body>, so that a table cell's styles (nowrap, small type) do not reach the dialog.
  return createPortal(
    <Dialog
      className="dialog hq-proposal"
      labelledBy={`${id}-title`}
      onCancel={() => {
        if (!busy) onClose();
      }}
    >
      <h2 id={`${id}-title`}>{sent ? '建议已记下' : '向本部提建议'}</h2>
      {sent ? (
        <>
          <div role="status" className="hq-proposal-sent">
            <p>
              已记为待办「<strong>{sent.title}</strong>」，截止 {dayText(sent.dueOn, today)}。
            </p>
            <p>
              它会随本机下次导出给本部的同步文件送到本部，出现在本部「跟进」的待办里；本部采纳后，修改会随本部的同步文件回到本机。
            </p>
          </div>
          <div className="dialog-actions">
            <button type="button" className="primary-button" autoFocus onClick={onClose}>
              知道了
            </button>
          </div>
        </>
      ) : (
        <Form onSubmit={send}>
          <p className="hq-proposal-intro">
            本机不能直接修改这些数据。写下建议，本部会在「跟进」的待办里看到。
          </p>
          <div className="hq-proposal-fields">
            <TextField
              label="建议修改哪一项"
              {...field('subject')}
              hint={`待办标题：${PROPOSAL_PREFIX}${form.values.subject.trim()}`}
              autoComplete="off"
            />
            <AreaField
              label="建议怎样修改"
              {...field('what')}
              rows={3}
              placeholder="如：确保目标由 70,000 万美元调整为 65,000 万美元"
            />
            <AreaField
              label="理由"
              {...field('why')}
              rows={3}
              placeholder="如：两个重点项目签约推迟到明年"
            />
          </div>
          <ErrorText error={submit.error} prefix="建议未保存：" className="dialog-error" />
          <div className="dialog-actions">
            <button type="button" className="secondary-button" disabled={busy} onClick={onClose}>
              取消
            </button>
            <button type="submit" className="primary-button" disabled={busy}>
              {busy ? '正在保存……' : '记下建议'}
            </button>
          </div>
        </Form>
      )}
    </Dialog>,
    document.body,
  );
}
