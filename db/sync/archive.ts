// What compaction (compaction.ts, docs/sync.md S19) leaves of the changes it takes out of the live
// log: their keys, and each origin's floor, at or below which its lines may be missing.
import { AppError } from '../../domain/errors';
import type { Sql } from '../sql';

/** The origin's floor: at or below it lines may be missing, so no segment can start there. */
export function compactedFloor(sql: Sql, origin: string): number {
  const row = sql.prepare('SELECT floor FROM sync_archive_origin WHERE origin = ?').get(origin) as
    { floor: number } | undefined;
  return row?.floor ?? 0;
}

/** Whether (origin, seq) is a change that compaction took out of the live log. */
export function archivedStatement(sql: Sql) {
  return sql.prepare(
    `SELECT 1 FROM sync_archive a JOIN sync_archive_origin o ON o.n = a.origin_n
     WHERE o.origin = ? AND a.seq = ?`,
  );
}

/**
 * Refuses an export that would have to start an origin's segment at or below its floor: the lines
 * are gone, and the peer can only come back by a snapshot.
 */
export function checkNotCompacted(
  sql: Sql,
  origin: string,
  from: number,
  office: () => string,
): void {
  const floor = compactedFloor(sql, origin);
  if (from <= floor) {
    throw new AppError(
      'EXPORT_FAILED',
      `本机已压缩 ${office()} 第 ${floor} 条及以前的变更，对方缺少其中一部分，只能用快照重新加入（snapshot）`,
    );
  }
}
