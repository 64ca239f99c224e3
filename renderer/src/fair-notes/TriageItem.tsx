// One capture in the triage list: what was noted, and for a new one the three ways to settle it —
// 转为项目 (a new 展会 project, name editable first; with the 撞单 warning when the captured name
// resembles investors on record, and 使用此投资方 to put the project under one), 归入已有项目
// (pick a project), 忽略.
import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CaptureRecord } from '../../../domain/captures';
import type { SimilarInvestor } from '../../../domain/search';
import { DuplicateWarning } from '../investors/DuplicateWarning';
import { useNameWarning } from '../investors/similar-investors';
import { call } from '../api/client';
import { ErrorText } from '../ui/Alert';
import { composing } from '../ui/combobox';
import { ProjectPicker } from '../ui/ProjectPicker';
import { useSubmit } from '../ui/use-submit';
import { capturedDay, contactLine, statusLabels } from './capture-format';
import { GoButton } from '../ui/GoButton';

/** What an action did, for the note above the list. */
export interface Outcome {
  text: string;
  projectId?: string;
}

interface Props {
  capture: CaptureRecord;
  onDone: (outcome: Outcome) => void;
}

type Mode = 'idle' | 'convert' | 'attach';

export function TriageItem({ capture, onDone }: Props) {
  const [mode, setMode] = useState<Mode>('idle');
  const [projectName, setProjectName] = useState(`${capture.investorName}项目`);
  /** An investor on record chosen instead of the captured name (the 撞单 warning). */
  const [investor, setInvestor] = useState<SimilarInvestor | null>(null);
  const submit = useSubmit();
  const busy = submit.busy;
  const idPrefix = `fair-capture-${capture.id}`;
  const convertButton = useRef<HTMLButtonElement>(null);
  const attachButton = useRef<HTMLButtonElement>(null);
  /** The buttons that open (and close) the two panels. */
  const openers = [
    { mode: 'convert', label: '转为项目', ref: convertButton },
    { mode: 'attach', label: '归入已有项目', ref: attachButton },
  ] as const;

  /** Closes the open panel; focus goes back to the button that opened it. */
  const close = () => {
    (mode === 'attach' ? attachButton : convertButton).current?.focus();
    setMode('idle');
    submit.clear();
  };

  /** The item leaves the list (or changes) once the list reloads: it stays busy till then. */
  const run = (action: () => Promise<Outcome>) =>
    void submit.run(async () => onDone(await action()), { keepBusy: true });

  const warning = useNameWarning(
    `${idPrefix}-investor`,
    mode === 'convert' && investor === null ? [capture.investorName] : [],
    setInvestor,
  );

  const convert = () => {
    const name = projectName.trim();
    if (name === '') {
      submit.fail('请填写项目名称');
      return;
    }
    run(async () => {
      const project = await call('capture.convert', {
        id: capture.id,
        projectName: name,
        ...(investor ? { investorId: investor.id } : {}),
      });
      return { text: `已转为项目：${project.name}`, projectId: project.id };
    });
  };

  const onConvertKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // The warning's keys first: ↑ ↓ Enter pick an investor, the first Esc folds its list.
    warning.boxProps.onKeyDown(e);
    if (composing(e) || e.defaultPrevented) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      if (!busy) convert();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  const contact = contactLine(capture);
  const isNew = capture.status === 'new';

  return (
    <li className={`fair-item fair-item-${capture.status}`}>
      <div className="fair-item-body">
        <div className="fair-item-title">
          <span className="fair-item-name" title={capture.investorName}>
            {capture.investorName}
          </span>
          {isNew ? null : (
            <span className={`tag fair-badge fair-badge-${capture.status}`}>
              {statusLabels[capture.status]}
            </span>
          )}
        </div>
        {contact ? (
          <div className="fair-item-line" title={contact}>
            {contact}
          </div>
        ) : null}
        {capture.interest ? (
          <div className="fair-item-line" title={capture.interest}>
            意向：{capture.interest}
          </div>
        ) : null}
        {capture.note ? (
          <div className="fair-item-line fair-muted" title={capture.note}>
            备注：{capture.note}
          </div>
        ) : null}
        <div className="fair-item-line fair-muted">
          {[capturedDay(capture.capturedOn), capture.fairEdition].filter(Boolean).join(' · ')}
        </div>
      </div>
      <div className="fair-item-actions">
        {isNew ? (
          <>
            {openers.map((opener) => (
              <button
                key={opener.mode}
                ref={opener.ref}
                type="button"
                className="secondary-button fair-small-button"
                disabled={busy}
                aria-expanded={mode === opener.mode}
                onClick={() => setMode(mode === opener.mode ? 'idle' : opener.mode)}
              >
                {opener.label}
              </button>
            ))}
            <button
              type="button"
              className="link-button fair-dismiss"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await call('capture.dismiss', { id: capture.id });
                  return { text: `已忽略：${capture.investorName}` };
                })
              }
            >
              忽略
            </button>
          </>
        ) : capture.projectId ? (
          <GoButton className="link-button" to={{ screen: 'project', id: capture.projectId }}>
            打开项目
          </GoButton>
        ) : null}
      </div>
      {mode === 'convert' && isNew ? (
        <div className="fair-item-panel">
          <div className="fair-convert">
            <label htmlFor={`${idPrefix}-name`} className="fair-label">
              项目名称
            </label>
            <input
              {...warning.boxProps}
              id={`${idPrefix}-name`}
              className="input focus-ring fair-input"
              type="text"
              maxLength={200}
              // Opened on purpose by 转为项目: the name is ready to confirm or edit.
              autoFocus
              onFocus={(e) => e.target.select()}
              value={projectName}
              onChange={(e) => setProjectName(e.target.value)}
              onKeyDown={onConvertKey}
            />
            <button
              type="button"
              className="primary-button fair-small-button"
              disabled={busy}
              onClick={convert}
            >
              确定转为项目
            </button>
            <button type="button" className="secondary-button fair-small-button" onClick={close}>
              取消
            </button>
          </div>
          {investor ? (
            <p className="fair-chosen">
              投资方：使用已有「{investor.nameZh}」，不新建「{capture.investorName}」。
              <button type="button" className="link-button" onClick={() => setInvestor(null)}>
                改回按速记名称
              </button>
            </p>
          ) : null}
          <DuplicateWarning
            warning={warning}
            useLabel="使用此投资方"
            help={`速记的投资方「${capture.investorName}」与下列已有投资方相近。若是同一家，请点「使用此投资方」，项目记在它名下，不再新建投资方。`}
            onUse={setInvestor}
          />
        </div>
      ) : null}
      {mode === 'attach' && isNew ? (
        <div className="fair-item-panel">
          <ProjectPicker
            control={{ id: `${idPrefix}-q` }}
            label="查找项目"
            initialQuery={capture.investorName}
            autoFocus
            busy={busy}
            noMatchHint="或改用「转为项目」新建。"
            onCancel={close}
            onPick={(project) =>
              run(async () => {
                await call('capture.attach', { id: capture.id, projectId: project.id });
                return { text: `已归入项目：${project.name}`, projectId: project.id };
              })
            }
          />
        </div>
      ) : null}
      <ErrorText error={submit.error} className="fair-error fair-item-error" />
    </li>
  );
}
