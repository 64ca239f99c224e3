// Everything the 同步 screen lists, read together and read again after an import, an export, a
// resolution, a restore or a change of the zone: this replica, its zone, its peers, open
// conflicts, the import log and the pre-import backups.
import type {
  SyncConflict,
  SyncLogEntry,
  SyncPeer,
  SyncSite,
  ZoneStatus,
} from '../../../domain/sync';
import type { BackupInfo } from '../../../domain/backups';
import { call } from '../api/client';
import { fileName, newestFirst } from '../settings/backup-format';
import { useLoad } from '../ui/use-load';

export interface SyncData {
  site: SyncSite;
  zone: ZoneStatus;
  peers: SyncPeer[];
  conflicts: SyncConflict[];
  log: SyncLogEntry[];
  /** Copies taken before imports (backups/pre-import-…), newest first. */
  backups: BackupInfo[];
}

async function syncData(): Promise<SyncData> {
  const [site, zone, peers, conflicts, log, backups] = await Promise.all([
    call('sync.site'),
    call('zone.status'),
    call('sync.peers'),
    call('sync.conflicts', { open: true }),
    call('sync.log'),
    call('backup.list'),
  ]);
  const preImport = backups.filter((b) => fileName(b.file).startsWith('pre-import-'));
  return { site, zone, peers, conflicts, log, backups: newestFirst(preImport) };
}

export function useSyncData() {
  return useLoad(syncData, []);
}
