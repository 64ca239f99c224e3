// Issue 18, suspected duplicates: a pair of records someone judged "not the same" (不是同一家) is a
// synced row, so no office is asked about it again. Its id is the kind and both ids in order.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { runStatements } from './run-statements';

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('not_duplicate')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kind', 'text')
    .addColumn('a_id', 'text')
    .addColumn('b_id', 'text')
    .modifyEnd(sql`STRICT`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE not_duplicate']);
}
