// The 台账's 母公司, 城市 and 技改批复日期 columns on real SQLite and real .xlsx files: the screen
// (ledger.query) shows what the Excel export writes (母公司 the direct parent, 城市 the project's
// own city else its investor's); the full export and a view's export re-import with 0 changes; an
// office's sheet brings 城市 (a project's own city when it differs from the effective one) and
// 技改批复日期 in.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import type { InvestorRecord } from '../../domain/entities';
import type { FileResult } from '../../domain/excel/calls';
import type { LedgerPage, LedgerRow } from '../../domain/ledger';
import type { ProjectRecord } from '../../domain/project-input';
import { excelCalls } from './excel-calls';
import { openTempDb, tempDir } from '../helpers';

let app: AppDatabase;
let dir: string;
beforeEach(async () => {
  app = await openTempDb();
  dir = tempDir('zs-ledger-cols-');
});
afterEach(() => app.close());

const { call, sync, preview, commit } = excelCalls(() => app);
const changes = () => app.sqlite.prepare('SELECT count(*) FROM sync_change').pluck().get();
const projects = () => app.sqlite.prepare('SELECT * FROM project ORDER BY id').all();
const ledger = () =>
  new Map(
    sync<LedgerPage>('ledger.query', { limit: 100 }).rows.map((r): [string, LedgerRow] => [
      r.name,
      r,
    ]),
  );

/**
 * 上海项目: investor 上海某集团 (上海市) under 某控股集团 on record; no city of its own.
 * 技改项目: investor 嘉兴本地集团 (嘉兴市) whose parent 本地控股 is only typed; its own city 杭州市,
 * 技改 approved 2021-03-15.
 * 无投资方项目: neither investor nor city.
 */
function data() {
  const top = sync<InvestorRecord>('investor.create', { nameZh: '某控股集团', hqCountry: 'CN' });
  const sh = sync<InvestorRecord>('investor.create', {
    nameZh: '上海某集团',
    parent: top.id,
    province: '上海',
    city: '上海市',
  });
  const jx = sync<InvestorRecord>('investor.create', {
    nameZh: '嘉兴本地集团',
    parentName: '本地控股（未录入）',
    province: '浙江',
    city: '嘉兴市',
  });
  sync<ProjectRecord>('project.create', { name: '上海项目', investorId: sh.id });
  sync<ProjectRecord>('project.create', {
    name: '技改项目',
    investorId: jx.id,
    city: '杭州市',
    projectType: '技改',
    techApprovedOn: '2021-03-15',
  });
  sync<ProjectRecord>('project.create', { name: '无投资方项目' });
}

async function readSheet(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
  const rows = new Map<string, Record<string, unknown>>();
  sheet.eachRow((row, n) => {
    if (n <= 3) return;
    const values = (row.values as unknown[]).slice(1);
    const record = Object.fromEntries(header.map((h, i) => [h, values[i] ?? null]));
    if (typeof record['项目名称'] === 'string') rows.set(record['项目名称'], record);
  });
  return { header, rows };
}

const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

describe('母公司, 城市 and 技改批复日期 in the 台账 and its Excel', () => {
  test('the screen shows what the export writes; the export comes back with 0 changes', async () => {
    data();
    const rows = ledger();
    expect(rows.get('上海项目')).toMatchObject({
      investorParent: '某控股集团',
      city: '上海市',
      techApprovedOn: null,
    });
    expect(rows.get('技改项目')).toMatchObject({
      investorParent: '本地控股（未录入）',
      city: '杭州市',
      projectType: '技改',
      techApprovedOn: '2021-03-15',
    });
    expect(rows.get('无投资方项目')).toMatchObject({
      investorParent: null,
      city: null,
      techApprovedOn: null,
    });

    const file = join(dir, '台账.xlsx');
    await call<FileResult>('ledger.export', { out: file });
    const { header, rows: sheet } = await readSheet(file);
    // 母公司 after 投资方, 城市 after 省份, 技改批复日期 after the milestone dates.
    expect(header.slice(header.indexOf('投资方'), header.indexOf('投资方') + 2)).toEqual([
      '投资方',
      '母公司',
    ]);
    expect(header.slice(header.indexOf('省份'), header.indexOf('省份') + 2)).toEqual([
      '省份',
      '城市',
    ]);
    expect(header.slice(header.indexOf('投产日期'), header.indexOf('投产日期') + 3)).toEqual([
      '投产日期',
      '技改批复日期',
      '终止日期',
    ]);
    for (const [name, row] of rows) {
      const written = sheet.get(name)!;
      expect([written['母公司'], written['城市'], day(written['技改批复日期'])]).toEqual([
        row.investorParent,
        row.city,
        row.techApprovedOn,
      ]);
    }

    const before = { changes: changes(), projects: projects() };
    const result = await preview(file);
    expect(result.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3, rejected: 0 });
    await commit(result);
    expect({ changes: changes(), projects: projects() }).toEqual(before);
  });

  test('a view’s export carries the columns it shows, in its order, and comes back unchanged', async () => {
    data();
    const file = join(dir, '视图.xlsx');
    await call<FileResult>('ledger.export', {
      out: file,
      columns: ['name', 'techApprovedOn', 'city', 'investorParent'],
    });
    const { header, rows } = await readSheet(file);
    expect(header).toEqual([
      '序号',
      '项目编号',
      '投资方',
      '项目名称',
      '技改批复日期',
      '城市',
      '母公司',
    ]);
    expect(rows.get('上海项目')).toMatchObject({ 城市: '上海市', 母公司: '某控股集团' });
    // A view without them leaves them out (its export still carries what finds a project).
    const narrow = join(dir, '窄视图.xlsx');
    await call<FileResult>('ledger.export', { out: narrow, columns: ['name', 'stage'] });
    expect((await readSheet(narrow)).header).toEqual([
      '序号',
      '项目编号',
      '投资方',
      '项目名称',
      '当前阶段',
    ]);

    const before = { changes: changes(), projects: projects() };
    for (const f of [file, narrow]) {
      const result = await preview(f);
      expect(result.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3, rejected: 0 });
      await commit(result);
    }
    expect({ changes: changes(), projects: projects() }).toEqual(before);
  });

  test('an office’s sheet: 城市 sets a project’s own city only where it differs; 技改批复日期 is read', async () => {
    data();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['项目名称', '投资方', '所在城市', '项目类型', '技改批复时间']);
    // The investor's city: no change (the project keeps following its investor).
    sheet.addRow(['上海项目', '上海某集团', '上海市', null, null]);
    // Another city, and a 技改 approval date written the Chinese way.
    sheet.addRow(['技改项目', '嘉兴本地集团', '宁波市', '技改', '2021年4月1日']);
    sheet.addRow(['新技改项目', '嘉兴本地集团', '嘉兴市', '技改', '2021.5.6']);
    const file = join(dir, '驻点台账.xlsx');
    await workbook.xlsx.writeFile(file);

    const result = await preview(file);
    expect(result.sheets[0]!.mapping.map((m) => [m.header, m.field])).toEqual([
      ['项目名称', 'name'],
      ['投资方', 'investor'],
      ['所在城市', 'city'],
      ['项目类型', 'projectType'],
      ['技改批复时间', 'techApprovedOn'],
    ]);
    expect(result.counts).toMatchObject({ new: 1, updated: 1, unchanged: 1, rejected: 0 });
    expect(result.rows.find((r) => r.name === '技改项目')?.changes.sort()).toEqual(
      ['城市', '技改批复日期'].sort(),
    );
    await commit(result);

    const rows = ledger();
    expect(rows.get('上海项目')).toMatchObject({ city: '上海市' });
    const own = app.sqlite.prepare('SELECT name, city, tech_approved_on FROM project').all();
    expect(own).toEqual(
      expect.arrayContaining([
        { name: '上海项目', city: null, tech_approved_on: null },
        { name: '技改项目', city: '宁波市', tech_approved_on: '2021-04-01' },
        { name: '新技改项目', city: '嘉兴市', tech_approved_on: '2021-05-06' },
      ]),
    );
    expect(rows.get('新技改项目')).toMatchObject({ projectType: '技改', city: '嘉兴市' });
  });
});
