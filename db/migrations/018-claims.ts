// Issue 18, 首报首谈: who first reported an investor or project (claim), and 本部's arbitration
// between offices that both claim one (claim_decision, id = the subject's id; 本部 only).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { runStatements } from './run-statements';

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('claim')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('investor_id', 'text')
    .addColumn('project_id', 'text')
    .addColumn('office_id', 'text')
    .addColumn('promoter_id', 'text')
    .addColumn('claimed_on', 'text')
    .addColumn('reported', 'text')
    .addColumn('role', 'text')
    .addColumn('share', 'integer')
    .modifyEnd(sql`STRICT`)
    .execute();
  await sql`CREATE INDEX claim_investor_id ON claim (investor_id)`.execute(db);
  await sql`CREATE INDEX claim_project_id ON claim (project_id)`.execute(db);
  await db.schema
    .createTable('claim_decision')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claim_id', 'text')
    .addColumn('note', 'text')
    .addColumn('decided_on', 'text')
    .modifyEnd(sql`STRICT`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP TABLE claim_decision',
    'DROP INDEX claim_project_id',
    'DROP INDEX claim_investor_id',
    'DROP TABLE claim',
  ]);
}
