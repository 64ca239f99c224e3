// 导入前备份: the copies of the database taken before each import (the last ten); one is checked
// with backup.check and restored with backup.restore (by the handle backup.list gave it) after the
// same dialog as in 设置.
import { useState } from 'react';
import type { BackupInfo } from '../../../domain/workspace';
import { call, errorText } from '../api/client';
import type { RestoreResult } from '../settings/backup-format';
import { fileName, formatBytes, formatTime, listedBackup } from '../settings/backup-format';
import { RestoreDialog } from '../settings/RestoreDialog';

interface Props {
  backups: readonly BackupInfo[];
  onRestored: (result: RestoreResult) => void;
}

export function PreImportBackups({ backups, onRestored }: Props) {
  const [checking, setChecking] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ info: BackupInfo; handle: string } | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async (backup: BackupInfo) => {
    const { handle } = listedBackup(backup);
    setChecking(backup.file);
    setError(null);
    try {
      setConfirm({ info: await call('backup.check', { file: handle }), handle });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setChecking(null);
    }
  };

  const restore = async (handle: string) => {
    setRestoring(true);
    setError(null);
    try {
      const result = await call('backup.restore', { file: handle });
      setConfirm(null);
      onRestored(result);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRestoring(false);
    }
  };

  return (
    <section className="sync-card" aria-labelledby="sync-backups-title">
      <h2 id="sync-backups-title" className="sync-card-title">
        导入前备份
      </h2>
      <p className="sync-hint">
        每次导入前自动保存一份，保留最近 10 份。导入有误时可恢复到导入之前。
      </p>
      {error && !confirm ? (
        <p role="alert" className="sync-error">
          {error}
        </p>
      ) : null}
      {backups.length === 0 ? (
        <p className="sync-empty">还没有导入前备份：第一次导入同步文件时会自动生成。</p>
      ) : (
        <ul className="sync-backups">
          {backups.map((b) => (
            <li key={b.file}>
              <span className="sync-nowrap">{formatTime(b.at)}</span>
              <span className="sync-note sync-ellipsis" title={b.file}>
                {fileName(b.file)}，{formatBytes(b.bytes)}
              </span>
              <button
                type="button"
                className="link-button"
                disabled={checking !== null || restoring}
                onClick={() => void choose(b)}
              >
                {checking === b.file ? '正在检查……' : '恢复……'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirm ? (
        <RestoreDialog
          backup={confirm.info}
          busy={restoring}
          error={error}
          onConfirm={() => void restore(confirm.handle)}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
    </section>
  );
}
