// Opens the replica: SQLite file with WAL, migrations, the replica's site id (SYNC.md S2) and the
// write guard; `transact` runs one service call in one transaction with its mutation layer.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from './migrations/index';
import type { Schema } from './schema';
import { Sql, createQueryBuilder } from './sql';
import { Mutations, installMutationGuard } from './mutation';
import type { Clock } from './sync/hlc';
import { ZERO_CLOCK, parseHlc } from './sync/hlc';

export interface OpenOptions {
  /** File outside the database holding this install's id; a mismatch means a copied database. */
  installIdFile?: string;
  /** Wall clock in ms, replaceable in tests. */
  wallMs?: () => number;
}

export interface Tx {
  readonly sql: Sql;
  readonly qb: Kysely<Schema>;
  readonly mutate: Mutations;
  readonly siteId: string;
}

export class AppDatabase {
  readonly sql: Sql;
  readonly qb = createQueryBuilder();
  private clock: Clock;

  private constructor(
    readonly sqlite: Database.Database,
    readonly siteId: string,
    private readonly wallMs: () => number,
  ) {
    this.sql = new Sql(sqlite);
    const last = this.meta('hlc_last');
    this.clock = last ? parseHlc(last) : ZERO_CLOCK;
  }

  static async open(file: string, options: OpenOptions = {}): Promise<AppDatabase> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new Database(file);
    try {
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('cache_size = -65536'); // 64 MB: large imports stay in memory until commit
      sqlite.pragma('foreign_keys = OFF');
      await migrate(sqlite);
      sqlite.pragma('optimize = 0x10002'); // refresh planner statistics that have gone stale
      installMutationGuard(sqlite);
      const siteId = ensureSiteId(sqlite, options.installIdFile);
      return new AppDatabase(sqlite, siteId, options.wallMs ?? Date.now);
    } catch (error) {
      sqlite.close();
      throw error;
    }
  }

  /** Runs `work` in one immediate transaction; any exception rolls back every write. */
  transact<T>(work: (tx: Tx) => T): T {
    const run = this.sqlite.transaction(() => {
      const mutate = new Mutations({
        sql: this.sql,
        siteId: this.siteId,
        author: this.meta('user_name') ?? null,
        clock: this.clock,
        wallMs: this.wallMs,
      });
      const result = work({ sql: this.sql, qb: this.qb, mutate, siteId: this.siteId });
      return { result, clock: mutate.finish() };
    });
    const { result, clock } = run.immediate();
    this.clock = clock; // only after commit (SYNC.md lesson: never advance on a failed batch)
    return result;
  }

  meta(key: string): string | undefined {
    const row = this.sql.prepare('SELECT value FROM sync_meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.sql
      .prepare(
        'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  /** Refreshes the query planner's statistics; run after bulk writes (demo data, imports). */
  analyze(): void {
    // The ledger's plans depend on exact project statistics; the large logs only need estimates.
    this.sqlite.pragma('analysis_limit = 0');
    this.sqlite.exec('ANALYZE project');
    this.sqlite.pragma('analysis_limit = 1000');
    for (const table of [
      'investor',
      'contact',
      'activity',
      'task',
      'capital_arrival',
      'sync_change',
    ]) {
      this.sqlite.exec(`ANALYZE ${table}`);
    }
  }

  close(): void {
    this.sqlite.pragma('optimize');
    this.sqlite.close();
  }
}

async function migrate(sqlite: Database.Database): Promise<void> {
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({
    db: kysely,
    provider: migrationProvider,
  }).migrateToLatest();
  if (error) throw error;
}

const randomSiteId = () => randomBytes(8).toString('hex');

/**
 * The replica's site id. A database whose install id differs from the one kept beside it was copied
 * or restored: it takes a new site id so sequence numbers are never reused; the old id stays an
 * ordinary origin in the change log.
 */
function ensureSiteId(sqlite: Database.Database, installIdFile?: string): string {
  const get = (key: string) =>
    (
      sqlite.prepare('SELECT value FROM sync_meta WHERE key = ?').get(key) as
        { value: string } | undefined
    )?.value;
  const set = (key: string, value: string) =>
    sqlite
      .prepare(
        'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);

  const fileInstallId =
    installIdFile && existsSync(installIdFile)
      ? readFileSync(installIdFile, 'utf8').trim()
      : undefined;
  let siteId = get('site_id');
  const dbInstallId = get('install_id');
  const copied =
    siteId !== undefined && installIdFile !== undefined && dbInstallId !== fileInstallId;
  if (siteId === undefined || copied) {
    if (siteId !== undefined)
      set('previous_site_ids', [get('previous_site_ids'), siteId].filter(Boolean).join(','));
    siteId = randomSiteId();
    set('site_id', siteId);
  }
  const installId = fileInstallId ?? dbInstallId ?? randomBytes(16).toString('hex');
  set('install_id', installId);
  if (installIdFile && fileInstallId === undefined) writeFileSync(installIdFile, installId + '\n');
  return siteId;
}

/** Opens (creating and migrating if needed) the database at `file`. */
export function openAppDatabase(file: string, options: OpenOptions = {}): Promise<AppDatabase> {
  const installIdFile =
    options.installIdFile ?? (file === ':memory:' ? undefined : `${file}.install-id`);
  return AppDatabase.open(file, { ...options, installIdFile });
}
