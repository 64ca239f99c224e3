// 本部：创建分区: the zone's name and the user; the office is 本部. app.init at 本部 creates the
// zone (its id and keys) along with the database.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { initInput } from '../../../domain/contract';
import { zoneCreateInput } from '../../../domain/sync';
import { ApiError, call, errorText } from '../api/client';
import { FormField } from '../shared/FormField';

const HQ = '本部';

interface Props {
  onCreated: (who: { user: string; office: string }) => void;
  onAlreadyDone: () => void;
}

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : (result.error?.issues[0]?.message ?? '填写有误');

export function CreateZoneForm({ onCreated, onAlreadyDone }: Props) {
  const id = useId();
  const [zoneName, setZoneName] = useState('经开区招商');
  const [user, setUser] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const nameError = firstMessage(zoneCreateInput.shape.name.safeParse(zoneName));
  const userError = firstMessage(initInput.shape.user.safeParse(user));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (nameError || userError) return;
    setBusy(true);
    setError(null);
    try {
      const status = await call('app.init', {
        user: user.trim(),
        office: HQ,
        zoneName: zoneName.trim(),
      });
      onCreated({ user: status.user ?? user.trim(), office: status.office ?? HQ });
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
    <form onSubmit={create} noValidate className="setup-form" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} className="setup-title">
        本部：创建分区
      </h1>
      <p className="setup-intro-small">
        分区只在本部的第一台电脑上创建一次。创建后，在「同步」页为各驻点的电脑制作邀请；驻点的电脑加入后，彼此的同步文件才能互相导入。
      </p>
      <FormField
        id={`${id}-zone`}
        label="分区名称"
        error={tried ? nameError : null}
        hint="各驻点加入时会看到这个名称"
      >
        {(aria) => (
          <input
            {...aria}
            className="setup-input"
            maxLength={50}
            value={zoneName}
            disabled={busy}
            onChange={(e) => setZoneName(e.target.value)}
          />
        )}
      </FormField>
      <div className="setup-pair">
        <FormField id={`${id}-user`} label="姓名" error={tried ? userError : null}>
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
        <div className="form-field">
          <span className="form-field-label">驻点</span>
          <span className="setup-fixed">{HQ}</span>
        </div>
      </div>
      <button type="submit" className="primary-button setup-start" disabled={busy}>
        {busy ? '正在创建分区……' : '创建分区'}
      </button>
      {error ? (
        <p role="alert" className="setup-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
