// 变更记录: who changed which field of the project, from what, to what, and when — read from the
// change log (project.history), newest first.
import type { AnyCurrency } from '../../../domain/currencies';
import { format, parseISO } from 'date-fns';
import { call } from '../api/client';
import { ListState } from '../ui/ListState';
import { useLoad } from '../ui/use-load';
import { historyRows } from './project-history';

function when(at: string): string {
  const date = parseISO(at);
  return Number.isNaN(date.getTime()) ? at : format(date, 'yyyy-MM-dd HH:mm');
}

interface Props {
  projectId: string;
  /** The project's currency now, for amounts written before any currency change. */
  currency: AnyCurrency;
  /** Changes after each save, so the list reloads. */
  version: string;
}

export function HistoryTab({ projectId, currency, version }: Props) {
  const list = useLoad(() => call('project.history', { id: projectId }), [projectId, version], {
    keep: true,
  });
  const rows = list.data ? historyRows(list.data, currency) : [];
  return (
    <div className="tab-body">
      <ListState
        list={list}
        className="tab-empty"
        empty="还没有变更记录。修改并保存项目信息后，这里会列出谁在何时把哪个字段从什么改成了什么。"
      />
      {rows.length ? (
        <table className="tab-table history-table" aria-label="变更记录列表">
          <thead>
            <tr>
              <th>时间</th>
              <th>修改人</th>
              <th>字段</th>
              <th>原值</th>
              <th>新值</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td className="nowrap">{when(row.at)}</td>
                <td>{row.author ?? '—'}</td>
                <td>{row.label}</td>
                <td>
                  <span className="cell-text muted" title={row.from}>
                    {row.from}
                  </span>
                </td>
                <td>
                  <span className="cell-text" title={row.to}>
                    {row.to}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
