// A workbook's zip checked before exceljs builds anything from it: its entries' sizes as declared
// and as they really inflate, and where each worksheet's cells, rows and merged ranges lie. exceljs
// allocates for all of them (an object per cell of a merged range), so a file of a few KB could
// otherwise fill any heap. Both read the zip with JSZip and the XML with saxes, as exceljs does, so
// the scan sees the entries and elements exceljs will see.
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { AppError } from '../../../domain/errors';
import {
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  MAX_CELLS,
  MAX_MERGED_RANGES,
  MAX_UNCOMPRESSED_BYTES,
  checkSheetColumn,
  checkSheetRow,
  countText,
  mebibytes,
  tooLarge,
} from './workbook-limits';

/** The entries exceljs parses as worksheets: its own test of an entry's name (lib/xlsx/xlsx.js). */
const WORKSHEET_ENTRY = /xl\/worksheets\/sheet(\d+)[.]xml/;

const damaged = (detail: string) => new AppError('SHEET_UNREADABLE', `工作簿已损坏（${detail}）`);

/** Throws SHEET_TOO_LARGE or SHEET_UNREADABLE unless exceljs may load the workbook. */
export async function checkWorkbookZip(bytes: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new AppError('SHEET_UNREADABLE', '工作簿已损坏或不是 Excel 文件');
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  const declared = entries.map(declaredSize);
  const declaredTotal = declared.reduce((sum, size) => sum + size, 0);
  if (declaredTotal > MAX_UNCOMPRESSED_BYTES) {
    throw tooLarge(
      `解压后有 ${mebibytes(declaredTotal)}，超过 ${mebibytes(MAX_UNCOMPRESSED_BYTES)} 的上限`,
    );
  }
  const cells = { total: 0 };
  for (const [i, entry] of entries.entries()) {
    const sheet = WORKSHEET_ENTRY.test(entry.name) ? new SheetScan(cells) : null;
    let size = 0;
    try {
      await eachChunk(entry, (bytes) => {
        size += bytes.length;
        // So the inflated total stays within the declared one, which is within the cap.
        if (size > (declared[i] ?? 0)) throw damaged(`${entry.name} 解压后比声明的大`);
        sheet?.write(bytes);
      });
      sheet?.close();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw damaged(entry.name);
    }
  }
}

/** Inflates an entry piece by piece; a throw from `take` stops it there. */
function eachChunk(entry: JSZip.JSZipObject, take: (bytes: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      try {
        take(chunk);
      } catch (error) {
        stream.pause();
        stream.removeAllListeners('data');
        reject(error);
      }
    });
    stream.on('error', reject);
    stream.on('end', resolve);
  });
}

/**
 * The size an entry's headers give. JSZip keeps it on the entry's `_data`, which its typings leave
 * out (index.d.ts: "this private `_data` property ... if/when it is made public").
 */
function declaredSize(entry: JSZip.JSZipObject): number {
  const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data
    ?.uncompressedSize;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw damaged(`${entry.name} 的大小无法读取`);
  }
  return size;
}

/** 'AB12' → column 28, row 12; a part left out is null (the position then follows the last one). */
function cellRef(ref: string | undefined): { column: number | null; row: number | null } {
  const match = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(ref ?? '');
  if (!match) return { column: null, row: null };
  const letters = (match[1] ?? '').toUpperCase();
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column: letters ? column : null, row: match[2] ? Number(match[2]) : null };
}

/** One worksheet's XML, fed as it inflates: refuses it once it goes past a cap. */
class SheetScan {
  private readonly parser = new SaxesParser();
  private readonly decoder = new TextDecoder();
  private row = 0;
  private column = 0;
  private merges = 0;
  /** The cell being read: its position, and whether it holds a value or formula. */
  private cell: { row: number; column: number; value: boolean } | null = null;

  constructor(private readonly cells: { total: number }) {
    this.parser.on('opentag', (tag) =>
      this.open(tag.name, tag.attributes as Record<string, string>),
    );
    this.parser.on('closetag', (tag) => {
      if (tag.name === 'c') this.closeCell();
    });
  }

  write(bytes: Uint8Array): void {
    this.parser.write(this.decoder.decode(bytes, { stream: true }));
  }

  close(): void {
    this.parser.write(this.decoder.decode());
    this.parser.close();
  }

  private open(name: string, attributes: Record<string, string>): void {
    switch (name) {
      case 'row': {
        const row = Number(attributes.r ?? this.row + 1);
        this.row = Number.isSafeInteger(row) ? row : EXCEL_MAX_ROWS + 1;
        this.column = 0;
        if (this.row > EXCEL_MAX_ROWS) throw damaged(`行号 ${attributes.r} 超出 Excel 的范围`);
        this.addCells(1);
        break;
      }
      case 'c': {
        const ref = cellRef(attributes.r);
        this.column = ref.column ?? this.column + 1;
        this.cell = { row: ref.row ?? this.row, column: this.column, value: false };
        this.addCells(1);
        break;
      }
      case 'v':
      case 'is':
      case 'f':
        if (this.cell) this.cell.value = true;
        break;
      case 'col': {
        const max = Number(attributes.max);
        if (!(max <= EXCEL_MAX_COLUMNS))
          throw damaged(`列定义 ${attributes.max} 超出 Excel 的范围`);
        break;
      }
      case 'mergeCell':
        this.merge(attributes.ref ?? '');
        break;
    }
  }

  private closeCell(): void {
    if (this.cell?.value) this.within(this.cell.row, this.cell.column);
    this.cell = null;
  }

  /** A value at this position: refused past the row or column cap. */
  private within(row: number, column: number): void {
    checkSheetRow(row);
    checkSheetColumn(column);
  }

  private merge(ref: string): void {
    if (++this.merges > MAX_MERGED_RANGES) {
      throw tooLarge(`合并单元格超过 ${countText(MAX_MERGED_RANGES)} 处的上限`);
    }
    const [from, to] = ref.split(':').map(cellRef);
    const top = from?.row ?? 0;
    const left = from?.column ?? 0;
    const bottom = to?.row ?? top;
    const right = to?.column ?? left;
    if (top < 1 || left < 1 || bottom < top || right < left) throw damaged(`合并区域 ${ref} 无效`);
    this.within(bottom, right);
    this.addCells((bottom - top + 1) * (right - left + 1));
  }

  private addCells(n: number): void {
    this.cells.total += n;
    if (this.cells.total > MAX_CELLS) {
      throw tooLarge(`单元格超过 ${countText(MAX_CELLS)} 个的上限（含合并区域内的单元格）`);
    }
  }
}
