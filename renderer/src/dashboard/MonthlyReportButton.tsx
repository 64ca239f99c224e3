// 导出月报: the 看板 of the chosen year and office (or the zone) seen at the end of the as-of month
// (by the months basis, of the last completed month, the month the 看板's figures count to), as
// the 月报 workbook (targets, tiers with their projects, the month's signings, stages, 五未,
// ranking), named for the office.
import type { Dashboard } from '../../../domain/dashboard';
import { labelOf, offices } from '../../../domain/vocabulary';
import { call } from '../api/client';
import { downloadBase64 } from '../sync/file-bytes';
import { ErrorText } from '../ui/Alert';
import { ProgressBar } from '../ui/ProgressBar';
import { useSubmit } from '../ui/use-submit';

/** `scope`: the 看板 shown; its office is null for the zone. */
export function MonthlyReportButton({
  scope,
}: {
  scope: Pick<Dashboard, 'year' | 'asOf' | 'office' | 'basis' | 'actualsThrough'>;
}) {
  const { year, asOf, office, basis, actualsThrough } = scope;
  const shown = basis === 'months' && actualsThrough !== null ? actualsThrough : asOf;
  const month = shown > `${year}-12-31` ? 12 : Number(shown.slice(5, 7));
  const of = office ? labelOf(offices, office) : '全区';
  const report = useSubmit();
  const busy = report.busy;

  const run = () =>
    void report.run(async () => {
      const file = await call('report.monthly', { year, month, ...(office ? { office } : {}) });
      if (file.dataBase64) downloadBase64(file.name, file.dataBase64);
    });

  return (
    <>
      <button type="button" className="secondary-button small" disabled={busy} onClick={run}>
        {busy ? '正在生成月报……' : `导出${of}${month}月月报`}
      </button>
      {busy ? <ProgressBar label="正在生成月报……" /> : null}
      <ErrorText error={report.error} inline />
    </>
  );
}
