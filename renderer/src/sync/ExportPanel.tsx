// 导出: choose the office the file is for (or 全量), an optional passphrase typed twice, then where
// to save it (a USB stick, a folder for an e-mail attachment) in the app's save dialog, which
// suggests the name per S12; the result shows its path, size and change count. While the export
// runs, a bar shows its phase (读取变更, 压缩 N 条变更, 写入文件) from the backend's task progress.
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { SyncExportResult, SyncPeer } from '../../../domain/sync';
import { call, chooseFile, errorText } from '../api/client';
import { TaskProgressBar } from '../ledger-excel/TaskProgressBar';
import { useTaskProgress } from '../ledger-excel/use-task-progress';
import { formatBytes } from '../settings/backup-format';
import { FULL_EXPORT, exportTargets } from './export-targets';

interface Props {
  own: string | null;
  peers: readonly SyncPeer[];
  onExported: () => void;
}

export function ExportPanel({ own, peers, onExported }: Props) {
  const targets = exportTargets(own, peers);
  const [target, setTarget] = useState(targets[0]?.value ?? FULL_EXPORT);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<SyncExportResult | null>(null);
  const id = useId();
  const progress = useTaskProgress(busy);
  const full = target === FULL_EXPORT;

  useEffect(() => {
    let live = true;
    call('sync.exportName', full ? { full: true } : { for: target }).then(
      (r) => live && setName(r.name),
      () => live && setName(null),
    );
    return () => {
      live = false;
    };
  }, [target, full]);

  const mismatch = passphrase !== '' && again !== '' && passphrase !== again;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== again) {
      setError('两次输入的口令不一致');
      return;
    }
    setError(null);
    // The save dialog; cancelling it (null) leaves everything as it was.
    const chosen = await chooseFile({ use: 'save', kind: 'sync', ...(name ? { name } : {}) }).catch(
      (e: unknown) => {
        setError(errorText(e));
        return null;
      },
    );
    if (chosen === null) return;
    setBusy(true);
    setResult(null);
    try {
      const made = await call('sync.export', {
        out: chosen.handle,
        ...(full ? { full: true } : { for: target }),
        ...(passphrase ? { passphrase } : {}),
      });
      setResult(made);
      onExported();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sync-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sync-card-title">
        导出
      </h2>
      <p className="sync-hint">
        生成一个同步文件，保存到 U 盘或作为邮件附件交给对方导入：点「导出……」后选择保存位置。
      </p>
      <form className="sync-form" onSubmit={submit} noValidate>
        <label className="sync-field">
          <span>发给</span>
          <select
            className="sync-input"
            value={target}
            disabled={busy}
            onChange={(e) => {
              setTarget(e.target.value);
              setResult(null);
            }}
          >
            {targets.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className="sync-field">
          <span>口令（可不填）</span>
          <input
            type="password"
            className="sync-input"
            value={passphrase}
            autoComplete="new-password"
            disabled={busy}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
        <label className="sync-field">
          <span>再次输入口令</span>
          <input
            type="password"
            className="sync-input"
            value={again}
            autoComplete="new-password"
            disabled={busy || passphrase === ''}
            aria-invalid={mismatch}
            onChange={(e) => setAgain(e.target.value)}
          />
        </label>
        <div className="sync-actions">
          <button
            type="submit"
            className="primary-button"
            disabled={busy || mismatch || (passphrase !== '' && again === '')}
          >
            {busy ? '正在导出……' : '导出……'}
          </button>
          {busy ? (
            <span className="sync-note">
              正在生成文件{passphrase ? '（加密约需数秒）' : ''}，可以继续使用其他页面
            </span>
          ) : name ? (
            <span className="sync-note sync-ellipsis" title={name}>
              文件名：{name}
            </span>
          ) : null}
        </div>
        {mismatch ? <p className="sync-error">两次输入的口令不一致</p> : null}
        {busy ? <TaskProgressBar progress={progress} label="正在导出……" /> : null}
      </form>
      {error ? (
        <p role="alert" className="sync-error">
          {error}
        </p>
      ) : null}
      {result ? (
        <div className="sync-result" aria-live="polite">
          <p>
            <strong>已导出</strong> {result.changes} 条变更，{formatBytes(result.bytes)}
            {result.encrypted ? '，已加密' : ''}
            {result.forOffice ? `，发给${result.forOffice}` : '（全量）'}
          </p>
          <p className="sync-path" title={result.file}>
            已保存到 {result.file}
          </p>
        </div>
      ) : null}
    </section>
  );
}
