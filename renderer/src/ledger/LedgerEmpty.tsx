// What the 台账 shows with no rows: for an empty database, how to add projects — import the office's
// Excel ledger, or load demo data; for a filter that matches nothing, a way back.
import { DEMO_PROJECTS, loadDemoData } from '../shared/demo-data';
import { ErrorText } from '../ui/Alert';
import { EmptyState } from '../ui/EmptyState';
import { ProgressBar } from '../ui/ProgressBar';
import { useSubmit } from '../ui/use-submit';
import { GoButton } from '../ui/GoButton';

export function LedgerEmpty({ onDemoLoaded }: { onDemoLoaded: () => void }) {
  const demo = useSubmit();

  const loadDemo = () =>
    void demo.run(async () => {
      await loadDemoData();
      onDemoLoaded();
    });

  return (
    <EmptyState title="还没有项目">
      <p>已有 Excel 台账的，直接导入即可，无需重新录入；也可以先加载演示数据，看看台账的样子。</p>
      <div className="empty-actions">
        <GoButton className="primary-button" to={{ screen: 'ledgerImport' }}>
          导入 Excel 台账
        </GoButton>
        <button type="button" className="secondary-button" disabled={demo.busy} onClick={loadDemo}>
          {demo.busy
            ? '正在生成演示数据……'
            : `加载演示数据（${DEMO_PROJECTS.toLocaleString('zh-CN')} 个项目）`}
        </button>
      </div>
      {demo.busy ? <ProgressBar label="正在生成演示数据……" /> : null}
      <ErrorText error={demo.error} />
      <p className="empty-aside">也可以点右上角「新建项目」（Ctrl+N）逐个录入。</p>
    </EmptyState>
  );
}

export function LedgerNoMatches({ onClear }: { onClear: () => void }) {
  return (
    <EmptyState title="没有符合条件的项目">
      <p>换个搜索词，或放宽上方的筛选条件（地区、阶段、责任人、签约年份等）。</p>
      <button type="button" className="secondary-button" onClick={onClear}>
        清除筛选
      </button>
    </EmptyState>
  );
}
