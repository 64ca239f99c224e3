// The synced tables' contents in one canonical order (tables by name, rows by id, synced columns
// only, never derived ones), for comparing replicas: equal dumps mean equal data.
import type { SyncDump } from '../../domain/sync';
import type { Sql } from '../sql';
import type { FieldValue } from '../mutation';
import { syncedTableNames, syncedTables } from '../synced-tables';

export function dumpSyncedTables(sql: Sql): SyncDump {
  const dump: SyncDump = {};
  for (const table of [...syncedTableNames].sort()) {
    const cols = ['id', ...Object.keys(syncedTables[table].columns).sort()];
    dump[table] = sql
      .prepare(`SELECT ${cols.join(', ')} FROM ${table} ORDER BY id`)
      .all() as Record<string, FieldValue>[];
  }
  return dump;
}
