// The status bar at the bottom: current user and office (from app.status) and today's date.
import { DemoBadge } from './DemoBadge';
import { statusDate } from './status-date';
import type { AppStatusState } from './use-app-status';

export function StatusLine({ app }: { app: AppStatusState }) {
  return (
    <footer className="status-line" role="status">
      <Who app={app} />
      <span className="status-date">{statusDate(new Date())}</span>
    </footer>
  );
}

function Who({ app }: { app: AppStatusState }) {
  if (app.state === 'loading') return <span>正在连接数据……</span>;
  if (app.state === 'error') return <span className="status-error">{app.message}</span>;
  const { status } = app;
  if (!status.initialized) return <span>尚未完成首次设置</span>;
  return (
    <span className="status-who">
      <span>当前用户：{status.user ?? '未知'}</span>
      <span>驻点：{status.office ?? '未设置'}</span>
      {status.demo ? <DemoBadge /> : null}
    </span>
  );
}
