// 导入记录: every file imported here, newest first, with its counts (sync.log). Each of the newest 10
// imports that brought changes can be undone after a confirmation (sync.undoImport): its changes
// leave this laptop, the records rebuilt from the rest; edits made here since stay.
import type { SyncLogEntry } from '../../../domain/sync';
import { call } from '../api/client';
import { fileName, formatTime } from '../settings/backup-format';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { useConfirmation } from '../shared/use-confirmation';
import { Card } from '../ui/Card';
import { EmptyNote } from '../ui/EmptyState';
import { DataTable } from '../ui/DataTable';
import { useSubmit } from '../ui/use-submit';

const head = {
  label: '导入记录',
  columns: [
    '时间',
    '来自',
    '文件',
    ...['新增', '跳过', '冲突', '上级未到'].map((label) => ({ label, num: true })),
    '撤销',
  ],
};

interface Props {
  log: readonly SyncLogEntry[];
  onUndone: () => void;
}

export function ImportLog({ log, onUndone }: Props) {
  const undo = useSubmit();
  const undoing = useConfirmation(undo, async (entry: SyncLogEntry) => {
    const report = await call('sync.undoImport', { id: entry.id });
    onUndone();
    return report.message;
  });

  return (
    <Card id="sync-log" title="导入记录" className="sync-card">
      {log.length === 0 ? (
        <EmptyNote className="sync-empty">
          还没有导入过同步文件。在上方「导入」选择或拖入对方发来的文件。
        </EmptyNote>
      ) : (
        <>
          <DataTable className="sync-table sync-log-table" scroll="sync-scroll" head={head}>
            {log.map((e) => (
              <tr key={e.id} className={e.undoneAt ? 'sync-undone' : undefined}>
                <td className="sync-nowrap">{formatTime(e.importedAt)}</td>
                <td className="sync-nowrap">{e.from.office ?? e.from.siteId.slice(0, 8)}</td>
                <td className="sync-file-name" title={e.file}>
                  {fileName(e.file)}
                </td>
                {[e.new, e.skipped, e.conflicts, e.orphans].map((n, i) => (
                  <td key={i} className="num">
                    {n}
                  </td>
                ))}
                <td className="sync-nowrap">
                  <UndoCell entry={e} onAsk={() => undoing.ask(e)} />
                </td>
              </tr>
            ))}
          </DataTable>
          <p className="sync-note sync-table-note">
            最近 10 次带来新变更的导入可以撤销：只移除该文件带来的变更，之后在本机做的修改保留。
          </p>
        </>
      )}
      {undo.done ? (
        <p className="sync-result" aria-live="polite">
          {undo.done}
        </p>
      ) : null}
      {undoing.about ? (
        <ConfirmDialog {...undoing.dialog} title="撤销导入" verb="撤销">
          <p>
            将撤销 {formatTime(undoing.about.importedAt)} 导入的
            <strong title={undoing.about.file}>{fileName(undoing.about.file)}</strong>（来自
            {undoing.about.from.office ?? '其他驻点'}，{undoing.about.new} 条新变更）。
          </p>
          {undoing.about.kind === 'ledger' ? (
            <ul>
              <li>它新建的项目和投资方将被删除，它改过的字段恢复为导入前的值。</li>
              <li>导入之后修改过的记录和字段保留；撤销作为本机的修改，下次同步时发给其他驻点。</li>
            </ul>
          ) : (
            <ul>
              <li>该文件带来的新增、修改和删除从本机移除，相关记录恢复为导入之前的样子。</li>
              <li>导入之后在本机做的修改保留；其他驻点的数据不受影响。</li>
              <li>
                这些变更仍在发送方的电脑上：以后再导入含有它们的文件（包括同一个文件），它们会重新进入本机。要让全区去掉某条数据，请在撤销后正常修改或删除它。
              </li>
            </ul>
          )}
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}

function UndoCell({ entry, onAsk }: { entry: SyncLogEntry; onAsk: () => void }) {
  if (entry.undoneAt) {
    return (
      <span className="sync-muted" title={`撤销于 ${formatTime(entry.undoneAt)}`}>
        已撤销
      </span>
    );
  }
  if (!entry.undoable) return <span className="sync-muted">—</span>;
  return (
    <button
      type="button"
      className="link-button"
      aria-label={`撤销导入 ${fileName(entry.file)}`}
      onClick={onAsk}
    >
      撤销……
    </button>
  );
}
