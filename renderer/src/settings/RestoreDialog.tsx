// The question before a restore: which backup replaces the database, that a safety copy of the
// current one is kept first, and that changes made since the backup leave the working database.
import type { BackupInfo } from '../../../domain/backups';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import type { ConfirmWiring } from '../shared/ConfirmDialog';
import { ProgressBar } from '../ui/ProgressBar';
import { fileName, formatBytes, formatTime } from './backup-format';

interface Props extends ConfirmWiring {
  backup: BackupInfo;
}

export function RestoreDialog({ backup, ...wiring }: Props) {
  return (
    <ConfirmDialog {...wiring} title="恢复备份" verb="恢复">
      <p>
        将用备份 <strong title={backup.file}>{fileName(backup.file)}</strong>（保存于{' '}
        {formatTime(backup.at)}，{formatBytes(backup.bytes)}）替换当前数据库。
      </p>
      <ul>
        <li>替换之前，当前数据库会先另存为一份安全副本；如果恢复错了，可以再从安全副本恢复。</li>
        <li>备份之后在本机做的修改不会出现在恢复后的数据中（它们保留在安全副本里）。</li>
        <li>恢复完成后，各页面会按恢复后的数据重新显示。</li>
      </ul>
      {wiring.busy ? <ProgressBar label="正在恢复备份……" /> : null}
    </ConfirmDialog>
  );
}
