// Issue 16, point 9: the 看板's 分类统计 walked every project's investor group for each of five
// flags and 长三角 (491 ms of the 看板 at 100,000 projects). group_flags holds those six answers
// as bits (db/services/project-groups.ts), derived with the project's other local columns and
// computed for existing projects at the next open (db/mutation.ts, DERIVED_VERSION 7). The
// partial index holds every column the breakdown reads, so it counts from the index alone.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { runStatements } from './run-statements';

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE project ADD COLUMN group_flags INTEGER DEFAULT 0`.execute(db);
  await sql`CREATE INDEX project_breakdown ON project (
      signed_on, office_id, stage, terminated_on, group_flags, ownership, total_cny)
    WHERE deleted = 0`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP INDEX project_breakdown',
    'ALTER TABLE project DROP COLUMN group_flags',
  ]);
}
