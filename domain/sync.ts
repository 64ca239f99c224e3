// Inputs and results of file sync between offices (docs/sync.md): what the 同步 screen and the CLI send
// and get back. Pure types and zod schemas; the engine lives in db/sync/.
import { z } from 'zod';
import { base64Upload, fileName } from './fields';
import { offices } from './vocabulary';

/** The highest seq a change may carry: a change a second for 8,700 years, far inside safe integers. */
export const MAX_SEQ = 2 ** 38;

const passphrase = z.string().min(1, '口令不能为空').max(1000, '口令过长').optional();

export const syncExportInput = z.strictObject({
  /** A file path, or an existing folder to write the file named per S12 into. */
  out: z.string({ error: '请指定导出位置' }).min(1, '请指定导出位置'),
  /** A peer's site id or office name (上海); omitted with `full`. */
  for: z.string().min(1).optional(),
  full: z.boolean().optional(),
  passphrase,
});

export const syncExportNameInput = z
  .strictObject({ for: z.string().min(1).optional(), full: z.boolean().optional() })
  .optional();

export const syncImportInput = z.strictObject({
  file: z.string({ error: '请选择要导入的文件' }).min(1, '请选择要导入的文件'),
  passphrase,
});

export const syncUndoImportInput = z.strictObject({
  id: z
    .number({ error: '导入记录编号须为数字' })
    .int('导入记录编号须为整数')
    .positive('导入记录编号无效'),
});

export const syncConflictsInput = z
  .strictObject({ open: z.boolean().default(true) })
  .default({ open: true });

export const syncResolveInput = z.strictObject({
  id: z.string({ error: '缺少冲突编号' }).min(1, '缺少冲突编号'),
  /** Which of the two values to keep: `a` or `b` as listed by sync.conflicts. */
  choose: z.enum(['a', 'b'], { error: '请选择保留哪一个值' }),
});

export interface SyncSite {
  siteId: string;
  office: string | null;
  user: string | null;
  /** Earlier site ids of this database (copied or restored), still origins in the log. */
  previousSiteIds: string[];
  /** Highest sequence number held per origin (this replica's version vector). */
  vector: Record<string, number>;
  changes: number;
  /** The clock of the latest change this replica has seen, as ISO time. */
  lastClock: string | null;
  /** Set when this machine's wall clock is far behind changes already seen (S15 banner). */
  clockWarning: string | null;
}

export interface SyncPeer {
  siteId: string;
  office: string | null;
  /** The peer's vector as its latest imported file stated: what it is known to hold. */
  acknowledged: Record<string, number>;
  lastIn: { at: string; file: string } | null;
  lastOut: { at: string; file: string } | null;
  /** Changes this replica holds that the peer has not acknowledged. */
  lacking: number;
}

export interface SyncExportResult {
  file: string;
  fileId: string;
  changes: number;
  bytes: number;
  encrypted: boolean;
  /** The peer the file is for, or null for a full export. */
  forSite: string | null;
  forOffice: string | null;
}

export interface SyncImportReport {
  /** 'ledger': an Excel 台账 import this laptop wrote, listed and undone beside the files. */
  kind?: 'sync' | 'ledger';
  fileId: string;
  file: string;
  /** The file's size; absent in reports of older versions and for a file imported before. */
  fileBytes?: number;
  from: { siteId: string; office: string | null };
  /** True when this very file was imported before: nothing was written. */
  alreadyImported: boolean;
  changes: number;
  new: number;
  skipped: number;
  /** Conflicts this import found (S6, S7). */
  conflicts: number;
  /** Rows that point at a parent this replica does not have yet (S8). */
  orphans: number;
  /** Changes for tables or columns this version does not know: kept and relayed (S16). */
  quarantined: number;
  /** Other offices' changes to 本部's data (targets, settings, dictionaries): kept, not applied. */
  refused: number;
  /**
   * The records the new changes added, changed and removed, in the groups a promoter thinks in
   * (项目, 投资方, 联系人, 跟进, 到资 …); only groups with something in them. Absent in reports
   * written before it existed.
   */
  records?: ImportedRecords[];
  warnings: string[];
  /** A copy of the whole database taken before the import: only in reports of older versions. */
  backup?: string | null;
  /** Milliseconds each phase took (read, decode, check, write, ...). */
  phasesMs?: Record<string, number>;
  /** Bytes the import's undo record added to the database (S17). */
  safetyNetBytes?: number;
  message: string;
}

export interface ImportedRecords {
  /** 项目, 投资方, 联系人, 跟进, 到资, 展会速记, 目标与设置 */
  group: string;
  added: number;
  changed: number;
  removed: number;
}

export interface SyncLogEntry extends SyncImportReport {
  /** The import's id for `import undo ID` and sync.undoImport. */
  id: number;
  importedAt: string;
  /** Whether it can be undone now: one of the newest imports, not undone, with changes it brought. */
  undoable: boolean;
  undoneAt: string | null;
  undo: ImportUndoReport | null;
}

/** What undoing an import did (db/sync/undo-import.ts). */
export interface ImportUndoReport {
  id: number;
  undoneAt: string;
  /** The changes it brought, removed from the log. */
  changes: number;
  /** Records only it had brought, gone. */
  rowsRemoved: number;
  /** Records it had changed, rebuilt from the rest of the log. */
  rowsRestored: number;
  message: string;
}

export interface ConflictSide {
  value: string | number | null;
  hlc: string;
  at: string;
  author: string | null;
  origin: string;
  office: string | null;
}

export interface SyncConflict {
  id: string;
  /** `concurrent`: two independent edits of one field (S6); `edit_after_delete` (S7). */
  kind: 'concurrent' | 'edit_after_delete';
  table: string;
  rowId: string;
  /** A readable name of the row (project or investor name …), if it has one. */
  rowLabel: string | null;
  column: string;
  /** For edit_after_delete: a is the delete (value 1), b the edit (choosing it restores the row). */
  a: ConflictSide;
  b: ConflictSide;
  /** The field's current value. */
  current: string | number | null;
  resolved: boolean;
  /** For edit_after_delete: the fields the unseen edit wrote. */
  editedFields?: Record<string, string | number | null>;
}

export type SyncDump = Record<string, Record<string, string | number | null>[]>;

/**
 * The largest file the 同步 screen sends as bytes (sync.importData). The engine itself reads files
 * up to 1 GiB from a path (the CLI); bytes cross IPC/HTTP as base64 text, which must fit in one
 * JavaScript string, so the screen's cap is lower. Files of 100k changes are a few MB.
 */
export const MAX_IMPORT_UPLOAD_BYTES = 256 * 1024 * 1024;

export const syncImportDataInput = z.strictObject({
  /** The file's own name (no folders), kept in the inbox copy's name. */
  name: fileName,
  dataBase64: base64Upload(MAX_IMPORT_UPLOAD_BYTES, { empty: '文件是空的，不是有效的同步文件' }),
  passphrase,
});

export const syncReadExportInput = z.strictObject({
  file: z.string({ error: '缺少文件' }).min(1, '缺少文件'),
});

/** The folders beside the database where the 同步 screen's files go. */
export interface SyncFolders {
  /** Exported files (sync.export with `out` set to it; sync.readExport serves only these). */
  outbox: string;
  /** Copies of files imported from the screen (sync.importData). */
  inbox: string;
}

/** solo: a laptop alone before joining; real: the zone 本部 created; demo: demo data, never merged. */
export type ZoneKind = 'solo' | 'real' | 'demo';

/** The zone as `zone --json` and the 同步 screen show it: every laptop of every office. */
export interface ZoneStatus {
  zoneId: string;
  name: string;
  kind: ZoneKind;
  /** This laptop. */
  siteId: string;
  role: 'hq' | 'office';
  /** This laptop holds the zone's root key: it can invite and revoke. */
  isRoot: boolean;
  rootPublicKey: string;
  /** The newest file key epoch this laptop holds (0 until 本部 first replaces the key). */
  epoch: number;
  offices: {
    office: string;
    laptops: {
      siteId: string;
      publicKey: string;
      role: 'hq' | 'office';
      issuedAt: string;
      state: 'active' | 'revoked' | 'unverified';
      revokedAt: string | null;
      /** A revoked laptop's changes up to this seq stay valid. */
      lastSeq: number | null;
      thisLaptop: boolean;
    }[];
  }[];
}

export const zoneCreateInput = z.strictObject({
  name: z.string().trim().min(1, '请填写分区名称').max(50, '分区名称过长'),
});

export const zoneInviteInput = z.strictObject({
  out: z.string().min(1, '请指定邀请文件的位置'),
  passphrase: z.string().min(8, '邀请口令至少 8 个字符').max(1000, '口令过长'),
  /** An invitation for a replacement 本部 laptop carries the zone's root key. */
  hq: z.boolean().optional(),
  /** Without the zone's data: the office receives it by an ordinary sync file later. */
  withoutData: z.boolean().optional(),
  /**
   * The office whose laptop it is for: from then on every replica that has 本部's roster counts
   * that laptop in the office's exports, before it has sent a file.
   */
  office: z
    .string()
    .refine((o) => offices.some((x) => x.label === o), { message: '驻点无效' })
    .optional(),
});

/** A snapshot of the zone's data (docs/sync.md S22), made at 本部. */
export const syncSnapshotInput = z.strictObject({
  out: z.string({ error: '请指定快照文件' }).min(1, '请指定快照文件'),
  passphrase,
});

/** Loads a snapshot into a laptop that has joined its zone and holds no data. */
export const syncLoadSnapshotInput = z.strictObject({
  file: z.string({ error: '请选择快照文件' }).min(1, '请选择快照文件'),
  passphrase,
});

export const zoneJoinInput = z.strictObject({
  file: z.string().min(1, '请选择邀请文件'),
  passphrase: z.string().min(1, '请输入邀请口令').max(1000, '口令过长'),
  /** Leave the invitation's data out: a snapshot brings the zone's data (sync.loadSnapshot). */
  skipData: z.boolean().optional(),
});

export const zoneRevokeInput = z.strictObject({
  siteId: z.string().regex(/^[0-9a-f]{16}$/, '站点编号为 16 位十六进制'),
});

/** What `zone rekey` did: the new epoch, and the laptops it could not wrap the key for yet. */
export interface ZoneRekeyResult {
  epoch: number;
  /** Laptops whose envelope the statement carries (this one included). */
  laptops: number;
  /** Active laptops whose certificate has no X25519 key yet (an older app): covered later. */
  waiting: string[];
}

export const syncResetPeerInput = z.strictObject({
  siteId: z.string().regex(/^[0-9a-f]{16}$/, '站点编号为 16 位十六进制'),
});
