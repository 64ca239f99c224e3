// Everything the 同步 screen lists, read together and read again after an import, an export, a
// resolution, a restore or a change of the zone: this replica, its zone, its peers, open
// conflicts, the import log and the pre-import backups.
import { useCallback, useEffect, useState } from 'react';
import type {
  SyncConflict,
  SyncLogEntry,
  SyncPeer,
  SyncSite,
  ZoneStatus,
} from '../../../domain/sync';
import type { BackupInfo } from '../../../domain/workspace';
import { call, errorText } from '../api/client';
import { fileName } from '../settings/backup-format';

export interface SyncData {
  site: SyncSite;
  zone: ZoneStatus;
  peers: SyncPeer[];
  conflicts: SyncConflict[];
  log: SyncLogEntry[];
  /** Copies taken before imports (backups/pre-import-…), newest first. */
  backups: BackupInfo[];
}

export function useSyncData() {
  const [data, setData] = useState<SyncData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([
      call('sync.site'),
      call('zone.status'),
      call('sync.peers'),
      call('sync.conflicts', { open: true }),
      call('sync.log'),
      call('backup.list'),
    ]).then(
      ([site, zone, peers, conflicts, log, backups]) => {
        if (!live) return;
        setData({
          site,
          zone,
          peers,
          conflicts,
          log,
          backups: backups
            .filter((b) => fileName(b.file).startsWith('pre-import-'))
            .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
        });
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [loads]);

  return { data, error, reload };
}
