// Zones (issue 14): the zone's roster of invitations (grants), laptops (site certificates) and
// revocations, each kept as the signed statement it arrived as, and each origin's hash chain in
// blocks with the heads its sites signed (db/sync/chain.ts), and the changes refused for authority.
// None of these tables is synced: the roster travels in every file's manifest, blocks and heads
// beside the changes they vouch for.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE zone_grant (grant_id TEXT PRIMARY KEY NOT NULL, statement TEXT NOT NULL)
    STRICT`.execute(db);
  await sql`CREATE TABLE zone_site (site_id TEXT PRIMARY KEY NOT NULL, office TEXT NOT NULL,
    statement TEXT NOT NULL) STRICT`.execute(db);
  await sql`CREATE TABLE zone_revocation (site_id TEXT PRIMARY KEY NOT NULL,
    last_seq INTEGER NOT NULL, statement TEXT NOT NULL) STRICT`.execute(db);
  await sql`CREATE TABLE sync_block (origin TEXT NOT NULL, block INTEGER NOT NULL,
    chain BLOB NOT NULL, PRIMARY KEY (origin, block)) STRICT, WITHOUT ROWID`.execute(db);
  // Changes kept in the log but never applied: another office's change to 本部's data.
  await sql`CREATE TABLE sync_refused (origin TEXT NOT NULL, seq INTEGER NOT NULL, tbl TEXT NOT NULL,
    reason TEXT NOT NULL, PRIMARY KEY (origin, seq)) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE sync_head (origin TEXT NOT NULL, seq INTEGER NOT NULL, state BLOB NOT NULL,
    sig TEXT NOT NULL, PRIMARY KEY (origin, seq)) STRICT, WITHOUT ROWID`.execute(db);
}
