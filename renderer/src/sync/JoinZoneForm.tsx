// 用邀请加入分区: the invitation file 本部 made (chosen in the app's open dialog, never named by the
// window), the passphrase 本部 gave by phone, and on the first run the user and office too. Joining
// (zone.join) opens the invitation and imports the zone's data it carries, with the import's
// progress on a bar; on the first run app.init follows. A wrong passphrase or a file that is no
// invitation is said by the field it concerns, and both can be corrected and tried again.
import { useId, useState } from 'react';
import type { AppStatus } from '../../../domain/contract';
import { initInput } from '../../../domain/contract';
import type { ChosenFile } from '../../../domain/file-choice';
import type { SyncImportReport, ZoneStatus } from '../../../domain/sync';
import { zoneJoinInput } from '../../../domain/sync';
import { ApiError, call, chooseFile, errorText } from '../api/client';
import { ErrorText } from '../ui/Alert';
import { Field } from '../ui/Field';
import { firstError } from '../ui/field-errors';
import { SelectField, TextField } from '../ui/fields';
import { Form } from '../ui/Form';
import { ProgressBar } from '../ui/ProgressBar';
import './zone.css';
import { officeNames } from '../shared/office-names';

export interface Joined {
  zone: ZoneStatus;
  imported: SyncImportReport | null;
  /** The laptop's status after app.init (first run only). */
  status: AppStatus | null;
}

interface Props {
  /** First run: also asks 姓名 and 驻点, and sets the laptop up (app.init) once it has joined. */
  identity: boolean;
  /** The class of the text inputs, as the surrounding screen draws them. */
  inputClass: string;
  onJoined: (joined: Joined) => void;
  /** The laptop was set up meanwhile (another window). */
  onAlreadyDone?: () => void;
  /** Shows 取消 beside 加入分区. */
  onCancel?: () => void;
  /** Hears when joining starts, and whether the laptop is left joined (no way back then). */
  onCommitted?: (committed: boolean) => void;
}

const fileErrors = new Set(['INVITATION_INVALID', 'FILE_NOT_FOUND', 'FILE_NOT_CHOSEN']);

export function JoinZoneForm({
  identity,
  inputClass,
  onJoined,
  onAlreadyDone,
  onCommitted,
  onCancel,
}: Props) {
  const id = useId();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [user, setUser] = useState('');
  const [office, setOffice] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState<'joining' | 'starting' | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [passError, setPassError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Joined already (app.init failed after): a retry only sets the laptop up. */
  const [joined, setJoined] = useState<Omit<Joined, 'status'> | null>(null);

  const local = {
    file: file === null ? '请选择邀请文件' : null,
    passphrase: firstError(zoneJoinInput.shape.passphrase.safeParse(passphrase)),
    user: identity ? firstError(initInput.shape.user.safeParse(user)) : null,
    office: identity && office === '' ? '请选择驻点' : null,
  };
  // Until the first 「加入分区」 nothing is flagged; the backend's word on the file or passphrase
  // stays by its field until that field changes.
  const shown = (problem: string | null, refused: string | null = null) =>
    tried ? (problem ?? refused) : null;

  const pick = async () => {
    setError(null);
    try {
      const chosen = await chooseFile({ use: 'open', kind: 'invitation' });
      if (chosen) {
        setFile(chosen);
        setFileError(null);
      }
    } catch (e) {
      setError(errorText(e));
    }
  };

  const submit = async () => {
    setTried(true);
    if (!file || Object.values(local).some(Boolean)) return;
    setError(null);
    setFileError(null);
    setPassError(null);
    let done = joined;
    if (!done) {
      setBusy('joining');
      onCommitted?.(true);
      try {
        done = await call('zone.join', { file: file.handle, passphrase });
        setJoined(done);
      } catch (e) {
        setBusy(null);
        onCommitted?.(false);
        if (e instanceof ApiError && e.code === 'INVITATION_BAD_PASSPHRASE') {
          setPassError(`${e.message}：请核对本部电话告知的口令（区分大小写、全角半角）`);
        } else if (e instanceof ApiError && fileErrors.has(e.code)) {
          setFileError(`${e.message}：请确认选的是本部制作的 .zsinvite 文件`);
        } else {
          setError(errorText(e));
        }
        return;
      }
    }
    let status: AppStatus | null = null;
    if (identity) {
      setBusy('starting');
      try {
        status = await call('app.init', { user: user.trim(), office });
      } catch (e) {
        setBusy(null);
        if (e instanceof ApiError && e.code === 'ALREADY_INITIALIZED' && onAlreadyDone) {
          onAlreadyDone();
          return;
        }
        setError(`已加入分区，但建立本机数据库失败：${errorText(e)}`);
        return;
      }
    }
    setBusy(null);
    onJoined({ ...done, status });
  };

  const locked = busy !== null;

  return (
    <Form className="zone-form" onSubmit={() => void submit()} aria-label="用邀请加入分区">
      <Field
        id={`${id}-file`}
        label="邀请文件"
        error={shown(local.file, fileError)}
        announce={fileError !== null}
        hint="本部制作的 .zsinvite 文件（U 盘或邮件附件）"
      >
        {(control) => (
          <div className="zone-file">
            <button
              {...control}
              // Named by what it shows (and the file chosen), not by the field's label alone.
              aria-labelledby={`${id}-pick ${id}-picked`}
              type="button"
              className="secondary-button"
              disabled={locked || joined !== null}
              onClick={() => void pick()}
            >
              <span id={`${id}-pick`}>{file ? '另选……' : '选择邀请文件……'}</span>
            </button>
            <span
              id={`${id}-picked`}
              className={file ? 'zone-file-name' : 'zone-file-name zone-muted'}
              title={file?.path}
            >
              {file ? file.name : '尚未选择'}
            </span>
          </div>
        )}
      </Field>
      <TextField
        label="邀请口令"
        error={shown(local.passphrase, passError)}
        announce={passError !== null}
        hint="本部另行电话告知，不随文件发送"
        type="password"
        inputClassName={inputClass}
        value={passphrase}
        autoComplete="off"
        maxLength={1000}
        disabled={locked || joined !== null}
        onChange={(value) => {
          setPassphrase(value);
          setPassError(null);
        }}
      />
      {identity ? (
        <div className="zone-form-pair">
          <TextField
            label="姓名"
            error={shown(local.user)}
            inputClassName={inputClass}
            value={user}
            maxLength={50}
            autoComplete="name"
            disabled={locked}
            onChange={setUser}
          />
          <SelectField
            label="驻点"
            error={shown(local.office)}
            inputClassName={inputClass}
            choices={officeNames}
            none={{ label: '请选择驻点', disabled: true }}
            value={office}
            disabled={locked}
            onChange={setOffice}
          />
        </div>
      ) : null}
      <div className="zone-form-actions">
        <button type="submit" className="primary-button" disabled={locked}>
          {busy === 'joining'
            ? '正在加入……'
            : busy === 'starting'
              ? '正在建立数据库……'
              : joined
                ? '完成设置'
                : '加入分区'}
        </button>
        {onCancel && !joined ? (
          <button type="button" className="secondary-button" disabled={locked} onClick={onCancel}>
            取消
          </button>
        ) : null}
        {joined && !busy ? (
          <span className="zone-note">已加入分区「{joined.zone.name}」</span>
        ) : null}
      </div>
      {busy === 'joining' ? <ProgressBar label="正在核对口令、打开邀请……" /> : null}
      <ErrorText error={error} className="zone-error" />
    </Form>
  );
}
