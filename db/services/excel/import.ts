// Ledger import from a spreadsheet in two steps. The preview reads every sheet, finds its header,
// checks every row and decides new / update / unchanged / rejected without writing. The commit
// re-plans those rows in one write transaction (the database may have changed since) and writes the
// good rows through the project service, so they sync like any edit; the import is logged so that
// it can be undone (db/sync/undo-local.ts).
// A row is the same project as an existing one when investor and project name match after the
// normalisation used for duplicate investors (nameKey); a repeated import therefore changes nothing.
// One file over 400 lines because preview and commit share the row planner that decides each row;
// reading the sheet is domain/excel/sheet-reader.ts.
import { basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { nameKey } from '../../../domain/investor-names';
import type { ImportRow, ImportSheet, LedgerImportResult } from '../../../domain/excel/calls';
import type { ledgerImportPreviewInput } from '../../../domain/excel/calls';
import { fieldSpecs } from '../../../domain/excel/sheet-layout';
import { findHeader, readRow } from '../../../domain/excel/sheet-reader';
import type { ColumnMapping } from '../../../domain/excel/sheet-reader';
import { milestones, stageLabels } from '../../../domain/lifecycle';
import type { Stage } from '../../../domain/lifecycle';
import {
  projectCreateInput,
  projectFieldLabels,
  projectPatch,
  resolveStage,
} from '../../../domain/project-input';
import type { ProjectRecord } from '../../../domain/project-input';
import { cellKey } from '../../../domain/excel/cell-values';
import type { AppDatabase, Tx } from '../../app-database';
import { withProgress, yieldEvery } from '../../job-progress';
import { ownOffice } from '../../sync/peers';
import { logLocalImport } from '../../sync/undo-import';
import { batchLookups, getProject, insertProject, updateProject } from '../projects';
import type { ProjectLookups } from '../projects';
import { MAX_UNCOMPRESSED_BYTES, mebibytes, tooLarge } from './workbook-limits';
import { readSheets } from './workbook-read';
import { phaseTimer } from '../../phase-timer';
import { matchKey, projectKey } from '../../../domain/project-match';
import { matchIndex, readInvestorNames } from './match-index';
import type { InvestorNames, MatchIndex } from './match-index';

/** Project input as the API takes it: vocabulary by label, amounts in whole 元 / 美元. */
type ProjectCreateInput = z.input<typeof projectCreateInput>;

/** A checked row: its input in the API's terms (labels, whole 元), or why it cannot be imported. */
interface ReadRow {
  sheet: string;
  row: number;
  /** The same input as the project service takes it (keys, not labels), checked once. */
  valid: z.output<typeof projectCreateInput> | null;
  name: string;
  input: ProjectCreateInput | null;
  errors: string[];
}

interface PlannedRow extends ImportRow {
  /** The matched project's last update, so a change since the preview is noticed. */
  seen: string | null;
  /** A new project as the service takes it. */
  create: z.output<typeof projectCreateInput> | null;
  patch: Partial<ProjectCreateInput> | null;
}

interface Pending {
  id: string;
  file: string;
  /** The workbook's size, for the import log. */
  bytes: number;
  sheets: ImportSheet[];
  rows: ReadRow[];
  /** What the preview promised, to compare with the plan at the commit. */
  promised: string;
  /** What the preview matched against, for the commit to reuse if nothing was written since. */
  reading: InvestorNames;
}

/** The last preview per database, waiting for the user's confirmation. */
const pending = new WeakMap<AppDatabase, Pending>();

/** Rows listed in a result besides the rejected ones (all of which are listed). */
const LISTED_ROWS = 500;

type PreviewInput = z.output<typeof ledgerImportPreviewInput>;

export async function previewLedgerImport(
  app: AppDatabase,
  input: PreviewInput,
): Promise<LedgerImportResult> {
  return withProgress(app, '导入台账', async (progress) => {
    const phases = phaseTimer(progress, (phase) => PREVIEW_PHASES[phase] ?? phase);
    const report = phases.timed;
    const file = 'file' in input ? basename(input.file) : input.name;
    report('读取文件', 0, 0);
    const bytes = 'file' in input ? readBytes(input.file) : Buffer.from(input.dataBase64, 'base64');
    const grids = await readSheets(file, bytes);
    const sheets: ImportSheet[] = [];
    const rows: ReadRow[] = [];
    const total = grids.reduce((n, g) => n + g.rows.length, 0);
    let done = 0;
    report('检查数据', 0, total);
    for (const grid of grids) {
      const header = findHeader(grid.rows);
      const sheet: ImportSheet = {
        name: grid.name,
        headerRow: header?.row ?? null,
        mapping: header?.mapping ?? [],
        hidden: grid.hidden,
        blankRows: 0,
        subtotalRows: 0,
        noteRows: 0,
      };
      sheets.push(sheet);
      if (!header) continue;
      for (let r = header.firstDataRow - 1; r < grid.rows.length; r++) {
        const copied = (column: number) => grid.copies.has(cellKey(r + 1, column));
        const reading = readRow(grid.rows[r] ?? [], header.mapping, copied);
        if (reading.kind === 'blank') sheet.blankRows++;
        else if (reading.kind === 'subtotal') sheet.subtotalRows++;
        else if (reading.kind === 'note') sheet.noteRows++;
        else rows.push(checkedRow(grid.name, r + 1, reading.input, reading.errors, header.mapping));
        await yieldEvery(++done, () => report('检查数据', done, total));
      }
    }
    if (!sheets.some((s) => s.headerRow !== null)) throw new AppError('SHEET_NO_HEADER');
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    report('比对已有项目', 0, rows.length);
    const { planned, reading } = app.transact(
      (tx) => {
        const reading = readInvestorNames(tx);
        return { planned: plan(tx, matchIndex(tx, reading), rows), reading };
      },
      { write: false },
    );
    pending.set(app, {
      id,
      file,
      bytes: bytes.length,
      sheets,
      rows,
      promised: promiseOf(planned),
      reading,
    });
    return { ...result(file, id, sheets, planned, null), phasesMs: phases.result() };
  });
}

/** The preview's phases as its report names them (phasesMs). */
const PREVIEW_PHASES: Record<string, string> = {
  读取文件: 'read',
  检查数据: 'check',
  比对已有项目: 'match',
};

/** Writes the previewed rows: all good rows in one transaction, or nothing. */
export async function commitLedgerImport(
  app: AppDatabase,
  previewId: string,
): Promise<LedgerImportResult> {
  const preview = pending.get(app);
  if (!preview || preview.id !== previewId) throw new AppError('IMPORT_EXPIRED');
  return withProgress(app, '导入台账', async (report) => {
    report(`写入 ${preview.rows.length} 行`, 0, 0);
    const phasesMs: Record<string, number> = {};
    let at = performance.now();
    const lap = (phase: string) => {
      const now = performance.now();
      phasesMs[phase] = Math.round(now - at);
      at = now;
    };
    const { planned, logged } = app.transact((tx) => {
      const rows = plan(tx, matchIndex(tx, readInvestorNames(tx, preview.reading)), preview.rows);
      // Someone changed the projects since the preview: what was shown is no longer what would be
      // written, so nothing is written and the user looks again.
      if (promiseOf(rows) !== preview.promised) throw new AppError('IMPORT_CHANGED');
      lap('recheck');
      if (!rows.some((r) => r.action === 'new' || r.action === 'update')) {
        return { planned: rows, logged: null };
      }
      const firstSeq = nextSeq(tx);
      const lookups = batchLookups(tx);
      tx.mutate.bulk(() => {
        for (const row of rows) write(tx, row, lookups);
      });
      lap('write');
      // Logged beside the sync files, so that it can be undone from 同步 or `import undo ID`.
      const when = new Date(app.now()).toISOString();
      const entry = localImportReport(tx, preview, firstSeq, rows);
      const logged = logLocalImport(tx, firstSeq, when, entry);
      lap('safetyNet');
      return { planned: rows, logged };
    });
    lap('commit');
    pending.delete(app);
    return {
      ...result(preview.file, null, preview.sheets, planned, logged?.id ?? null),
      phasesMs,
      safetyNetBytes: logged?.safetyNetBytes ?? 0,
    };
  });
}

/** The seq this replica's next change takes. */
function nextSeq(tx: Tx): number {
  const held = tx.sql
    .prepare('SELECT max_seq FROM sync_vv WHERE origin = ?')
    .pluck()
    .get(tx.siteId) as number | undefined;
  return (held ?? 0) + 1;
}

/** The import log's entry for a 台账 import, in the terms of a sync file's. */
function localImportReport(
  tx: Tx,
  preview: Pending,
  firstSeq: number,
  rows: readonly PlannedRow[],
) {
  const added = rows.filter((r) => r.action === 'new').length;
  const changed = rows.filter((r) => r.action === 'update').length;
  const changes = tx.mutate.highestSeq - firstSeq + 1;
  return {
    fileId: `ledger-${randomUUID()}`,
    file: preview.file,
    fileBytes: preview.bytes,
    from: { siteId: tx.siteId, office: ownOffice(tx.sql) },
    alreadyImported: false,
    changes,
    new: changes,
    skipped: 0,
    conflicts: 0,
    orphans: 0,
    quarantined: 0,
    refused: 0,
    records: [{ group: '项目', added, changed, removed: 0 }],
    warnings: [],
    message: `台账导入：新增 ${added} 个项目、更新 ${changed} 个`,
  };
}

/** The actions, targets and values of a plan, and the state of the projects it touches. */
function promiseOf(rows: readonly PlannedRow[]): string {
  return JSON.stringify(rows.map((r) => [r.action, r.projectId, r.patch, r.seen]));
}

function readBytes(file: string): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError('FILE_NOT_FOUND', file);
  }
  // Not read into memory at all: no workbook or CSV within the caps is this large.
  if (size > MAX_UNCOMPRESSED_BYTES) {
    throw tooLarge(`文件超过 ${mebibytes(MAX_UNCOMPRESSED_BYTES)} 的上限`);
  }
  try {
    return readFileSync(file);
  } catch {
    throw new AppError('FILE_NOT_FOUND', file);
  }
}

function checkedRow(
  sheet: string,
  row: number,
  raw: Partial<Record<keyof ProjectCreateInput, unknown>>,
  errors: string[],
  mapping: readonly ColumnMapping[],
): ReadRow {
  const name = typeof raw.name === 'string' ? raw.name : '';
  const parsed = projectCreateInput.safeParse({ name: '', ...raw });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.at(-1);
      const label = typeof key === 'string' ? projectFieldLabels[key] : undefined;
      if (key === 'name' && !name) continue; // already reported as 项目名称为空
      // Named as the sheet names the column: 投资总额（万元）, not the API's 总投资（元）.
      const header = typeof key === 'string' ? headerOf(mapping, key) : undefined;
      const message = label && header ? issue.message.replaceAll(label, header) : issue.message;
      const named = header ?? label;
      errors.push(named && !message.includes(named) ? `${named}：${message}` : message);
    }
  }
  // The API's own input (labels, not keys) is what the project service is given.
  const ok = errors.length === 0 && parsed.success;
  return {
    sheet,
    row,
    name,
    input: ok ? (raw as ProjectCreateInput) : null,
    valid: ok ? parsed.data : null,
    errors,
  };
}

/** An input key as the ledger's column is called: 总投资, 合同外资, 签约日期 … */
function changeLabel(key: string, current: ProjectRecord): string {
  if (key === 'totalInvestmentCny' && current.totalInvestmentUsd !== null) {
    return '总投资（由美元改为人民币）';
  }
  if (key === 'totalInvestmentUsd' && current.totalInvestmentCny !== null) {
    return '总投资（由人民币改为美元）';
  }
  const field = key === 'totalInvestmentCny' || key === 'totalInvestmentUsd' ? 'total' : key;
  return (
    (fieldSpecs as Partial<Record<string, { names: string[] }>>)[field]?.names[0] ??
    projectFieldLabels[key] ??
    key
  );
}

function headerOf(mapping: readonly ColumnMapping[], key: string): string | undefined {
  const field = key === 'totalInvestmentCny' || key === 'totalInvestmentUsd' ? 'total' : key;
  const columns = mapping.filter((m) => m.field === field);
  const column =
    field === 'total'
      ? columns.find((m) => m.unit && (key === 'totalInvestmentUsd') === m.unit.endsWith('美元'))
      : columns[0];
  return column?.header.replace(/\s+/g, '');
}

/** Decides every row against the database as it is now. */
function plan(tx: Tx, index: MatchIndex, rows: readonly ReadRow[]): PlannedRow[] {
  // Read-only below: the rows are planned against a reading the commit may reuse (match-index.ts).
  const { investors } = index;
  const claimed = new Map<string, ReadRow>();
  return rows.map((row): PlannedRow => {
    const notes: string[] = [];
    const base = {
      sheet: row.sheet,
      row: row.row,
      name: row.name,
      changes: [] as string[],
      notes,
      seen: null,
    };
    const reject = (errors: string[]): PlannedRow => ({
      ...base,
      action: 'rejected',
      projectId: null,
      errors,
      create: null,
      patch: null,
    });
    if (!row.input) return reject(row.errors);
    const input = { ...row.input };
    // An investor written another way (西门子 / 西门子（中国）有限公司) links to the one on record.
    if (input.investor) input.investor = investors.get(nameKey(input.investor)) ?? input.investor;
    const found = matchProject(input, index);
    if ('error' in found) return reject([found.error]);
    // Two rows of the sheet may not describe one project (existing by id, new by name and code).
    const claim = found.id ?? `new:${matchKey(input.investor, input.name)}:${input.code ?? ''}`;
    const earlier = claimed.get(claim);
    if (earlier) return reject([`与${where(earlier)}是同一项目（投资方和项目名称相同）`]);
    claimed.set(claim, row);
    if (!found.id) {
      const problem = stageTaken(input, undefined, notes);
      if (problem) return reject([problem]);
      const create = row.valid && {
        ...row.valid,
        ...(input.investor ? { investor: input.investor } : {}),
      };
      if (create && input.stage === undefined) delete create.stage;
      return { ...base, action: 'new', projectId: null, errors: [], create, patch: null };
    }
    const current = getProject(tx, found.id);
    if (input.code && current.code && input.code !== current.code) {
      // Matched by investor and name: the sheet's own numbering does not replace the app's.
      notes.push(`表中项目编号 ${input.code} 与记录中的 ${current.code} 不同，未修改`);
      delete input.code;
    }
    const patch = changedFields(input, current, investorCity(tx, current.investorId));
    const problem = stageTaken(patch, current, notes);
    if (problem) return reject([problem]);
    const changed = Object.keys(patch);
    const seen = current.updatedAt;
    if (changed.length === 0) {
      return {
        ...base,
        seen,
        action: 'unchanged',
        projectId: found.id,
        errors: [],
        create: null,
        patch: null,
      };
    }
    return {
      ...base,
      seen,
      action: 'update',
      projectId: found.id,
      // The currency travels with the amount; it is a change of its own only when it differs.
      changes: changed
        .filter(
          (k) =>
            k !== 'investmentCurrency' || patch.investmentCurrency !== current.investmentCurrency,
        )
        .map((key) => changeLabel(key, current)),
      errors: [],
      create: null,
      patch,
    };
  });
}

/**
 * The existing project a row describes: by investor and project name, with the 项目编号 deciding
 * between projects that share both (an investor's two phases may carry one name in the ledger).
 */
function matchProject(
  input: ProjectCreateInput,
  { byKey, byCode }: Pick<MatchIndex, 'byKey' | 'byCode'>,
): { id: string | null } | { error: string } {
  const key = matchKey(input.investor, input.name);
  const coded = input.code ? byCode(input.code, key) : undefined;
  if (coded) {
    return coded.key === key
      ? { id: coded.id }
      : { error: `项目编号 ${input.code} 已属于项目「${coded.name}」，但投资方或项目名称不同` };
  }
  const candidates = byKey(key);
  if (candidates.length > 1) {
    return {
      error: `已有 ${candidates.length} 个项目的投资方和项目名称与此行相同，请填写项目编号以区分`,
    };
  }
  return { id: candidates[0] ?? null };
}

const where = (row: ReadRow) => `「${row.sheet}」第 ${row.row} 行`;

const investorCity = (tx: Tx, id: string | null) =>
  id === null
    ? null
    : ((tx.sql.prepare('SELECT city FROM investor WHERE id = ?').pluck().get(id) as
        string | null | undefined) ?? null);

/**
 * The fields a sheet row would change. A blank cell never clears a value on record, and names equal
 * after normalisation are the same name.
 */
function changedFields(
  input: ProjectCreateInput,
  current: ProjectRecord,
  investorCityNow: string | null,
): Partial<ProjectCreateInput> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input) as [keyof ProjectCreateInput, unknown][]) {
    if (value === undefined || value === null) continue;
    if (key === 'name') {
      if (projectKey(String(value)) !== projectKey(current.name)) patch[key] = value;
      continue;
    }
    if (key === 'investor' || key === 'investorParent') {
      if (nameKey(String(value)) !== nameKey(current[key] ?? '')) patch[key] = value;
      continue;
    }
    // 城市 in the sheet is the effective city (the export writes the investor's when the project
    // has none): a change only if it differs from that, and then the project's own.
    if (key === 'city') {
      if (value !== (current.city ?? investorCityNow)) patch[key] = value;
      continue;
    }
    // 市外内资 in the sheet: a change only if the project's money is not counted 市外 already.
    if (key === 'outsideCity') {
      if (current.outsideCityDerived !== value) patch[key] = value;
      continue;
    }
    // An amount in another currency: a change if the amount or its currency differs.
    if (key === 'investmentCurrency') continue;
    if (key === 'totalInvestment') {
      if (
        value !== current.totalInvestment ||
        input.investmentCurrency !== current.investmentCurrency
      ) {
        patch.totalInvestment = value;
        patch.investmentCurrency = input.investmentCurrency;
      }
      continue;
    }
    if (key === 'totalInvestmentCny' && input.totalInvestmentUsd == null) {
      // A project entered in 美元 (or 欧元 …) shows its 元 equivalent in the 亿元 column: no change.
      const same =
        current.totalInvestmentCny === value ||
        (current.investmentCurrency !== 'CNY' && current.totalInvestmentCnyEquivalent === value);
      if (!same) patch[key] = value;
      continue;
    }
    if (current[key as keyof ProjectRecord] !== value) patch[key] = value;
  }
  return patch as Partial<ProjectCreateInput>;
}

/**
 * The stage rules, with one allowance: a stage whose milestone date the sheet lacks (已签约 with no
 * 签约日期) is left out with a note, and the row imports with the stage its dates give.
 */
function stageTaken(
  change: Partial<ProjectCreateInput>,
  current: ProjectRecord | undefined,
  notes: string[],
): string | null {
  const problem = stageProblem(change, current);
  if (!problem || change.stage === undefined || change.stage === 'terminated') return problem;
  const { stage, ...rest } = change;
  if (stageProblem(rest, current)) return problem;
  delete change.stage;
  notes.push(`${problem}；当前阶段「${stageLabels[stage as Stage]}」未采用，按已填日期确定阶段`);
  return null;
}

/** The project service's stage rules, checked before anything is written. */
function stageProblem(
  change: Partial<ProjectCreateInput>,
  current: ProjectRecord | undefined,
): string | null {
  const dates = Object.fromEntries(
    milestones.map((m) => [m.actualKey, change[m.actualKey] ?? current?.[m.actualKey] ?? null]),
  );
  const resolved = resolveStage(change.stage, current?.stage, dates);
  if ('error' in resolved) return resolved.error;
  const reason = change.terminationReason ?? current?.terminationReason;
  return resolved.stage === 'terminated' && !reason ? '终止项目须填写终止原因' : null;
}

function write(tx: Tx, row: PlannedRow, lookups: ProjectLookups): void {
  try {
    if (row.action === 'new' && row.create) {
      row.projectId = insertProject(tx, row.create, lookups);
    } else if (row.action === 'update' && row.projectId && row.patch) {
      updateProject(tx, row.projectId, projectPatch.parse(row.patch), lookups);
    }
  } catch (error) {
    // The plan checked every rule the services apply; if one still refuses, nothing is written.
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'VALIDATION',
      `「${row.sheet}」第 ${row.row} 行：${message}（整个导入已取消）`,
    );
  }
}

function result(
  file: string,
  previewId: string | null,
  sheets: ImportSheet[],
  planned: PlannedRow[],
  importId: number | null,
): LedgerImportResult {
  const count = (action: ImportRow['action']) => planned.filter((r) => r.action === action).length;
  const strip = ({ create: _c, patch: _p, seen: _s, ...row }: PlannedRow): ImportRow => row;
  const rejected = planned.filter((r) => r.action === 'rejected');
  const others = planned.filter((r) => r.action !== 'rejected').slice(0, LISTED_ROWS);
  return {
    file,
    previewId,
    sheets,
    counts: {
      new: count('new'),
      updated: count('update'),
      unchanged: count('unchanged'),
      rejected: rejected.length,
      skipped: sheets.reduce((n, s) => n + s.blankRows + s.subtotalRows + s.noteRows, 0),
    },
    rows: [...rejected, ...others].map(strip),
    importId,
    phasesMs: null,
    safetyNetBytes: null,
  };
}
