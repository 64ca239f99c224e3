// The Excel ledger on real .xlsx files written by exceljs and real SQLite files: an office's own
// sheet with title rows, merged cells, 万元 and 亿元 columns, text numbers, three date styles, blank
// and subtotal rows and bad rows; the preview writes nothing; the round trip changes nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import type { FileResult, LedgerImportResult } from '../../domain/excel/calls';
import type { ProjectRecord } from '../../domain/project-input';
import { excelCalls } from './excel-calls';
import { expectOk, openTempDb, snapshot, tempDir } from '../helpers';

let app: AppDatabase;
let dir: string;
beforeEach(async () => {
  app = await openTempDb();
  dir = tempDir('zs-excel-');
});
afterEach(() => app.close());

const { call, preview, commit } = excelCalls(() => app);

function projects(): ProjectRecord[] {
  const ids = app.sqlite
    .prepare('SELECT id FROM project WHERE deleted = 0 ORDER BY code')
    .all() as {
    id: string;
  }[];
  return ids.map(({ id }) => expectOk(dispatchSync(app, 'project.get', { id })) as ProjectRecord);
}

/** The 上海 office's own ledger, as typed by hand over a year. */
async function officeWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2021年台账');
  sheet.addRow(['上海驻点招商项目台账（2021年）']);
  sheet.mergeCells('A1:K1');
  sheet.addRow(['填报单位：上海驻点　　填报日期：2021年7月1日']);
  sheet.addRow([
    '序号',
    '项目名称',
    '投资方',
    '国别/地区',
    '总投资（万元）',
    '合同外资（万美元）',
    '签约时间',
    '开工时间',
    '驻点',
    '招商责任人',
    '存在问题',
  ]);
  const rows: ExcelJS.CellValue[][] = [
    // row 4: numbers, a real date cell, an Excel serial date
    [
      1,
      '精密轴承项目',
      '宏达机械有限公司',
      '德国',
      120000,
      1500,
      new Date(Date.UTC(2021, 2, 5)),
      44400,
      '上海',
      '李四',
      '等待环评',
    ],
    // row 5: text numbers with separators and units, a Chinese date, 2021.3.5 style
    [
      2,
      '智能传感器项目',
      'Sensorik GmbH',
      'DE',
      '1,200',
      '300万美元',
      '2021年4月8日',
      '2021.6.1',
      null,
      '李四',
      null,
    ],
    // row 6: blank
    [null, null, null, null, null, null, null, null, null, null, null],
    // row 7: unknown country
    [3, '火星基地项目', '火星集团', '火星', 5000, null, null, null, '上海', '王五', null],
    // row 8: negative amount
    [4, '负数项目', '某某公司', '中国', -100, null, null, null, '上海', '王五', null],
    // row 9: 1.2亿 in a 万元 column; the office merged over rows 9-10
    [
      5,
      '新能源电池项目',
      '宁德时代',
      '中国',
      '1.2亿',
      null,
      '2021-05-20',
      null,
      '上海',
      '王五',
      null,
    ],
    // row 10: domestic, 万元, office from the merged cell above
    [
      6,
      '物流园项目',
      '顺丰控股股份有限公司',
      '中国',
      30000.5,
      null,
      '2021/6/30',
      null,
      null,
      '王五',
      '用地指标',
    ],
    // row 11: subtotal
    ['小计', null, null, null, 171500.5, 1800, null, null, null, null, null],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.mergeCells('I9:I10');
  await workbook.xlsx.writeFile(file);
}

describe('ledger import from an office’s own workbook', () => {
  test('the preview names the bad rows by number and reason and writes nothing', async () => {
    const file = join(dir, '上海台账.xlsx');
    await officeWorkbook(file);
    const before = snapshot(app);
    const result = await preview(file);
    expect(snapshot(app)).toEqual(before);

    expect(result.sheets[0]).toMatchObject({
      name: '2021年台账',
      headerRow: 3,
      blankRows: 1,
      subtotalRows: 1,
    });
    const mapped = Object.fromEntries(result.sheets[0]!.mapping.map((m) => [m.header, m.field]));
    expect(mapped).toMatchObject({
      '总投资（万元）': 'total',
      签约时间: 'signedOn',
      驻点: 'office',
    });
    expect(result.counts).toEqual({ new: 4, updated: 0, unchanged: 0, rejected: 2, skipped: 2 });
    const rejected = result.rows.filter((r) => r.action === 'rejected');
    expect(rejected.map((r) => [r.row, r.name, r.errors])).toEqual([
      [7, '火星基地项目', ['国别/地区「火星」无法识别']],
      [8, '负数项目', ['总投资（万元）不能为负数']],
    ]);
  });

  test('on confirmation the good rows are written with units, dates and merged cells read', async () => {
    const file = join(dir, '上海台账.xlsx');
    await officeWorkbook(file);
    const changesBefore = snapshot(app).sync_change!;
    const done = await commit(await preview(file));
    expect(done.counts).toMatchObject({ new: 4, rejected: 2 });
    expect(done.importId).toEqual(expect.any(Number));

    const byName = Object.fromEntries(projects().map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(
      ['物流园项目', '新能源电池项目', '智能传感器项目', '精密轴承项目'].sort(),
    );
    expect(byName['精密轴承项目']).toMatchObject({
      investor: '宏达机械有限公司',
      country: 'DE',
      region: 'de_jp',
      totalInvestmentCny: 1_200_000_000, // 120000 万元
      tier: 't10_50',
      contractedFdiUsd: 15_000_000,
      signedOn: '2021-03-05',
      startedOn: '2021-07-23', // Excel serial 44400
      stage: 'started',
      office: '上海',
      owner: '李四',
      problems: '等待环评',
    });
    expect(byName['智能传感器项目']).toMatchObject({
      totalInvestmentCny: 12_000_000,
      contractedFdiUsd: 3_000_000,
      signedOn: '2021-04-08',
      startedOn: '2021-06-01',
    });
    expect(byName['新能源电池项目']).toMatchObject({
      totalInvestmentCny: 120_000_000,
      office: '上海',
    });
    expect(byName['物流园项目']).toMatchObject({
      totalInvestmentCny: 300_005_000,
      office: '上海', // from the merged cell I9:I10
      signedOn: '2021-06-30',
    });
    // Written through the mutation layer, so the rows sync.
    expect(snapshot(app).sync_change!).toBeGreaterThan(changesBefore);

    const again = await preview(file);
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 4, rejected: 2, skipped: 2 });
  });

  test('a row whose investor is written another way updates the project on record', async () => {
    const file = join(dir, '上海台账.xlsx');
    await officeWorkbook(file);
    await commit(await preview(file));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('更新');
    sheet.addRow(['项目名称', '投资方', '总投资（亿元）', '存在问题']);
    sheet.addRow(['精密轴承 项目', '宏达机械', 15, '环评已批复']);
    const update = join(dir, '更新.xlsx');
    await workbook.xlsx.writeFile(update);

    const result = await preview(update);
    expect(result.counts).toMatchObject({ new: 0, updated: 1 });
    expect(result.rows[0]?.changes.sort()).toEqual(['存在问题', '总投资'].sort());
    await commit(result);
    const project = projects().find((p) => p.name === '精密轴承项目');
    expect(project).toMatchObject({
      investor: '宏达机械有限公司',
      totalInvestmentCny: 1_500_000_000,
      problems: '环评已批复',
      contractedFdiUsd: 15_000_000, // not in the sheet: kept
    });
  });

  test('a stale preview cannot be committed twice', async () => {
    const file = join(dir, '上海台账.xlsx');
    await officeWorkbook(file);
    const result = await preview(file);
    await commit(result);
    const again = await dispatch(app, 'ledger.importCommit', { previewId: result.previewId });
    expect(again).toMatchObject({ ok: false, code: 'IMPORT_EXPIRED' });
  });
});

describe('files that are not a ledger', () => {
  const rejects = async (name: string, bytes: Uint8Array, code: string, message: RegExp) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const before = snapshot(app);
    const result = await dispatch(app, 'ledger.importPreview', { file });
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toMatch(message);
    expect(snapshot(app)).toEqual(before);
  };

  test('an old .xls or a WPS .et file: save it as .xlsx', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await rejects('台账.xls', ole, 'SHEET_OLD_FORMAT', /另存为.*\.xlsx/);
    await rejects('台账.et', ole, 'SHEET_OLD_FORMAT', /WPS/);
    await rejects('改了扩展名.xlsx', ole, 'SHEET_OLD_FORMAT', /另存为/);
  });

  test('a damaged workbook, an empty file, a sheet without a header', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['会议纪要', '第一条']);
    const noHeader = Buffer.from(await workbook.xlsx.writeBuffer());
    await rejects('纪要.xlsx', noHeader, 'SHEET_NO_HEADER', /项目名称/);
    await rejects(
      '坏的.xlsx',
      noHeader.subarray(0, noHeader.length / 2),
      'SHEET_UNREADABLE',
      /损坏/,
    );
    await rejects('空的.xlsx', new Uint8Array(), 'SHEET_UNREADABLE', /空/);
    await rejects('图片.xlsx', Buffer.from('\x89PNG\r\n'), 'SHEET_UNREADABLE', /不是/);
  });
});

describe('CSV ledgers', () => {
  test('GBK from Excel on Chinese Windows, and UTF-8 with a BOM', async () => {
    // 项目名称,投资方,国别,总投资（万元）,签约日期 / 宏达精密轴承项目,宏达机械有限公司,中国,"1,200",2021/3/5
    const gbk = Buffer.from(
      'cfeec4bfc3fbb3c62ccdb6d7cab7bd2cb9fab1f02cd7dccdb6d7caa3a8cdf2d4aaa3a92cc7a9d4bcc8d5c6da0d0abaeab4efbeabc3dcd6e1b3d0cfeec4bf2cbaeab4efbbfad0b5d3d0cfdeb9abcbbe2cd6d0b9fa2c22312c323030222c323032312f332f350d0a',
      'hex',
    );
    const file = join(dir, '台账.csv');
    writeFileSync(file, gbk);
    const result = await commit(await preview(file));
    expect(result.counts).toMatchObject({ new: 1, rejected: 0 });
    expect(projects()[0]).toMatchObject({
      name: '宏达精密轴承项目',
      investor: '宏达机械有限公司',
      country: 'CN',
      totalInvestmentCny: 12_000_000,
      signedOn: '2021-03-05',
    });

    const utf8 = join(dir, '台账2.csv');
    writeFileSync(utf8, '\uFEFF项目名称,投资方,总投资（亿元）\n储能电站项目,远景能源,2.5\n');
    expect((await preview(utf8)).counts).toMatchObject({ new: 1 });
  });
});

describe('ledger export', () => {
  beforeEach(() => {
    expectOk(dispatchSync(app, 'app.demo', { projects: 400, seed: 7 }));
  });

  test('the layout leaders read: title, units, real dates and numbers, frozen header, totals', async () => {
    const out = join(dir, '台账.xlsx');
    const written = await call<FileResult>('ledger.export', { out });
    expect(written.rows).toBe(400);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toMatch(
      /^嘉兴经济技术开发区招商项目台账（截至 \d{4}-\d{2}-\d{2}）$/,
    );
    expect(sheet.getCell('B1').isMerged).toBe(true);
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toContain('总投资（亿元）');
    expect(header).toContain('合同外资（万美元）');
    expect(header).toContain('签约日期');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getColumn(3).width).toBeGreaterThan(20);

    const col = (name: string) => header.indexOf(name) + 1;
    const dataRows = Array.from({ length: 400 }, (_, i) => sheet.getRow(4 + i));
    const signed = dataRows.map((r) => r.getCell(col('签约日期')).value).filter((v) => v !== null);
    expect(signed.length).toBeGreaterThan(0);
    expect(signed.every((v) => v instanceof Date)).toBe(true);
    const amounts = dataRows.map((r) => r.getCell(col('总投资（亿元）')).value);
    expect(amounts.every((v) => v === null || typeof v === 'number')).toBe(true);

    const totals = sheet.getRow(404);
    expect(totals.getCell(col('项目名称')).value).toBe('合计（400 个项目）');
    const total = totals.getCell(col('总投资（亿元）')).value as {
      formula: string;
      result: number;
    };
    expect(total.formula).toBe(`SUM(P4:P403)`);
    const sum = (
      app.sqlite.prepare('SELECT sum(total_cny) AS s FROM project WHERE deleted = 0').get() as {
        s: number;
      }
    ).s;
    expect(total.result).toBeCloseTo(sum / 1e8, 6);
  });

  test('实到外资 converts each CNY arrival at the rate of its own year', async () => {
    expectOk(dispatchSync(app, 'settings.update', { usdRates: { 2020: 6.5, 2021: 6.4 } }));
    const p = expectOk(
      dispatchSync(app, 'project.create', { name: '汇率核对项目', investor: '汇率核对投资方' }),
    ) as ProjectRecord;
    const arrive = (arrivedOn: string, amount: number, currency: string) =>
      expectOk(
        dispatchSync(app, 'arrival.create', {
          projectId: p.id,
          arrivedOn,
          amount,
          currency,
          kind: 'fdi',
        }),
      );
    arrive('2020-11-30', 6_500_000, 'CNY'); // 1,000,000 美元 at 2020's 6.5
    arrive('2021-03-31', 6_400_000, 'CNY'); // 1,000,000 美元 at 2021's 6.4
    arrive('2021-04-30', 500_000, 'USD');
    const out = join(dir, '实到外资.xlsx');
    await call<FileResult>('ledger.export', { out, filter: { q: '汇率核对项目' } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(sheet.getRow(4).getCell(header.indexOf('实到外资（万美元）') + 1).value).toBe(250);
  });

  test('one sheet per office on request, and a filter', async () => {
    const out = join(dir, '分驻点.xlsx');
    await call<FileResult>('ledger.export', { out, byOffice: true, filter: { region: 'de_jp' } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name).slice(0, 4)).toEqual([
      '本部',
      '上海',
      '北京',
      '深圳',
    ]);
    const regions = workbook.worksheets.flatMap((s) => {
      const values: unknown[] = [];
      s.eachRow((row, n) => {
        if (n > 3) values.push(row.getCell(7).value);
      });
      return values.filter((v) => v !== null);
    });
    expect(new Set(regions)).toEqual(new Set(['德日']));
  });

  test("a 台账 view's columns, in its order, with their totals; the file re-imports unchanged", async () => {
    const p = expectOk(
      dispatchSync(app, 'project.create', { name: '视图列核对项目', investor: '视图列核对投资方' }),
    ) as ProjectRecord;
    expectOk(
      dispatchSync(app, 'arrival.create', {
        projectId: p.id,
        arrivedOn: '2021-05-31',
        amount: 30_000_000,
        currency: 'CNY',
        kind: 'domestic',
        outsideCity: true,
      }),
    );
    const out = join(dir, '视图.xlsx');
    const columns = [
      'name',
      'landAreaMu',
      'stage',
      'paidInFdiUsd',
      'domesticCapitalCny',
      'industry',
      'totalInvestment',
      'region',
      'problems',
    ];
    const written = await call<FileResult>('ledger.export', { out, columns });
    expect(written.rows).toBe(401);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    // 序号, then what identifies a project (the view lacks 项目编号 and 投资方), then the view's own.
    expect(header).toEqual([
      '序号',
      '项目编号',
      '投资方',
      '项目名称',
      '用地（亩）',
      '当前阶段',
      '实到外资（万美元）',
      '市外内资到位（万元）',
      '产业',
      '总投资（亿元）',
      // Amounts in 欧元, 日元 … travel with 总投资: their currency and original amount.
      '总投资币种',
      '原币总投资（万）',
      '国别/地区',
      '来源地区',
      '存在问题',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 3 });
    const col = (name: string) => header.indexOf(name) + 1;
    const rowOf = (name: string) => {
      for (let n = 4; n <= 404; n++) {
        if (sheet.getRow(n).getCell(col('项目名称')).value === name) return sheet.getRow(n);
      }
      throw new Error(`no row for ${name}`);
    };
    expect(rowOf('视图列核对项目').getCell(col('市外内资到位（万元）')).value).toBe(3000);

    const totals = sheet.getRow(405);
    expect(totals.getCell(col('项目名称')).value).toBe('合计（401 个项目）');
    const summed = header.flatMap((h, i) => {
      const value = totals.getCell(i + 1).value as { formula?: string } | null;
      return value && typeof value === 'object' && value.formula ? [h] : [];
    });
    expect(summed).toEqual([
      '用地（亩）',
      '实到外资（万美元）',
      '市外内资到位（万元）',
      '总投资（亿元）',
    ]);
    const domestic = totals.getCell(col('市外内资到位（万元）')).value as { result: number };
    expect(domestic.result).toBeGreaterThanOrEqual(3000);

    const before = snapshot(app);
    const result = await preview(out);
    expect(result.counts).toMatchObject({ new: 0, updated: 0, unchanged: 401, rejected: 0 });
    const done = await commit(result);
    expect(done.counts).toMatchObject({ new: 0, updated: 0 });
    expect(snapshot(app)).toEqual(before);
  });

  test('a view column the export does not know is refused', async () => {
    const result = await dispatch(app, 'ledger.export', {
      out: join(dir, '未知列.xlsx'),
      columns: ['name', '不存在的列'],
    });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(JSON.stringify(result)).toContain('未知的台账列');
  });

  test('round trip: export, import, 0 new and 0 changed, nothing written', async () => {
    for (const byOffice of [false, true]) {
      const out = join(dir, `往返-${byOffice}.xlsx`);
      await call<FileResult>('ledger.export', { out, byOffice });
      const before = snapshot(app);
      const result = await preview(out);
      expect(result.counts).toMatchObject({ new: 0, updated: 0, unchanged: 400, rejected: 0 });
      const done = await commit(result);
      expect(done.counts).toMatchObject({ new: 0, updated: 0 });
      expect(snapshot(app)).toEqual(before);
    }
  });

  test('the window’s export comes back as bytes to save', async () => {
    const written = await call<FileResult>('ledger.export', { filter: { stage: 'signed' } });
    expect(written.file).toBeNull();
    const workbook = new ExcelJS.Workbook();
    const bytes = Buffer.from(written.dataBase64!, 'base64');
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    expect(workbook.worksheets[0]!.rowCount).toBe(3 + written.rows + 1);
  });
});

describe('sheets from the field, as a reviewer found them', () => {
  async function workbookFile(name: string, fill: (workbook: ExcelJS.Workbook) => void) {
    const workbook = new ExcelJS.Workbook();
    fill(workbook);
    const file = join(dir, name);
    await workbook.xlsx.writeFile(file);
    return file;
  }

  test('a change made between the preview and the confirmation stops the import', async () => {
    const file = await workbookFile('改.xlsx', (wb) => {
      const sheet = wb.addWorksheet('台账');
      sheet.addRow(['项目名称', '投资方', '总投资（亿元）']);
      sheet.addRow(['储能电站项目', '远景能源', 2]);
    });
    await commit(await preview(file));
    const edited = await workbookFile('改2.xlsx', (wb) => {
      const sheet = wb.addWorksheet('台账');
      sheet.addRow(['项目名称', '投资方', '总投资（亿元）']);
      sheet.addRow(['储能电站项目', '远景能源', 3]);
    });
    const result = await preview(edited);
    expect(result.counts).toMatchObject({ updated: 1 });
    const project = projects()[0]!;
    expectOk(
      dispatchSync(app, 'project.update', { id: project.id, patch: { totalInvestmentCny: 5e8 } }),
    );
    const before = snapshot(app);
    const stale = await dispatch(app, 'ledger.importCommit', { previewId: result.previewId });
    expect(stale).toMatchObject({ ok: false, code: 'IMPORT_CHANGED' });
    expect(snapshot(app)).toEqual(before);
    expect(projects()[0]!.totalInvestmentCny).toBe(5e8);
  });

  test('a project created between the preview and the confirmation is matched, not duplicated', async () => {
    const file = await workbookFile('新.xlsx', (wb) => {
      const sheet = wb.addWorksheet('台账');
      sheet.addRow(['项目名称', '投资方', '总投资（亿元）']);
      sheet.addRow(['氢能装备项目', '远景能源', 2]);
    });
    const result = await preview(file);
    expect(result.counts).toMatchObject({ new: 1 });
    // The preview's reading of every project must not serve the commit after this write.
    expectOk(dispatchSync(app, 'project.create', { name: '氢能装备项目', investor: '远景能源' }));
    const stale = await dispatch(app, 'ledger.importCommit', { previewId: result.previewId });
    expect(stale).toMatchObject({ ok: false, code: 'IMPORT_CHANGED' });
    expect(projects().filter((p) => p.name === '氢能装备项目')).toHaveLength(1);
  });

  test('terminated projects travel with their reason; the sheet’s own code never renames a project', async () => {
    const made = expectOk(
      dispatchSync(app, 'project.create', {
        name: '终止的项目',
        investor: '某集团',
        stage: 'terminated',
        terminatedOn: '2021-05-01',
        terminationReason: '投资方战略调整',
      }),
    ) as ProjectRecord;
    const out = join(dir, '终止.xlsx');
    await call<FileResult>('ledger.export', { out });
    const other = await openTempDb();
    try {
      const p = expectOk(
        await dispatch(other, 'ledger.importPreview', { file: out }),
      ) as LedgerImportResult;
      expect(p.counts).toMatchObject({ new: 1, rejected: 0 });
      expectOk(await dispatch(other, 'ledger.importCommit', { previewId: p.previewId }));
      const row = other.sqlite.prepare('SELECT stage, termination_reason, code FROM project').get();
      expect(row).toEqual({
        stage: 'terminated',
        termination_reason: '投资方战略调整',
        code: made.code,
      });
    } finally {
      other.close();
    }
    const renamed = await workbookFile('编号.xlsx', (wb) => {
      const sheet = wb.addWorksheet('台账');
      sheet.addRow(['项目编号', '项目名称', '投资方', '存在问题']);
      sheet.addRow(['BJ2021-0099', '终止的项目', '某集团', '已退出']);
    });
    const result = await preview(renamed);
    expect(result.rows[0]).toMatchObject({ action: 'update', changes: ['存在问题'] });
    expect(result.rows[0]!.notes).toEqual([
      `表中项目编号 BJ2021-0099 与记录中的 ${made.code} 不同，未修改`,
    ]);
  });

  test('a stage without its date imports with a note; merged amounts count once; hidden sheets are listed', async () => {
    const file = await workbookFile('阶段.xlsx', (wb) => {
      const sheet = wb.addWorksheet('台账');
      sheet.addRow(['项目名称', '投资方', '总投资（亿元）', '当前阶段']);
      sheet.addRow(['一期项目', '宏达', 10, '已签约']);
      sheet.addRow(['二期项目', '宏达', null, '在谈']);
      sheet.mergeCells('C2:C3');
      const hidden = wb.addWorksheet('旧表');
      hidden.state = 'hidden';
      hidden.addRow(['项目名称', '投资方']);
    });
    const result = await preview(file);
    expect(result.counts).toMatchObject({ new: 2, rejected: 0 });
    expect(result.rows[0]!.notes[0]).toContain('当前阶段「签约」未采用');
    expect(result.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['台账', false],
      ['旧表', true],
    ]);
    await commit(result);
    const byName = Object.fromEntries(projects().map((p) => [p.name, p]));
    expect(byName['一期项目']).toMatchObject({ totalInvestmentCny: 1e9, stage: 'lead' });
    expect(byName['二期项目']).toMatchObject({ totalInvestmentCny: null, stage: 'negotiating' });
  });

  test('a CSV with semicolons, as European Excel writes it', async () => {
    const file = join(dir, '分号.csv');
    writeFileSync(file, '项目名称;投资方;总投资（万元）\n储能项目;远景能源;1200\n');
    const result = await preview(file);
    expect(result.counts).toMatchObject({ new: 1, rejected: 0 });
  });
});
