// Opens the replica: SQLite file with WAL, migrations, the replica's site id (docs/sync.md S2) and the
// write guard; `transact` runs one service call in one transaction with its mutation layer.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../domain/errors';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from './migrations/index';
import { installSearchFold } from './search-match';
import { syncedTableNames } from './synced-tables';
import type { Tx } from './tx';
import { Sql, createQueryBuilder } from './sql';
import { Mutations, installMutationGuard, refreshDerivedColumns } from './mutation';
import { installSettledTriggers } from './sync/settled';
import { BackgroundCheckpoint } from './background-checkpoint';
import type { Clock } from './sync/hlc';
import { ZERO_CLOCK, observe, parseHlc } from './sync/hlc';
import { ensureSiteId, readMeta, writeIdentityFile, writeMeta } from './replica-identity';
import { hasQuarantine, releaseQuarantine } from './sync/quarantine';
import { ensureZone } from './sync/zone';
import { ownOffice } from './sync/peers';

export interface OpenOptions {
  /** File outside the database holding this install's id; a mismatch means a copied database. */
  installIdFile?: string;
  /** Wall clock in ms, replaceable in tests. */
  wallMs?: () => number;
  /**
   * A second connection that only reads, beside the one that writes (db/host/): no migrations, no
   * identity check, no write guard; the writer's connection must have opened the file first.
   */
  readOnly?: boolean;
  /**
   * Runs the replacement of the file (a restore): the database host closes its reader first and
   * reopens it after, since no connection may stay open on a replaced file.
   */
  aroundReplace?: (replace: () => Promise<void>) => Promise<void>;
}

// Long imported from here by the services.
export type { Tx };

interface Connection {
  sqlite: Database.Database;
  sql: Sql;
  siteId: string;
}

export class AppDatabase {
  readonly qb = createQueryBuilder();
  private clock: Clock;
  private connection: Connection;
  private readonly checkpoint: BackgroundCheckpoint | null;
  /** Whether transactBulkAcross holds this connection's transaction open across an await. */
  private held = false;

  private constructor(
    /** The database file, or ':memory:'. */
    readonly file: string,
    connection: Connection,
    private readonly options: OpenOptions,
  ) {
    this.connection = connection;
    this.clock = this.storedClock();
    this.checkpoint =
      file === ':memory:' || options.readOnly ? null : new BackgroundCheckpoint(file);
  }

  static async open(file: string, options: OpenOptions = {}): Promise<AppDatabase> {
    const app = new AppDatabase(file, await connect(file, options), options);
    // After an upgrade, changes kept for tables or columns the old version lacked apply (S16).
    if (!options.readOnly && hasQuarantine(app.sql)) app.transact((tx) => releaseQuarantine(tx));
    return app;
  }

  get sqlite(): Database.Database {
    return this.connection.sqlite;
  }

  get sql(): Sql {
    return this.connection.sql;
  }

  get siteId(): string {
    return this.connection.siteId;
  }

  /**
   * Replaces the database file with `source` (already checked by the caller) and reopens it. The
   * replica identity check then gives it a new site id, since it is behind this install's mark.
   */
  async replaceWith(source: string): Promise<void> {
    if (this.file === ':memory:') throw new Error('cannot replace an in-memory database');
    const replace = async () => {
      this.checkpoint?.waitClosed();
      this.sqlite.close();
      for (const suffix of ['-wal', '-shm']) rmSync(this.file + suffix, { force: true });
      copyFileSync(source, this.file);
      this.connection = await connect(this.file, this.options);
      this.clock = this.storedClock();
    };
    await (this.options.aroundReplace ? this.options.aroundReplace(replace) : replace());
  }

  /**
   * Runs `work` in one transaction; any exception rolls back every write. Writes take the lock at
   * the start (IMMEDIATE); reads (`write: false`) do not, so they never wait for another process.
   */
  transact<T>(work: (tx: Tx) => T, options: { write?: boolean; author?: string } = {}): T {
    if (this.held) throw new AppError('DATABASE_BUSY');
    const run = this.sqlite.transaction(() => {
      const mutate = this.mutations(options.author);
      const result = work({ sql: this.sql, qb: this.qb, mutate, siteId: this.siteId });
      return { result, clock: this.finishMutations(mutate) };
    });
    const { result, clock } = options.write === false ? run.deferred() : run.immediate();
    this.clock = clock; // only after commit (docs/sync.md property 5: a failed batch leaves the clock as it was)
    return result;
  }

  private mutations(author: string | undefined): Mutations {
    return new Mutations({
      sql: this.sql,
      siteId: this.siteId,
      author: author ?? this.meta('user_name') ?? null,
      // Another process (the CLI beside the app) may have written since: start past its clock.
      clock: observe(this.clock, this.storedClock()),
      wallMs: this.options.wallMs ?? Date.now,
    });
  }

  private finishMutations(mutate: Mutations): Clock {
    const clock = mutate.finish();
    // The seqs this commit uses are reserved first, outside the database (replica-identity.ts).
    if (mutate.wrote && this.options.installIdFile) {
      writeIdentityFile(this.options.installIdFile, {
        installId: this.meta('install_id')!,
        siteId: this.siteId,
        seq: mutate.highestSeq,
      });
    }
    return clock;
  }

  /**
   * `transact` for a write that dirties many pages, such as a sync import or its undo: its commit
   * does not copy the pages it wrote from the WAL into the database file; a background checkpoint
   * does, after the commit (background-checkpoint.ts).
   */
  transactBulk<T>(work: (tx: Tx) => T): T {
    if (!this.checkpoint) return this.transact(work);
    this.sqlite.pragma('wal_autocheckpoint = 0');
    let result: T;
    try {
      result = this.transact(work);
    } finally {
      this.sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    }
    this.checkpoint.start();
    return result;
  }

  /**
   * `transactBulk` for work that awaits with its transaction open: a snapshot join writes its
   * tables while a worker thread still checks them (docs/sync.md S22). Anything thrown rolls back
   * every write, and a crash leaves no commit in the WAL. Meanwhile every other transaction on this
   * connection is refused (DATABASE_BUSY) instead of joining this one.
   */
  async transactBulkAcross<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.held || this.sqlite.inTransaction) throw new AppError('DATABASE_BUSY');
    this.held = true;
    if (this.checkpoint) this.sqlite.pragma('wal_autocheckpoint = 0');
    let result: T;
    try {
      this.sqlite.exec('BEGIN IMMEDIATE');
      try {
        const mutate = this.mutations(undefined);
        result = await work({ sql: this.sql, qb: this.qb, mutate, siteId: this.siteId });
        const clock = this.finishMutations(mutate);
        this.sqlite.exec('COMMIT');
        this.clock = clock;
      } catch (error) {
        if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.held = false;
      if (this.checkpoint) this.sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    }
    this.checkpoint?.start();
    return result;
  }

  /** Resolves once no background checkpoint is running. */
  checkpointIdle(): Promise<void> {
    return this.checkpoint?.idle() ?? Promise.resolve();
  }

  /**
   * Copies the whole WAL into the database file and empties it. A background checkpoint still
   * running after a bulk write would make SQLite answer busy and leave the file as it was, so this
   * waits for it first.
   */
  checkpointFully(): void {
    this.checkpoint?.waitClosed();
    this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }

  private storedClock(): Clock {
    const last = this.meta('hlc_last');
    return last ? parseHlc(last) : ZERO_CLOCK;
  }

  /** The wall clock this replica's clocks read (replaceable in tests), in ms. */
  now(): number {
    return (this.options.wallMs ?? Date.now)();
  }

  meta(key: string): string | undefined {
    return readMeta(this.sqlite, key);
  }

  setMeta(key: string, value: string): void {
    writeMeta(this.sqlite, key, value);
  }

  /** Refreshes the query planner's statistics; run after bulk writes (demo data, imports). */
  analyze(): void {
    // Exact statistics: a sampled ANALYZE reads only the first pages of each index and extrapolates
    // from their fill, which misjudges indexes built in bulk and then grown row by row (the 看板
    // went from p95 79 to 137 ms on such estimates). At 100k projects and 800k rows the exact pass
    // takes under a second.
    this.sqlite.pragma('analysis_limit = 0');
    for (const table of [...syncedTableNames, 'sync_change']) {
      this.sqlite.exec(`ANALYZE ${table}`);
    }
  }

  close(): void {
    this.checkpoint?.waitClosed();
    if (!this.options.readOnly) this.sqlite.pragma('optimize');
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

const PAGE_SIZE = 16_384;
/** SQLite's default: a commit that leaves the WAL over this many pages checkpoints it. */
const WAL_AUTOCHECKPOINT_PAGES = 1000;

async function connect(file: string, options: OpenOptions): Promise<Connection> {
  if (options.readOnly) return connectReader(file);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    // 16 KiB pages: bulk writes (sync imports, demo data, Excel) write a quarter as many WAL frames
    // and split a quarter as many pages as with the 4 KiB default, for about half the CPU time in
    // the sync benchmark's log inserts. Only a new file takes the size; an existing WAL database
    // keeps the one it was made with.
    sqlite.pragma(`page_size = ${PAGE_SIZE}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -65536'); // 64 MB
    sqlite.pragma('foreign_keys = OFF');
    await migrate(sqlite);
    installSearchFold(sqlite);
    sqlite.pragma('optimize = 0x10002'); // refresh planner statistics that have gone stale
    // After the statistics: its one meta row must not make the next open analyze again.
    refreshDerivedColumns(sqlite);
    installMutationGuard(sqlite);
    installSettledTriggers(sqlite);
    const siteId = ensureSiteId(sqlite, options.installIdFile);
    const at = new Date((options.wallMs ?? Date.now)()).toISOString();
    sqlite.transaction(() => ensureZone(sqlite, siteId, ownOffice(new Sql(sqlite)), at))();
    return { sqlite, sql: new Sql(sqlite), siteId };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** A read-only connection to a database the writer has opened (WAL: it never waits for it). */
function connectReader(file: string): Connection {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -65536'); // 64 MB
    installSearchFold(sqlite);
    const siteId = readMeta(sqlite, 'site_id');
    if (siteId === undefined) throw new Error(`${file} has no site id: open it for writing first`);
    return { sqlite, sql: new Sql(sqlite), siteId };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Opens (creating and migrating if needed) the database at `file`. */
export function openAppDatabase(file: string, options: OpenOptions = {}): Promise<AppDatabase> {
  const installIdFile =
    options.installIdFile ?? (file === ':memory:' ? undefined : `${file}.install-id`);
  return AppDatabase.open(file, { ...options, installIdFile });
}
