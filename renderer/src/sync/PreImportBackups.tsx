// 导入前备份: the copies of the database taken before each import (the last ten); one is checked
// with backup.check and restored with backup.restore (by the handle backup.list gave it) after the
// same dialog as in 设置.
import { useState } from 'react';
import type { BackupInfo } from '../../../domain/backups';
import { call } from '../api/client';
import type { RestoreResult } from '../settings/backup-format';
import { fileName, formatBytes, formatTime, listedBackup } from '../settings/backup-format';
import { RestoreDialog } from '../settings/RestoreDialog';
import { ErrorText } from '../ui/Alert';
import { Card } from '../ui/Card';
import { EmptyNote } from '../ui/EmptyState';
import { useSubmit } from '../ui/use-submit';

interface Props {
  backups: readonly BackupInfo[];
  onRestored: (result: RestoreResult) => void;
}

export function PreImportBackups({ backups, onRestored }: Props) {
  const check = useSubmit();
  /** The backup being checked. */
  const [checking, setChecking] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ info: BackupInfo; handle: string } | null>(null);
  const restoring = useSubmit();

  const choose = (backup: BackupInfo) => {
    const { handle } = listedBackup(backup);
    setChecking(backup.file);
    restoring.clear();
    void check.run(async () => {
      setConfirm({ info: await call('backup.check', { file: handle }), handle });
    });
  };

  const restore = (handle: string) =>
    void restoring.run(async () => {
      const result = await call('backup.restore', { file: handle });
      setConfirm(null);
      onRestored(result);
    });

  return (
    <Card id="sync-backups" title="导入前备份" className="sync-card">
      <p className="sync-hint">
        每次导入前自动保存一份，保留最近 10 份。导入有误时可恢复到导入之前。
      </p>
      {confirm ? null : <ErrorText error={check.error ?? restoring.error} className="sync-error" />}
      {backups.length === 0 ? (
        <EmptyNote className="sync-empty">
          还没有导入前备份：第一次导入同步文件时会自动生成。
        </EmptyNote>
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
                disabled={check.busy || restoring.busy}
                onClick={() => choose(b)}
              >
                {check.busy && checking === b.file ? '正在检查……' : '恢复……'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirm ? (
        <RestoreDialog
          backup={confirm.info}
          busy={restoring.busy}
          error={restoring.error}
          onConfirm={() => restore(confirm.handle)}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
    </Card>
  );
}
