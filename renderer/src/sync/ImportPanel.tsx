// 导入: drop a .zsync file on the zone or choose it; its bytes go to sync.importData. An encrypted
// file asks for its passphrase, and a wrong one can be retyped and retried without choosing the file
// again (the bytes stay here until another file is chosen). While the import runs, a bar shows its
// phase (解密, 校验变更 n/N, 备份数据库, 写入……) from the backend's task progress.
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessages } from '../../../domain/errors';
import type { SyncImportReport } from '../../../domain/sync';
import { ApiError, call, errorText } from '../api/client';
import { TaskProgressBar } from '../ledger-excel/TaskProgressBar';
import { useTaskProgress } from '../ledger-excel/use-task-progress';
import { formatBytes } from '../settings/backup-format';
import { FileDropZone } from '../shared/FileDropZone';
import { fileToBase64 } from './file-bytes';

interface Chosen {
  name: string;
  bytes: number;
  dataBase64: string;
}

interface Props {
  onImported: (report: SyncImportReport) => void;
}

const needsPassphrase = new Set(['PASSPHRASE_REQUIRED', 'BAD_PASSPHRASE']);

export function ImportPanel({ onImported }: Props) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [askPassphrase, setAskPassphrase] = useState(false);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const progress = useTaskProgress(busy === 'importing');

  const run = async (file: Chosen, pass: string) => {
    setBusy('importing');
    setError(null);
    try {
      const report = await call('sync.importData', {
        name: file.name,
        dataBase64: file.dataBase64,
        ...(pass ? { passphrase: pass } : {}),
      });
      setAskPassphrase(false);
      setPassphrase('');
      setChosen(null);
      onImported(report);
    } catch (e) {
      if (e instanceof ApiError && needsPassphrase.has(e.code)) setAskPassphrase(true);
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const take = async (file: File | undefined) => {
    if (!file || busy) return;
    setError(null);
    setAskPassphrase(false);
    setPassphrase('');
    if (!file.name.toLowerCase().endsWith('.zsync')) {
      setChosen(null);
      setError(`「${file.name}」${errorMessages.NOT_SYNC_FILE}`);
      return;
    }
    setBusy('reading');
    let read: Chosen;
    try {
      read = { name: file.name, bytes: file.size, dataBase64: await fileToBase64(file) };
    } catch (e) {
      setBusy(null);
      setError(errorText(e));
      return;
    }
    setChosen(read);
    await run(read, '');
  };

  const retry = (event: FormEvent) => {
    event.preventDefault();
    if (chosen && passphrase) void run(chosen, passphrase);
  };

  return (
    <section className="sync-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sync-card-title">
        导入
      </h2>
      <p className="sync-hint">导入前会自动备份数据库；同一个文件重复导入不会重复写入。</p>
      <FileDropZone
        className="sync-drop"
        busy={busy !== null}
        accept=".zsync"
        inputLabel="选择同步文件"
        onFile={(file) => void take(file)}
      >
        {busy === 'reading' ? (
          <p className="sync-busy" role="status">
            正在读取文件……
          </p>
        ) : busy === 'importing' ? (
          <>
            <p className="sync-busy sync-ellipsis" title={chosen?.name}>
              正在导入 {chosen?.name ?? ''}
            </p>
            <TaskProgressBar progress={progress} label="正在导入……" />
          </>
        ) : (
          <p>把同步文件（.zsync）拖到这里，或</p>
        )}
      </FileDropZone>
      {error ? (
        <p role="alert" className="sync-error">
          {error}
        </p>
      ) : null}
      {askPassphrase && chosen ? (
        <form className="sync-retry" onSubmit={retry} noValidate>
          <label className="sync-field">
            <span className="sync-ellipsis" title={chosen.name}>
              「{chosen.name}」（{formatBytes(chosen.bytes)}）的口令
            </span>
            <input
              type="password"
              className="sync-input"
              value={passphrase}
              autoComplete="off"
              disabled={busy !== null}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </label>
          <button
            type="submit"
            className="secondary-button"
            disabled={busy !== null || passphrase === ''}
          >
            {busy === 'importing' ? '正在导入……' : '用此口令导入'}
          </button>
        </form>
      ) : null}
    </section>
  );
}
