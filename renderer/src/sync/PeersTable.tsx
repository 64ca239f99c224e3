// 驻点: every office this replica has exchanged files with: the last file in and out, and how many
// changes each still lacks (what an export for it would carry).
import type { SyncPeer } from '../../../domain/sync';
import { fileName, formatTime } from '../settings/backup-format';

export function PeersTable({ peers }: { peers: readonly SyncPeer[] }) {
  return (
    <section className="sync-card" aria-labelledby="sync-peers-title">
      <h2 id="sync-peers-title" className="sync-card-title">
        同步对象
      </h2>
      {peers.length === 0 ? (
        <p className="sync-empty">
          还没有与其他驻点交换过文件。导入对方发来的同步文件后，对方会出现在这里；第一次可以先选「全量」导出发给对方。
        </p>
      ) : (
        <>
          <div className="sync-scroll">
            <table className="sync-table sync-peers-table" aria-label="同步对象">
              <thead>
                <tr>
                  <th scope="col">驻点</th>
                  <th scope="col">站点</th>
                  <th scope="col">最近收到</th>
                  <th scope="col">最近发出</th>
                  <th scope="col" className="num">
                    对方尚缺
                  </th>
                </tr>
              </thead>
              <tbody>
                {peers.map((p) => (
                  <tr key={p.siteId}>
                    <td className="sync-nowrap">{p.office ?? '未设置驻点'}</td>
                    <td>
                      <code title={p.siteId}>{p.siteId.slice(0, 8)}</code>
                    </td>
                    <FileCell entry={p.lastIn} />
                    <FileCell entry={p.lastOut} />
                    <td className="num sync-nowrap">
                      {p.lacking === 0 ? '已是最新' : `${p.lacking} 条变更`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="sync-note sync-table-note">
            「对方尚缺」按对方最近发来的文件计算：发出的文件要等对方导入、再发回一个文件后才算对方已收到。
          </p>
        </>
      )}
    </section>
  );
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
