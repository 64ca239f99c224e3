// Issue 19, compaction (docs/sync.md S19): changes every known peer holds and a later change has
// superseded leave the live log. What stays of each is its key, so that the same change coming
// back in a file is known and skipped, and, for a project, its author, clock and values, from which
// the field history is read. Each origin's `floor` is the block end at or below which its lines
// may be missing: no export can start there any more.
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE sync_archive_origin (n INTEGER PRIMARY KEY NOT NULL, origin TEXT NOT NULL UNIQUE,
       floor INTEGER NOT NULL DEFAULT 0) STRICT`,
    `CREATE TABLE sync_archive (origin_n INTEGER NOT NULL, seq INTEGER NOT NULL, row_id TEXT,
       hlc TEXT, author TEXT, fields TEXT, PRIMARY KEY (origin_n, seq)) STRICT, WITHOUT ROWID`,
    'CREATE INDEX sync_archive_row ON sync_archive (row_id) WHERE row_id IS NOT NULL',
    // Silent laptops the user excluded: what they lacked may be gone, so exports leave them out
    // until they are heard from again (then only a snapshot brings them back).
    `CREATE TABLE sync_excluded (site_id TEXT PRIMARY KEY NOT NULL, at TEXT NOT NULL) STRICT`,
  ]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP TABLE sync_excluded',
    'DROP TABLE sync_archive',
    'DROP TABLE sync_archive_origin',
  ]);
}
