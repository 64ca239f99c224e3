// A project's match key (domain/project-match.ts: investor and name as an office's ledger writes
// them), stored and indexed so that an Excel import finds the project of each of its rows by index
// instead of reading every project first: the preview cost 0.6 s at 100k projects before a row was
// looked at. Filled here from the stored names; kept by the project's derived columns afterwards
// (db/derived.ts).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { matchKey } from '../../domain/project-match';
import { runStatements } from './run-statements';

const BATCH = 5_000;

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('project').addColumn('match_key', 'text').execute();
  for (let after = 0; ;) {
    const rows = (
      await sql<{ rowid: number; name: string | null; investor_name: string | null }>`
      SELECT rowid, name, investor_name FROM project WHERE rowid > ${after} ORDER BY rowid
      LIMIT ${BATCH}`.execute(db)
    ).rows;
    if (rows.length === 0) break;
    const keys = rows.map((r) => [r.rowid, matchKey(r.investor_name, r.name ?? '')]);
    await sql`UPDATE project SET match_key = j.value ->> 1
      FROM json_each(${JSON.stringify(keys)}) AS j WHERE project.rowid = j.value ->> 0`.execute(db);
    after = rows.at(-1)!.rowid;
  }
  await sql`CREATE INDEX project_match_key ON project (match_key) WHERE deleted = 0`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP INDEX project_match_key',
    'ALTER TABLE project DROP COLUMN match_key',
  ]);
}
