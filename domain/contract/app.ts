// The laptop itself: start-up, the demo database, settings and dictionaries, backups, saved
// views, 数据体检, and the progress of the long job running now.
import { z } from 'zod';
import type { BackupInfo } from '../backups';
import { backupCreateInput, backupImportDataInput, backupRestoreInput } from '../backups';
import type { BadValue, DataCheckReport } from '../data-check';
import type { DataQualityItem } from '../data-quality';
import { dataRepairInput, dataRowInput } from '../data-check';
import type { JobProgress } from '../job-progress';
import type { Settings } from '../settings';
import { dictionaryItemInput, settingsUpdate } from '../settings';
import { offices } from '../vocabulary';
import type { SavedView } from '../views';
import { viewSaveInput } from '../views';
import { idInput, method, none } from './method';

export interface AppStatus {
  initialized: boolean;
  /** The database holds generated demo data (a demo zone): shown as such, never synced. */
  demo: boolean;
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

export const appMethods = {
  'app.status': method<typeof none, AppStatus>(none),
  'app.init': method<typeof initInput, AppStatus>(initInput),
  'app.demo': method<typeof demoInput, { projects: number }>(demoInput),
  /** Replaces a demo database with an empty one for the same user and office (after a backup). */
  'app.clearDemo': method<typeof none, AppStatus & { backup: string }>(none),
  'dictionary.list': method<typeof none, Dictionaries>(none),
  /** The long job running now (import, export, report), for a progress bar; null when none. */
  'job.progress': method<typeof none, JobProgress | null>(none),
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
  /** A backup file's bytes from the window, kept in the backups folder once they check out. */
  'backup.importData': method<typeof backupImportDataInput, BackupInfo>(backupImportDataInput),
  'view.list': method<typeof none, SavedView[]>(none),
  'view.save': method<typeof viewSaveInput, SavedView>(viewSaveInput),
  'view.delete': method<typeof idInput, { id: string }>(idInput),
  // 数据质量: records whose gaps make the numbers uncertain, each with the field that fixes it.
  'data.quality': method<typeof none, DataQualityItem[]>(none),
  // 数据体检: stored values that break local input's rules, repaired or removed.
  'data.check': method<typeof none, DataCheckReport>(none),
  'data.repair': method<typeof dataRepairInput, BadValue[]>(dataRepairInput),
  'data.remove': method<typeof dataRowInput, { id: string }>(dataRowInput),
  'data.restore': method<typeof dataRowInput, BadValue[]>(dataRowInput),
};
