// 导入记录: every file imported here, newest first, with its counts (sync.log).
import type { SyncLogEntry } from '../../../domain/sync';
import { fileName, formatTime } from '../settings/backup-format';
import { Card } from '../ui/Card';
import { EmptyNote } from '../ui/EmptyState';
import { DataTable } from '../ui/DataTable';

const head = {
  label: '导入记录',
  columns: [
    '时间',
    '来自',
    '文件',
    ...['新增', '跳过', '冲突', '上级未到'].map((label) => ({ label, num: true })),
  ],
};

export function ImportLog({ log }: { log: readonly SyncLogEntry[] }) {
  return (
    <Card id="sync-log" title="导入记录" className="sync-card">
      {log.length === 0 ? (
        <EmptyNote className="sync-empty">
          还没有导入过同步文件。在上方「导入」选择或拖入对方发来的文件。
        </EmptyNote>
      ) : (
        <DataTable className="sync-table sync-log-table" scroll="sync-scroll" head={head}>
          {log.map((e) => (
            <tr key={`${e.fileId}:${e.importedAt}`}>
              <td className="sync-nowrap">{formatTime(e.importedAt)}</td>
              <td className="sync-nowrap">{e.from.office ?? e.from.siteId.slice(0, 8)}</td>
              <td className="sync-file-name" title={e.file}>
                {fileName(e.file)}
              </td>
              {[e.new, e.skipped, e.conflicts, e.orphans].map((n, i) => (
                <td key={i} className="num">
                  {n}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
