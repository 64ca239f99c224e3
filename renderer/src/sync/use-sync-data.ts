// Everything the 同步 screen lists, read together and read again after an import, an export, a
// resolution, a restore or a change of the zone: this replica, its zone, its peers, open
// conflicts and the import log.
import type {
  SyncConflict,
  SyncLogEntry,
  SyncPeer,
  SyncSite,
  ZoneStatus,
} from '../../../domain/sync';
import { call } from '../api/client';
import { useLoad } from '../ui/use-load';

export interface SyncData {
  site: SyncSite;
  zone: ZoneStatus;
  peers: SyncPeer[];
  conflicts: SyncConflict[];
  log: SyncLogEntry[];
}

async function syncData(): Promise<SyncData> {
  const [site, zone, peers, conflicts, log] = await Promise.all([
    call('sync.site'),
    call('zone.status'),
    call('sync.peers'),
    call('sync.conflicts', { open: true }),
    call('sync.log'),
  ]);
  return { site, zone, peers, conflicts, log };
}

export function useSyncData() {
  return useLoad(syncData, []);
}
