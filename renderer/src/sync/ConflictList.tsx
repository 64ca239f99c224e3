// 冲突: each open conflict names the record and field, shows both values with the office, person and
// time of each, and keeps one with one click (sync.resolve writes an ordinary change, which syncs).
import type { ConflictSide, SyncConflict } from '../../../domain/sync';
import { call } from '../api/client';
import { formatTime } from '../settings/backup-format';
import { ErrorText } from '../ui/Alert';
import { Card } from '../ui/Card';
import { EmptyNote } from '../ui/EmptyState';
import { useSubmit } from '../ui/use-submit';
import { columnLabel, tableLabels, valueText } from './conflict-labels';

interface Props {
  conflicts: readonly SyncConflict[];
  onResolved: () => void;
}

export function ConflictList({ conflicts, onResolved }: Props) {
  const resolving = useSubmit();

  const resolve = (conflict: SyncConflict, choose: 'a' | 'b') =>
    void resolving.run(async () => {
      await call('sync.resolve', { id: conflict.id, choose });
      onResolved();
    });

  return (
    <Card
      id="sync-conflicts"
      title={`冲突${conflicts.length ? `（${conflicts.length}）` : ''}`}
      className="sync-card"
    >
      <ErrorText error={resolving.error} className="sync-error" />
      {conflicts.length === 0 ? (
        <EmptyNote className="sync-empty">
          没有待处理的冲突。两地同时修改了同一字段时，导入后会列在这里，由您选择保留哪一个值。
        </EmptyNote>
      ) : (
        <ul className="sync-conflicts">
          {conflicts.map((c) => (
            <li key={c.id} className="sync-conflict" aria-label={`冲突：${conflictTitle(c)}`}>
              <p className="sync-conflict-title sync-ellipsis" title={conflictTitle(c)}>
                <span className="tag">{tableLabels[c.table] ?? c.table}</span>
                <strong>{c.rowLabel ?? c.rowId}</strong>
                <span className="sync-conflict-field">
                  {c.kind === 'edit_after_delete'
                    ? '删除后又被修改'
                    : columnLabel(c.table, c.column)}
                </span>
              </p>
              <div className="two-columns">
                {(['a', 'b'] as const).map((key) => (
                  <Side
                    key={key}
                    conflict={c}
                    side={c[key]}
                    which={key}
                    busy={resolving.busy}
                    onChoose={() => resolve(c, key)}
                  />
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function conflictTitle(c: SyncConflict): string {
  const field = c.kind === 'edit_after_delete' ? '删除后又被修改' : columnLabel(c.table, c.column);
  return `${tableLabels[c.table] ?? c.table}「${c.rowLabel ?? c.rowId}」的${field}`;
}

function sideValue(c: SyncConflict, which: 'a' | 'b', side: ConflictSide): string {
  if (c.kind !== 'edit_after_delete') return valueText(c.column, side.value);
  if (which === 'a') return '删除此记录';
  const edited = Object.entries(c.editedFields ?? {})
    .filter(([col]) => col !== 'deleted')
    .map(([col, v]) => `${columnLabel(c.table, col)}：${valueText(col, v)}`);
  return edited.length ? `保留并修改（${edited.join('；')}）` : '保留此记录';
}

interface SideProps {
  conflict: SyncConflict;
  side: ConflictSide;
  which: 'a' | 'b';
  busy: boolean;
  onChoose: () => void;
}

function Side({ conflict, side, which, busy, onChoose }: SideProps) {
  const value = sideValue(conflict, which, side);
  const current = conflict.kind !== 'edit_after_delete' && side.value === conflict.current;
  return (
    <div className={current ? 'sync-side sync-side-current' : 'sync-side'}>
      <p className="sync-side-value" title={value}>
        {value}
      </p>
      <p className="sync-note">
        {side.office ?? `站点 ${side.origin.slice(0, 8)}`} · {side.author ?? '未知'} ·{' '}
        {formatTime(side.at)}
        {current ? ' · 当前值' : ''}
      </p>
      <button
        type="button"
        className="secondary-button small"
        disabled={busy}
        aria-label={`保留「${value}」（${side.office ?? side.origin}）`}
        onClick={onChoose}
      >
        保留此值
      </button>
    </div>
  );
}
