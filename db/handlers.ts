// The contract's implementation: one handler per method. Each runs inside one transaction opened by
// the dispatcher (or, for whole-database operations, manages its own).
import type { MethodInput, MethodName, MethodOutput } from '../domain/contract';
import type { AppDatabase, Tx } from './app-database';
import { appStatus, clearDemo, dictionaries, initialize, loadDemo } from './services/app';
import {
  createEntity,
  createInvestor,
  entitySpecs,
  getInvestor,
  listEntities,
  listInvestors,
  updateEntity,
  updateInvestor,
} from './services/entities';
import { createArrival, listArrivals, updateArrival } from './services/arrivals';
import { buildDashboard, drillDown } from './services/dashboard/index';
import { deleteRecord, previewDeletion, restoreRecord } from './services/deletion';
import { mergePreview, mergeRecords, unmergeRecord } from './services/merges';
import { listSuspects, markNotDuplicate } from './services/suspects';
import {
  addClaim,
  claimArbitration,
  decideClaim,
  listClaims,
  readClaimThresholds,
  setClaimThresholds,
  unclaimedProjects,
} from './services/claims';
import { checkStoredData, removeRow, repairValue, restoreRow } from './services/data-check';
import { dataQuality } from './services/data-quality';
import { listKeyInvestment, setKeyInvestment } from './services/key-investment';
import { queryLedger } from './services/ledger';
import { exportLedger } from './services/excel/export';
import { commitLedgerImport, previewLedgerImport } from './services/excel/import';
import { monthlyReport } from './services/excel/monthly-report';
import { currentProgress } from './job-progress';
import { createZone, revokeSite, zoneStatus } from './sync/zone';
import { joinWithInvitation, makeInvitation } from './sync/invitation';
import { rekeyZone } from './sync/rekey';
import { createProject, getProject, updateProject } from './services/projects';
import { copyTargetYear, listTargets, setTargetActual, upsertTarget } from './services/targets';
import { projectHistory } from './services/history';
import { similarInvestors } from './services/similar-investors';
import { quickSearch, searchAll } from './services/search';
import {
  attachCapture,
  convertCapture,
  createCapture,
  dismissCapture,
  listCaptures,
} from './services/captures';
import {
  addDictionaryItem,
  readSettings,
  removeDictionaryItem,
  updateSettings,
} from './services/settings';
import {
  createBackup,
  importBackupData,
  listBackups,
  restoreBackup,
  verifiedBackup,
} from './services/backups';
import { deleteView, listViews, saveView } from './services/views';
import { listConflicts, resolveConflict } from './sync/conflicts';
import { compact, silentPeers } from './sync/compaction';
import { dumpSyncedTables } from './sync/dump';
import { exportFile, suggestedName } from './sync/export';
import { makeSnapshot } from './sync/snapshot';
import { loadSnapshot } from './sync/snapshot-load';
import { importFile, importLog } from './sync/import';
import { undoImport } from './sync/undo-import';
import { listPeers, resetPeer, siteInfo } from './sync/peers';
import { importData, readExport, syncFolders } from './sync/screen-files';

/**
 * `write` and `read` run in one transaction (reads take no write lock); `app` manages its own, and
 * says `readOnly` when it opens no write transaction and touches no file but to read it (the
 * database host then serves it on its reader thread, db/host/routes.ts).
 */
export type Handler<M extends MethodName> =
  | { write: (tx: Tx, input: MethodInput<M>) => MethodOutput<M> }
  | { read: (tx: Tx, input: MethodInput<M>) => MethodOutput<M> }
  | {
      app: (app: AppDatabase, input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
      readOnly?: true;
    };

const { contact, activity, task } = entitySpecs;

export const handlers: { [M in MethodName]: Handler<M> } = {
  'app.status': { app: (app) => appStatus(app), readOnly: true },
  'app.init': { app: (app, input) => initialize(app, input) },
  'app.demo': { app: (app, input) => loadDemo(app, input) },
  'app.clearDemo': { app: (app) => clearDemo(app) },
  'dictionary.list': { read: (tx) => dictionaries(tx) },

  'project.create': { write: createProject },
  'project.update': { write: (tx, { id, patch }) => updateProject(tx, id, patch) },
  'project.delete': { write: (tx, { id }) => deleteRecord(tx, { kind: 'project', id }) },
  'project.get': { read: (tx, { id }) => getProject(tx, id) },
  'record.merge': { write: mergeRecords },
  'record.mergePreview': { read: mergePreview },
  'record.unmerge': { write: (tx, { id }) => unmergeRecord(tx, id) },
  'suspects.list': { read: (tx, input) => listSuspects(tx, input) },
  'suspects.notDuplicate': { write: markNotDuplicate },
  'claim.add': { write: addClaim },
  'claim.list': { read: listClaims },
  'claim.arbitration': { read: (tx) => claimArbitration(tx) },
  'claim.decide': { write: decideClaim },
  'claim.delete': { write: (tx, { id }) => deleteRecord(tx, { kind: 'claim', id }) },
  'claim.thresholds': { read: (tx) => readClaimThresholds(tx) },
  'claim.setThresholds': { write: setClaimThresholds },
  'claim.unclaimed': { read: (tx) => unclaimedProjects(tx) },
  'ledger.query': { read: queryLedger },
  'ledger.importPreview': { app: previewLedgerImport },
  'ledger.importCommit': { app: (app, { previewId }) => commitLedgerImport(app, previewId) },
  'ledger.export': { app: exportLedger },
  'report.monthly': { app: monthlyReport },
  'job.progress': { app: (app) => currentProgress(app) },

  'investor.create': { write: createInvestor },
  'investor.update': { write: (tx, { id, patch }) => updateInvestor(tx, id, patch) },
  'investor.delete': { write: (tx, { id }) => deleteRecord(tx, { kind: 'investor', id }) },
  'investor.get': { read: (tx, { id }) => getInvestor(tx, id) },
  'investor.list': { read: listInvestors },

  'contact.create': { write: (tx, input) => createEntity(tx, contact, input) },
  'contact.update': { write: (tx, { id, patch }) => updateEntity(tx, contact, id, patch) },
  'contact.delete': { write: (tx, { id }) => deleteRecord(tx, { kind: 'contact', id }) },
  'contact.list': { read: (tx, input) => listEntities(tx, contact, input) },

  'activity.create': { write: (tx, input) => createEntity(tx, activity, input) },
  'activity.update': { write: (tx, { id, patch }) => updateEntity(tx, activity, id, patch) },
  'activity.delete': { write: (tx, { id }) => deleteRecord(tx, { kind: 'activity', id }) },
  'activity.list': { read: (tx, input) => listEntities(tx, activity, input) },

  'task.create': { write: (tx, input) => createEntity(tx, task, input) },
  'task.update': { write: (tx, { id, patch }) => updateEntity(tx, task, id, patch) },
  'task.delete': { write: (tx, { id }) => deleteRecord(tx, { kind: 'task', id }) },
  'task.list': { read: (tx, input) => listEntities(tx, task, input) },

  'arrival.create': { write: createArrival },
  'arrival.update': { write: (tx, { id, patch }) => updateArrival(tx, id, patch) },
  'arrival.delete': { write: (tx, { id }) => deleteRecord(tx, { kind: 'arrival', id }) },
  'arrival.list': { read: listArrivals },

  'keyInvestment.list': { read: listKeyInvestment },
  'keyInvestment.set': { write: setKeyInvestment },

  'target.list': { read: listTargets },
  'target.upsert': { write: upsertTarget },
  'target.setActual': { write: setTargetActual },
  'target.copyYear': { write: copyTargetYear },

  'dashboard.get': { read: buildDashboard },
  'dashboard.drill': { read: drillDown },

  'project.history': { read: (tx, { id }) => projectHistory(tx, id) },
  'investor.similar': { read: similarInvestors },
  'search.quick': { read: quickSearch },
  'search.all': { read: searchAll },

  'record.deletion': { read: previewDeletion },
  'record.restore': { write: restoreRecord },

  'capture.create': { write: createCapture },
  'capture.list': { read: listCaptures },
  'capture.convert': { write: convertCapture },
  'capture.attach': { write: attachCapture },
  'capture.dismiss': { write: (tx, { id }) => dismissCapture(tx, id) },

  'settings.get': { read: (tx) => readSettings(tx) },
  'settings.update': { write: updateSettings },
  'dictionary.add': { write: addDictionaryItem },
  'dictionary.remove': { write: removeDictionaryItem },

  'backup.create': { app: (app, input) => createBackup(app, input?.file) },
  'backup.list': { app: (app) => listBackups(app), readOnly: true },
  'backup.check': { app: (_app, { file }) => verifiedBackup(file) },
  'backup.restore': { app: (app, { file }) => restoreBackup(app, file) },
  'backup.importData': { app: (app, input) => importBackupData(app, input) },

  'view.list': { read: (tx) => listViews(tx) },
  'view.save': { write: saveView },
  'view.delete': { write: (tx, { id }) => deleteView(tx, id) },

  'sync.site': {
    app: (app) => app.transact((tx) => siteInfo(tx.sql, tx.siteId, app.now()), { write: false }),
    readOnly: true,
  },
  'data.quality': { read: (tx) => dataQuality(tx) },
  'data.check': { read: (tx) => checkStoredData(tx) },
  'data.repair': { write: (tx, input) => repairValue(tx, input) },
  'data.remove': { write: (tx, input) => removeRow(tx, input) },
  'data.restore': { write: (tx, input) => restoreRow(tx, input) },

  'sync.peers': { read: (tx) => listPeers(tx.sql) },
  'sync.exportName': {
    app: (app, input) => ({ name: suggestedName(app, input ?? {}) }),
    readOnly: true,
  },
  'sync.export': { app: (app, input) => exportFile(app, input) },
  'sync.import': {
    app: (app, { file, passphrase }) => importFile(app, file, { passphrase }),
  },
  'sync.snapshot': { app: (app, input) => makeSnapshot(app, input) },
  'sync.loadSnapshot': { app: (app, input) => loadSnapshot(app, input) },
  'sync.log': { read: (tx) => importLog(tx.sql) },
  'sync.undoImport': {
    app: (app, { id }) =>
      app.transactBulk((tx) => undoImport(tx, id, new Date(app.now()).toISOString())),
  },
  'sync.compact': { app: (app, input) => compact(app, input ?? {}) },
  'sync.silentPeers': {
    app: (app) => app.transact((tx) => silentPeers(tx, app.now()), { write: false }),
    readOnly: true,
  },
  'sync.conflicts': { read: (tx, input) => listConflicts(tx, input) },
  'sync.resolve': { write: (tx, { id, choose }) => resolveConflict(tx, id, choose) },
  'sync.dump': { read: (tx) => dumpSyncedTables(tx.sql) },
  'sync.folders': { app: (app) => syncFolders(app) },
  'sync.importData': { app: (app, input) => importData(app, input) },
  'sync.readExport': { app: (app, { file }) => readExport(app, file) },
  'sync.resetPeer': {
    write: (tx, { siteId }) => {
      resetPeer(tx.sql, siteId);
      return listPeers(tx.sql);
    },
  },

  'zone.status': { read: (tx) => zoneStatus(tx.sql, tx.siteId) },
  'zone.create': {
    write: (tx, { name }) => {
      createZone(tx.sql, tx.siteId, name, new Date().toISOString());
      return zoneStatus(tx.sql, tx.siteId);
    },
  },
  'zone.invite': { app: (app, input) => makeInvitation(app, input) },
  'zone.join': { app: (app, input) => joinWithInvitation(app, input) },
  'zone.revoke': {
    write: (tx, { siteId }) => {
      revokeSite(tx.sql, siteId, new Date().toISOString());
      return zoneStatus(tx.sql, tx.siteId);
    },
  },
  'zone.rekey': {
    app: (app) => app.transact((tx) => rekeyZone(tx.sql, new Date(app.now()).toISOString())),
  },
};
