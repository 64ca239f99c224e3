// 恢复: a backup chosen from the list, or any backup file dropped here or chosen with 「选择文件……」
// (on a USB stick, say), is checked with backup.check first; only a file that passed can be
// restored, after a dialog that says what will happen. A file from outside goes as bytes
// (backup.importData), which the backend keeps in the backups folder only once they check out as a
// backup; the window holds handles, never a path it typed.
import { useState } from 'react';
import { MAX_BACKUP_UPLOAD_BYTES } from '../../../domain/backups';
import type { BackupInfo } from '../../../domain/backups';
import { call, errorText } from '../api/client';
import { FileDropZone } from '../shared/FileDropZone';
import { fileToBase64 } from '../sync/file-bytes';
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
  /** A file from outside was kept in the backups folder: the list has one more. */
  onImported: () => void;
  onRestored: (result: RestoreResult) => void;
}

export function RestorePanel({ initial, onImported, onRestored }: Props) {
  const [chosen, setChosen] = useState<ChosenBackup | null>(initial);
  const [chooseError, setChooseError] = useState<string | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const checked = useLoad(
    () => (chosen ? call('backup.check', { file: chosen.handle }) : Promise.resolve(null)),
    [chosen],
  );
  const check: Check = sending
    ? { state: 'checking' }
    : chooseError
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

  const take = async (file: File | undefined) => {
    if (!file || sending || restoring.busy) return;
    restoring.clear();
    setChosen(null);
    if (file.size > MAX_BACKUP_UPLOAD_BYTES) {
      setChooseError(`「${file.name}」过大（超过 256 MB），请用命令行恢复`);
      return;
    }
    setChooseError(null);
    setSending(file.name);
    try {
      const kept = await call('backup.importData', {
        name: file.name,
        dataBase64: await fileToBase64(file),
        modifiedMs: file.lastModified,
      });
      setChosen({ handle: kept.handle ?? '', path: kept.file, name: file.name });
      onImported();
    } catch (e) {
      setChooseError(errorText(e));
    } finally {
      setSending(null);
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
        在左侧列表中点「选择」，或把 U 盘等位置的备份文件（.sqlite）拖到下面；检查通过后才能恢复。
      </p>
      <FileDropZone
        className="settings-restore-drop"
        busy={check.state === 'checking' || restoring.busy}
        accept=".sqlite"
        inputLabel="选择备份文件"
        onFile={(file) => void take(file)}
      >
        <p
          className="settings-restore-file"
          title={chosen?.path}
          role={check.state === 'checking' ? 'status' : undefined}
        >
          {sending
            ? `正在检查「${sending}」……`
            : chosen
              ? (chosen.name ?? fileName(chosen.path))
              : '把备份文件拖到这里，或'}
        </p>
      </FileDropZone>

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
