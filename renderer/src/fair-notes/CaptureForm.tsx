// The capture form: typed at the stand, one entry after another. Enter in any single-line field (or
// Ctrl+Enter in 备注) saves; the form clears at once for the next entry and focus goes back to 投资方,
// the fair stays selected, and 「已记录：…」 confirms the save. A failed save puts the entry back.
// An entry typed but not saved is guarded on every way out of the screen (shell/leave-guard.tsx).
// The investor's name is checked against the investors on record as it is typed (撞单).
import { useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { CaptureRecord } from '../../../domain/captures';
import type { SimilarInvestor } from '../../../domain/search';
import { call, errorText } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { DuplicateWarning } from '../investors/DuplicateWarning';
import { useNameWarning } from '../investors/similar-investors';
import { Field } from '../ui/Field';
import type { CaptureDraft, DraftErrors, DraftKey } from './capture-draft';
import { captureInput, emptyDraft, maxLengths, validateDraft } from './capture-draft';
import type { FairEdition } from './use-fair-edition';

interface Props {
  fair: FairEdition;
  /** Captures of the current fair so far. */
  count: number;
  onSaved: (capture: CaptureRecord) => void;
}

export function CaptureForm({ fair, count, onSaved }: Props) {
  const [draft, setDraft] = useState<CaptureDraft>(emptyDraft);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const investorRef = useRef<HTMLInputElement>(null);
  const saving = useRef(false);

  const set = (key: DraftKey, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };
  // A capture keeps a name only: using an existing investor writes its name, which 转为项目 finds.
  const [chosen, setChosen] = useState<SimilarInvestor | null>(null);
  const useExisting = (match: SimilarInvestor) => {
    set('investorName', match.nameZh);
    setChosen(match);
  };
  const kept = chosen !== null && chosen.nameZh === draft.investorName ? chosen : null;
  const warning = useNameWarning('fair-investorName', [draft.investorName], useExisting, kept?.id);

  /** True once saved; false when the check or the backend stopped it (shown on the form). */
  const save = async (): Promise<boolean> => {
    if (saving.current) return false;
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      investorRef.current?.focus();
      return false;
    }
    const entry = draft;
    saving.current = true;
    setFailure(null);
    // Cleared before the answer comes, so the next name can be typed straight away.
    setDraft(emptyDraft);
    investorRef.current?.focus();
    try {
      const saved = await call('capture.create', captureInput(entry, fair.current));
      setLastSaved(saved.investorName);
      onSaved(saved);
      return true;
    } catch (e) {
      setDraft(entry);
      setLastSaved(null);
      setFailure(`没有保存：${errorText(e)}`);
      return false;
    } finally {
      saving.current = false;
    }
  };

  useLeaveGuard({
    dirty: Object.values(draft).some((value) => value.trim() !== ''),
    what: '展会速记中尚未保存的一条',
    save,
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    // Enter that confirms a Chinese input method's candidate is not a save.
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return;
    const target = e.target;
    if (target instanceof HTMLTextAreaElement) {
      if (!(e.ctrlKey || e.metaKey)) return;
    } else if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) {
      return;
    }
    e.preventDefault();
    void save();
  };

  const text = (key: Exclude<DraftKey, 'note'>, label: string, placeholder?: string) => (
    <Field
      id={`fair-${key}`}
      label={label}
      error={errors[key]}
      required={key === 'investorName'}
      className="fair-field"
    >
      {(control) => (
        <input
          {...control}
          ref={key === 'investorName' ? investorRef : undefined}
          // The first thing typed at the stand is the company's name.
          autoFocus={key === 'investorName'}
          className="input focus-ring fair-input"
          type={key === 'phone' ? 'tel' : 'text'}
          value={draft[key]}
          maxLength={maxLengths[key]}
          placeholder={placeholder}
          autoComplete="off"
          onChange={(e) => set(key, e.target.value)}
          {...(key === 'investorName' ? warning.boxProps : {})}
        />
      )}
    </Field>
  );

  const editions =
    fair.current !== '' && !fair.editions.includes(fair.current)
      ? [...fair.editions, fair.current]
      : fair.editions;

  return (
    <form
      className="fair-form"
      aria-labelledby="fair-form-title"
      noValidate
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
    >
      <div className="fair-form-head">
        <h2 id="fair-form-title" className="fair-heading">
          现场速记
        </h2>
        <span className="tag accent fair-counter">本场已记 {count} 条</span>
      </div>
      {text('investorName', '投资方', '企业名称，中英文均可')}
      {kept ? <p className="fair-chosen">已选用已有投资方「{kept.nameZh}」。</p> : null}
      <DuplicateWarning
        warning={warning}
        useLabel="使用此投资方"
        help="下列已有投资方的名称与填写的相近。若是同一家，请点「使用此投资方」，按它的名称记下。"
        onUse={useExisting}
      />
      {text('contactName', '联系人', '姓名、职务')}
      <div className="two-columns">
        {text('phone', '电话')}
        {text('wechat', '微信')}
      </div>
      {text('interest', '投资意向', '产业、规模、选址要求等')}
      <Field id="fair-fairEdition" label="展会届次" className="fair-field">
        {(control) => (
          <select
            {...control}
            className="input focus-ring fair-input"
            value={fair.current}
            onChange={(e) => fair.choose(e.target.value)}
          >
            <option value="">（不填）</option>
            {editions.map((edition) => (
              <option key={edition} value={edition}>
                {edition}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="fair-note" label="备注" className="fair-field">
        {(control) => (
          <textarea
            {...control}
            className="input textarea focus-ring fair-input fair-note"
            rows={3}
            value={draft.note}
            maxLength={maxLengths.note}
            onChange={(e) => set('note', e.target.value)}
          />
        )}
      </Field>
      <div className="fair-actions">
        <button type="submit" className="primary-button">
          保存
        </button>
        <span className="fair-hint">
          按 <kbd>Enter</kbd> 保存，备注中按 <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
        </span>
      </div>
      <p className="fair-feedback" aria-live="polite">
        {failure ? (
          <span className="fair-failure">{failure}</span>
        ) : lastSaved ? (
          <span className="fair-saved" title={`已记录：${lastSaved}`}>
            <span aria-hidden="true">✓ </span>已记录：{lastSaved}
          </span>
        ) : null}
      </p>
    </form>
  );
}
