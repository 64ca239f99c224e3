// 导出月报: the 看板 of the chosen year seen at the end of the as-of month, as the 月报 workbook
// (targets, tiers with their projects, the month's signings, stages, 五未, ranking).
import { useState } from 'react';
import { call, errorText } from '../api/client';
import { TaskProgressBar } from '../ledger-excel/TaskProgressBar';
import { useTaskProgress } from '../ledger-excel/use-task-progress';
import { downloadBase64 } from '../sync/file-bytes';

export function MonthlyReportButton({ year, asOf }: { year: number; asOf: string }) {
  const month = Number(asOf.slice(5, 7));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const progress = useTaskProgress(busy);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await call('report.monthly', { year, month });
      if (file.dataBase64) downloadBase64(file.name, file.dataBase64);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="secondary-button small"
        disabled={busy}
        onClick={() => void run()}
      >
        {busy ? '正在生成月报……' : `导出${month}月月报`}
      </button>
      {busy ? <TaskProgressBar progress={progress} label="正在生成月报……" /> : null}
      {error ? (
        <span role="alert" className="error-text">
          {error}
        </span>
      ) : null}
    </>
  );
}
