// The report of the import just made: from whom, how many changes were new or already here, conflicts
// to review, rows whose parent has not arrived, changes kept for a newer version, clock warnings.
import type { SyncImportReport } from '../../../domain/sync';
import { fileName } from '../settings/backup-format';
import { SuspectsLink } from '../suspects/SuspectsLink';

interface Props {
  report: SyncImportReport;
  onClose: () => void;
}

export function ImportReport({ report, onClose }: Props) {
  const figures: [label: string, value: number, tone?: 'warn'][] = [
    ['新增变更', report.new],
    ['已有（跳过）', report.skipped],
    ['冲突待处理', report.conflicts, report.conflicts ? 'warn' : undefined],
    ['上级未到', report.orphans, report.orphans ? 'warn' : undefined],
    ['新版本字段（保留）', report.quarantined],
    ['改动本部数据（未采用）', report.refused ?? 0, report.refused ? 'warn' : undefined],
  ];
  return (
    <section className="card sync-card sync-report" aria-label="导入结果" aria-live="polite">
      <div className="sync-report-head">
        <h2 className="card-title">
          {report.alreadyImported ? '已导入过' : '导入完成'}：来自
          {report.from.office ?? `站点 ${report.from.siteId.slice(0, 8)}`}
        </h2>
        <button type="button" className="link-button" onClick={onClose}>
          关闭
        </button>
      </div>
      <p className="sync-report-message">{report.message}</p>
      <dl className="sync-figures">
        {figures.map(([label, value, tone]) => (
          <div key={label} className={tone ? 'sync-figure sync-figure-warn' : 'sync-figure'}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <SuspectsLink after={`${report.file}:${report.changes}`} className="sync-report-message" />
      {report.warnings.length ? (
        <ul className="sync-warnings">
          {report.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <p className="sync-note sync-ellipsis" title={report.file}>
        文件：{fileName(report.file)}，共 {report.changes} 条变更
        {report.backup ? `；导入前备份：${fileName(report.backup)}` : ''}
      </p>
    </section>
  );
}
