// Local state of file sync (docs/sync.md S9-S17): peers and what they acknowledged, the import log,
// changes quarantined for tables or columns this version does not know, and conflicts for review.
// None of these tables is synced.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sync_peer')
    .addColumn('site_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('office', 'text')
    // JSON {origin: seq}: the peer's vector as its latest imported file stated.
    .addColumn('acked', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('last_in_at', 'text')
    .addColumn('last_in_file', 'text')
    .addColumn('last_out_at', 'text')
    .addColumn('last_out_file', 'text')
    .modifyEnd(sql`STRICT`)
    .execute();

  await db.schema
    .createTable('sync_import_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().notNull())
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .modifyEnd(sql`STRICT`)
    .execute();
  await db.schema
    .createIndex('sync_import_log_file')
    .on('sync_import_log')
    .column('file_id')
    .execute();

  await db.schema
    .createTable('sync_quarantine')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('tbl', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_quarantine_pk', ['origin', 'seq'])
    .modifyEnd(sql`STRICT`)
    .execute();

  // A pair of changes found in conflict; whether it is still open is read from the log.
  await db.schema
    .createTable('sync_conflict')
    .addColumn('a_hlc', 'text', (c) => c.notNull())
    .addColumn('b_hlc', 'text', (c) => c.notNull())
    .addColumn('col', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tbl', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_conflict_pk', ['a_hlc', 'b_hlc', 'col'])
    .modifyEnd(sql`STRICT`)
    .execute();
}
