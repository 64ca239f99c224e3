// The 台账's Excel menu, loaded when first opened: export what the filter shows (optionally one sheet
// per office) as the workbook leaders read, or go to the import screen. The file is saved through the
// window's download.
import { useState } from 'react';
import type { LedgerQuery } from '../../../domain/ledger';
import { call } from '../api/client';
import { useNavigate } from '../shell/navigation';
import { downloadBase64 } from '../sync/file-bytes';
import { ProgressBar } from '../ui/ProgressBar';
import { useSubmit } from '../ui/use-submit';
import './excel.css';

interface Props {
  /** The 台账's filter and sort as they stand (no paging). */
  query: Omit<LedgerQuery, 'offset' | 'limit'>;
  /** Projects the filter matches, to say what will be exported. */
  count: number | null;
}

export function LedgerExcelPanel({ query, count }: Props) {
  const navigate = useNavigate();
  const [byOffice, setByOffice] = useState(false);
  const exporting = useSubmit();
  const message = exporting.error ?? exporting.done;

  const exportNow = () =>
    void exporting.run(async () => {
      const file = await call('ledger.export', { filter: query, byOffice });
      if (file.dataBase64) downloadBase64(file.name, file.dataBase64);
      return `已导出 ${file.rows.toLocaleString('zh-CN')} 个项目：${file.name}`;
    });

  return (
    <div className="xl-export-menu" role="dialog" aria-label="Excel 导入导出">
      <button
        type="button"
        className="primary-button"
        disabled={exporting.busy || count === 0}
        onClick={exportNow}
      >
        导出当前筛选{count === null ? '' : `（${count.toLocaleString('zh-CN')} 个项目）`}
      </button>
      <label>
        <input type="checkbox" checked={byOffice} onChange={(e) => setByOffice(e.target.checked)} />
        每个驻点一个工作表
      </label>
      {exporting.busy ? <ProgressBar label="正在导出……" /> : null}
      {message ? (
        <p role="status" className="xl-hint">
          {message}
        </p>
      ) : null}
      <hr />
      <button
        type="button"
        className="secondary-button"
        onClick={() => navigate({ screen: 'ledgerImport' })}
      >
        导入 Excel 台账……
      </button>
    </div>
  );
}
