// The first-run form: a one-sentence welcome, 姓名 and 驻点, and 「开始使用」 (app.init).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { offices } from '../../../domain/vocabulary';
import { ApiError, call, errorText } from '../api/client';

interface Props {
  onCreated: (who: { user: string; office: string }) => void;
  /** The database was set up meanwhile (another window): nothing to do here. */
  onAlreadyDone: () => void;
}

export function SetupForm({ onCreated, onAlreadyDone }: Props) {
  const [user, setUser] = useState('');
  const [office, setOffice] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const name = user.trim();
  const nameError = name === '' ? '请填写姓名' : name.length > 50 ? '姓名不能超过 50 个字' : null;
  const officeError = office === '' ? '请选择驻点' : null;

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (nameError || officeError) return;
    setBusy(true);
    setError(null);
    try {
      const status = await call('app.init', { user: name, office });
      onCreated({ user: status.user ?? name, office: status.office ?? office });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ALREADY_INITIALIZED') {
        onAlreadyDone();
        return;
      }
      setError(errorText(e));
      setBusy(false);
    }
  };

  const showName = tried && nameError;
  const showOffice = tried && officeError;

  return (
    <form onSubmit={start} noValidate aria-labelledby="setup-title">
      <h1 id="setup-title" className="setup-title">
        欢迎使用
      </h1>
      <p className="setup-intro">
        这是驻点招商人员的项目台账：项目、投资方、跟进和展会线索都保存在这台电脑上，不联网也能用，各驻点之间用数据文件同步。
      </p>
      <p className="setup-intro-small">
        先填写你的姓名和所在驻点。系统会在本机建好数据库，并装入承接平台、产业、展会届次等字典和
        2021 年度目标。
      </p>
      <div className="setup-fields">
        <div className="setup-field">
          <label htmlFor="setup-user">姓名</label>
          <input
            id="setup-user"
            className="setup-input"
            autoFocus
            maxLength={50}
            autoComplete="name"
            value={user}
            aria-invalid={showName ? true : undefined}
            aria-describedby={showName ? 'setup-user-error' : undefined}
            onChange={(e) => setUser(e.target.value)}
          />
          {showName ? (
            <span id="setup-user-error" className="setup-field-error">
              {nameError}
            </span>
          ) : null}
        </div>
        <div className="setup-field">
          <label htmlFor="setup-office">驻点</label>
          <select
            id="setup-office"
            className="setup-input"
            value={office}
            aria-invalid={showOffice ? true : undefined}
            aria-describedby={showOffice ? 'setup-office-error' : undefined}
            onChange={(e) => setOffice(e.target.value)}
          >
            <option value="" disabled>
              请选择驻点
            </option>
            {offices.map((o) => (
              <option key={o.key} value={o.label}>
                {o.label}
              </option>
            ))}
          </select>
          {showOffice ? (
            <span id="setup-office-error" className="setup-field-error">
              {officeError}
            </span>
          ) : null}
        </div>
      </div>
      <button type="submit" className="primary-button setup-start" disabled={busy}>
        {busy ? '正在建立数据库……' : '开始使用'}
      </button>
      {error ? (
        <p role="alert" className="setup-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
