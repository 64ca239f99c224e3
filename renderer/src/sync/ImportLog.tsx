// 导入记录: every file imported here, newest first, with its counts (sync.log).
import type { SyncLogEntry } from '../../../domain/sync';
import { fileName, formatTime } from '../settings/backup-format';

export function ImportLog({ log }: { log: readonly SyncLogEntry[] }) {
  return (
    <section className="sync-card" aria-labelledby="sync-log-title">
      <h2 id="sync-log-title" className="sync-card-title">
        导入记录
      </h2>
      {log.length === 0 ? (
        <p className="sync-empty">还没有导入过同步文件。在上方「导入」选择或拖入对方发来的文件。</p>
      ) : (
        <div className="sync-scroll">
          <table className="sync-table sync-log-table" aria-label="导入记录">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">来自</th>
                <th scope="col">文件</th>
                <th scope="col" className="num">
                  新增
                </th>
                <th scope="col" className="num">
                  跳过
                </th>
                <th scope="col" className="num">
                  冲突
                </th>
                <th scope="col" className="num">
                  上级未到
                </th>
              </tr>
            </thead>
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
    </section>
  );
}
