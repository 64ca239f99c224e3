// 驻点: every office this replica has exchanged files with: the last file in and out, and how many
// changes each still lacks (what an export for it would carry). 「重置」 forgets what a peer is known
// to hold (sync.resetPeer), after a confirmation: the next export for it carries everything.
import type { SyncPeer } from '../../../domain/sync';
import { call } from '../api/client';
import { fileName, formatTime } from '../settings/backup-format';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { useConfirmation } from '../shared/use-confirmation';
import { Card } from '../ui/Card';
import { EmptyNote } from '../ui/EmptyState';
import { DataTable } from '../ui/DataTable';
import { useSubmit } from '../ui/use-submit';

const head = {
  label: '同步对象',
  columns: ['驻点', '站点', '最近收到', '最近发出', { label: '对方尚缺', num: true }, '操作'],
};

interface Props {
  peers: readonly SyncPeer[];
  onReset: () => void;
}

export function PeersTable({ peers, onReset }: Props) {
  const resetPeer = useSubmit();
  const resetting = useConfirmation(resetPeer, async (peer: SyncPeer) => {
    await call('sync.resetPeer', { siteId: peer.siteId });
    onReset();
    return `已重置${peerName(peer)}的同步记录：下次导出给它的文件将包含全部数据。`;
  });

  return (
    <Card id="sync-peers" title="同步对象" className="sync-card">
      {peers.length === 0 ? (
        <EmptyNote className="sync-empty">
          还没有与其他驻点交换过文件。导入对方发来的同步文件后，对方会出现在这里；第一次可以先选「全量」导出发给对方。
        </EmptyNote>
      ) : (
        <>
          <DataTable className="sync-table sync-peers-table" scroll="sync-scroll" head={head}>
            {peers.map((p) => (
              <tr key={p.siteId}>
                <td>
                  <span className="sync-ellipsis" title={p.office ?? undefined}>
                    {p.office ?? '未设置驻点'}
                  </span>
                </td>
                <td>
                  <code title={p.siteId}>{p.siteId.slice(0, 8)}</code>
                </td>
                <FileCell entry={p.lastIn} />
                <FileCell entry={p.lastOut} />
                <td className="num sync-nowrap">
                  {p.lacking === 0 ? '已是最新' : `${p.lacking} 条变更`}
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`重置${peerName(p)}的同步记录`}
                    onClick={() => resetting.ask(p)}
                  >
                    重置……
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
          <p className="sync-note sync-table-note">
            「对方尚缺」按对方最近发来的文件计算：发出的文件要等对方导入、再发回一个文件后才算对方已收到。对方恢复了备份或换了电脑时，可「重置」后再导出。
          </p>
        </>
      )}
      {resetPeer.done ? (
        <p className="sync-result" aria-live="polite">
          {resetPeer.done}
        </p>
      ) : null}
      {resetting.about ? (
        <ConfirmDialog {...resetting.dialog} title="重置同步记录" verb="重置">
          <p>
            本机将忘记<strong>{peerName(resetting.about)}</strong>已收到哪些变更。
          </p>
          <ul>
            <li>
              下次导出给{resetting.about.office ?? '对方'}
              的文件将包含本机的全部数据，文件可能较大；对方已有的变更导入时自动跳过，不会重复。
            </li>
            <li>用于对方恢复了备份、重装或更换了电脑、或说缺少数据时。</li>
            <li>不删除任何数据；对方再发来文件后，本机会重新记下它已收到的变更。</li>
          </ul>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}

function peerName(peer: SyncPeer): string {
  return `${peer.office ?? '未设置驻点'}（站点 ${peer.siteId.slice(0, 8)}）`;
}

function FileCell({ entry }: { entry: SyncPeer['lastIn'] }) {
  if (!entry) return <td className="sync-muted">—</td>;
  return (
    <td className="sync-file-cell" title={entry.file}>
      <span className="sync-nowrap">{formatTime(entry.at)}</span>
      <span className="sync-ellipsis sync-note">{fileName(entry.file)}</span>
    </td>
  );
}
