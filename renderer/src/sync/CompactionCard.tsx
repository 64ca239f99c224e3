// 压缩变更日志 (docs/sync.md S19): changes every laptop holds leave the live log when superseded, or
// when a row's only change (its row keeps the values), and the file shrinks. Laptops no file came
// from for 90 days, or ever (the zone's roster included, as compaction counts them), and
// invitations no laptop joined with yet are named first, with what they lack; what they lack stays
// unless the user ticks them to exclude (they can then only rejoin by snapshot). While it runs, the dialog shows its phase.
import { useState } from 'react';
import { DEFAULT_SILENT_DAYS } from '../../../domain/compaction';
import type { CompactionPeer, CompactionReport } from '../../../domain/compaction';
import type { SyncPeer } from '../../../domain/sync';
import { call } from '../api/client';
import { formatTime } from '../settings/backup-format';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { useConfirmation } from '../shared/use-confirmation';
import { Card } from '../ui/Card';
import { ProgressBar } from '../ui/ProgressBar';
import { useLoad } from '../ui/use-load';
import { useSubmit } from '../ui/use-submit';

interface Props {
  peers: readonly SyncPeer[];
  onCompacted: () => void;
}

/** A laptop by its office and the start of its id; an unused invitation as such. */
const name = (p: CompactionPeer) =>
  p.invitation
    ? `${p.office ?? '未指定驻点'}的邀请（尚无电脑用它加入）`
    : `${p.office ?? '—'} ${p.siteId.slice(0, 8)}`;

export function CompactionCard({ peers, onCompacted }: Props) {
  const submit = useSubmit();
  const [exclude, setExclude] = useState<string[]>([]);
  const [report, setReport] = useState<CompactionReport | null>(null);
  // Read again with the screen's peers (after an import or an export) and after a compaction.
  const silentPeers = useLoad(() => call('sync.silentPeers'), [peers], { keep: true });
  const silent = silentPeers.data ?? [];
  // What those excluded before lack may go anyway: only the others are offered.
  const waiting = silent.filter((p) => !p.excluded);
  const excluded = silent.filter((p) => p.excluded);
  const compacting = useConfirmation(submit, async () => {
    const done = await call('sync.compact', { exclude });
    setReport(done);
    setExclude([]);
    silentPeers.reload();
    onCompacted();
    return done.message;
  });
  const toggle = (id: string) =>
    setExclude((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <Card id="sync-compaction" title="压缩变更日志" className="sync-card">
      <p className="sync-note">
        把各电脑都已收到的变更移出变更日志：已被后来的修改取代的，以及新建后再没改过的数据的。数据本身不变，修改记录仍可查看，数据库文件随之变小。
      </p>
      {waiting.length ? (
        <p className="sync-banner" role="status">
          超过 {DEFAULT_SILENT_DAYS} 天没有来过文件（或从未来过）：
          {waiting.map((p) => `${name(p)}（尚缺 ${p.lacking} 条）`).join('、')}
          。它们缺少的变更不会被压缩，除非在压缩时勾选排除。
        </p>
      ) : null}
      {excluded.length ? (
        <p className="sync-note">
          已排除：{excluded.map(name).join('、')}。它们以后只能用快照重新加入。
        </p>
      ) : null}
      <button
        type="button"
        className="secondary-button"
        onClick={() => compacting.ask(true)}
        disabled={submit.busy}
      >
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
          {report.heldBackBy.map((p) => `${name(p)}（${p.lacking} 条）`).join('、')}
        </p>
      ) : null}
      {compacting.about ? (
        <ConfirmDialog {...compacting.dialog} title="压缩变更日志" verb="压缩">
          <p>压缩期间不能做其他操作，大的数据库需要一两分钟。</p>
          {waiting.length ? (
            <fieldset className="compaction-exclude">
              <legend>排除久未来文件的电脑</legend>
              <p className="compaction-hint">
                勾选的电脑缺少的变更也会被移出，它们以后只能用快照重新加入。
              </p>
              {waiting.map((p) => (
                <label key={p.siteId}>
                  <input
                    type="checkbox"
                    checked={exclude.includes(p.siteId)}
                    onChange={() => toggle(p.siteId)}
                  />
                  {name(p)}，{p.lastIn ? `最近来文件 ${formatTime(p.lastIn)}` : '从未来过文件'}
                  ，尚缺 {p.lacking} 条
                </label>
              ))}
            </fieldset>
          ) : null}
          {submit.busy ? <ProgressBar label="正在压缩……" /> : null}
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
