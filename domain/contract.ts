// The API contract: every method the UI, CLI and tests may call, with its zod input schema and its
// output type. Both transports (Electron IPC and the HTTP harness) serve exactly this list.
import { z } from 'zod';
import {
  activityCreate,
  activityPatch,
  arrivalCreate,
  arrivalPatch,
  contactCreate,
  contactPatch,
  investorCreate,
  investorPatch,
} from './entities';
import type {
  ActivityRecord,
  ArrivalRecord,
  ContactRecord,
  InvestorRecord,
  TaskRecord,
} from './entities';
import { taskCreate, taskPatch } from './entities';
import { dashboardInput, drillInput } from './dashboard';
import { dataRepairInput, dataRowInput } from './data-check';
import type { BadValue, DataCheckReport } from './data-check';
import type { Dashboard } from './dashboard';
import { ledgerQuery } from './ledger';
import {
  ledgerExportInput,
  ledgerImportCommitInput,
  ledgerImportPreviewInput,
  monthlyReportInput,
} from './ledger-io';
import type { FileResult, LedgerImportResult, TaskProgress } from './ledger-io';
import type { LedgerRow } from './ledger';
import type { LedgerPage } from './ledger';
import { projectCreateInput, projectPatch } from './project-input';
import type { ProjectRecord } from './project-input';
import {
  targetActualInput,
  targetCopyYearInput,
  targetListInput,
  targetUpsertInput,
} from './targets';
import type { TargetRecord } from './targets';
import { offices } from './vocabulary';
import {
  backupCreateInput,
  backupRestoreInput,
  captureAttachInput,
  captureConvertInput,
  captureCreate,
  captureListInput,
  dictionaryItemInput,
  quickSearchInput,
  settingsUpdate,
  similarInput,
  viewSaveInput,
} from './workspace';
import type {
  BackupInfo,
  CaptureRecord,
  HistoryEntry,
  QuickSearchResult,
  SavedView,
  Settings,
  SimilarInvestor,
} from './workspace';

import {
  syncConflictsInput,
  syncExportInput,
  syncExportNameInput,
  syncImportDataInput,
  syncReadExportInput,
  syncImportInput,
  syncResolveInput,
} from './sync';
import type {
  SyncConflict,
  SyncDump,
  SyncExportResult,
  SyncFolders,
  SyncImportReport,
  SyncLogEntry,
  SyncPeer,
  SyncSite,
  ZoneRekeyResult,
  ZoneStatus,
} from './sync';
import {
  syncResetPeerInput,
  zoneCreateInput,
  zoneInviteInput,
  zoneJoinInput,
  zoneRevokeInput,
} from './sync';

z.config(z.locales.zhCN());

/** Pairs an input schema with an output type that exists only for the compiler. */
function method<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

const idInput = z.strictObject({ id: z.string({ error: '缺少记录编号' }).min(1, '缺少记录编号') });
const patchOf = <P extends z.ZodType>(patch: P) =>
  z.strictObject({ id: z.string({ error: '缺少记录编号' }).min(1, '缺少记录编号'), patch });
const none = z.strictObject({}).optional();

export interface AppStatus {
  initialized: boolean;
  user: string | null;
  office: string | null;
  siteId: string;
  schemaVersion: number;
}

export interface Dictionaries {
  offices: { id: string; name: string }[];
  promoters: { id: string; name: string; officeId: string | null }[];
  platforms: string[];
  industries: string[];
  fairEditions: string[];
}

export const initInput = z.strictObject({
  user: z.string().trim().min(1, '请填写姓名').max(50, '姓名过长'),
  /** 本部's first laptop names the zone it creates. */
  zoneName: z.string().trim().min(1).max(50, '分区名称过长').optional(),
  office: z.string().refine((o) => offices.some((x) => x.label === o || x.key === o), {
    message: `驻点无效，可选：${offices.map((o) => o.label).join('、')}`,
  }),
});

export const demoInput = z.strictObject({
  projects: z.number().int().min(1, '项目数至少为 1').max(1_000_000, '项目数最多 1,000,000'),
  seed: z.number().int().default(1),
});

const investorListInput = z
  .strictObject({
    q: z.string().trim().max(100).optional(),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .default({ offset: 0, limit: 100 });
const ownerFilter = z.strictObject({
  projectId: z.string().optional(),
  investorId: z.string().optional(),
});
const arrivalListInput = z.strictObject({ projectId: z.string({ error: '缺少项目编号' }) });
const taskListInput = z.strictObject({
  projectId: z.string().optional(),
  done: z.boolean().optional(),
  dueBefore: z.string().optional(),
  /** Only tasks assigned to the current user, or to no one. */
  mine: z.boolean().optional(),
});

export const contract = {
  'app.status': method<typeof none, AppStatus>(none),
  'app.init': method<typeof initInput, AppStatus>(initInput),
  'app.demo': method<typeof demoInput, { projects: number }>(demoInput),
  'dictionary.list': method<typeof none, Dictionaries>(none),

  'project.create': method<typeof projectCreateInput, ProjectRecord>(projectCreateInput),
  'project.update': method<ReturnType<typeof patchOf<typeof projectPatch>>, ProjectRecord>(
    patchOf(projectPatch),
  ),
  'project.delete': method<typeof idInput, { id: string }>(idInput),
  'project.get': method<typeof idInput, ProjectRecord>(idInput),
  'ledger.query': method<typeof ledgerQuery, LedgerPage>(ledgerQuery),
  // Excel: a preview of what an import would do, then its write; export of a filter; the 月报.
  'ledger.importPreview': method<typeof ledgerImportPreviewInput, LedgerImportResult>(
    ledgerImportPreviewInput,
  ),
  'ledger.importCommit': method<typeof ledgerImportCommitInput, LedgerImportResult>(
    ledgerImportCommitInput,
  ),
  'ledger.export': method<typeof ledgerExportInput, FileResult>(ledgerExportInput),
  'report.monthly': method<typeof monthlyReportInput, FileResult>(monthlyReportInput),
  /** The long task running now (import, export, report), for a progress bar; null when none. */
  'task.progress': method<typeof none, TaskProgress | null>(none),

  'investor.create': method<typeof investorCreate, InvestorRecord>(investorCreate),
  'investor.update': method<ReturnType<typeof patchOf<typeof investorPatch>>, InvestorRecord>(
    patchOf(investorPatch),
  ),
  'investor.delete': method<typeof idInput, { id: string }>(idInput),
  'investor.get': method<typeof idInput, InvestorRecord>(idInput),
  'investor.list': method<typeof investorListInput, InvestorRecord[]>(investorListInput),

  'contact.create': method<typeof contactCreate, ContactRecord>(contactCreate),
  'contact.update': method<ReturnType<typeof patchOf<typeof contactPatch>>, ContactRecord>(
    patchOf(contactPatch),
  ),
  'contact.delete': method<typeof idInput, { id: string }>(idInput),
  'contact.list': method<typeof ownerFilter, ContactRecord[]>(ownerFilter),

  'activity.create': method<typeof activityCreate, ActivityRecord>(activityCreate),
  'activity.update': method<ReturnType<typeof patchOf<typeof activityPatch>>, ActivityRecord>(
    patchOf(activityPatch),
  ),
  'activity.delete': method<typeof idInput, { id: string }>(idInput),
  'activity.list': method<typeof ownerFilter, ActivityRecord[]>(ownerFilter),

  'task.create': method<typeof taskCreate, TaskRecord>(taskCreate),
  'task.update': method<ReturnType<typeof patchOf<typeof taskPatch>>, TaskRecord>(
    patchOf(taskPatch),
  ),
  'task.delete': method<typeof idInput, { id: string }>(idInput),
  'task.list': method<typeof taskListInput, (TaskRecord & { projectName: string | null })[]>(
    taskListInput,
  ),

  'arrival.create': method<typeof arrivalCreate, ArrivalRecord>(arrivalCreate),
  'arrival.update': method<ReturnType<typeof patchOf<typeof arrivalPatch>>, ArrivalRecord>(
    patchOf(arrivalPatch),
  ),
  'arrival.delete': method<typeof idInput, { id: string }>(idInput),
  'arrival.list': method<typeof arrivalListInput, ArrivalRecord[]>(arrivalListInput),

  'target.list': method<typeof targetListInput, TargetRecord[]>(targetListInput),
  'target.upsert': method<typeof targetUpsertInput, TargetRecord>(targetUpsertInput),
  'target.setActual': method<typeof targetActualInput, TargetRecord>(targetActualInput),
  'target.copyYear': method<typeof targetCopyYearInput, TargetRecord[]>(targetCopyYearInput),

  'dashboard.get': method<typeof dashboardInput, Dashboard>(dashboardInput),
  'dashboard.drill': method<typeof drillInput, LedgerRow[]>(drillInput),

  'project.history': method<typeof idInput, HistoryEntry[]>(idInput),
  'investor.similar': method<typeof similarInput, SimilarInvestor[]>(similarInput),
  'search.quick': method<typeof quickSearchInput, QuickSearchResult>(quickSearchInput),

  'capture.create': method<typeof captureCreate, CaptureRecord>(captureCreate),
  'capture.list': method<typeof captureListInput, CaptureRecord[]>(captureListInput),
  'capture.convert': method<typeof captureConvertInput, ProjectRecord>(captureConvertInput),
  'capture.attach': method<typeof captureAttachInput, CaptureRecord>(captureAttachInput),
  'capture.dismiss': method<typeof idInput, CaptureRecord>(idInput),

  'settings.get': method<typeof none, Settings>(none),
  'settings.update': method<typeof settingsUpdate, Settings>(settingsUpdate),
  'dictionary.add': method<typeof dictionaryItemInput, { kind: string; label: string }>(
    dictionaryItemInput,
  ),
  'dictionary.remove': method<typeof dictionaryItemInput, { kind: string; label: string }>(
    dictionaryItemInput,
  ),

  'backup.create': method<typeof backupCreateInput, BackupInfo>(backupCreateInput),
  'backup.list': method<typeof none, BackupInfo[]>(none),
  'backup.check': method<typeof backupRestoreInput, BackupInfo>(backupRestoreInput),
  'backup.restore': method<typeof backupRestoreInput, { restoredFrom: string; safetyCopy: string }>(
    backupRestoreInput,
  ),

  'view.list': method<typeof none, SavedView[]>(none),
  'view.save': method<typeof viewSaveInput, SavedView>(viewSaveInput),
  'view.delete': method<typeof idInput, { id: string }>(idInput),

  // 数据体检: stored values that break local input's rules, repaired or removed.
  'data.check': method<typeof none, DataCheckReport>(none),
  'data.repair': method<typeof dataRepairInput, BadValue[]>(dataRepairInput),
  'data.remove': method<typeof dataRowInput, { id: string }>(dataRowInput),
  'data.restore': method<typeof dataRowInput, BadValue[]>(dataRowInput),

  'sync.site': method<typeof none, SyncSite>(none),
  'sync.peers': method<typeof none, SyncPeer[]>(none),
  'sync.exportName': method<typeof syncExportNameInput, { name: string }>(syncExportNameInput),
  'sync.export': method<typeof syncExportInput, SyncExportResult>(syncExportInput),
  'sync.import': method<typeof syncImportInput, SyncImportReport>(syncImportInput),
  'sync.log': method<typeof none, SyncLogEntry[]>(none),
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

  // Zones: 本部 creates one, invites offices, revokes lost laptops and replaces the file key; an
  // office joins.
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

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodArgs<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export const methodNames = Object.keys(contract) as MethodName[];
