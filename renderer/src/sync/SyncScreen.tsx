// 同步: exchanging data with the other offices by files (docs/sync.md). Export for an office or 全量,
// import by drag-and-drop or a file picker, the import's report, open conflicts to resolve, the way to
// 首报首谈认定, 数据体检, the
// zone and its laptops, the offices heard from, compaction of the change log, and the import log,
// where an import can be undone.
import { useState } from 'react';
import type { SyncImportReport } from '../../../domain/sync';
import { refreshAppStatus } from '../shell/use-app-status';
import { ArbitrationLink } from '../claims/ArbitrationLink';
import { ErrorBanner } from '../ui/Alert';
import { ScreenTitle } from '../ui/ScreenTitle';
import { CompactionCard } from './CompactionCard';
import { ConflictList } from './ConflictList';
import { DataCheckCard } from './DataCheckCard';
import { ExportPanel } from './ExportPanel';
import { ImportLog } from './ImportLog';
import { ImportPanel } from './ImportPanel';
import { ImportReport } from './ImportReport';
import { PeersTable } from './PeersTable';
import { useSyncData } from './use-sync-data';
import { ZoneCard } from './ZoneCard';
import './sync.css';

export function SyncScreen() {
  const { data, error, reload } = useSyncData();
  const [report, setReport] = useState<SyncImportReport | null>(null);

  return (
    <section className="sync-screen" aria-labelledby="sync-title">
      <div className="sync-head">
        <ScreenTitle id="sync-title">同步</ScreenTitle>
        {data ? (
          <p className="sync-note">
            本机：{data.site.office ?? '未设置驻点'}
            {data.site.user ? ` · ${data.site.user}` : ''} · 站点{' '}
            <code title={data.site.siteId}>{data.site.siteId.slice(0, 8)}</code> · 共{' '}
            {data.site.changes} 条变更
          </p>
        ) : null}
      </div>
      <div className="sync-scroll-area">
        <ErrorBanner error={error} prefix="同步信息读取失败：" onRetry={reload} />
        {data?.site.clockWarning ? (
          <p className="sync-banner" role="alert">
            {data.site.clockWarning}
          </p>
        ) : null}
        {data === null && !error ? (
          <p className="sync-note" role="status">
            正在读取同步信息……
          </p>
        ) : null}
        {data ? (
          <div className="sync-grid">
            <ExportPanel own={data.site.office} peers={data.peers} onExported={reload} />
            <ImportPanel
              onImported={(r) => {
                setReport(r);
                reload();
              }}
            />
            {report ? (
              <div className="sync-wide">
                <ImportReport report={report} onClose={() => setReport(null)} />
              </div>
            ) : null}
            <div className="sync-wide">
              <ConflictList conflicts={data.conflicts} onResolved={reload} />
            </div>
            <div className="sync-wide">
              <ArbitrationLink after={report} />
            </div>
            <div className="sync-wide">
              <DataCheckCard onChanged={reload} />
            </div>
            <div className="sync-wide">
              <ZoneCard zone={data.zone} onChanged={reload} />
            </div>
            <div className="sync-wide">
              <PeersTable peers={data.peers} onReset={reload} />
            </div>
            <div className="sync-wide">
              <CompactionCard peers={data.peers} onCompacted={reload} />
            </div>
            <div className="sync-wide">
              <ImportLog
                log={data.log}
                onUndone={() => {
                  setReport(null);
                  reload();
                  refreshAppStatus();
                }}
              />
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
