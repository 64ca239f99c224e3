// Joining by snapshot (docs/sync.md S22): a laptop that has joined its zone and holds no data takes
// a snapshot's database image instead of replaying every change. The file passes the checks of
// any sync file (framing, hash, zone, roster, sender's signature, key, decryption); its sender must
// be a 本部 laptop, which vouches for the rows and derived columns as it computed them; the image
// then passes snapshot-check.ts. Once the image is a sound database of this schema, its tables are
// copied by SQLite's page-level transfer (INSERT … SELECT into an empty table of the same schema,
// about what copying the file costs) while the other checks still run, in one transaction that is
// committed only once every check has passed and rolled back on a refusal. Afterwards the laptop holds what the sender held: the whole log, its
// chains and heads, vectors, conflicts, quarantine, merges; ordinary files take over.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../domain/errors';
import type { SyncImportReport } from '../../domain/sync';
import type { AppDatabase } from '../app-database';
import { withProgress } from '../job-progress';
import { installMutationGuard, refreshDerivedColumns, removeMutationGuard } from '../mutation';
import { readMeta, writeMeta } from '../replica-identity';
import { syncedTableNames } from '../synced-tables';
import { storeHead } from './chain';
import { MAX_FILE_BYTES } from './file-format';
import { compareClocks, formatHlc, parseHlc, ZERO_CLOCK } from './hlc';
import { recordFileIn } from './peers';
import { installSettledTriggers, removeSettledTriggers } from './settled';
import { checkImage, prepareChecks, schemaOf } from './snapshot-check';
import type { ImageCheck, ImageWorkers, VerifiedImage } from './snapshot-check';
import { imageError, openImage } from './snapshot-image';
import { decryptAndInflate, openFile } from './snapshot-open';
import { mergeRoster, zoneOf } from './zone';

/** Copied from the image whole: the zone's data and what sync knows of it. */
const COPIED_TABLES = [
  ...syncedTableNames,
  'sync_change',
  'sync_vv',
  'sync_conflict',
  'sync_quarantine',
  'sync_refused',
  'merge_override',
  // What compaction (S19) kept of the changes it took out, and each origin's floor.
  'sync_archive_origin',
  'sync_archive',
  // Rows whose only change compaction settled: the change's stamp.
  'sync_colset',
  'sync_settled',
];

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();

/** Whether this laptop holds no zone data: no change, no synced row. */
function isEmpty(app: AppDatabase): boolean {
  return [...syncedTableNames, 'sync_change'].every(
    (t) => app.sqlite.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() === undefined,
  );
}

/** Loads a snapshot into this laptop, which must have joined the zone and hold no data. */
export function loadSnapshot(
  app: AppDatabase,
  input: { file: string; passphrase?: string },
): Promise<SyncImportReport> {
  return withProgress(app, '载入快照', async (progress) => {
    // The milliseconds of each phase, for the report (as an import's phasesMs).
    const phasesMs: Record<string, number> = {};
    let phase: { key: string; at: number } | null = null;
    const report = (name: string, key: string) => {
      const now = performance.now();
      if (phase) phasesMs[phase.key] = Math.round(now - phase.at);
      phase = { key, at: now };
      progress(name, 0, 0);
    };
    report('读取文件', 'read');
    if (!isEmpty(app)) throw new AppError('SNAPSHOT_NOT_EMPTY');
    let fd: number;
    let size: number;
    try {
      fd = openSync(input.file, 'r');
    } catch {
      throw new AppError('FILE_NOT_FOUND', input.file);
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw new AppError('FILE_NOT_FOUND', input.file);
      size = stat.size;
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    let dir: string | undefined;
    try {
      if (size > MAX_FILE_BYTES) throw new AppError('FILE_TOO_LARGE');
      report('核对文件', 'open');
      const opened = await openFile(app, fd, size, input.passphrase);
      const { manifest } = opened;
      dir = mkdtempSync(join(tmpdir(), 'zs-snapshot-in-'));
      const imageFile = join(dir, 'image.sqlite');
      const check = imageCheckOf(app, opened.members);
      // The checks' workers load while the image is written.
      const workers = prepareChecks(check);
      report('解密并解压', 'inflate');
      try {
        await decryptAndInflate(opened, imageFile);
      } catch (error) {
        await workers.stop();
        throw error;
      }
      report('校验快照', 'check');
      const at = new Date(app.now()).toISOString();
      let result: SyncImportReport | undefined;
      let otherRules = false;
      await checkAndInstall(app, imageFile, check, workers, (tx, verified) => {
        report(`写入 ${verified.changes.toLocaleString('zh-CN')} 条变更`, 'write');
        result = {
          fileId: manifest.fileId,
          file: input.file,
          fileBytes: size,
          from: { siteId: manifest.sender.siteId, office: manifest.sender.office },
          changes: verified.changes,
          alreadyImported: false,
          new: verified.changes,
          skipped: 0,
          conflicts: 0,
          orphans: 0,
          quarantined: 0,
          refused: 0,
          warnings: verified.vouched
            ? [
                `${verified.vouched.toLocaleString('zh-CN')} 条早于压缩下限的变更已无法逐条核对签名，由制作快照的本部电脑担保`,
              ]
            : [],
          safetyNetBytes: 0,
          message: `已载入快照：${verified.changes.toLocaleString('zh-CN')} 条变更`,
        };
        const block = tx.sql.prepare(
          'INSERT OR IGNORE INTO sync_block (origin, block, chain) VALUES (?, ?, ?)',
        );
        for (const b of verified.blocks) block.run(b.origin, b.block, b.chain);
        for (const h of verified.heads) storeHead(tx.sql, h);
        mergeRoster(tx.sql.sqlite, opened.roster);
        // Rows whose derived columns the sender computed by other rules than this release's are
        // recomputed; forgetting the version here makes the next open do it if this one cannot.
        const senders = tx.sql.sqlite
          .prepare("SELECT value FROM snap.sync_meta WHERE key = 'derived_version'")
          .pluck()
          .get();
        otherRules = senders !== readMeta(tx.sql.sqlite, 'derived_version');
        if (otherRules)
          tx.sql.sqlite.prepare("DELETE FROM sync_meta WHERE key = 'derived_version'").run();
        if (verified.maxHlc) observe(tx.sql.sqlite, verified.maxHlc, tx.siteId);
        recordFileIn(tx.sql, { ...manifest.sender, vector: manifest.vector }, input.file, at);
        const sha = sha256(opened.manifestBytes).toString('hex');
        tx.sql
          .prepare(
            'INSERT INTO sync_import_log (file_id, imported_at, report, manifest_sha256) VALUES (?, ?, ?, ?)',
          )
          .run(manifest.fileId, at, JSON.stringify(result), sha);
      });
      if (otherRules) {
        report('重算派生字段', 'derive');
        refreshDerivedColumns(app.sqlite);
      }
      report('完成', 'done');
      return { ...result!, phasesMs };
    } finally {
      closeSync(fd);
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** What the image is checked against: this laptop's zone, roster, site id, schema, clock. */
function imageCheckOf(app: AppDatabase, members: ImageCheck['members']): ImageCheck {
  return {
    zone: zoneOf(app.sqlite),
    members,
    siteId: app.transact((tx) => tx.siteId, { write: false }),
    schema: schemaOf(app.sqlite),
    migrations: JSON.stringify(
      app.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all(),
    ),
    nowMs: app.now(),
  };
}

type Tx = Parameters<Parameters<AppDatabase['transact']>[0]>[0];

/**
 * Checks the image (snapshot-check.ts) and copies its tables into this (empty) database in one
 * transaction, written while the chain and value checks still run on their workers and committed
 * only once every check has passed, with `rest`; a refusal rolls it back. The mutation guard's
 * and the settled rows' triggers are lifted for it: SQLite transfers pages only into a table without triggers.
 */
async function checkAndInstall(
  app: AppDatabase,
  imageFile: string,
  check: ImageCheck,
  workers: ImageWorkers,
  rest: (tx: Tx, verified: VerifiedImage) => void,
): Promise<void> {
  const sqlite = app.sqlite;
  let image: Database.Database;
  try {
    image = openImage(imageFile);
  } catch (error) {
    await workers.stop();
    throw imageError(error);
  }
  try {
    // Attached before the transaction (SQLite attaches no file inside one): a file that is no
    // database is refused here, before the checks.
    sqlite.prepare('ATTACH DATABASE ? AS snap').run(imageFile);
    sqlite.prepare('SELECT count(*) FROM snap.sqlite_schema').get();
  } catch (error) {
    if (sqlite.prepare("SELECT 1 FROM pragma_database_list WHERE name = 'snap'").get()) {
      sqlite.exec('DETACH DATABASE snap');
    }
    image.close();
    await workers.stop();
    throw imageError(error);
  }
  removeMutationGuard(sqlite);
  removeSettledTriggers(sqlite);
  // A small page cache while the pages pass through it on their way to the WAL: measured at 100k,
  // 2 MB instead of the usual 64 MB takes the transfer from 1.74–1.83 s to 1.39–1.40 s.
  const cacheSize = sqlite.pragma('main.cache_size', { simple: true }) as number;
  sqlite.pragma('main.cache_size = -2048');
  try {
    await app.transactBulkAcross(async (tx) => {
      if (!isEmpty(app)) throw new AppError('SNAPSHOT_NOT_EMPTY');
      // An error of the copy itself (a full disk) counts after every refusal of the checks.
      let copyError: unknown = null;
      const copy = () => {
        try {
          for (const table of COPIED_TABLES) {
            sqlite.exec(
              `DELETE FROM main.${table}; INSERT INTO main.${table} SELECT * FROM snap.${table}`,
            );
          }
        } catch (error) {
          copyError = error;
        }
      };
      let verified: VerifiedImage;
      try {
        verified = await checkImage(image, imageFile, check, workers, copy);
      } catch (error) {
        throw imageError(error);
      }
      if (copyError) throw copyError;
      rest(tx, verified);
    });
  } finally {
    await workers.stop();
    image.close();
    sqlite.pragma(`main.cache_size = ${cacheSize}`);
    installMutationGuard(sqlite);
    installSettledTriggers(sqlite);
    sqlite.exec('DETACH DATABASE snap');
  }
}

/** S4: the clock moves past every change the snapshot brought. */
function observe(sqlite: Database.Database, hlc: string, siteId: string): void {
  const stored = readMeta(sqlite, 'hlc_last');
  const last = stored ? parseHlc(stored) : ZERO_CLOCK;
  const seen = parseHlc(hlc);
  if (compareClocks(seen, last) > 0) writeMeta(sqlite, 'hlc_last', formatHlc(seen, siteId));
}
