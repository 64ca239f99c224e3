// 暂不加入，单机使用: 姓名 and 驻点, and 「开始使用」 (app.init). The laptop works alone in a zone of
// its own until it joins 本部's zone from 同步. 本部 is not offered: at 本部, app.init creates the
// zone, which is the other way in.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { initInput } from '../../../domain/contract';
import { offices } from '../../../domain/vocabulary';
import { ApiError, call, errorText } from '../api/client';
import { FormField } from '../shared/FormField';

interface Props {
  onCreated: (who: { user: string; office: string }) => void;
  /** The database was set up meanwhile (another window): nothing to do here. */
  onAlreadyDone: () => void;
}

const fieldOffices = offices.filter((o) => o.key !== 'hq');

export function SetupForm({ onCreated, onAlreadyDone }: Props) {
  const id = useId();
  const [user, setUser] = useState('');
  const [office, setOffice] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const checked = initInput.shape.user.safeParse(user);
  const nameError = checked.success ? null : (checked.error.issues[0]?.message ?? '请填写姓名');
  const officeError = office === '' ? '请选择驻点' : null;

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (nameError || officeError) return;
    setBusy(true);
    setError(null);
    try {
      const status = await call('app.init', { user: user.trim(), office });
      onCreated({ user: status.user ?? user.trim(), office: status.office ?? office });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ALREADY_INITIALIZED') {
        onAlreadyDone();
        return;
      }
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={start} noValidate className="setup-form" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} className="setup-title">
        单机使用
      </h1>
      <p className="setup-intro-small">
        填写你的姓名和所在驻点。系统会在本机建好数据库，并装入承接平台、产业、展会届次等字典和 2021
        年度目标。收到本部的邀请后，可在「同步」页加入分区。
      </p>
      <div className="setup-pair">
        <FormField id={`${id}-user`} label="姓名" error={tried ? nameError : null}>
          {(aria) => (
            <input
              {...aria}
              className="setup-input"
              autoFocus
              maxLength={50}
              autoComplete="name"
              value={user}
              disabled={busy}
              onChange={(e) => setUser(e.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${id}-office`} label="驻点" error={tried ? officeError : null}>
          {(aria) => (
            <select
              {...aria}
              className="setup-input"
              value={office}
              disabled={busy}
              onChange={(e) => setOffice(e.target.value)}
            >
              <option value="" disabled>
                请选择驻点
              </option>
              {fieldOffices.map((o) => (
                <option key={o.key} value={o.label}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <p className="setup-intro-small">本部的电脑请返回，选「本部：创建分区」。</p>
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
