// 恢复: a backup chosen from the list, or any backup file chosen in the app's file dialog (on a USB
// stick, say), is checked with backup.check first; only a file that passed can be restored, after a
// dialog that says what will happen. The window holds the file's handle, never a path it typed.
import { useState } from 'react';
import type { BackupInfo } from '../../../domain/backups';
import { call, chooseFile, errorText } from '../api/client';
import { ErrorText } from '../ui/Alert';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { fileName, formatBytes, formatTime } from './backup-format';
import type { ChosenBackup, RestoreResult } from './backup-format';
import { RestoreDialog } from './RestoreDialog';

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'ok'; info: BackupInfo }
  | { state: 'error'; message: string };

interface Props {
  /** A backup chosen in the list: checked at once. */
  initial: ChosenBackup | null;
  onRestored: (result: RestoreResult) => void;
}

export function RestorePanel({ initial, onRestored }: Props) {
  const [chosen, setChosen] = useState<ChosenBackup | null>(initial);
  const [chooseError, setChooseError] = useState<string | null>(null);
  const checked = useLoad(
    () => (chosen ? call('backup.check', { file: chosen.handle }) : Promise.resolve(null)),
    [chosen],
  );
  const check: Check = chooseError
    ? { state: 'error', message: chooseError }
    : !chosen
      ? { state: 'idle' }
      : checked.error
        ? { state: 'error', message: checked.error }
        : checked.data
          ? { state: 'ok', info: checked.data }
          : { state: 'checking' };
  const [confirming, setConfirming] = useState(false);
  const restoring = useSubmit();

  const chooseOther = async () => {
    try {
      const file = await chooseFile({ use: 'open', kind: 'backup' });
      if (!file) return;
      setChooseError(null);
      restoring.clear();
      setChosen({ handle: file.handle, path: file.path });
    } catch (e) {
      setChooseError(errorText(e));
    }
  };

  const restore = (backup: ChosenBackup) =>
    void restoring.run(async () => {
      const result = await call('backup.restore', { file: backup.handle });
      setConfirming(false);
      onRestored(result);
    });

  return (
    <div className="settings-restore">
      <h3 className="settings-subtitle">恢复</h3>
      <p className="settings-note">
        在左侧选择一份备份，或从 U 盘等位置选择备份文件；检查通过后才能恢复。
      </p>
      <div className="settings-restore-row">
        <span className="settings-restore-file" title={chosen?.path}>
          {chosen ? chosen.path : '尚未选择备份文件'}
        </span>
        <button
          type="button"
          className="secondary-button"
          disabled={check.state === 'checking' || restoring.busy}
          onClick={() => void chooseOther()}
        >
          {check.state === 'checking' ? '正在检查……' : '选择备份文件……'}
        </button>
      </div>

      {check.state === 'error' ? (
        <p role="alert" className="settings-check settings-check-bad">
          {check.message}
        </p>
      ) : check.state === 'ok' ? (
        <div className="settings-check settings-check-good" aria-live="polite">
          <p>
            <strong>备份完好</strong>：{fileName(check.info.file)}，保存于{' '}
            {formatTime(check.info.at)}，{formatBytes(check.info.bytes)}
          </p>
        </div>
      ) : null}

      <div className="settings-actions">
        <button
          type="button"
          className="primary-button danger-button settings-restore-button"
          disabled={check.state !== 'ok' || restoring.busy}
          onClick={() => {
            restoring.clear();
            setConfirming(true);
          }}
        >
          恢复此备份……
        </button>
        {check.state !== 'ok' ? <span className="settings-note">检查通过后才能恢复。</span> : null}
      </div>
      {confirming ? null : <ErrorText error={restoring.error} className="settings-error" />}

      {confirming && check.state === 'ok' ? (
        <RestoreDialog
          backup={check.info}
          busy={restoring.busy}
          error={restoring.error}
          onConfirm={() => {
            if (chosen) restore(chosen);
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </div>
  );
}
