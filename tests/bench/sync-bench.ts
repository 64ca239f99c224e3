// Sync benchmark (issue 5): export and import of about 100k changes (demo data: projects with their
// investors, contacts, activities, tasks and arrivals) between WAL database files, each compared with
// raw prepared inserts of the same number of rows measured in the same run; file size per 1k changes.
// Import and export with and without authentication (issue 14): see sync-auth-steps.ts.
import { writeDemoRows } from '../../db/services/app';
import { joinWithInvitation, makeInvitation } from '../../db/sync/invitation';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { syncedTableNames } from '../../db/synced-tables';
import { dispatchSync } from '../../db/dispatcher';
import { Sql } from '../../db/sql';
import { dropSecondaryIndexes, worthRebuilding } from '../../db/sync/bulk-indexes';
import { exportFile } from '../../db/sync/export';
import { forgetSpellings } from '../../db/search-fold';
import { importFile, readSyncFile } from '../../db/sync/import';
import { zoneOf } from '../../db/sync/zone';
import { authenticationSteps } from './sync-auth-steps';
import type { StepTime } from './sync-auth-steps';
import type { Budgets } from './budgets';

export interface SyncBenchResult {
  changes: number;
  exportS: number;
  importS: number;
  rawS: number;
  /** Authentication's share of the import (the larger of its wall and CPU shares). */
  authShare: number;
  failures: string[];
}

/** Authentication may cost at most this share of the import's time (issue 14, point 2). */
const AUTH_BUDGET = 0.1;

/** Runs of the import beside its reference; the run of median ratio is reported. */
const RUNS = Number(process.env.BENCH_SYNC_RUNS ?? 5);

/** About 8 changes per demo project. */
const CHANGES = Number(process.env.BENCH_SYNC_CHANGES ?? 100_000);

function ok<T>(result: { ok: boolean; data?: T; message?: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.data as T;
}

/**
 * The same rows as the change log (every column, same values), by one prepared INSERT into a WAL
 * file, into a table of the log's own shape: its key (origin, seq) and its (tbl, row_id) index.
 */
function rawInserts(dir: string, rows: unknown[][]): number {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE raw (origin TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL,
    tbl TEXT NOT NULL, row_id TEXT NOT NULL, fields TEXT NOT NULL, prev TEXT NOT NULL, author TEXT,
    PRIMARY KEY (origin, seq)) STRICT;
    CREATE INDEX raw_row ON raw (tbl, row_id)`);
  const insert = db.prepare('INSERT INTO raw VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const t = performance.now();
  db.transaction(() => {
    for (const r of rows) insert.run(r);
  })();
  const seconds = (performance.now() - t) / 1000;
  db.close();
  return seconds;
}

type Timed = { s: number; cpu: number };

/** Wall seconds and this process's CPU seconds of `work`. */
async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; s: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await work();
  const s = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  return { value, s, cpu: (used.user + used.system) / 1e6 };
}

/** The sender's change log, every column, in seq order (the raw inserts' rows). */
async function senderLog(dir: string): Promise<unknown[][]> {
  const sender = await openAppDatabase(join(dir, 'source.sqlite'));
  try {
    return sender.sqlite
      .prepare(
        'SELECT origin, seq, hlc, tbl, row_id, fields, prev, author FROM sync_change ORDER BY origin, seq',
      )
      .raw()
      .all() as unknown[][];
  } finally {
    sender.close();
  }
}

/** The sender's synced tables and log, read back from its file for one reference run. */
async function senderContents(dir: string): Promise<Contents> {
  const sender = await openAppDatabase(join(dir, 'source.sqlite'));
  try {
    return tableContents(sender);
  } finally {
    sender.close();
  }
}

type Contents = { table: string; rows: Record<string, unknown>[] }[];

/** Every row of the synced tables (derived columns included) and of the change log. */
function tableContents(app: AppDatabase): Contents {
  return [...syncedTableNames, 'sync_change'].map((table) => ({
    table,
    rows: app.sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[],
  }));
}

/**
 * The same rows written by plain prepared INSERTs into a fresh database of the app's schema, a
 * table's secondary indexes dropped before and rebuilt after when the import would (no guard, no
 * merge, no checks): the writing any import of these changes does, in its plainest form.
 */
async function plainSchemaInserts(dir: string, contents: Contents): Promise<number> {
  const file = join(dir, 'plain.sqlite');
  for (const suffix of ['', '-wal', '-shm', '.install-id']) rmSync(file + suffix, { force: true });
  (await openAppDatabase(file)).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -262144');
  const sql = new Sql(db);
  const t = performance.now();
  db.transaction(() => {
    for (const { table, rows } of contents) {
      if (rows.length === 0) continue;
      const rebuild = worthRebuilding(sql, table, rows.length)
        ? dropSecondaryIndexes(sql, table)
        : undefined;
      const cols = Object.keys(rows[0]!);
      const insert = db.prepare(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      for (const row of rows) insert.run(...cols.map((c) => row[c]));
      rebuild?.();
    }
  })();
  const seconds = (performance.now() - t) / 1000;
  db.close();
  return seconds;
}

export async function benchSync(
  line: (label: string, value: string, budget?: string) => void,
  budgets: Budgets,
): Promise<SyncBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'zs-bench-sync-'));
  try {
    // 本部 creates the zone and invites 上海, which writes the demo rows as ordinary changes.
    const target = await openAppDatabase(join(dir, 'target.sqlite'));
    ok(
      dispatchSync(target, 'app.init', { user: '本部基准', office: '本部', zoneName: '基准分区' }),
    );
    const invitation = await makeInvitation(target, {
      out: join(dir, 'invite.zsinvite'),
      passphrase: 'bench-passphrase',
      withoutData: true,
    });
    const source = await openAppDatabase(join(dir, 'source.sqlite'));
    await joinWithInvitation(source, { file: invitation.file, passphrase: 'bench-passphrase' });
    ok(dispatchSync(source, 'app.init', { user: '上海基准', office: '上海' }));
    writeDemoRows(source, { projects: Math.max(1, Math.round(CHANGES / 8)), seed: 11 });
    const changes = source.sqlite
      .prepare('SELECT count(*) FROM sync_change')
      .pluck()
      .get() as number;
    console.log(`\nsync: ${changes.toLocaleString()} changes between WAL database files`);

    const exported = await timed(() => exportFile(source, { out: dir, full: true }));
    const exportS = exported.s;
    const senderZone = zoneOf(source.sqlite);
    source.close();

    // Once first, untimed: it compiles the decoder, which the runs then find compiled.
    await readSyncFile(target, exported.value.file);
    target.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // Runs of the import and its reference side by side: the file's check, the import into a fresh
    // copy of 本部 as it was before any, then plain inserts of the same rows. This machine's speed
    // drifts within minutes, so each run's ratio is taken and the median run reported. Nothing
    // the bench reads for the reference stays alive during an import: with the decoded file and
    // copies of every row beside it, its collections took several times as long.
    const runs: { check: Timed; imported: Timed; plainS: number }[] = [];
    let checkpoint = { s: 0 };
    let repeatS = 0;
    for (let run = 1; run <= RUNS; run++) {
      const check = await timed(async () => {
        await readSyncFile(target, exported.value.file);
      });
      const copy = join(dir, `target-${run}.sqlite`);
      copyFileSync(target.file, copy);
      copyFileSync(`${target.file}.install-id`, `${copy}.install-id`);
      const into = await openAppDatabase(copy);
      // Cold, as 本部 meets another office's names: none spelled in this process yet.
      forgetSpellings();
      const imported = await timed(() => importFile(into, exported.value.file));
      // The WAL checkpoint of a large import runs after it on a worker thread (background-checkpoint.ts).
      checkpoint = await timed(() => into.checkpointIdle());
      const t = performance.now();
      const again = await importFile(into, exported.value.file);
      repeatS = (performance.now() - t) / 1000;
      if (imported.value.new !== changes || !again.alreadyImported)
        throw new Error('sync bench: import incomplete');
      into.close();
      const plainS = await plainSchemaInserts(dir, await senderContents(dir));
      runs.push({ check, imported, plainS });
    }
    const ratioOf = (r: (typeof runs)[number]) => r.imported.s / (r.check.s + r.plainS);
    const middle = [...runs].sort((a, b) => ratioOf(a) - ratioOf(b))[Math.floor((RUNS - 1) / 2)]!;
    const { check, imported, plainS } = middle;
    const importS = imported.s;
    const steps = authenticationSteps(
      target,
      exported.value.file,
      await readSyncFile(target, exported.value.file),
      senderZone,
    );
    target.close();
    const rawS = rawInserts(dir, await senderLog(dir));
    const rate = (s: number) => `${Math.round(changes / s).toLocaleString()}/s`;
    line('raw prepared inserts, same rows (s)', rawS.toFixed(2), rate(rawS));
    line(
      'plain inserts of the same rows and log (s)',
      plainS.toFixed(2),
      `${rate(plainS)}: real schema, indexes rebuilt`,
    );
    // What this design cannot do without: check the whole file, then write every row and log entry.
    const referenceS = check.s + plainS;
    line('reference: check, then those inserts (s)', referenceS.toFixed(2), rate(referenceS));
    line(
      'export, full (s)',
      exportS.toFixed(2),
      `budget 1 s → ${((exportS / 1) * 100).toFixed(0)}% of budget; ${(exportS / rawS).toFixed(1)}× raw; CPU ${exported.cpu.toFixed(2)} s`,
    );
    line(
      'import: read, check, apply (s)',
      importS.toFixed(2),
      `${rate(importS)}; ${(importS / referenceS).toFixed(2)}× reference (budget 1.25×); ${(importS / rawS).toFixed(1)}× raw; CPU ${imported.cpu.toFixed(2)} s; the median of ${RUNS} runs' ratios: ${runs.map((r) => ratioOf(r).toFixed(2)).join(', ')}`,
    );
    line(
      '  of which read and check, writing nothing (s)',
      check.s.toFixed(2),
      `CPU ${check.cpu.toFixed(2)} s`,
    );
    line(
      '  then its WAL checkpoint, on a worker thread (s)',
      checkpoint.s.toFixed(2),
      'the window is answered meanwhile',
    );
    line('import of the same file again (s)', repeatS.toFixed(2), 'already imported, 0 new');
    console.log(
      `\nsync authentication at ${changes.toLocaleString()} changes: each step timed on the same file` +
        ` (median of 3); "without" = measured time minus these steps`,
    );
    const importAuth = withAndWithout(line, 'import', steps.importSteps, imported);
    const exportAuth = withAndWithout(line, 'export', steps.exportSteps, exported);
    const authShare = Math.max(importAuth.wall, importAuth.cpu);
    line(
      '  budget auth ≤ 10% of import',
      `${(authShare * 100).toFixed(1)}%`,
      `the larger of the wall and CPU shares → ${authShare <= AUTH_BUDGET ? 'met' : 'NOT MET'}` +
        `; export: ${(Math.max(exportAuth.wall, exportAuth.cpu) * 100).toFixed(1)}% (no budget)`,
    );
    const bytes = exported.value.bytes;
    line('file size (MB)', (bytes / 1e6).toFixed(2));
    line('file size per 1k changes (KB)', (((bytes / changes) * 1000) / 1024).toFixed(1));
    budgets.ratioAtMost(
      `sync import ${changes.toLocaleString()} changes / reference`,
      importS / referenceS,
      1.25,
      `${importS.toFixed(2)} / ${referenceS.toFixed(2)} s`,
    );
    budgets.under(`sync export ${changes.toLocaleString()} changes`, exportS, 1, 's');
    // Issue 19 holds export to 1 s and the import to 1.25× its reference (the budgets above; the
    // 50,000/s of issue 5 is withdrawn); authentication keeps its own share (issue 14).
    const failures = authShare > AUTH_BUDGET ? ['sync authentication over 10% of import'] : [];
    return { changes, exportS, importS, rawS, authShare, failures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Prints `what`'s authentication steps, then it with authentication (as measured) and without
 * (measured minus the steps), with their ratio. Returns the steps' share of wall and CPU time.
 */
function withAndWithout(
  line: (label: string, value: string, budget?: string) => void,
  what: 'import' | 'export',
  steps: StepTime[],
  measured: { s: number; cpu: number },
): { wall: number; cpu: number } {
  for (const { label, s, cpu } of steps) {
    line(`  ${what}: ${label} (s)`, s.toFixed(3), `CPU ${cpu.toFixed(3)} s`);
  }
  const authS = steps.reduce((sum, step) => sum + step.s, 0);
  const authCpu = steps.reduce((sum, step) => sum + step.cpu, 0);
  const withoutS = measured.s - authS;
  const share = { wall: authS / measured.s, cpu: authCpu / measured.cpu };
  line(
    `${what} with authentication (s)`,
    measured.s.toFixed(2),
    `the product path; CPU ${measured.cpu.toFixed(2)} s`,
  );
  line(
    `${what} without authentication (s)`,
    withoutS.toFixed(2),
    `measured minus the steps above; CPU ${(measured.cpu - authCpu).toFixed(2)} s`,
  );
  line(
    `  ${what} ratio, with / without`,
    `${(measured.s / withoutS).toFixed(3)}×`,
    `authentication ${(share.wall * 100).toFixed(1)}% of wall time,` +
      ` ${(share.cpu * 100).toFixed(1)}% of CPU time (${authS.toFixed(2)} s, CPU ${authCpu.toFixed(2)} s)`,
  );
  return share;
}
