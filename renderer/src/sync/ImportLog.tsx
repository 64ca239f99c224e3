// 导入记录: every file imported here, newest first, with its counts (sync.log).
import type { SyncLogEntry } from '../../../domain/sync';
import { fileName, formatTime } from '../settings/backup-format';
import { Card } from '../ui/Card';
import { EmptyNote } from '../ui/EmptyState';
import { TableHead } from '../ui/TableHead';

export function ImportLog({ log }: { log: readonly SyncLogEntry[] }) {
  return (
    <Card id="sync-log" title="导入记录" className="sync-card">
      {log.length === 0 ? (
        <EmptyNote className="sync-empty">
          还没有导入过同步文件。在上方「导入」选择或拖入对方发来的文件。
        </EmptyNote>
      ) : (
        <div className="sync-scroll">
          <table className="sync-table sync-log-table" aria-label="导入记录">
            <TableHead
              columns={[
                '时间',
                '来自',
                '文件',
                { label: '新增', num: true },
                { label: '跳过', num: true },
                { label: '冲突', num: true },
                { label: '上级未到', num: true },
              ]}
            />
            <tbody>
              {log.map((e) => (
                <tr key={`${e.fileId}:${e.importedAt}`}>
                  <td className="sync-nowrap">{formatTime(e.importedAt)}</td>
                  <td className="sync-nowrap">{e.from.office ?? e.from.siteId.slice(0, 8)}</td>
                  <td className="sync-file-name" title={e.file}>
                    {fileName(e.file)}
                  </td>
                  <td className="num">{e.new}</td>
                  <td className="num">{e.skipped}</td>
                  <td className="num">{e.conflicts}</td>
                  <td className="num">{e.orphans}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
