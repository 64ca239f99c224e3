// The checks a snapshot's database image passes before any of it is copied (docs/sync.md S22).
// The image is untrusted even though its sender signed it: it must be a sound SQLite file with
// exactly this version's schema (no extra trigger, view or index can ride along), every change of
// every origin must hash into that origin's chain and end at a head the origin (or the zone root)
// signed, as in a sync file (S13, Z4); nothing may claim this laptop's site id; vectors may state
// only what is held; no change may be over an hour ahead (S15); every live row's values must pass
// the rules of local input (S20). Only the chains and heads verified here are kept.
import type Database from 'better-sqlite3';
import { AppError } from '../../domain/errors';
import { syncedTableNames } from '../synced-tables';
import { parseHlc } from './hlc';
import { DRIFT_REJECT_MS } from './import';
import { checkedColumns, labelsOf, rowProblems } from './check-values';
import type { ChainCheck, VerifiedChains } from './snapshot-chains';
import { prepareChains } from './snapshot-chains-thread';
import type { Zone, Member } from './zone';

const invalid = (detail: string): never => {
  throw new AppError('SNAPSHOT_INVALID', detail);
};

/** The schema objects a database of this version has (SQLite's own tables aside). */
export function schemaOf(db: Database.Database): string {
  const rows = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_schema
       WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    )
    .raw()
    .all();
  return JSON.stringify(rows);
}

export interface VerifiedImage extends VerifiedChains {
  maxHlc: string | null;
}

export interface ImageCheck {
  zone: Zone;
  members: Map<string, Member>;
  /** This laptop's site id: the image may hold none of its changes. */
  siteId: string;
  /** The receiver's own schema and migrations, which the image must equal. */
  schema: string;
  migrations: string;
  nowMs: number;
}

/** Chain-check parameters of an ImageCheck, for the worker started before the image is ready. */
export function chainCheckOf(check: ImageCheck): ChainCheck {
  return {
    zoneId: check.zone.id,
    rootPublic: check.zone.rootPublic,
    members: check.members,
    siteId: check.siteId,
  };
}

/**
 * Checks the opened image (read-only; `file` is where it is); returns the chains and heads to keep.
 * The chain check, most of the work, runs on a worker thread (`chains`, started early by the
 * caller, or here) with a connection of its own while this thread checks the rest. Once the image
 * is a sound database of this very schema, `alongside` runs (the caller's writing of its tables,
 * in a transaction it commits only after this resolves) before the checks after the chains'. A
 * refusal is the one the checks in their order meet first.
 */
export async function checkImage(
  image: Database.Database,
  file: string,
  check: ImageCheck,
  chains: ReturnType<typeof prepareChains> = prepareChains(chainCheckOf(check)),
  alongside: () => void = () => undefined,
): Promise<VerifiedImage> {
  const running = chains.start(file);
  try {
    const quick = image.pragma('quick_check', { simple: true });
    if (quick !== 'ok') invalid('数据库结构损坏');
    if (schemaOf(image) !== check.schema) invalid('数据库结构与本机版本不同');
    const migrations = JSON.stringify(
      image.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all(),
    );
    if (migrations !== check.migrations) invalid('数据库版本与本机不同');
  } catch (error) {
    await running.stop();
    throw error;
  }
  alongside();
  // The checks after the chains': their refusal counts only if the chains pass.
  let maxHlc: string | null = null;
  let after: unknown = null;
  try {
    checkVectors(image);
    maxHlc = image.prepare('SELECT max(hlc) FROM sync_change').pluck().get() as string | null;
    if (maxHlc !== null) {
      let ms: number;
      try {
        ms = parseHlc(maxHlc).ms;
      } catch {
        return invalid('变更时间格式错误');
      }
      if (ms - check.nowMs > DRIFT_REJECT_MS) throw new AppError('CLOCK_DRIFT', '快照中的修改');
    }
    checkRows(image);
  } catch (error) {
    after = error;
  }
  const verified = await running.done;
  if (after) throw after;
  return { ...verified, maxHlc };
}

/** A vector may state only seqs every one of which the image holds, or compaction archived (S9). */
function checkVectors(image: Database.Database): void {
  const rows = image
    .prepare(
      `SELECT v.origin, v.max_seq,
         (SELECT count(*) FROM sync_change c WHERE c.origin = v.origin AND c.seq <= v.max_seq)
         + (SELECT count(*) FROM sync_archive a JOIN sync_archive_origin o ON o.n = a.origin_n
            WHERE o.origin = v.origin AND a.seq <= v.max_seq) AS n
       FROM sync_vv v`,
    )
    .raw()
    .all() as [string, number, number][];
  for (const [origin, top, held] of rows) {
    if (held !== top) invalid(`站点 ${origin} 的版本向量与变更不符`);
  }
}

/** Every live row of every synced table holds values local input could store (S20). */
function checkRows(image: Database.Database): void {
  for (const table of syncedTableNames) {
    if (!labelsOf(table)) continue;
    // Only the columns checked (derived ones left aside): a third fewer values to read at 100k.
    const present = new Set(
      image.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table),
    );
    const columns = ['id', ...checkedColumns(table).filter((c) => c !== 'id' && present.has(c))];
    const rows = image
      .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} WHERE deleted = 0`)
      .iterate();
    for (const row of rows as Iterable<Record<string, unknown>>) {
      const id = String(row.id);
      const found = rowProblems(table, id, row);
      if (found.length) {
        const p = found[0]!;
        throw new AppError(
          'SYNC_VALUE_INVALID',
          `快照中 ${labelsOf(table)!.table} ${id} 的「${p.label}」${p.problem}`,
        );
      }
    }
  }
}
