// A table of records: the header row, a <col> per column when any column sets its width, the rows
// the caller renders, and (given `scroll`) the box that scrolls when the table outgrows it.
import type { ReactNode } from 'react';
import { TableHead } from './TableHead';
import type { Column } from './TableHead';

/** What a table is: its name for screen readers and its columns. */
export interface TableHeadSpec {
  label?: string;
  columns: readonly (string | Column)[];
}

interface Props {
  head: TableHeadSpec;
  className: string;
  /** The class of the box around the table that scrolls; no box when left out. */
  scroll?: string;
  /** The rows (<tr>). */
  children: ReactNode;
}

export function DataTable({ head: { label, columns }, className, scroll, children }: Props) {
  const widths = columns.some((c) => typeof c !== 'string' && c.col !== undefined);
  const table = (
    <table className={className} aria-label={label}>
      {widths ? (
        <colgroup>
          {columns.map((c, i) => (
            <col key={i} className={typeof c === 'string' ? undefined : c.col || undefined} />
          ))}
        </colgroup>
      ) : null}
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
  return scroll ? <div className={scroll}>{table}</div> : table;
}
