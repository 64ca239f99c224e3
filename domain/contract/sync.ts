// Sync between offices by files, and the zone: 本部 creates it, invites offices, revokes lost
// laptops and replaces the file key; an office joins.
import type {
  SyncConflict,
  SyncDump,
  SyncExportResult,
  SyncFolders,
  ImportUndoReport,
  SyncImportReport,
  SyncLogEntry,
  SyncPeer,
  SyncSite,
  ZoneRekeyResult,
  ZoneStatus,
} from '../sync';
import {
  syncConflictsInput,
  syncExportInput,
  syncExportNameInput,
  syncImportDataInput,
  syncImportInput,
  syncReadExportInput,
  syncResetPeerInput,
  syncResolveInput,
  syncSnapshotInput,
  syncLoadSnapshotInput,
  syncUndoImportInput,
  zoneCreateInput,
  zoneInviteInput,
  zoneJoinInput,
  zoneRevokeInput,
} from '../sync';
import { method, none } from './method';

export const syncMethods = {
  'sync.site': method<typeof none, SyncSite>(none),
  'sync.peers': method<typeof none, SyncPeer[]>(none),
  'sync.exportName': method<typeof syncExportNameInput, { name: string }>(syncExportNameInput),
  'sync.export': method<typeof syncExportInput, SyncExportResult>(syncExportInput),
  'sync.import': method<typeof syncImportInput, SyncImportReport>(syncImportInput),
  'sync.log': method<typeof none, SyncLogEntry[]>(none),
  'sync.undoImport': method<typeof syncUndoImportInput, ImportUndoReport>(syncUndoImportInput),
  'sync.conflicts': method<typeof syncConflictsInput, SyncConflict[]>(syncConflictsInput),
  'sync.resolve': method<typeof syncResolveInput, SyncConflict>(syncResolveInput),
  'sync.dump': method<typeof none, SyncDump>(none),
  // The 同步 screen's file transfers: no paths come from the renderer.
  'sync.folders': method<typeof none, SyncFolders>(none),
  'sync.importData': method<typeof syncImportDataInput, SyncImportReport>(syncImportDataInput),
  'sync.readExport': method<typeof syncReadExportInput, { name: string; dataBase64: string }>(
    syncReadExportInput,
  ),
  'sync.resetPeer': method<typeof syncResetPeerInput, SyncPeer[]>(syncResetPeerInput),
  'sync.snapshot': method<
    typeof syncSnapshotInput,
    { file: string; fileId: string; changes: number; bytes: number; imageBytes: number }
  >(syncSnapshotInput),
  'sync.loadSnapshot': method<typeof syncLoadSnapshotInput, SyncImportReport>(
    syncLoadSnapshotInput,
  ),
  'zone.status': method<typeof none, ZoneStatus>(none),
  'zone.create': method<typeof zoneCreateInput, ZoneStatus>(zoneCreateInput),
  'zone.invite': method<
    typeof zoneInviteInput,
    { file: string; zoneId: string; role: 'hq' | 'office'; withData: boolean }
  >(zoneInviteInput),
  'zone.join': method<
    typeof zoneJoinInput,
    { zone: ZoneStatus; imported: SyncImportReport | null }
  >(zoneJoinInput),
  'zone.revoke': method<typeof zoneRevokeInput, ZoneStatus>(zoneRevokeInput),
  'zone.rekey': method<typeof none, ZoneRekeyResult>(none),
};
