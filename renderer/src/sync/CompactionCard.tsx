// 压缩变更日志 (docs/sync.md S19): superseded changes every laptop holds leave the live log and the
// file shrinks. Laptops no file came from for 90 days are named first, with what they lack; what
// they lack stays unless the user ticks them to exclude (they can then only rejoin by snapshot).
import { useState } from 'react';
import { DEFAULT_SILENT_DAYS } from '../../../domain/compaction';
import type { CompactionReport } from '../../../domain/compaction';
import type { SyncPeer } from '../../../domain/sync';
import { call } from '../api/client';
import { formatTime } from '../settings/backup-format';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { useConfirmation } from '../shared/use-confirmation';
import { Card } from '../ui/Card';
import { useSubmit } from '../ui/use-submit';

interface Props {
  peers: readonly SyncPeer[];
  onCompacted: () => void;
}

const silentSince = (now: number) => now - DEFAULT_SILENT_DAYS * 86_400_000;

export function CompactionCard({ peers, onCompacted }: Props) {
  const submit = useSubmit();
  const [exclude, setExclude] = useState<string[]>([]);
  const [report, setReport] = useState<CompactionReport | null>(null);
  const [now] = useState(() => Date.now());
  const silent = peers.filter(
    (p) => p.lastIn === null || Date.parse(p.lastIn.at) < silentSince(now),
  );
  const compacting = useConfirmation(submit, async () => {
    const done = await call('sync.compact', { exclude });
    setReport(done);
    setExclude([]);
    onCompacted();
    return done.message;
  });
  const toggle = (id: string) =>
    setExclude((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <Card id="sync-compaction" title="压缩变更日志" className="sync-card">
      <p className="sync-note">
        各驻点都已收到、且已被后来的修改取代的变更移出变更日志，数据库文件随之变小；修改记录仍可查看。
      </p>
      {silent.length ? (
        <p className="sync-banner" role="status">
          超过 {DEFAULT_SILENT_DAYS} 天没有来文件：
          {silent
            .map((p) => `${p.office ?? p.siteId.slice(0, 8)}（尚缺 ${p.lacking} 条）`)
            .join('、')}
          。它们缺少的变更不会被压缩，除非在压缩时勾选排除。
        </p>
      ) : null}
      <button type="button" onClick={() => compacting.ask(true)} disabled={submit.busy}>
        压缩……
      </button>
      {submit.done ? (
        <p className="sync-result" aria-live="polite">
          {submit.done}
        </p>
      ) : null}
      {report?.heldBackBy.length ? (
        <p className="sync-note">
          保留了这些电脑尚缺的变更：
          {report.heldBackBy
            .map((p) => `${p.office ?? p.siteId.slice(0, 8)}（${p.lacking} 条）`)
            .join('、')}
        </p>
      ) : null}
      {compacting.about ? (
        <ConfirmDialog {...compacting.dialog} title="压缩变更日志" verb="压缩">
          <p>压缩期间不能做其他操作，大的数据库需要一两分钟。</p>
          {silent.length ? (
            <fieldset>
              <legend>
                排除久未来文件的电脑（它们缺少的变更将被移除，以后只能用快照重新加入）
              </legend>
              {silent.map((p) => (
                <label key={p.siteId}>
                  <input
                    type="checkbox"
                    checked={exclude.includes(p.siteId)}
                    onChange={() => toggle(p.siteId)}
                  />
                  {p.office ?? '—'} <code>{p.siteId.slice(0, 8)}</code>，最近收到{' '}
                  {p.lastIn ? formatTime(p.lastIn.at) : '从未'}，尚缺 {p.lacking} 条
                </label>
              ))}
            </fieldset>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
