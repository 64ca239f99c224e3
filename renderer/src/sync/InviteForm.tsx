// 制作邀请 (本部 only): a passphrase typed twice, whether the invitation carries the zone's data,
// and whether it is for a replacement 本部 laptop (then it carries the zone's root key); then where
// to save it, in the app's save dialog. The passphrase is given to the office by phone, never with
// the file.
import { useState } from 'react';
import type { ReactNode } from 'react';
import { zoneInviteInput } from '../../../domain/sync';
import { call, chooseFile, errorText } from '../api/client';
import { ErrorText } from '../ui/Alert';
import { firstError } from '../ui/field-errors';
import { TextField } from '../ui/fields';
import { Form } from '../ui/Form';
import { ProgressBar } from '../ui/ProgressBar';
import { useSubmit } from '../ui/use-submit';
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
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [withData, setWithData] = useState(true);
  const [hq, setHq] = useState(false);
  const [tried, setTried] = useState(false);
  const inviting = useSubmit();
  const busy = inviting.busy;
  const [made, setMade] = useState<Made | null>(null);

  const passphraseInput = {
    type: 'password',
    inputClassName: 'sync-input',
    autoComplete: 'new-password',
    maxLength: 1000,
    disabled: busy,
  };
  const passError = firstError(zoneInviteInput.shape.passphrase.safeParse(passphrase), '口令无效');
  const againError = again !== passphrase ? '两次输入的口令不一致' : null;

  const submit = async () => {
    setTried(true);
    if (passError || againError) return;
    inviting.clear();
    let chosen;
    try {
      chosen = await chooseFile({
        use: 'save',
        kind: 'invitation',
        name: invitationName(zoneName, hq, new Date()),
      });
    } catch (e) {
      inviting.fail(errorText(e));
      return;
    }
    if (chosen === null) return;
    const out = chosen.handle;
    void inviting.run(async () => {
      const result = await call('zone.invite', {
        out,
        passphrase,
        ...(hq ? { hq: true } : {}),
        ...(withData ? {} : { withoutData: true }),
      });
      setMade({ file: result.file, hq, withData: result.withData });
      setPassphrase('');
      setAgain('');
      setTried(false);
    });
  };

  return (
    <div className="zone-invite">
      <Form className="zone-form" onSubmit={() => void submit()} aria-label="制作邀请">
        <div className="zone-form-pair">
          <TextField
            label="邀请口令"
            error={tried ? passError : null}
            hint="至少 8 个字符；请打电话告知对方"
            {...passphraseInput}
            value={passphrase}
            onChange={setPassphrase}
          />
          <TextField
            label="再次输入口令"
            error={tried || (again !== '' && again.length >= passphrase.length) ? againError : null}
            {...passphraseInput}
            value={again}
            onChange={setAgain}
          />
        </div>
        <Option label="含数据" checked={withData} disabled={busy} onChange={setWithData}>
          附带分区的全部数据，对方加入时一并导入（文件较大）；不勾选时，对方加入后再用同步文件接收数据
        </Option>
        <Option label="用于更换本部电脑" checked={hq} disabled={busy} onChange={setHq}>
          新电脑将持有分区根密钥，可制作邀请、吊销电脑；只在更换本部电脑时勾选
        </Option>
        <div className="zone-form-actions">
          <button type="submit" className="primary-button" disabled={busy}>
            {busy ? '正在制作……' : '制作邀请……'}
          </button>
          <button type="button" className="secondary-button" disabled={busy} onClick={onClose}>
            {made ? '完成' : '取消'}
          </button>
        </div>
        {busy ? <ProgressBar label="正在制作邀请……" /> : null}
        <ErrorText error={inviting.error} className="zone-error" />
      </Form>
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

interface OptionProps {
  label: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
  /** What choosing it means, in grey after the label. */
  children: ReactNode;
}

/** A checkbox of the invitation, its name and what it means. */
function Option({ label, checked, disabled, onChange, children }: OptionProps) {
  return (
    <label className="zone-check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>
        {label}
        <span className="zone-note">：{children}</span>
      </span>
    </label>
  );
}
