// The backups folder's copies, newest first: time, file, size, who made it, and 「选择」 for 恢复.
import type { BackupInfo } from '../../../domain/backups';
import { DataTable } from '../ui/DataTable';
import {
  backupKind,
  backupKindLabels,
  fileName,
  folderOf,
  formatBytes,
  formatTime,
} from './backup-format';

const head = {
  label: '备份列表',
  columns: ['时间', '文件', { label: '大小', num: true }, '类型', { label: '操作', hidden: true }],
};

interface Props {
  backups: readonly BackupInfo[];
  /** The file chosen for 恢复, marked in the list. */
  chosen: string | null;
  onChoose: (backup: BackupInfo) => void;
}

export function BackupList({ backups, chosen, onChoose }: Props) {
  if (backups.length === 0) {
    return (
      <p className="empty-note settings-empty">
        还没有备份。点「立即备份」保存一份；之后应用每天自动备份时也会列在这里。
      </p>
    );
  }
  const folder = folderOf(backups[0]!.file);
  return (
    <>
      <DataTable
        className="settings-table settings-backup-table"
        scroll="settings-backup-scroll"
        head={head}
      >
        {backups.map((b) => (
          <tr key={b.file} className={b.file === chosen ? 'settings-chosen' : undefined}>
            <td className="settings-nowrap">{formatTime(b.at)}</td>
            <td className="settings-file" title={b.file}>
              {fileName(b.file)}
            </td>
            <td className="num settings-nowrap">{formatBytes(b.bytes)}</td>
            <td className="settings-nowrap">
              <span className={`tag settings-tag-${backupKind(b.file)}`}>
                {backupKindLabels[backupKind(b.file)]}
              </span>
            </td>
            <td className="settings-nowrap">
              <button
                type="button"
                className="link-button"
                aria-label={`选择 ${fileName(b.file)} 用于恢复`}
                onClick={() => onChoose(b)}
              >
                选择
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      {folder ? (
        <p className="settings-note settings-folder" title={folder}>
          备份文件夹：{folder}
        </p>
      ) : null}
    </>
  );
}
