// The two-column table of 数据质量 and 应报未报: a status line while loading or failed, a note
// when nothing is found, else one row per record with its link in the second column.
import type { ReactNode } from 'react';

interface Props<T> {
  /** Shown instead of the table while it is not null (loading, or the error). */
  status: ReactNode;
  empty: string;
  headers: [string, string];
  rows: T[];
  rowKey: (row: T) => string;
  first: (row: T) => ReactNode;
  firstClassName?: string;
  second: (row: T) => ReactNode;
}

export function QualityTable<T>(p: Props<T>) {
  if (p.status !== null) return p.status;
  if (p.rows.length === 0) return <p className="empty-note settings-empty">{p.empty}</p>;
  return (
    <table className="settings-table data-quality-table">
      <thead>
        <tr>
          <th scope="col">{p.headers[0]}</th>
          <th scope="col">{p.headers[1]}</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((row) => (
          <tr key={p.rowKey(row)}>
            <td className={p.firstClassName}>{p.first(row)}</td>
            <td>{p.second(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
