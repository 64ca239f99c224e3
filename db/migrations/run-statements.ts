// A migration's `down`: SQLite prepares one statement at a time.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function runStatements(db: Kysely<unknown>, statements: readonly string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
