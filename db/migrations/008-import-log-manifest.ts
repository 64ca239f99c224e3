// The import log keeps each file's manifest digest: a file id seen before with other content is
// refused (FILE_ID_REUSED) instead of being taken for the file already imported (docs/sync.md S18).
// Files imported before this migration have none and are recognised by their id alone.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE sync_import_log ADD COLUMN manifest_sha256 TEXT`.execute(db);
}
