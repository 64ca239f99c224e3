// Workbooks and CSV files as a hostile or careless sender makes them, on real files: a cell at
// XFD1048576, merged ranges over the whole sheet, rows, columns, cells and merges past the caps,
// zip bombs that declare or inflate to hundreds of MB, a worker whose heap runs out, and CSV in
// UTF-16 and Big5. Each is refused with its Chinese message, quickly, outside the main heap, and
// the database is untouched; the caps themselves and whole-column drop-down lists still import.
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatch } from '../../db/dispatcher';
import {
  MAX_CELLS,
  MAX_MERGED_RANGES,
  MAX_SHEET_COLUMNS,
  MAX_SHEET_ROWS,
  MAX_UNCOMPRESSED_BYTES,
} from '../../db/services/excel/workbook-limits';
import { readSheets } from '../../db/services/excel/workbook-read';
import type { LedgerImportResult } from '../../domain/excel/calls';
import { expectOk, openTempDb, snapshot, tempDir } from '../helpers';

let app: AppDatabase;
let dir: string;
// The worker is bundled from the sources once per process: done here, so that the timings below
// measure the refusal, not esbuild.
beforeAll(async () => {
  await readSheets('预热.csv', Buffer.from('项目名称,投资方\n'));
});
beforeEach(async () => {
  app = await openTempDb();
  dir = tempDir('zs-limits-');
});
afterEach(() => app.close());

const MB = 1024 * 1024;

/** Imports `bytes` as a file named `name`: refused with `code` and `message`, nothing written. */
async function refused(name: string, bytes: Uint8Array, code: string, message: RegExp) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const before = snapshot(app);
  const result = await dispatch(app, 'ledger.importPreview', { file });
  expect(result).toMatchObject({ ok: false, code });
  if (!result.ok) expect(result.message).toMatch(message);
  expect(snapshot(app)).toEqual(before);
}

async function previewed(name: string, bytes: Uint8Array): Promise<LedgerImportResult> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return expectOk(await dispatch(app, 'ledger.importPreview', { file })) as LedgerImportResult;
}

/** A small ledger sheet; `more` adds to it before it is written. */
async function ledger(more: (sheet: ExcelJS.Worksheet) => void = () => {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['项目名称', '投资方', '总投资（万元）']);
  sheet.addRow(['宏达精密轴承项目', '宏达机械有限公司', 1200]);
  more(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The workbook with `edit` applied to its first sheet's XML, as a hand-edited file would be. */
async function editedSheet(bytes: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const name = 'xl/worksheets/sheet1.xml';
  zip.file(name, edit(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const withMerges = (refs: string[]) => (xml: string) =>
  xml
    .replace(/<mergeCells[^]*?<\/mergeCells>/, '')
    .replace(
      '</sheetData>',
      `</sheetData><mergeCells count="${refs.length}">${refs.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`,
    );

/** The central directory's uncompressed size of `entry` set to `size`, as a lying sender would. */
function declare(zip: Buffer, entry: string, size: number): Buffer {
  const patched = Buffer.from(zip);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  let found = 0;
  for (let at = patched.indexOf(signature); at >= 0; at = patched.indexOf(signature, at + 4)) {
    const nameLength = patched.readUInt16LE(at + 28);
    if (patched.toString('utf8', at + 46, at + 46 + nameLength) !== entry) continue;
    patched.writeUInt32LE(size, at + 24);
    found++;
  }
  expect(found).toBe(1);
  return patched;
}

const mainHeap = () => process.memoryUsage().heapUsed;

describe('workbooks past the caps are refused before exceljs builds them', () => {
  test('one cell at XFD1048576: refused in a moment, the main heap untouched', async () => {
    const bytes = await ledger((sheet) => {
      sheet.getCell('XFD1048576').value = '最后一格';
    });
    expect(bytes.length).toBeLessThan(10_000);
    const heapBefore = mainHeap();
    const started = performance.now();
    await refused('最后一格.xlsx', bytes, 'SHEET_TOO_LARGE', /第 1,048,576 行.*200,000 行的上限/);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(mainHeap() - heapBefore).toBeLessThan(50 * MB);
  });

  test('a merged range over the whole sheet, which exceljs would fill cell by cell', async () => {
    const bytes = await editedSheet(await ledger(), withMerges(['A1:XFD1048576']));
    expect(bytes.length).toBeLessThan(10_000);
    const started = performance.now();
    await refused('全表合并.xlsx', bytes, 'SHEET_TOO_LARGE', /1,048,576 行/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  test('a value past the last row or column is refused; one on them imports', async () => {
    const lastRow = `A${MAX_SHEET_ROWS + 1}`;
    await refused(
      '行太多.xlsx',
      await ledger((sheet) => (sheet.getCell(lastRow).value = '超出')),
      'SHEET_TOO_LARGE',
      /第 200,001 行，超过每张工作表 200,000 行的上限；请拆分/,
    );
    await refused(
      '列太多.xlsx',
      await ledger((sheet) => (sheet.getCell(2, MAX_SHEET_COLUMNS + 1).value = '超出')),
      'SHEET_TOO_LARGE',
      /第 201 列，超过每张工作表 200 列的上限/,
    );
    const atTheCaps = await previewed(
      '正好.xlsx',
      await ledger((sheet) => (sheet.getCell(MAX_SHEET_ROWS, MAX_SHEET_COLUMNS).value = '边角')),
    );
    expect(atTheCaps.counts).toMatchObject({ new: 1, rejected: 0 });
  }, 60_000);

  test('more cells than the cap in merged ranges, and more merged ranges than the cap', async () => {
    // 200 columns by 25,001 rows: 5,000,200 cells, each of which exceljs would make.
    const rows = Math.ceil(MAX_CELLS / MAX_SHEET_COLUMNS) + 1;
    await refused(
      '大合并.xlsx',
      await editedSheet(await ledger(), withMerges([`A10:GR${10 + rows - 1}`])),
      'SHEET_TOO_LARGE',
      /单元格超过 5,000,000 个的上限/,
    );
    const pairs = Array.from({ length: MAX_MERGED_RANGES + 1 }, (_, i) => {
      const row = 10 + 2 * i;
      return `E${row}:E${row + 1}`;
    });
    await refused(
      '合并太多.xlsx',
      await editedSheet(await ledger(), withMerges(pairs)),
      'SHEET_TOO_LARGE',
      /合并单元格超过 10,000 处的上限/,
    );
  });

  test('zip bombs: 250 MB of sheet in 300 KB, declared as it is or as 1,000 bytes; 2 GB declared', async () => {
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream,
      useSharedStrings: false,
      zip: { zlib: { level: 9 } },
    });
    const sheet = writer.addWorksheet('台账');
    sheet.addRow(['项目名称', '投资方']).commit();
    const filler = ' '.repeat(MB);
    for (let i = 0; i < 250; i++) sheet.addRow([filler]).commit();
    sheet.commit();
    await writer.commit();
    const bomb = Buffer.concat(chunks);
    expect(bomb.length).toBeLessThan(2 * MB);

    await refused(
      '炸弹.xlsx',
      bomb,
      'SHEET_TOO_LARGE',
      new RegExp(`解压后有 25\\d MB，超过 ${MAX_UNCOMPRESSED_BYTES / MB} MB 的上限`),
    );
    await refused(
      '谎报大小.xlsx',
      declare(bomb, 'xl/worksheets/sheet1.xml', 1_000),
      'SHEET_UNREADABLE',
      /工作簿已损坏（xl\/worksheets\/sheet1\.xml 解压后比声明的大）/,
    );
    await refused(
      '声明很大.xlsx',
      declare(await ledger(), 'xl/worksheets/sheet1.xml', 2_000_000_000),
      'SHEET_TOO_LARGE',
      /解压后有 1,908 MB/,
    );
  }, 60_000);

  test('a file larger than the uncompressed cap is refused before it is read', async () => {
    const file = join(dir, '巨大.xlsx');
    writeFileSync(file, '');
    truncateSync(file, MAX_UNCOMPRESSED_BYTES + 1); // sparse: nothing is written to disk
    const heapBefore = mainHeap();
    const result = await dispatch(app, 'ledger.importPreview', { file });
    expect(result).toMatchObject({ ok: false, code: 'SHEET_TOO_LARGE' });
    if (!result.ok) expect(result.message).toMatch(/文件超过 200 MB 的上限/);
    expect(mainHeap() - heapBefore).toBeLessThan(50 * MB);
  });

  test('a drop-down list over whole columns is not expanded cell by cell', async () => {
    const bytes = await editedSheet(await ledger(), (xml) =>
      xml.replace(
        '</sheetData>',
        '</sheetData><dataValidations count="1"><dataValidation type="list" sqref="A3:Z1048576">' +
          '<formula1>"签约,开工,投产"</formula1></dataValidation></dataValidations>',
      ),
    );
    const started = performance.now();
    expect((await previewed('下拉列表.xlsx', bytes)).counts).toMatchObject({ new: 1 });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  test('a workbook that fills the worker’s heap ends the worker, not the process', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['项目名称', '投资方']);
    for (let i = 0; i < 20_000; i++) sheet.addRow([`项目${i}`, `投资方${i}`, i, i * 2, `备注${i}`]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(readSheets('大表.xlsx', bytes, 16)).rejects.toMatchObject({
      code: 'SHEET_TOO_LARGE',
      message: expect.stringMatching(/解析时所需内存超过 16 MB 的上限/),
    });
    // The same file with the usual ceiling reads.
    expect((await readSheets('大表.xlsx', bytes))[0]?.rows).toHaveLength(20_001);
  }, 60_000);
});

/** Text in Big5 or GBK, encoded with the decoders' own tables (Node has no encoder for them). */
function encoder(label: 'big5' | 'gbk'): (text: string) => Buffer {
  const decoder = new TextDecoder(label);
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(Uint8Array.from([lead, trail]));
      if (char.length === 1 && char !== '\uFFFD' && !codes.has(char))
        codes.set(char, [lead, trail]);
    }
  }
  return (text) =>
    Buffer.from(
      [...text].flatMap((char) => {
        if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
        const code = codes.get(char);
        if (!code) throw new Error(`${char} has no ${label} code`);
        return code;
      }),
    );
}

describe('CSV files', () => {
  const ledgerCsv = '项目名称,投资方,国别\n宏达精密轴承项目,宏达机械有限公司,中国\n';

  test('UTF-16 with or without a byte order mark: how to save the file again', async () => {
    const le = Buffer.from(`\uFEFF${ledgerCsv}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    const noBom = Buffer.from(ledgerCsv, 'utf16le');
    for (const [name, bytes] of [
      ['小端.csv', le],
      ['大端.csv', be],
      ['无签名.csv', noBom],
    ] as const) {
      await refused(
        name,
        bytes,
        'SHEET_ENCODING',
        /CSV 文件的编码不受支持，数据库未改动：文件是 UTF-16（Unicode）编码；请在 Excel 或 WPS 中「另存为」CSV UTF-8/,
      );
    }
  });

  test('Big5 is named; GBK with the same kind of text still imports', async () => {
    const big5 = encoder('big5')(
      '項目名稱,投資方,國別\n新竹晶圓廠項目,台灣積體電路製造股份有限公司,中國台灣\n',
    );
    await refused('繁体.csv', big5, 'SHEET_ENCODING', /繁体中文 Big5 编码/);
    const gbk = encoder('gbk')(
      '项目名称,投资方,国别,存在问题\n新竹晶圆厂项目,台湾积体电路制造股份有限公司,中国台湾,用地指标待落实\n',
    );
    expect((await previewed('简体.csv', gbk)).counts).toMatchObject({ new: 1, rejected: 0 });
  });

  test('rows and columns past the caps', async () => {
    const rows = `${'项目名称,投资方\n'}${'某项目,某公司\n'.repeat(MAX_SHEET_ROWS)}`;
    await refused('行太多.csv', Buffer.from(rows), 'SHEET_TOO_LARGE', /200,000 行的上限/);
    const wide = `项目名称,投资方${','.repeat(MAX_SHEET_COLUMNS - 1)}超出\n某项目,某公司\n`;
    await refused('列太多.csv', Buffer.from(wide), 'SHEET_TOO_LARGE', /第 201 列/);
  }, 60_000);
});
