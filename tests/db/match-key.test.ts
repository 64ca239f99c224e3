// A project's stored match key (migration 023, domain/project-match.ts), on real SQLite and .xlsx
// files: the migration fills it for the projects a database already holds, every later write of a
// project's name or its investor's keeps it equal to what the names give, and an office's ledger
// row finds its project through it (written another way, after the investor was renamed; two
// projects of one investor and name told apart by 项目编号; of two projects sharing a 项目编号,
// the one of the row's investor and name).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import type { InvestorRecord } from '../../domain/entities';
import { matchKey } from '../../domain/project-match';
import type { ProjectRecord } from '../../domain/project-input';
import { excelCalls } from './excel-calls';
import { openTempDb, tempDir } from '../helpers';
import { migrateDownTo } from '../migrate-down';

let app: AppDatabase;
let dir: string;
beforeEach(async () => {
  app = await openTempDb();
  dir = tempDir('zs-match-key-');
});
afterEach(() => app.close());

const { sync, preview, commit } = excelCalls(() => app);

/** Projects whose stored key is not what their stored names give, and how many were compared. */
function keysOff(db: Database.Database) {
  const rows = db.prepare('SELECT name, investor_name, match_key FROM project').all() as {
    name: string;
    investor_name: string | null;
    match_key: string | null;
  }[];
  return {
    compared: rows.length,
    off: rows.filter((r) => r.match_key !== matchKey(r.investor_name, r.name)),
  };
}

function seed() {
  const siemens = sync<InvestorRecord>('investor.create', {
    nameZh: '西门子（中国）有限公司',
    nameEn: 'Siemens AG',
  });
  sync<ProjectRecord>('project.create', { name: 'Ｐｌａｎｔ ＃1 二期', investorId: siemens.id });
  sync<ProjectRecord>('project.create', { name: '无投资方的项目' });
  const gone = sync<ProjectRecord>('project.create', { name: '删掉的项目', investor: '某公司' });
  sync('project.delete', { id: gone.id });
  return siemens;
}

test('migration 023 fills the key of every project; each later write keeps it true', async () => {
  const siemens = seed();
  const file = app.file;
  app.close();
  await migrateDownTo(file, '022-settled-rows');
  const raw = new Database(file);
  const columns = (raw.prepare('PRAGMA table_info(project)').all() as { name: string }[]).map(
    (c) => c.name,
  );
  expect(columns).not.toContain('match_key');
  raw.close();
  app = await openAppDatabase(file);
  expect(keysOff(app.sqlite)).toEqual({ compared: 3, off: [] });

  // Renaming the investor and a project moves the keys with them.
  sync('investor.update', { id: siemens.id, patch: { nameZh: '西门子股份公司' } });
  const plant = app.sqlite.prepare("SELECT id FROM project WHERE name LIKE '%二期'").pluck().get();
  sync('project.update', { id: plant, patch: { name: '工厂三期' } });
  expect(keysOff(app.sqlite)).toEqual({ compared: 3, off: [] });
  expect(app.sqlite.prepare('SELECT match_key FROM project WHERE id = ?').pluck().get(plant)).toBe(
    matchKey('西门子股份公司', '工厂三期'),
  );
});

test('a ledger row finds its project by the stored key, and 项目编号 tells two apart', async () => {
  const siemens = seed();
  sync('investor.update', { id: siemens.id, patch: { nameZh: '西门子股份公司' } });
  const twins = [1, 2].map(
    (i) =>
      sync<ProjectRecord>('project.create', {
        name: '研发中心',
        investorId: siemens.id,
        code: `SH2021-00${i}`,
      }).id,
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['项目编号', '项目名称', '投资方', '总投资（万元）']);
  // The renamed investor by its English name, the name in half width and other punctuation.
  sheet.addRow([null, 'Plant #1 二期', 'SIEMENS AG', 12_000]);
  sheet.addRow(['SH2021-002', '研发中心', '西门子股份公司', 8_000]);
  sheet.addRow([null, '研发中心', '西门子股份公司', 9_000]);
  sheet.addRow([null, '删掉的项目', '某公司', 1_000]);
  const file = join(dir, '驻点台账.xlsx');
  await workbook.xlsx.writeFile(file);

  const result = await preview(file);
  const action = (name: string) =>
    result.rows
      .filter((r) => r.name === name)
      .map((r) => r.action)
      .sort();
  expect(action('Plant #1 二期')).toEqual(['update']);
  expect(action('研发中心')).toEqual(['rejected', 'update']);
  expect(result.rows.find((r) => r.action === 'rejected')?.errors.join('')).toContain(
    '已有 2 个项目的投资方和项目名称与此行相同',
  );
  // A deleted project is no match: the row is a new project.
  expect(action('删掉的项目')).toEqual(['new']);
  await commit(result);
  const amount = (id: string) =>
    app.sqlite.prepare('SELECT total_investment FROM project WHERE id = ?').pluck().get(id);
  expect(amount(twins[1]!)).toBe(80_000_000);
  expect(amount(twins[0]!)).toBeNull();
  expect(keysOff(app.sqlite)).toMatchObject({ off: [] });
});

test('a 项目编号 two projects share finds the one of the row’s investor and name', async () => {
  // Codes are not unique: typed by hand, or numbered by two laptops of one office.
  const ids = ['一期工厂', '研发中心'].map(
    (name) =>
      sync<ProjectRecord>('project.create', { name, investor: '甲公司', code: 'SH2021-0007' }).id,
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['项目编号', '项目名称', '投资方', '总投资（万元）']);
  sheet.addRow(['SH2021-0007', '一期工厂', '甲公司', 1_000]);
  sheet.addRow(['SH2021-0007', '研发中心', '甲公司', 2_000]);
  const file = join(dir, '重复编号.xlsx');
  await workbook.xlsx.writeFile(file);

  const result = await preview(file);
  const planned = result.rows.map((r) => [r.name, r.action, r.errors]);
  expect(planned.sort()).toEqual([
    ['一期工厂', 'update', []],
    ['研发中心', 'update', []],
  ]);
  await commit(result);
  const amount = (id: string) =>
    app.sqlite.prepare('SELECT total_investment FROM project WHERE id = ?').pluck().get(id);
  expect(ids.map(amount)).toEqual([10_000_000, 20_000_000]);
});
