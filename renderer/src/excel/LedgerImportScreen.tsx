// 导入 Excel 台账: drop or choose an office's .xlsx (or .csv); the preview shows how each column was
// read, which rows are new, updates or unchanged, and every rejected row with its reason. Nothing is
// written until 「确认导入」; then the good rows are written at once, and the import can be undone
// from 同步 → 导入记录.
import { useState } from 'react';
import type { ImportRow, ImportSheet, LedgerImportResult } from '../../../domain/excel/calls';
import { fieldSpecs } from '../../../domain/excel/sheet-layout';
import { call } from '../api/client';
import { useNavigate } from '../shell/navigation';
import { FileDropZone } from '../shared/FileDropZone';
import { fileToBase64 } from '../sync/file-bytes';
import { ErrorText } from '../ui/Alert';
import { DataTable } from '../ui/DataTable';
import { GoButton } from '../ui/GoButton';
import { ProgressBar } from '../ui/ProgressBar';
import { ScreenTitle } from '../ui/ScreenTitle';
import { useSubmit } from '../ui/use-submit';
import './excel.css';

const accepted = ['.xlsx', '.csv', '.xls', '.et'];
const actionLabels: Record<ImportRow['action'], string> = {
  new: '新增',
  update: '更新',
  unchanged: '未变',
  rejected: '拒绝',
};

export function LedgerImportScreen() {
  const navigate = useNavigate();
  const step = useSubmit();
  /** What the running step is doing, under the progress bar until the backend says. */
  const [phase, setPhase] = useState('');
  const busy = step.busy;
  const [preview, setPreview] = useState<LedgerImportResult | null>(null);
  const [done, setDone] = useState<LedgerImportResult | null>(null);

  const take = (file: File | undefined) => {
    if (!file || busy) return;
    setPreview(null);
    setDone(null);
    if (!accepted.some((ext) => file.name.toLowerCase().endsWith(ext))) {
      step.fail(`「${file.name}」不是 Excel 工作簿（.xlsx）或 CSV 文件`);
      return;
    }
    setPhase(`正在读取 ${file.name}……`);
    void step.run(async () => {
      const dataBase64 = await fileToBase64(file);
      setPreview(await call('ledger.importPreview', { name: file.name, dataBase64 }));
    });
  };

  const confirm = () => {
    if (!preview?.previewId) return;
    const { previewId } = preview;
    setPhase('正在导入……');
    void step.run(async () => {
      setDone(await call('ledger.importCommit', { previewId }));
      setPreview(null);
    });
  };

  const writable = preview ? preview.counts.new + preview.counts.updated : 0;

  return (
    <section className="xl-import" aria-labelledby="xl-import-title">
      <div className="screen-head">
        <ScreenTitle id="xl-import-title">导入 Excel 台账</ScreenTitle>
        <GoButton className="secondary-button" to={{ screen: 'ledger' }}>
          返回台账
        </GoButton>
      </div>
      <p className="xl-hint">
        {'可直接导入各驻点现有的台账（.xlsx 或 .csv）：自动找到标题行下的表头，按列名识别「总投资（亿元）」「投资总额（万元）」等列和单位。' +
          '投资方和项目名称相同的行更新已有项目，不会重复；空白单元格不会清除已有内容。先预览，确认后才写入，写入前自动备份。'}
      </p>
      <KnownColumns />
      <FileDropZone
        className="xl-drop"
        busy={busy}
        accept={accepted.join(',')}
        inputLabel="选择台账文件"
        onFile={take}
      >
        <p>把台账文件拖到这里，或</p>
      </FileDropZone>
      {busy ? <ProgressBar label={phase} /> : null}
      <ErrorText error={step.error} className="xl-error" />
      {done ? (
        <ImportDone result={done} onOpenLedger={() => navigate({ screen: 'ledger' })} />
      ) : null}
      {preview ? (
        <>
          <div className="xl-section">
            <h2>预览：{preview.file}</h2>
            <Counts result={preview} />
          </div>
          <div className="xl-actions">
            <button
              type="button"
              className="primary-button"
              disabled={busy || writable === 0}
              onClick={confirm}
            >
              {writable === 0
                ? '没有需要写入的行'
                : `确认导入（新增 ${preview.counts.new}，更新 ${preview.counts.updated}）`}
            </button>
            <button
              type="button"
              className="secondary-button"
              disabled={busy}
              onClick={() => setPreview(null)}
            >
              取消
            </button>
            {preview.counts.rejected > 0 ? (
              <span className="xl-error">
                被拒绝的 {preview.counts.rejected} 行不会导入，可在表格中改正后重新导入。
              </span>
            ) : null}
          </div>
          <RowTable rows={preview.rows} />
          {preview.sheets.map((sheet) => (
            <MappingTable key={sheet.name} sheet={sheet} />
          ))}
        </>
      ) : null}
    </section>
  );
}

const knownHead = { columns: ['字段', '可用的列名（单位写在括号里，如「总投资（亿元）」）'] };
const rowColumns = ['行号', '结果', '项目名称', '原因或变更'];
const mappingHead = { columns: ['列', '表头', '读作', '说明'] };

/** The header names the import recognises, so a user can rename a column before importing. */
function KnownColumns() {
  return (
    <details className="xl-known">
      <summary>可识别的列名</summary>
      <DataTable className="xl-table" head={knownHead}>
        {Object.values(fieldSpecs).map((spec) => (
          <tr key={spec.names[0]}>
            <td>{spec.names[0]}</td>
            <td>{spec.names.join('、')}</td>
          </tr>
        ))}
      </DataTable>
    </details>
  );
}

function Counts({ result }: { result: LedgerImportResult }) {
  const { counts } = result;
  return (
    <ul className="xl-counts" aria-label="导入统计">
      <li className="xl-new">新增 {counts.new}</li>
      <li className="xl-update">更新 {counts.updated}</li>
      <li>未变 {counts.unchanged}</li>
      <li className="xl-rejected">拒绝 {counts.rejected}</li>
      <li>跳过空行、合计行和说明行 {counts.skipped}</li>
    </ul>
  );
}

function ImportDone({
  result,
  onOpenLedger,
}: {
  result: LedgerImportResult;
  onOpenLedger: () => void;
}) {
  return (
    <div className="xl-done" role="status">
      <p>
        已导入 {result.file}：新增 {result.counts.new} 个项目，更新 {result.counts.updated} 个，
        {result.counts.unchanged} 个未变，拒绝 {result.counts.rejected} 行。
      </p>
      {result.importId !== null ? (
        <p className="xl-hint">如需撤销本次导入，可在「同步 → 导入记录」中撤销。</p>
      ) : null}
      <button type="button" className="link-button" onClick={onOpenLedger}>
        查看台账
      </button>
    </div>
  );
}

function RowTable({ rows }: { rows: ImportRow[] }) {
  if (rows.length === 0) return null;
  const multiSheet = new Set(rows.map((r) => r.sheet)).size > 1;
  return (
    <div className="xl-section">
      <h2>逐行结果{rows.length >= 500 ? '（拒绝的行全部列出，其余列出前 500 行）' : ''}</h2>
      <DataTable
        className="xl-table"
        head={{ columns: multiSheet ? ['工作表', ...rowColumns] : rowColumns }}
      >
        {rows.map((row) => (
          <tr key={`${row.sheet}:${row.row}`}>
            {multiSheet ? <td>{row.sheet}</td> : null}
            <td className="xl-num">{row.row}</td>
            <td>{actionLabels[row.action]}</td>
            <td>{row.name || '（无名称）'}</td>
            <td className={row.action === 'rejected' ? 'xl-reason' : undefined}>
              {row.action === 'rejected'
                ? row.errors.join('；')
                : [row.changes.join('、'), ...row.notes].filter(Boolean).join('；')}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

function MappingTable({ sheet }: { sheet: ImportSheet }) {
  return (
    <div className="xl-section">
      <h2>
        工作表「{sheet.name}」
        {sheet.hidden
          ? '：隐藏的工作表，未导入'
          : sheet.headerRow
            ? `：第 ${sheet.headerRow} 行是表头${sheet.noteRows ? `；跳过 ${sheet.noteRows} 行标题、说明或重复表头` : ''}`
            : '：没有找到表头，未导入'}
      </h2>
      {sheet.headerRow ? (
        <DataTable className="xl-table" head={mappingHead}>
          {sheet.mapping.map((m) => (
            <tr key={m.column} className={m.field ? undefined : 'xl-ignored'}>
              <td className="xl-num">{m.column}</td>
              <td>{m.header}</td>
              <td>
                {m.field
                  ? `${fieldSpecs[m.field].names[0] ?? m.field}${m.unit ? `（${m.unit}）` : ''}`
                  : '—'}
              </td>
              <td>{m.note ?? ''}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}
