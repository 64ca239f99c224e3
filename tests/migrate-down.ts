// Turns a database file of this version back into one the given migration was the last to run on,
// through the later migrations' `down`s, so that opening it runs them again as an upgrade would.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from '../db/migrations';

export async function migrateDownTo(file: string, last: string): Promise<void> {
  const sqlite = new Database(file);
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const { error } = await new Migrator({ db: kysely, provider: migrationProvider }).migrateTo(
      last,
    );
    if (error) throw error;
  } finally {
    await kysely.destroy();
  }
}
