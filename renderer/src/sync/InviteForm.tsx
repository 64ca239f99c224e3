// 制作邀请 (本部 only): a passphrase typed twice, whether the invitation carries the zone's data,
// and whether it is for a replacement 本部 laptop (then it carries the zone's root key); then where
// to save it, in the app's save dialog. The passphrase is given to the office by phone, never with
// the file.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { zoneInviteInput } from '../../../domain/sync';
import { call, chooseFile, errorText } from '../api/client';
import { TaskProgressBar } from '../ledger-excel/TaskProgressBar';
import { useTaskProgress } from '../ledger-excel/use-task-progress';
import { FormField } from '../shared/FormField';
import { invitationName } from './zone-format';

interface Props {
  zoneName: string;
  onClose: () => void;
}

interface Made {
  file: string;
  hq: boolean;
  withData: boolean;
}

export function InviteForm({ zoneName, onClose }: Props) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [withData, setWithData] = useState(true);
  const [hq, setHq] = useState(false);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const progress = useTaskProgress(busy);

  const checked = zoneInviteInput.shape.passphrase.safeParse(passphrase);
  const passError = checked.success ? null : (checked.error.issues[0]?.message ?? '口令无效');
  const againError = again !== passphrase ? '两次输入的口令不一致' : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (passError || againError) return;
    setError(null);
    let chosen;
    try {
      chosen = await chooseFile({
        use: 'save',
        kind: 'invitation',
        name: invitationName(zoneName, hq, new Date()),
      });
    } catch (e) {
      setError(errorText(e));
      return;
    }
    if (chosen === null) return;
    setBusy(true);
    try {
      const result = await call('zone.invite', {
        out: chosen.handle,
        passphrase,
        ...(hq ? { hq: true } : {}),
        ...(withData ? {} : { withoutData: true }),
      });
      setMade({ file: result.file, hq, withData: result.withData });
      setPassphrase('');
      setAgain('');
      setTried(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="zone-invite">
      <form className="zone-form" onSubmit={submit} noValidate aria-label="制作邀请">
        <div className="zone-form-pair">
          <FormField
            id={`${id}-pass`}
            label="邀请口令"
            error={tried ? passError : null}
            hint="至少 8 个字符；请打电话告知对方"
          >
            {(aria) => (
              <input
                {...aria}
                type="password"
                className="sync-input"
                value={passphrase}
                autoComplete="new-password"
                maxLength={1000}
                disabled={busy}
                onChange={(e) => setPassphrase(e.target.value)}
              />
            )}
          </FormField>
          <FormField
            id={`${id}-again`}
            label="再次输入口令"
            error={tried || (again !== '' && again.length >= passphrase.length) ? againError : null}
          >
            {(aria) => (
              <input
                {...aria}
                type="password"
                className="sync-input"
                value={again}
                autoComplete="new-password"
                maxLength={1000}
                disabled={busy}
                onChange={(e) => setAgain(e.target.value)}
              />
            )}
          </FormField>
        </div>
        <label className="zone-check">
          <input
            type="checkbox"
            checked={withData}
            disabled={busy}
            onChange={(e) => setWithData(e.target.checked)}
          />
          <span>
            含数据
            <span className="zone-note">
              ：附带分区的全部数据，对方加入时一并导入（文件较大）；不勾选时，对方加入后再用同步文件接收数据
            </span>
          </span>
        </label>
        <label className="zone-check">
          <input
            type="checkbox"
            checked={hq}
            disabled={busy}
            onChange={(e) => setHq(e.target.checked)}
          />
          <span>
            用于更换本部电脑
            <span className="zone-note">
              ：新电脑将持有分区根密钥，可制作邀请、吊销电脑；只在更换本部电脑时勾选
            </span>
          </span>
        </label>
        <div className="zone-form-actions">
          <button type="submit" className="primary-button" disabled={busy}>
            {busy ? '正在制作……' : '制作邀请……'}
          </button>
          <button type="button" className="secondary-button" disabled={busy} onClick={onClose}>
            {made ? '完成' : '取消'}
          </button>
        </div>
        {busy ? <TaskProgressBar progress={progress} label="正在制作邀请……" /> : null}
        {error ? (
          <p role="alert" className="zone-error">
            {error}
          </p>
        ) : null}
      </form>
      {made ? (
        <div className="sync-result" aria-live="polite">
          <p>
            <strong>已制作邀请</strong>
            {made.hq ? '（更换本部电脑用，含分区根密钥）' : '（驻点用）'}
            {made.withData ? '，含数据' : '，不含数据'}
          </p>
          <p className="sync-path" title={made.file}>
            已保存到 {made.file}
          </p>
          <p className="zone-note">
            把文件交给对方（U 盘或邮件附件）；口令请打电话告知，不要与文件一起发送。
            {made.hq ? '这份邀请能让持有者成为本部，请当面交接，用后删除。' : ''}
          </p>
        </div>
      ) : null}
    </div>
  );
}
