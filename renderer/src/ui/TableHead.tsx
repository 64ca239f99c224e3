// A table's header row: each column's heading, right-aligned where the column holds numbers; a
// column of buttons has its heading for screen readers only.
import { classes } from './classes';

export interface Column {
  label: string;
  num?: boolean;
  /** The column's own class (a screen's name for its number columns). */
  className?: string;
  /** Read by screen readers, not shown (the 操作 column). */
  hidden?: boolean;
  /** A tooltip on the heading: what the column counts. */
  title?: string;
  /** The class of the column's <col> (its width); see DataTable. */
  col?: string;
}

export function TableHead({ columns }: { columns: readonly (string | Column)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => {
          const column = typeof c === 'string' ? { label: c } : c;
          return (
            <th
              key={column.label}
              scope="col"
              className={classes(column.num && 'num', column.className) || undefined}
              title={column.title}
            >
              {column.hidden ? (
                <span className="visually-hidden">{column.label}</span>
              ) : (
                column.label
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
