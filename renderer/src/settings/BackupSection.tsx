// 备份与恢复: 「立即备份」 copies the database to the backups folder; the list shows every copy,
// newest first, the app's daily ones marked 自动; 恢复 takes one of them (or a file chosen in the
// app's file dialog).
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../domain/workspace';
import { call, errorText } from '../api/client';
import { BackupList } from './BackupList';
import { fileName, formatBytes, listedBackup } from './backup-format';
import type { ChosenBackup, RestoreResult } from './backup-format';
import { Feedback } from './Feedback';
import type { FeedbackMessage } from './Feedback';
import { RestorePanel } from './RestorePanel';
import { SettingsSection } from './SettingsSection';

export function BackupSection({ onRestored }: { onRestored: (result: RestoreResult) => void }) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<FeedbackMessage | null>(null);
  const [chosen, setChosen] = useState<{ backup: ChosenBackup; pick: number } | null>(null);
  const reload = useCallback(() => setLoads((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    call('backup.list').then(
      (list) => {
        if (!live) return;
        setBackups([...list].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)));
        setListError(null);
      },
      (e: unknown) => live && setListError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [loads]);

  const backupNow = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const made = await call('backup.create');
      setMessage({
        ok: true,
        text: `已备份：${fileName(made.file)}（${formatBytes(made.bytes)}）`,
      });
      reload();
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection
      id="settings-backup"
      title="备份与恢复"
      hint="备份是整个数据库的一份完整副本，可以复制到 U 盘或其他电脑保存。应用每天会自动备份一次，保留最近 7 份。"
      className="settings-wide"
    >
      <div className="settings-actions">
        <button type="button" className="primary-button" disabled={busy} onClick={backupNow}>
          {busy ? '正在备份……' : '立即备份'}
        </button>
        <Feedback message={message} />
      </div>
      <div className="settings-backup-grid">
        <div className="settings-backup-list">
          <h3 className="settings-subtitle">已有备份</h3>
          {listError ? (
            <p role="alert" className="settings-error">
              备份列表读取失败：{listError}{' '}
              <button type="button" className="link-button" onClick={reload}>
                重试
              </button>
            </p>
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
          onRestored={(result) => {
            reload();
            onRestored(result);
          }}
        />
      </div>
    </SettingsSection>
  );
}
