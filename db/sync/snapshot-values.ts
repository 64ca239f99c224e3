// The value checks of a snapshot's image (docs/sync.md S22, snapshot-check.ts): vectors state only
// what is held, no change is too far ahead (S15), every live row's values pass the rules of local
// input (S20). They read the image alone, so they run on a worker thread of their own
// (snapshot-chains-worker.ts) beside the chain check while the caller writes the tables.
import type Database from 'better-sqlite3';
import { AppError } from '../../domain/errors';
import { isSyncedTable, syncedTableNames, syncedTables } from '../synced-tables';
import { neverStopped, stopIfAsked } from './check-stop';
import type { StopAsked } from './check-stop';
import { checkedColumns, labelsOf, rowProblems } from './check-values';
import { parseHlc } from './hlc';

const invalid = (detail: string): never => {
  throw new AppError('SNAPSHOT_INVALID', detail);
};

export interface ValueCheck {
  nowMs: number;
  /** How far ahead of `nowMs` a change may be (S15). */
  driftRejectMs: number;
}

/** Checks the image's vectors, clock and rows; returns its newest change's clock. */
export function checkValues(
  image: Database.Database,
  check: ValueCheck,
  asked: StopAsked = neverStopped,
): { maxHlc: string | null } {
  checkVectors(image);
  stopIfAsked(asked);
  checkSettled(image, asked);
  const maxHlc = image
    .prepare(
      'SELECT max(hlc) FROM (SELECT hlc FROM sync_change UNION ALL SELECT hlc FROM sync_settled)',
    )
    .pluck()
    .get() as string | null;
  if (maxHlc !== null) {
    let ms: number;
    try {
      ms = parseHlc(maxHlc).ms;
    } catch {
      return invalid('变更时间格式错误');
    }
    if (ms - check.nowMs > check.driftRejectMs) {
      throw new AppError('CLOCK_DRIFT', '快照中的修改');
    }
  }
  checkRows(image, asked);
  return { maxHlc };
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

/**
 * Each settled row's stamp (S19) names a row of its table, columns that table syncs, and a change
 * the archive holds the key of (so the vectors above count it).
 */
function checkSettled(image: Database.Database, asked: StopAsked): void {
  const bad = image
    .prepare(
      `SELECT s.tbl, s.row_id, k.cols FROM sync_settled s LEFT JOIN sync_colset k ON k.n = s.colset
       WHERE k.n IS NULL OR k.tbl <> s.tbl OR json_valid(k.cols) = 0
         OR NOT EXISTS (SELECT 1 FROM sync_archive a WHERE a.origin_n = s.origin_n AND a.seq = s.seq)`,
    )
    .get() as { tbl: string; row_id: string } | undefined;
  if (bad) invalid(`${bad.tbl} ${bad.row_id} 的定稿记录不完整`);
  const stamps = image.prepare('SELECT n, tbl, cols FROM sync_colset').all() as {
    n: number;
    tbl: string;
    cols: string;
  }[];
  for (const { tbl, cols } of stamps) {
    const synced = isSyncedTable(tbl) ? syncedTables[tbl].columns : null;
    const list = JSON.parse(cols) as unknown;
    if (
      !synced ||
      !Array.isArray(list) ||
      !list.every((c) => typeof c === 'string' && Object.hasOwn(synced, c))
    ) {
      invalid(`定稿字段表 ${tbl} ${cols} 不符`);
    }
  }
  for (const table of syncedTableNames) {
    stopIfAsked(asked);
    const orphan = image
      .prepare(
        `SELECT s.row_id FROM sync_settled s WHERE s.tbl = ?
         AND NOT EXISTS (SELECT 1 FROM ${table} r WHERE r.id = s.row_id)`,
      )
      .pluck()
      .get(table) as string | undefined;
    if (orphan) invalid(`${table} ${orphan} 的定稿记录没有对应的数据行`);
  }
}

/** Every live row of every synced table holds values local input could store (S20). */
function checkRows(image: Database.Database, asked: StopAsked): void {
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
      stopIfAsked(asked);
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
