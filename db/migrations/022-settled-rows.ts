// Issue 19, compaction (docs/sync.md S19): a row whose only change every known laptop holds keeps
// that change as a stamp (key, clock, author, the columns it wrote) instead of a log line; its values
// are the row's. Column lists repeat across rows, so each is stored once (`sync_colset`).
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE sync_colset (n INTEGER PRIMARY KEY NOT NULL, tbl TEXT NOT NULL,
       cols TEXT NOT NULL, UNIQUE (tbl, cols)) STRICT`,
    `CREATE TABLE sync_settled (tbl TEXT NOT NULL, row_id TEXT NOT NULL,
       origin_n INTEGER NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL, author TEXT,
       colset INTEGER NOT NULL, PRIMARY KEY (tbl, row_id)) STRICT, WITHOUT ROWID`,
  ]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE sync_settled', 'DROP TABLE sync_colset']);
}
