// Issue 19, undo of an import at the cost of the import: instead of a copy of the whole database
// before each import, the import log records which changes each import brought (runs of seqs per
// origin) and the local "last written here" time of each project it touched. Undo removes those
// changes and rebuilds the rows they touched from the rest of the log (db/sync/undo-import.ts).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { runStatements } from './run-statements';

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'ALTER TABLE sync_import_log ADD COLUMN undone_at TEXT',
    // What the undo did: its report as JSON.
    'ALTER TABLE sync_import_log ADD COLUMN undo TEXT',
  ]);
  await db.schema
    .createTable('sync_import_run')
    .addColumn('import_id', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('first_seq', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_import_run_pk', ['import_id', 'origin', 'first_seq'])
    .modifyEnd(sql`STRICT`)
    .execute();
  await db.schema
    .createTable('sync_import_touch')
    .addColumn('import_id', 'integer', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addPrimaryKeyConstraint('sync_import_touch_pk', ['import_id', 'row_id'])
    .modifyEnd(sql`STRICT`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP TABLE sync_import_touch',
    'DROP TABLE sync_import_run',
    'ALTER TABLE sync_import_log DROP COLUMN undo',
    'ALTER TABLE sync_import_log DROP COLUMN undone_at',
  ]);
}
