// The 台账's Excel menu, loaded when first opened: export what the filter shows (optionally one sheet
// per office, optionally only the columns shown, in their order) as the workbook leaders read, or go
// to the import screen. The file is saved through the window's download.
import { useState } from 'react';
import type { LedgerQuery } from '../../../domain/ledger';
import type { LedgerColumnKey } from '../../../domain/ledger-columns';
import { call } from '../api/client';
import { downloadBase64 } from '../sync/file-bytes';
import { ProgressBar } from '../ui/ProgressBar';
import { useSubmit } from '../ui/use-submit';
import { GoButton } from '../ui/GoButton';
import './excel.css';

interface Props {
  /** The 台账's filter and sort as they stand (no paging). */
  query: Omit<LedgerQuery, 'offset' | 'limit'>;
  /** Projects the filter matches, to say what will be exported. */
  count: number | null;
  /** The 台账's columns shown, in their order. */
  columns: readonly LedgerColumnKey[];
}

/** Whether the last export followed the 台账's columns: the next one does the same. */
let followColumns = false;

export function LedgerExcelPanel({ query, count, columns }: Props) {
  const [byOffice, setByOffice] = useState(false);
  const [shownOnly, setShownOnly] = useState(followColumns);
  const exporting = useSubmit();
  const message = exporting.error ?? exporting.done;

  const exportNow = () =>
    void exporting.run(async () => {
      followColumns = shownOnly;
      const file = await call('ledger.export', {
        filter: query,
        byOffice,
        ...(shownOnly ? { columns: [...columns] } : {}),
      });
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
      <label>
        <input
          type="checkbox"
          checked={shownOnly}
          aria-describedby="xl-columns-hint"
          onChange={(e) => setShownOnly(e.target.checked)}
        />
        只导出台账上显示的列（{columns.length} 列，按当前顺序）
      </label>
      <p id="xl-columns-hint" className="xl-hint">
        {shownOnly
          ? '另含序号；未显示项目编号、投资方时也会带上，以便改后重新导入。'
          : '导出台账的全部列，与下次导入的格式相同。'}
      </p>
      {exporting.busy ? <ProgressBar label="正在导出……" /> : null}
      {message ? (
        <p role="status" className="xl-hint">
          {message}
        </p>
      ) : null}
      <hr />
      <GoButton className="secondary-button" to={{ screen: 'ledgerImport' }}>
        导入 Excel 台账……
      </GoButton>
    </div>
  );
}
