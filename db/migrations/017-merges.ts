// Issue 18, merging duplicates that two offices made offline (docs/sync.md S20). Investors,
// projects and contacts get a synced `merged_into`: the record it was merged into, or NULL. What a
// merge means for the stored rows is local and derived from the synced values (db/merges.ts): a
// merged-away record is stored as deleted, and a reference to it (a project's investor, an
// arrival's project, ...) is stored as its survivor; `merge_override` keeps the synced value each
// such column holds underneath, so that an unmerge, or a later change, finds it.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { runStatements } from './run-statements';

const MERGEABLE = ['investor', 'project', 'contact'];

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of MERGEABLE) {
    await db.schema.alterTable(table).addColumn('merged_into', 'text').execute();
    await sql`CREATE INDEX ${sql.raw(`${table}_merged_into`)} ON ${sql.table(table)} (merged_into)
      WHERE merged_into IS NOT NULL`.execute(db);
  }
  await sql`CREATE TABLE merge_override (
      tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, raw ANY,
      PRIMARY KEY (tbl, row_id, col)) STRICT, WITHOUT ROWID`.execute(db);
  // References a merge redirects, looked up by the record they name.
  await sql`CREATE INDEX activity_investor_id ON activity (investor_id)`.execute(db);
  await sql`CREATE INDEX capture_project_id ON capture (project_id)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP INDEX capture_project_id',
    'DROP INDEX activity_investor_id',
    'DROP TABLE merge_override',
    ...MERGEABLE.flatMap((t) => [
      `DROP INDEX ${t}_merged_into`,
      `ALTER TABLE ${t} DROP COLUMN merged_into`,
    ]),
  ]);
}
