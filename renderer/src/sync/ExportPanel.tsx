// 导出: choose the office the file is for (or 全量), an optional passphrase typed twice, then where
// to save it (a USB stick, a folder for an e-mail attachment) in the app's save dialog, which
// suggests the name per S12; the result shows its path, size and change count. While the export
// runs, a bar shows its phase (读取变更, 压缩 N 条变更, 写入文件) from the backend's job progress.
import { useState } from 'react';
import type { SyncExportResult, SyncPeer } from '../../../domain/sync';
import { call, chooseFile, errorText } from '../api/client';
import { formatBytes } from '../settings/backup-format';
import { ErrorText } from '../ui/Alert';
import { Card } from '../ui/Card';
import { Form } from '../ui/Form';
import { ProgressBar } from '../ui/ProgressBar';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';
import { FULL_EXPORT, exportTargets } from './export-targets';
import { PassphraseField } from './PassphraseField';

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
  const exporting = useSubmit();
  const busy = exporting.busy;
  const [result, setResult] = useState<SyncExportResult | null>(null);
  const full = target === FULL_EXPORT;
  // The name the save dialog suggests (per S12); without it the dialog suggests none.
  const name =
    useLoad(() => call('sync.exportName', full ? { full: true } : { for: target }), [target]).data
      ?.name ?? null;

  const mismatch = passphrase !== '' && again !== '' && passphrase !== again;

  const submit = async () => {
    if (passphrase !== again) return exporting.fail('两次输入的口令不一致');
    exporting.clear();
    // The save dialog; cancelling it (null) leaves everything as it was.
    const chosen = await chooseFile({ use: 'save', kind: 'sync', ...(name ? { name } : {}) }).catch(
      (e: unknown) => {
        exporting.fail(errorText(e));
        return null;
      },
    );
    if (chosen === null) return;
    setResult(null);
    void exporting.run(async () => {
      setResult(
        await call('sync.export', {
          out: chosen.handle,
          ...(full ? { full: true } : { for: target }),
          ...(passphrase ? { passphrase } : {}),
        }),
      );
      onExported();
    });
  };

  return (
    <Card id="sync-export" title="导出" className="sync-card">
      <p className="sync-hint">
        生成一个同步文件，保存到 U 盘或作为邮件附件交给对方导入：点「导出……」后选择保存位置。
      </p>
      <Form className="sync-form" onSubmit={() => void submit()}>
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
        <PassphraseField
          label="口令（可不填）"
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="new-password"
          disabled={busy}
        />
        <PassphraseField
          label="再次输入口令"
          value={again}
          onChange={setAgain}
          autoComplete="new-password"
          disabled={busy || passphrase === ''}
          invalid={mismatch}
        />
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
        {busy ? <ProgressBar label="正在导出……" /> : null}
      </Form>
      <ErrorText error={exporting.error} className="sync-error" />
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
    </Card>
  );
}
