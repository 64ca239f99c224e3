// The question before a restore: which backup replaces the database, that a safety copy of the
// current one is kept first, and that changes made since the backup leave the working database.
import { useEffect, useRef } from 'react';
import type { BackupInfo } from '../../../domain/workspace';
import { fileName, formatBytes, formatTime } from './backup-format';

interface Props {
  backup: BackupInfo;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function RestoreDialog({ backup, busy, error, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="settings-dialog"
      aria-labelledby="settings-restore-title"
      aria-describedby="settings-restore-what"
      onCancel={(e) => {
        // Esc: the same as 取消, but not while the database is being replaced.
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="settings-restore-title">恢复备份</h2>
      <div id="settings-restore-what">
        <p>
          将用备份 <strong title={backup.file}>{fileName(backup.file)}</strong>（保存于{' '}
          {formatTime(backup.at)}，{formatBytes(backup.bytes)}）替换当前数据库。
        </p>
        <ul>
          <li>替换之前，当前数据库会先另存为一份安全副本；如果恢复错了，可以再从安全副本恢复。</li>
          <li>备份之后在本机做的修改不会出现在恢复后的数据中（它们保留在安全副本里）。</li>
          <li>恢复完成后，各页面会按恢复后的数据重新显示。</li>
        </ul>
      </div>
      {error ? (
        <p role="alert" className="settings-error">
          恢复失败：{error}
        </p>
      ) : null}
      <div className="settings-dialog-actions">
        <button type="button" className="secondary-button" disabled={busy} onClick={onCancel}>
          取消
        </button>
        <button
          type="button"
          className="primary-button settings-danger-button"
          disabled={busy}
          onClick={onConfirm}
        >
          {busy ? '正在恢复……' : '确认恢复'}
        </button>
      </div>
    </dialog>
  );
}
