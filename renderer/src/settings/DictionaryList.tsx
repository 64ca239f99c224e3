// One editable dictionary: its entries, each with 删除, and a field that adds one; read-only (an
// office laptop of a zone), its entries and a proposal to 本部 instead.
import { useId, useState } from 'react';
import { call } from '../api/client';
import { useLeaveGuard } from '../shell/leave-guard';
import { ProposeButton } from '../shared/HqManaged';
import { Form } from '../ui/Form';
import { useSubmit } from '../ui/use-submit';
import { Feedback } from './Feedback';

export type DictionaryKind = 'platform' | 'industry' | 'fair_edition';

interface Props {
  kind: DictionaryKind;
  /** 承接平台, 产业 or 展会届次. */
  label: string;
  items: readonly string[];
  /** Called after an add or remove so the lists reload. */
  onChanged: () => void;
  readOnly: boolean;
}

export function DictionaryList({ kind, label, items, onChanged, readOnly }: Props) {
  const [text, setText] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const submit = useSubmit();
  const busy = submit.busy;
  const inputId = useId();
  const headingId = useId();

  const run = (action: () => Promise<unknown>, done: string) =>
    submit.run(async () => {
      await action();
      onChanged();
      return done;
    });

  const add = async () => {
    const value = text.trim();
    if (value === '') {
      setInputError(`请填写${label}名称`);
      return false;
    }
    if (value.length > 100) {
      setInputError('名称不能超过 100 个字');
      return false;
    }
    if (items.includes(value)) {
      setInputError(`「${value}」已在列表中`);
      return false;
    }
    setInputError(null);
    const added = await run(
      () => call('dictionary.add', { kind, label: value }),
      `已添加「${value}」`,
    );
    if (added) setText('');
    return added;
  };
  useLeaveGuard({
    dirty: text.trim() !== '',
    what: `尚未添加的${label}「${text.trim()}」`,
    save: add,
  });

  const remove = (item: string) =>
    run(() => call('dictionary.remove', { kind, label: item }), `已删除「${item}」`);

  return (
    <div className="settings-dictionary">
      <h3 id={headingId} className="settings-dictionary-title">
        {label}
        <span className="settings-count">{items.length} 项</span>
      </h3>
      {items.length === 0 ? (
        <p className="empty-note settings-empty">
          {readOnly ? `本部还没有设置${label}。` : `还没有${label}：在下面输入名称后点「添加」。`}
        </p>
      ) : (
        <ul className="settings-dictionary-items" aria-labelledby={headingId}>
          {items.map((item) => (
            <li key={item}>
              <span className="settings-dictionary-item" title={item}>
                {item}
              </span>
              {readOnly ? null : (
                <button
                  type="button"
                  className="link-button settings-remove"
                  disabled={busy}
                  aria-label={`删除${label}「${item}」`}
                  onClick={() => void remove(item)}
                >
                  删除
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {readOnly ? (
        <div>
          <ProposeButton subject={`${label}字典`} text={`建议增删${label}`} />
        </div>
      ) : (
        <Form className="settings-dictionary-add" onSubmit={() => void add()}>
          <label htmlFor={inputId}>新增{label}</label>
          <input
            id={inputId}
            className="control-box settings-input"
            maxLength={100}
            value={text}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={inputError ? `${inputId}-error` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setInputError(null);
            }}
          />
          <button type="submit" className="secondary-button" disabled={busy}>
            添加
          </button>
        </Form>
      )}
      {inputError ? (
        <span id={`${inputId}-error`} className="settings-field-error">
          {inputError}
        </span>
      ) : null}
      <Feedback submit={submit} />
    </div>
  );
}
