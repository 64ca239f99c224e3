// Import (docs/sync.md S13-S18): the whole file is checked before anything is written (framing, hash,
// manifest, passphrase, every change, value types, clock drift); then the changes are applied in one
// transaction, together with the peer's acknowledgement, the import log entry and what an undo of
// this import needs (undo-import.ts), which costs what the import costs. A file imported before
// changes nothing. The import is the job 导入同步文件 for the progress poll (job-progress.ts):
// 读取文件, 解密, 解压, 校验变更 n/N, then 写入 N 条变更 (one transaction, which cannot report
// from inside). The report gives the milliseconds of each phase.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { AppError } from '../../domain/errors';
import type {
  ImportedRecords,
  ImportUndoReport,
  SyncImportReport,
  SyncLogEntry,
} from '../../domain/sync';
import type { AppDatabase } from '../app-database';
import type { Sql } from '../sql';
import { hqOnlyTables } from '../synced-tables';
import { withProgress } from '../job-progress';
import { phaseTimer } from '../phase-timer';
import type { ReportProgress } from '../job-progress';
import { SCHEMA_VERSION } from '../migrations/index';
import { applyChanges, checkKnownTypes } from './apply';
import { checkValues } from './check-values';
import type { LaterWrite } from './check-values';
import type { ApplyOutcome, KnownSchema } from './apply';
import type { Member } from './zone';
import { MAX_FILE_BYTES, checkSender, decodeFile, readManifest } from './file-format';
import type { DecodedFile, Trust } from './file-format';
import { storeChains } from './chain';
import { coverNewLaptops } from './rekey';
import { mergeRoster, readRoster, zoneOf } from './zone';
import { parseHlc } from './hlc';
import { describeOffset, forgetReplaced, recordFileIn } from './peers';
import { releaseQuarantine } from './quarantine';
import { keepJournal, startJournal, undoableImports } from './undo-import';

/** S15: a change this far ahead of the local clock rejects the file; a smaller lead warns. */
export const DRIFT_REJECT_MS = 60 * 60_000;
export const DRIFT_WARN_MS = 2 * 60_000;

export interface ImportOptions {
  passphrase?: string;
  /** What this version knows; tests pass an older schema to act as an old app. */
  schema?: KnownSchema;
  /** Called before each change is applied: tests inject failures here. */
  beforeChange?: (index: number) => void;
  /** See ApplyOptions; here also roster, chains, quarantine, peer and import-log. */
  faults?: (phase: string) => void;
  /** See ApplyOptions: tests lower it to take the index-rebuilding path with small files. */
  bulkMinRows?: number;
}

function readBounded(file: string): Buffer {
  if (!existsSync(file) || !statSync(file).isFile()) throw new AppError('FILE_NOT_FOUND', file);
  if (statSync(file).size > MAX_FILE_BYTES) throw new AppError('FILE_TOO_LARGE');
  return readFileSync(file);
}

/** The zone and roster this replica trusts, read at once. */
export function trustOf(app: AppDatabase): Trust {
  return app.transact((tx) => ({ zone: zoneOf(tx.sql.sqlite), roster: readRoster(tx.sql) }), {
    write: false,
  });
}

async function decodeChecked(
  app: AppDatabase,
  bytes: Buffer,
  options: { passphrase?: string; schema?: KnownSchema },
  report?: ReportProgress,
): Promise<DecodedFile> {
  const decoded = await decodeFile(bytes, {
    trust: trustOf(app),
    passphrase: options.passphrase,
    schemaVersion: SCHEMA_VERSION,
    report,
  });
  checkKnownTypes(decoded.changes, options.schema);
  checkValues(decoded.changes, decoded.manifest.sites, options.schema, {
    heldLater: heldLater(app.sql),
    applies: (c) => !hqOnlyTables.has(c.tbl) || decoded.members.get(c.origin)?.role === 'hq',
  });
  return decoded;
}

/** Whether this replica's log holds an applied write of the row's column later than `hlc`. */
function heldLater(sql: Sql): LaterWrite {
  return (tbl, rowId, col, hlc) => {
    const later = sql
      .prepare(
        `SELECT fields FROM sync_change c WHERE tbl = ? AND row_id = ? AND hlc > ?
         AND NOT EXISTS (SELECT 1 FROM sync_refused r WHERE r.origin = c.origin AND r.seq = c.seq)`,
      )
      .pluck()
      .all(tbl, rowId, hlc) as string[];
    // A settled row's only change (S19) is applied and never refused.
    const settled = sql
      .prepare(
        `SELECT k.cols FROM sync_settled s JOIN sync_colset k ON k.n = s.colset
         WHERE s.tbl = ? AND s.row_id = ? AND s.hlc > ?`,
      )
      .pluck()
      .get(tbl, rowId, hlc) as string | undefined;
    return (
      later.some((fields) => Object.hasOwn(JSON.parse(fields) as object, col)) ||
      (settled !== undefined && (JSON.parse(settled) as string[]).includes(col))
    );
  };
}

/** Reads and checks a file completely; writes nothing. */
export function readSyncFile(
  app: AppDatabase,
  file: string,
  options: { passphrase?: string; schema?: KnownSchema } = {},
): Promise<DecodedFile> {
  return decodeChecked(app, readBounded(file), options);
}

/** S15: rejects a file with a change over an hour ahead of this machine; warns over two minutes. */
export function clockWarnings(decoded: DecodedFile, nowMs: number): string[] {
  const lead = new Map<string, number>();
  for (const c of decoded.changes) {
    const ahead = parseHlc(c.hlc).ms - nowMs;
    if (ahead > (lead.get(c.origin) ?? DRIFT_WARN_MS)) lead.set(c.origin, ahead);
  }
  const officeOf = (origin: string) => decoded.manifest.sites[origin] ?? `站点 ${origin}`;
  const warnings: string[] = [];
  for (const [origin, ahead] of lead) {
    if (ahead > DRIFT_REJECT_MS) {
      throw new AppError(
        'CLOCK_DRIFT',
        `${officeOf(origin)} 的修改比本机时钟快 ${describeOffset(ahead)}`,
      );
    }
    warnings.push(
      `${officeOf(origin)} 的修改比本机时钟快 ${describeOffset(ahead)}，请核对两台电脑的时间`,
    );
  }
  return warnings;
}

/** The write phase reports its count every this many changes. */
const WRITE_REPORT_EVERY = 1000;

export function importFile(
  app: AppDatabase,
  file: string,
  options: ImportOptions = {},
): Promise<SyncImportReport> {
  return withProgress(app, '导入同步文件', (report) => importReported(app, file, options, report));
}

/** The report's name of each phase the progress poll shows. */
const phaseKeys: Record<string, string> = {
  读取文件: 'read',
  解密: 'decrypt',
  解压: 'inflate',
  校验变更: 'check',
};
const phaseKey = (phase: string) =>
  phaseKeys[phase] ?? (phase.startsWith('写入') ? 'write' : phase);

async function importReported(
  app: AppDatabase,
  file: string,
  options: ImportOptions,
  progress: ReportProgress,
): Promise<SyncImportReport> {
  const phases = phaseTimer(progress, phaseKey);
  const report = phases.timed;
  report('读取文件', 0, 0);
  const bytes = readBounded(file);
  // A file already imported changes nothing: once its framing and hash check out (any damage
  // shows there), it is recognised by its id without decoding the payload (S18).
  const { manifest: header, manifestBytes, signature } = readManifest(bytes);
  // Only a file of this zone, signed by its sender, is recognised as imported before.
  checkSender(trustOf(app), header, manifestBytes, signature);
  const manifestSha = createHash('sha256').update(manifestBytes).digest('hex');
  if (alreadyImported(app.sql, header.fileId, manifestSha)) {
    return {
      fileId: header.fileId,
      file,
      from: { siteId: header.sender.siteId, office: header.sender.office },
      changes: header.changes,
      alreadyImported: true,
      new: 0,
      skipped: header.changes,
      conflicts: 0,
      orphans: 0,
      quarantined: 0,
      refused: 0,
      warnings: [],
      phasesMs: phases.result(),
      safetyNetBytes: 0,
      message: '该文件已导入过，0 条新变更',
    };
  }
  const decoded = await decodeChecked(app, bytes, options, report);
  const { manifest } = decoded;
  const warnings = clockWarnings(decoded, app.now());
  if (decoded.revoked > 0) {
    warnings.push(`${decoded.revoked} 条来自已吊销电脑的变更未导入`);
  }
  const total = decoded.changes.length;
  report('校验变更', total, total);
  const base = {
    fileId: manifest.fileId,
    file,
    fileBytes: bytes.length,
    from: { siteId: manifest.sender.siteId, office: manifest.sender.office },
    changes: decoded.changes.length,
  };
  // The write is one synchronous transaction: its phase is published, and a waiting poll answered,
  // before it starts. In the database host the count reaches the window during the write too.
  const writing = `写入 ${total.toLocaleString('zh-CN')} 条变更`;
  report(writing, 0, total);
  await new Promise((resolve) => setImmediate(resolve));
  const beforeChange = (index: number) => {
    options.beforeChange?.(index);
    if (index % WRITE_REPORT_EVERY === 0) report(writing, index, total);
  };
  // Every import leaves its WAL checkpoint to a background thread (AppDatabase.transactBulk): even
  // 2,000 changes dirty some 13,000 index pages of a 100k database, and copying them into the file
  // inside the commit took about a third of the import.
  return app.transactBulk((tx) => {
    const at = new Date(app.now()).toISOString();
    // The verified union: its rekey statements bring this laptop the new file keys it lacks.
    mergeRoster(tx.sql.sqlite, decoded.roster);
    // At 本部, a laptop first heard of here gets the newest file key in the next export.
    coverNewLaptops(tx.sql, at, decoded.members);
    options.faults?.('roster');
    storeChains(tx.sql, decoded.chains, manifest.sites);
    options.faults?.('chains');
    releaseQuarantine(tx, options.schema);
    options.faults?.('quarantine');
    startJournal(tx.sql);
    let outcome: ApplyOutcome;
    try {
      outcome = applyChanges(tx, decoded.changes, {
        schema: options.schema,
        sites: manifest.sites,
        isHq: (origin) => decoded.members.get(origin)?.role === 'hq',
        beforeChange,
        faults: options.faults,
        bulkMinRows: options.bulkMinRows,
      });
    } catch (error) {
      keepJournal(tx.sql, null, []);
      throw error;
    }
    if (manifest.sender.siteId !== tx.siteId) {
      recordFileIn(tx.sql, { ...manifest.sender, vector: manifest.vector }, file, at);
      forgetReplaced(tx.sql, manifest.replaces ?? [], manifest.sender.office);
    }
    options.faults?.('peer');
    const { refusedBy, rows, runs, ...counts } = outcome;
    const records = recordsOf(rows);
    const importId = tx.sql
      .prepare(
        'INSERT INTO sync_import_log (file_id, imported_at, report, manifest_sha256) VALUES (?, ?, ?, ?)',
      )
      .run(manifest.fileId, at, '{}', manifestSha).lastInsertRowid as number;
    const safetyNetBytes = keepJournal(tx.sql, importId, runs);
    options.faults?.('undo-journal');
    const logged: SyncImportReport = {
      ...base,
      alreadyImported: false,
      ...counts,
      records,
      warnings: [...warnings, ...refusedWarnings(refusedBy, decoded.members, manifest.sites)],
      safetyNetBytes,
      message: describe({ ...counts, records }),
    };
    // The log keeps what the import did; how long it took is for the caller, measured to the end.
    tx.sql
      .prepare('UPDATE sync_import_log SET report = ? WHERE id = ?')
      .run(JSON.stringify(logged), importId);
    options.faults?.('import-log');
    return { ...logged, phasesMs: phases.result() };
  });
}

/** Names each office whose changes to 本部's data were not applied, and what they touched. */
function refusedWarnings(
  refusedBy: ApplyOutcome['refusedBy'],
  members: Map<string, Member>,
  sites: Record<string, string>,
): string[] {
  return refusedBy.map(({ origin, tbl, count }) => {
    const office = members.get(origin)?.office || sites[origin] || `站点 ${origin}`;
    return `${office} 修改了 ${count} 条${hqOnlyLabels[tbl] ?? tbl}，这些数据由本部维护，未采用`;
  });
}

const hqOnlyLabels: Record<string, string> = {
  target: '年度目标',
  target_actual: '目标完成数',
  setting: '设置（汇率、落地率、五未规则）',
  dictionary_item: '字典项',
};

/** The groups a promoter thinks in, by table, with the measure word of each. */
const recordGroups: [group: string, unit: string, tables: string[]][] = [
  ['项目', '个', ['project']],
  ['投资方', '个', ['investor']],
  ['联系人', '位', ['contact']],
  ['跟进', '条', ['activity', 'task']],
  ['到资', '笔', ['capital_arrival']],
  ['重点项目投资', '条', ['key_investment']],
  ['展会速记', '条', ['capture']],
  [
    '目标与设置',
    '项',
    ['target', 'target_actual', 'setting', 'dictionary_item', 'promoter', 'office'],
  ],
];

function recordsOf(rows: ApplyOutcome['rows']): ImportedRecords[] {
  const out: ImportedRecords[] = [];
  for (const [group, , tables] of recordGroups) {
    const r = { group, added: 0, changed: 0, removed: 0 };
    for (const t of tables) {
      r.added += rows[t]?.added ?? 0;
      r.changed += rows[t]?.changed ?? 0;
      r.removed += rows[t]?.removed ?? 0;
    }
    if (r.added + r.changed + r.removed > 0) out.push(r);
  }
  return out;
}

/** 「项目 新增 12 个、更新 5 个；跟进 新增 20 条（新增 120 条变更，跳过已有 0 条）」 and what else befell. */
function describe(
  o: Pick<
    SyncImportReport,
    'new' | 'skipped' | 'conflicts' | 'orphans' | 'quarantined' | 'refused' | 'records'
  >,
): string {
  const records = (o.records ?? []).map((r) => {
    const unit = recordGroups.find(([g]) => g === r.group)?.[1] ?? '条';
    const what = [
      r.added ? `新增 ${r.added} ${unit}` : '',
      r.changed ? `更新 ${r.changed} ${unit}` : '',
      r.removed ? `删除 ${r.removed} ${unit}` : '',
    ];
    return `${r.group} ${what.filter(Boolean).join('、')}`;
  });
  const changes = `新增 ${o.new} 条变更，跳过已有 ${o.skipped} 条`;
  const parts = [records.length ? `${records.join('；')}（${changes}）` : changes];
  if (o.conflicts) parts.push(`发现 ${o.conflicts} 处冲突待处理`);
  if (o.orphans) parts.push(`${o.orphans} 条记录的上级尚未收到`);
  if (o.quarantined) parts.push(`${o.quarantined} 条来自新版本的变更已保留，升级后生效`);
  if (o.refused) parts.push(`${o.refused} 条驻点对本部维护数据的修改未采用`);
  return parts.join('，');
}

/**
 * Whether this very file was imported before. The same id on a file with another manifest is
 * refused: ids are random, so only a forged or damaged-then-re-signed file reuses one.
 */
function alreadyImported(sql: Sql, fileId: string, manifestSha: string): boolean {
  const seen = sql
    .prepare('SELECT manifest_sha256 AS sha, undone_at FROM sync_import_log WHERE file_id = ?')
    .all(fileId) as { sha: string | null; undone_at: string | null }[];
  if (seen.some((s) => s.sha !== null && s.sha !== manifestSha)) {
    throw new AppError('FILE_ID_REUSED');
  }
  // After an undo the same file brings its changes again.
  return seen.some((s) => s.undone_at === null);
}

export function importLog(sql: Sql, limit = 200): SyncLogEntry[] {
  const rows = sql
    .prepare(
      'SELECT id, imported_at, report, undone_at, undo FROM sync_import_log ORDER BY id DESC LIMIT ?',
    )
    .all(limit) as {
    id: number;
    imported_at: string;
    report: string;
    undone_at: string | null;
    undo: string | null;
  }[];
  const undoable = undoableImports(sql);
  return rows.map((r) => ({
    ...(JSON.parse(r.report) as SyncImportReport),
    id: r.id,
    importedAt: r.imported_at,
    undoable: undoable.has(r.id),
    undoneAt: r.undone_at,
    undo: r.undo === null ? null : (JSON.parse(r.undo) as ImportUndoReport),
  }));
}
