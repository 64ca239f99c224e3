// 备份与恢复: 「立即备份」 copies the database to the backups folder; the list shows every copy,
// newest first, the app's daily ones marked 自动; 恢复 takes one of them (or a file dropped or
// chosen there, which is checked and then listed too).
import { useState } from 'react';
import { call } from '../api/client';
import { ErrorText } from '../ui/Alert';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { Card } from '../ui/Card';
import { ProgressBar } from '../ui/ProgressBar';
import { BackupList } from './BackupList';
import { fileName, formatBytes, listedBackup, newestFirst } from './backup-format';
import type { ChosenBackup, RestoreResult } from './backup-format';
import { Feedback } from './Feedback';
import { RestorePanel } from './RestorePanel';

export function BackupSection({ onRestored }: { onRestored: (result: RestoreResult) => void }) {
  const list = useLoad(() => call('backup.list').then(newestFirst), []);
  const backup = useSubmit();
  const [chosen, setChosen] = useState<{ backup: ChosenBackup; pick: number } | null>(null);
  const backups = list.data;
  const reload = list.reload;

  const backupNow = () =>
    void backup.run(async () => {
      const made = await call('backup.create');
      reload();
      return `已备份：${fileName(made.file)}（${formatBytes(made.bytes)}）`;
    });

  return (
    <Card
      id="settings-backup"
      title="备份与恢复"
      hint="备份是整个数据库的一份完整副本，可以复制到 U 盘或其他电脑保存。应用每天自动备份一次：最近 7 天的每天保留，8 周内每周保留一份，一年内每 30 天保留一份；手动备份不会自动删除。"
      className="settings-card settings-wide"
    >
      <div className="settings-actions">
        <button type="button" className="primary-button" disabled={backup.busy} onClick={backupNow}>
          {backup.busy ? '正在备份……' : '立即备份'}
        </button>
        {backup.busy ? <ProgressBar label="正在备份……" /> : <Feedback submit={backup} />}
      </div>
      <div className="settings-backup-grid">
        <div className="settings-backup-list">
          <h3 className="settings-subtitle">已有备份</h3>
          {list.error ? (
            <ErrorText
              error={list.error}
              prefix="备份列表读取失败："
              onRetry={reload}
              className="settings-error"
            />
          ) : backups === null ? (
            <p className="settings-loading">正在读取备份列表……</p>
          ) : (
            <BackupList
              backups={backups}
              chosen={chosen?.backup.path ?? null}
              onChoose={(b) =>
                setChosen((c) => ({ backup: listedBackup(b), pick: (c?.pick ?? 0) + 1 }))
              }
            />
          )}
        </div>
        <RestorePanel
          // Choosing a backup starts the panel afresh with that file, checked at once.
          key={chosen?.pick ?? 0}
          initial={chosen?.backup ?? null}
          onImported={reload}
          onRestored={(result) => {
            reload();
            onRestored(result);
          }}
        />
      </div>
    </Card>
  );
}
