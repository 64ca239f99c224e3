// 当前用户: the name and office of whoever uses this copy (kept on this laptop only); saved with
// settings.update, then the status line reloads them.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Settings } from '../../../domain/workspace';
import { offices } from '../../../domain/vocabulary';
import { call, errorText } from '../api/client';
import { refreshAppStatus } from '../shell/use-app-status';
import { Feedback } from './Feedback';
import type { FeedbackMessage } from './Feedback';
import { SettingsSection } from './SettingsSection';

interface Props {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}

export function UserSection({ settings, onSaved }: Props) {
  const [user, setUser] = useState(settings.user ?? '');
  const [office, setOffice] = useState(settings.office ?? '');
  const [busy, setBusy] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [message, setMessage] = useState<FeedbackMessage | null>(null);
  const nameId = useId();
  const officeId = useId();

  const changed = user.trim() !== (settings.user ?? '') || office !== (settings.office ?? '');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const name = user.trim();
    if (name === '') {
      setNameError('请填写姓名');
      return;
    }
    if (name.length > 50) {
      setNameError('姓名不能超过 50 个字');
      return;
    }
    setNameError(null);
    setBusy(true);
    setMessage(null);
    try {
      const saved = await call('settings.update', { user: name, office: office || undefined });
      onSaved(saved);
      setUser(saved.user ?? name);
      refreshAppStatus();
      setMessage({ ok: true, text: '已保存' });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection
      id="settings-user"
      title="当前用户"
      hint="只保存在这台电脑上，用于记录谁做了修改。"
    >
      <form className="settings-user-form" onSubmit={save} noValidate>
        <div className="settings-field">
          <label htmlFor={nameId}>姓名</label>
          <input
            id={nameId}
            className="settings-input"
            value={user}
            maxLength={50}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${nameId}-error` : undefined}
            onChange={(e) => {
              setUser(e.target.value);
              setMessage(null);
            }}
          />
          {nameError ? (
            <span id={`${nameId}-error`} className="settings-field-error">
              {nameError}
            </span>
          ) : null}
        </div>
        <div className="settings-field">
          <label htmlFor={officeId}>驻点</label>
          <select
            id={officeId}
            className="settings-input"
            value={office}
            onChange={(e) => {
              setOffice(e.target.value);
              setMessage(null);
            }}
          >
            {office === '' ? <option value="">请选择驻点</option> : null}
            {offices.map((o) => (
              <option key={o.key} value={o.label}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="settings-actions">
          <button type="submit" className="primary-button" disabled={busy || !changed}>
            {busy ? '正在保存……' : '保存'}
          </button>
          <Feedback message={message} />
        </div>
      </form>
    </SettingsSection>
  );
}
