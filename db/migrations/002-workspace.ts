// The promoter's workspace: trade-fair quick captures (synced, so a capture made on one laptop can be
// triaged on another) and saved ledger views (local: a view is one person's way of looking).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('capture')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('captured_on', 'text')
    .addColumn('investor_name', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('wechat', 'text')
    .addColumn('interest', 'text')
    .addColumn('fair_edition', 'text')
    .addColumn('note', 'text')
    .addColumn('status', 'text')
    .addColumn('project_id', 'text')
    .modifyEnd(sql`STRICT`)
    .execute();
  await db.schema.createIndex('capture_status').on('capture').column('status').execute();

  await db.schema
    .createTable('saved_view')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(sql`STRICT`)
    .execute();
}
