// Issue 17 in the Excel ledger, on real .xlsx files and real SQLite files: the export carries
// 母公司 and 市外内资到位（万元） and writes 资本类别 市外内资 apart from 内资; the same file comes
// back unchanged; an office's sheet saying 市外内资 keeps it distinct on import, its 母公司 links the
// investor's parent, and 香港 in a 省份 column becomes the country 中国香港.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import type { Dashboard } from '../../domain/dashboard';
import type { InvestorRecord } from '../../domain/entities';
import type { FileResult } from '../../domain/excel/calls';
import type { ProjectRecord } from '../../domain/project-input';
import { excelCalls } from './excel-calls';
import { openTempDb, snapshot, tempDir } from '../helpers';

let app: AppDatabase;
let dir: string;
beforeEach(async () => {
  app = await openTempDb();
  dir = tempDir('zs-excel17-');
});
afterEach(() => app.close());

const { call, sync, preview, commit } = excelCalls(() => app);
const byName = (name: string) => {
  const { id } = app.sqlite.prepare('SELECT id FROM project WHERE name = ?').get(name) as {
    id: string;
  };
  return sync<ProjectRecord>('project.get', { id });
};

/**
 * 上海某集团 (上海市) under 某控股集团, with 2亿 arrived in 2021; 嘉兴本地集团 (嘉兴市) with 3亿.
 * Export: 上海项目 is 市外内资 with 市外内资到位 20,000 万元; 嘉兴项目 is 内资 and has none.
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
    province: '浙江',
    city: '嘉兴市',
  });
  for (const [name, investorId, amount] of [
    ['上海项目', sh.id, 200_000_000],
    ['嘉兴项目', jx.id, 300_000_000],
  ] as const) {
    const p = sync<ProjectRecord>('project.create', { name, investorId, capitalType: '内资' });
    sync('arrival.create', { projectId: p.id, arrivedOn: '2021-05-10', amount, currency: 'CNY' });
  }
}

async function exported(): Promise<{ file: string; rows: Record<string, unknown>[] }> {
  const file = join(dir, '台账.xlsx');
  await call<FileResult>('ledger.export', { out: file });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n <= 3) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return { file, rows };
}

describe('the ledger export and import keep 市外内资 and 母公司', () => {
  test('the export carries them; the file re-imports unchanged', async () => {
    data();
    const { file, rows } = await exported();
    const sh = rows.find((r) => r['项目名称'] === '上海项目')!;
    const jx = rows.find((r) => r['项目名称'] === '嘉兴项目')!;
    expect(sh).toMatchObject({
      母公司: '某控股集团',
      资本类别: '市外内资',
      '市外内资到位（万元）': 20_000,
    });
    expect(jx).toMatchObject({ 母公司: null, 资本类别: '内资', '市外内资到位（万元）': null });
    const before = snapshot(app);
    const result = await preview(file);
    expect(result.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2, rejected: 0 });
    await commit(result);
    expect(snapshot(app)).toEqual(before);
  });

  test('an office’s sheet: 市外内资 stays 市外, 母公司 links the parent, 香港 is a country', async () => {
    sync('investor.create', { nameZh: '博世集团', hqCountry: 'DE' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['项目名称', '投资方', '母公司', '资本类别', '省份', '总投资（万元）']);
    sheet.addRow(['外地项目', '外地某公司', null, '市外内资', null, 50_000]);
    sheet.addRow(['博世嘉兴项目', '博世（嘉兴）有限公司', '博世集团', '外资', null, 80_000]);
    sheet.addRow(['港资项目', '香港某公司', '某香港控股', '外资', '香港', 30_000]);
    const file = join(dir, '驻点台账.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await commit(await preview(file));
    expect(result.counts).toMatchObject({ new: 3, rejected: 0 });

    const outside = byName('外地项目');
    expect(outside).toMatchObject({ capitalType: '内资', outsideCity: true });
    // Its money now counts as 市外内资 although nobody recorded the investor's city.
    sync('arrival.create', {
      projectId: outside.id,
      arrivedOn: '2021-03-01',
      amount: 10_000_000,
      currency: 'CNY',
    });
    const board = sync<Dashboard>('dashboard.get', { year: 2021 });
    expect(board.metrics.find((m) => m.key === 'domestic_capital')!.actual).toBe(10_000_000);

    // The parent on record becomes the investor's parent: the group's region is 德日.
    expect(byName('博世嘉兴项目')).toMatchObject({
      investorParent: '博世集团',
      region: 'de_jp',
      regionSource: 'group',
    });
    // A parent not on record is kept by name; 香港 is the country 中国香港 (韩新港台).
    expect(byName('港资项目')).toMatchObject({
      investorParent: '某香港控股',
      province: null,
      country: 'HK',
      region: 'kr_sg_hk_tw',
    });

    // The same sheet again changes nothing.
    const again = await preview(file);
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
  });
});
