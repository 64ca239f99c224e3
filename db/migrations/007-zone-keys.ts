// File key epochs (issue 14, docs/sync.md Z5 and Z7): the zone's file keys by epoch, epoch 0 being
// the key the zone was made with (moved here from sync_meta), and the root's latest statement of
// each later epoch, which carries its key wrapped for each laptop and travels in every manifest's
// roster. Neither table is synced as rows.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE zone_key (epoch INTEGER PRIMARY KEY NOT NULL, key TEXT NOT NULL)
    STRICT, WITHOUT ROWID`.execute(db);
  await sql`INSERT INTO zone_key (epoch, key)
    SELECT 0, value FROM sync_meta WHERE key = 'zone_key'`.execute(db);
  await sql`DELETE FROM sync_meta WHERE key = 'zone_key'`.execute(db);
  await sql`CREATE TABLE zone_rekey (epoch INTEGER PRIMARY KEY NOT NULL, statement TEXT NOT NULL)
    STRICT, WITHOUT ROWID`.execute(db);
}
