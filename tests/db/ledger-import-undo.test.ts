// Undo of an Excel 台账 import (db/sync/undo-local.ts) on a real SQLite file and a real .xlsx: the
// import is listed in the import log; undoing it with nothing after it gives every synced record
// back as it was; edits made since stay; the undo is new changes of this laptop, so it syncs.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import { dumpSyncedTables } from '../../db/sync/dump';
import type { ApiResult } from '../../domain/errors';
import type { LedgerImportResult } from '../../domain/excel/calls';
import type { ProjectRecord } from '../../domain/project-input';
import type { ImportUndoReport, SyncDump, SyncLogEntry } from '../../domain/sync';
import { expectOk, openTempDb, tempDir } from '../helpers';

let app: AppDatabase;
let dir: string;
beforeEach(async () => {
  app = await openTempDb();
  dir = tempDir('zs-ledger-undo-');
});
afterEach(() => app.close());

async function call<T>(method: string, input?: unknown): Promise<T> {
  return expectOk((await dispatch(app, method, input)) as ApiResult<T>);
}
const callSync = <T>(method: string, input?: unknown) =>
  expectOk(dispatchSync(app, method, input)) as T;

async function importSheet(rows: (string | number)[][]): Promise<LedgerImportResult> {
  const file = join(dir, `台账-${Math.random().toString(36).slice(2)}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['项目名称', '投资方', '国别/地区', '总投资（万元）', '存在问题']);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
  const preview = await call<LedgerImportResult>('ledger.importPreview', { file });
  return call<LedgerImportResult>('ledger.importCommit', { previewId: preview.previewId });
}

/** The synced records, without the local "last written here" time and the log. */
function records(): SyncDump {
  const dump = dumpSyncedTables(app.sql);
  return JSON.parse(JSON.stringify(dump).replace(/"updated_at":"[^"]*",?/g, '')) as SyncDump;
}

function byName(name: string): ProjectRecord {
  const id = app.sqlite
    .prepare('SELECT id FROM project WHERE name = ? AND deleted = 0')
    .pluck()
    .get(name) as string;
  return callSync<ProjectRecord>('project.get', { id });
}

async function setUp() {
  const kept = callSync<ProjectRecord>('project.create', {
    name: '精密轴承项目',
    investor: '宏达机械有限公司',
    totalInvestmentCny: 500_000_000,
    problems: '等待环评',
  });
  const before = records();
  const done = await importSheet([
    ['精密轴承项目', '宏达机械有限公司', '德国', 120000, '环评已批'],
    ['智能传感器项目', 'Sensorik GmbH', 'DE', 3000, ''],
  ]);
  expect(done.counts).toMatchObject({ new: 1, updated: 1 });
  return { kept, before, importId: done.importId! };
}

test('listed in the import log; undone with nothing after it, every record is as before', async () => {
  const { kept, before, importId } = await setUp();
  const [entry] = callSync<SyncLogEntry[]>('sync.log');
  expect(entry).toMatchObject({ id: importId, kind: 'ledger', undoable: true });
  expect(byName('精密轴承项目')).toMatchObject({ problems: '环评已批', country: 'DE' });

  const changesBefore = callSync<{ changes: number }>('sync.site').changes;
  const undone = callSync<ImportUndoReport>('sync.undoImport', { id: importId });
  expect(undone).toMatchObject({ rowsRemoved: expect.any(Number), rowsRestored: 1 });
  expect(undone.rowsRemoved).toBeGreaterThanOrEqual(1);
  // Every record as before the import: the new project and its new investor deleted (S7: a
  // deleted record keeps its values), the updated one's fields back.
  const after = records();
  expect(after.project?.filter((p) => p.deleted === 0)).toEqual(
    before.project?.filter((p) => p.deleted === 0),
  );
  expect(after.investor?.filter((i) => i.deleted === 0)).toEqual(
    before.investor?.filter((i) => i.deleted === 0),
  );
  expect(callSync<ProjectRecord>('project.get', { id: kept.id })).toMatchObject({
    problems: '等待环评',
    totalInvestmentCny: 500_000_000,
  });
  // The undo is written as this laptop's changes, so it reaches the other offices.
  expect(callSync<{ changes: number }>('sync.site').changes).toBeGreaterThan(changesBefore);
  expect(callSync<SyncLogEntry[]>('sync.log')[0]).toMatchObject({ undoneAt: expect.any(String) });
});

test('edits made after it stay: an edited new project is kept, an edited field keeps its value', async () => {
  const { kept, importId } = await setUp();
  const sensor = byName('智能传感器项目');
  callSync('project.update', { id: sensor.id, patch: { problems: '客户要求补充材料' } });
  callSync('project.update', { id: kept.id, patch: { problems: '本地跟进后改写' } });

  callSync('sync.undoImport', { id: importId });
  expect(callSync<ProjectRecord>('project.get', { id: sensor.id })).toMatchObject({
    problems: '客户要求补充材料',
  });
  expect(callSync<ProjectRecord>('project.get', { id: kept.id })).toMatchObject({
    problems: '本地跟进后改写',
    totalInvestmentCny: 500_000_000,
  });
});

test('a promoter the import created stays when a project written since names it', async () => {
  const file = join(dir, '责任人.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['项目名称', '投资方', '招商责任人']);
  sheet.addRow(['新能源电池项目', '宁德某某', '王新人']);
  await workbook.xlsx.writeFile(file);
  const preview = await call<LedgerImportResult>('ledger.importPreview', { file });
  const done = await call<LedgerImportResult>('ledger.importCommit', {
    previewId: preview.previewId,
  });
  const later = callSync<ProjectRecord>('project.create', { name: '本地新项目', owner: '王新人' });
  callSync('sync.undoImport', { id: done.importId });
  const live = (sql: string) => app.sqlite.prepare(sql).pluck().all() as string[];
  expect(live("SELECT name FROM promoter WHERE deleted = 0 AND name = '王新人'")).toEqual([
    '王新人',
  ]);
  expect(live("SELECT name FROM project WHERE deleted = 0 AND name = '新能源电池项目'")).toEqual(
    [],
  );
  expect(callSync<ProjectRecord>('project.get', { id: later.id }).owner).toBe('王新人');
});

test('an edited new project keeps the investor the import created with it', async () => {
  const done = await importSheet([['台账新项目', '某某新设公司', '中国', 800, '']]);
  const project = byName('台账新项目');
  callSync('project.update', { id: project.id, patch: { nextSteps: '本部手改' } });

  callSync('sync.undoImport', { id: done.importId });
  const investor = app.sqlite
    .prepare(
      'SELECT i.name_zh, i.deleted FROM project p JOIN investor i ON i.id = p.investor_id WHERE p.id = ?',
    )
    .get(project.id);
  expect(investor).toEqual({ name_zh: '某某新设公司', deleted: 0 });
  expect(byName('台账新项目')).toMatchObject({ investor: '某某新设公司', nextSteps: '本部手改' });
});
