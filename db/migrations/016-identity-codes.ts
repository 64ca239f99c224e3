// Issue 18, identity codes: an investor's 统一社会信用代码 and a project's national 项目代码 (both
// synced, validated by domain/identity-codes.ts), and an investor's stored search text (local,
// derived like a project's: names, aliases and credit code folded with pinyin), so that the first
// investor search after start reads a column instead of spelling every investor. The search texts
// themselves are computed at the next open (db/mutation.ts, DERIVED_VERSION 6, forgotten here).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { runStatements } from './run-statements';

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('investor').addColumn('credit_code', 'text').execute();
  await db.schema.alterTable('project').addColumn('project_code', 'text').execute();
  await db.schema.alterTable('investor').addColumn('search_text', 'text').execute();
  // The duplicate check and `search` look a code up exactly.
  await sql`CREATE INDEX investor_credit_code ON investor (credit_code)
    WHERE credit_code IS NOT NULL`.execute(db);
  await sql`CREATE INDEX project_project_code ON project (project_code)
    WHERE project_code IS NOT NULL`.execute(db);
  // Derived columns are recomputed at the next open whatever version made them (after a down, too).
  await sql`DELETE FROM sync_meta WHERE key = 'derived_version'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP INDEX investor_credit_code',
    'DROP INDEX project_project_code',
    'ALTER TABLE investor DROP COLUMN search_text',
    'ALTER TABLE project DROP COLUMN project_code',
    'ALTER TABLE investor DROP COLUMN credit_code',
  ]);
}
