// 数据体检: lists stored values that break the rules of local input (written by an older version or
// by hand; another office refuses files that carry them) and repairs each in place, or removes its
// row, with 撤销 for a removal. 本部's data is shown but can only be repaired at 本部.
import { useState } from 'react';
import type { BadValue, DataCheckReport } from '../../../domain/data-check';
import { call } from '../api/client';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { useConfirmation } from '../shared/use-confirmation';
import { ErrorText } from '../ui/Alert';
import { Card } from '../ui/Card';
import { DataTable } from '../ui/DataTable';
import { useSubmit } from '../ui/use-submit';

const keyOf = (p: BadValue) => `${p.table}/${p.rowId}/${p.column}`;

export function DataCheckCard({ onChanged }: { onChanged: () => void }) {
  const [report, setReport] = useState<DataCheckReport | null>(null);
  const checking = useSubmit();
  const { busy, error } = checking;
  const [removed, setRemoved] = useState<BadValue | null>(null);

  /** Does `action`, then checks again: the list always shows what is stored now. */
  const andCheck = async (action: () => Promise<unknown>, after?: () => void) => {
    await action();
    after?.();
    setReport(await call('data.check'));
  };
  const run = (action: () => Promise<unknown>, after?: () => void) =>
    void checking.run(() => andCheck(action, after));
  const undo = (row: BadValue) =>
    run(
      () => call('data.restore', { table: row.table, id: row.rowId }),
      () => {
        setRemoved(null);
        onChanged();
      },
    );
  const removing = useConfirmation(checking, (row: BadValue) =>
    andCheck(
      () => call('data.remove', { table: row.table, id: row.rowId }),
      () => {
        setRemoved(row);
        onChanged();
      },
    ),
  );
  const repair = (p: BadValue, value: string) =>
    run(
      () => call('data.repair', { table: p.table, id: p.rowId, column: p.column, value }),
      onChanged,
    );
  return (
    <Card id="data-check" title="数据体检" className="sync-card">
      <p className="sync-hint">
        找出本机数据中不符合录入规则的值（旧版本写入或手工改动的），逐项修复或删除该行。其他驻点会拒收带有这些值的同步文件；修复和删除会随下次导出发给各驻点。
      </p>
      <button
        type="button"
        className="secondary-button"
        disabled={busy}
        onClick={() => run(async () => undefined)}
      >
        {busy && !report ? '正在检查……' : report ? '重新检查' : '开始检查'}
      </button>
      <ErrorText error={error} className="form-error" />
      {removed ? (
        <p className="sync-result" aria-live="polite">
          已删除{removed.tableLabel}「{removed.rowName}」。
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() => undo(removed)}
          >
            撤销
          </button>
        </p>
      ) : null}
      {report ? (
        <Findings report={report} busy={busy} onRepair={repair} onRemove={removing.ask} />
      ) : null}
      {removing.about ? (
        <ConfirmDialog {...removing.dialog} title="删除这一行" verb="删除">
          <p>
            将删除{removing.about.tableLabel}
            <strong>「{removing.about.rowName}」</strong>，并清空其中不符合规则的值。
          </p>
          <ul>
            <li>删除会随下次导出发给各驻点；删除后可在本页「撤销」。</li>
            <li>原来的值仍保留在修改履历中。</li>
          </ul>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}

const head = {
  label: '数据体检结果',
  columns: ['数据', '记录', '字段', '当前值', '问题', '修复为', '操作'],
};

interface FindingsProps {
  report: DataCheckReport;
  busy: boolean;
  onRepair: (p: BadValue, value: string) => void;
  onRemove: (p: BadValue) => void;
}

function Findings({ report, busy, onRepair, onRemove }: FindingsProps) {
  const [typed, setTyped] = useState<Record<string, string>>({});
  if (report.problems.length === 0) {
    return (
      <p className="sync-result" role="status">
        已检查 {report.rows.toLocaleString('zh-CN')} 行数据，全部符合录入规则。
      </p>
    );
  }
  return (
    <>
      <p className="sync-note" role="status">
        已检查 {report.rows.toLocaleString('zh-CN')} 行数据，发现 {report.problems.length} 处问题
        {report.truncated ? '（只列出前 1000 处，修复后再检查）' : ''}：
      </p>
      <DataTable className="sync-table data-check-table" scroll="sync-scroll" head={head}>
        {report.problems.map((p) => {
          const key = keyOf(p);
          return (
            <tr key={key}>
              <td className="sync-nowrap">{p.tableLabel}</td>
              <td>
                <span className="sync-ellipsis" title={p.rowName}>
                  {p.rowName}
                </span>
              </td>
              <td className="sync-nowrap">{p.columnLabel}</td>
              <td>
                <span className="sync-ellipsis" title={p.value ?? '（空）'}>
                  {p.value ?? '（空）'}
                </span>
              </td>
              <td>{p.problem}</td>
              {p.hqOnly ? (
                <td colSpan={2} className="sync-muted">
                  本部的数据，请联系本部修复
                </td>
              ) : (
                <>
                  <td>
                    <input
                      className="data-check-input"
                      aria-label={`${p.rowName}的${p.columnLabel}修复为`}
                      placeholder="留空即清空"
                      value={typed[key] ?? ''}
                      onChange={(e) => setTyped({ ...typed, [key]: e.target.value })}
                    />
                  </td>
                  <td className="sync-nowrap">
                    <button
                      type="button"
                      className="link-button"
                      disabled={busy}
                      onClick={() => onRepair(p, typed[key] ?? '')}
                    >
                      修复
                    </button>{' '}
                    <button
                      type="button"
                      className="link-button"
                      disabled={busy}
                      onClick={() => onRemove(p)}
                    >
                      删除此行……
                    </button>
                  </td>
                </>
              )}
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}
