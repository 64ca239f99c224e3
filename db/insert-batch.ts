// New rows of one table written many to a statement: a bulk load (Mutations.load) spends about half
// of SQLite's time per row on running the statement rather than on the row itself, which a
// multi-row INSERT pays once for all its rows.
import type Database from 'better-sqlite3';

export type BatchValue = string | number | null;

/** Rows per statement: beyond a few dozen the statement's own cost no longer shows. */
const ROWS_PER_STATEMENT = 64;

export class InsertBatch {
  private readonly cols: readonly string[];
  /** Each column's value when a row leaves it out, as a row-by-row INSERT would store it. */
  private readonly defaults: readonly BatchValue[];
  /** The INSERT of so many rows, by their number. */
  private readonly inserts = new Map<number, Database.Statement>();
  private values: BatchValue[] = [];

  constructor(
    private readonly sqlite: Database.Database,
    private readonly table: string,
  ) {
    const info = sqlite.pragma(`table_info(${table})`) as {
      name: string;
      dflt_value: string | null;
    }[];
    this.cols = info.map((c) => c.name);
    this.defaults = info.map((c) =>
      c.dflt_value === null
        ? null
        : (sqlite.prepare(`SELECT ${c.dflt_value}`).pluck().get() as BatchValue),
    );
  }

  /** Queues a row; every ROWS_PER_STATEMENT rows, writes them. */
  add(row: Readonly<Record<string, BatchValue | undefined>>): void {
    const { cols, defaults, values } = this;
    for (let i = 0; i < cols.length; i++) {
      const value = row[cols[i]!];
      values.push(value === undefined ? defaults[i]! : value);
    }
    if (values.length === cols.length * ROWS_PER_STATEMENT) this.flush();
  }

  get pending(): boolean {
    return this.values.length > 0;
  }

  /** Writes the queued rows. */
  flush(): void {
    if (this.values.length === 0) return;
    this.insertOf(this.values.length / this.cols.length).run(this.values);
    this.values = [];
  }

  private insertOf(rows: number): Database.Statement {
    let insert = this.inserts.get(rows);
    if (!insert) {
      const row = `(${this.cols.map(() => '?').join(', ')})`;
      const values = Array<string>(rows).fill(row).join(', ');
      insert = this.sqlite.prepare(
        `INSERT INTO ${this.table} (${this.cols.join(', ')}) VALUES ${values}`,
      );
      this.inserts.set(rows, insert);
    }
    return insert;
  }
}
