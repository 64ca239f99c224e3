// 恢复: a backup chosen from the list (or a typed path) is checked with backup.check first; only a
// file that passed can be restored, after a dialog that says what will happen.
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { BackupInfo } from '../../../domain/workspace';
import { call, errorText } from '../api/client';
import { fileName, formatBytes, formatTime } from './backup-format';
import type { RestoreResult } from './backup-format';
import { RestoreDialog } from './RestoreDialog';

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'ok'; info: BackupInfo }
  | { state: 'error'; message: string };

interface Props {
  /** A file chosen in the list: filled in and checked at once. */
  initialFile: string;
  onRestored: (result: RestoreResult) => void;
}

export function RestorePanel({ initialFile, onRestored }: Props) {
  const [path, setPath] = useState(initialFile);
  const [check, setCheck] = useState<Check>(() =>
    initialFile ? { state: 'checking' } : { state: 'idle' },
  );
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const pathId = useId();

  useEffect(() => {
    if (!initialFile) return;
    let live = true;
    call('backup.check', { file: initialFile }).then(
      (info) => live && setCheck({ state: 'ok', info }),
      (e: unknown) => live && setCheck({ state: 'error', message: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [initialFile]);

  const runCheck = async (event: FormEvent) => {
    event.preventDefault();
    const file = path.trim();
    if (file === '') {
      setCheck({ state: 'error', message: '请先在左侧列表中选择备份，或填写备份文件的完整路径' });
      return;
    }
    setCheck({ state: 'checking' });
    setRestoreError(null);
    try {
      setCheck({ state: 'ok', info: await call('backup.check', { file }) });
    } catch (e) {
      setCheck({ state: 'error', message: errorText(e) });
    }
  };

  const restore = async (info: BackupInfo) => {
    setRestoring(true);
    setRestoreError(null);
    try {
      const result = await call('backup.restore', { file: info.file });
      setConfirming(false);
      onRestored(result);
    } catch (e) {
      setRestoreError(errorText(e));
    } finally {
      setRestoring(false);
    }
  };

  return (
    <div className="settings-restore">
      <h3 className="settings-subtitle">恢复</h3>
      <p className="settings-note">
        在左侧选择一份备份，或填写备份文件的完整路径，先检查，再恢复。
      </p>
      <form className="settings-restore-form" onSubmit={runCheck} noValidate>
        <label htmlFor={pathId}>备份文件路径</label>
        <div className="settings-restore-row">
          <input
            id={pathId}
            className="settings-input settings-path-input"
            value={path}
            spellCheck={false}
            placeholder="如 D:\招商备份\20240318-093000.sqlite"
            onChange={(e) => {
              setPath(e.target.value);
              setCheck({ state: 'idle' });
              setRestoreError(null);
            }}
          />
          <button type="submit" className="secondary-button" disabled={check.state === 'checking'}>
            {check.state === 'checking' ? '正在检查……' : '检查备份'}
          </button>
        </div>
      </form>

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
          className="primary-button settings-danger-button settings-restore-button"
          disabled={check.state !== 'ok' || restoring}
          onClick={() => {
            setRestoreError(null);
            setConfirming(true);
          }}
        >
          恢复此备份……
        </button>
        {check.state !== 'ok' ? <span className="settings-note">检查通过后才能恢复。</span> : null}
      </div>
      {restoreError && !confirming ? (
        <p role="alert" className="settings-error">
          {restoreError}
        </p>
      ) : null}

      {confirming && check.state === 'ok' ? (
        <RestoreDialog
          backup={check.info}
          busy={restoring}
          error={restoreError}
          onConfirm={() => void restore(check.info)}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </div>
  );
}
