// The Excel calls as the API sees them: the 台账 import (a preview first, then the write), export
// of a filter or a year, and the 月报 workbook.
import { z } from 'zod';
import type { ColumnMapping } from './sheet-reader';
import { base64Upload, fileName } from '../fields';
import { ledgerQuery } from '../ledger';
import { ledgerColumnKeys } from '../ledger-columns';

// A workbook of 10k rows is about 1 MB; 48 MB (64 MB of base64) leaves room for ledgers far above.
const maxWorkbookBytes = 48 * 1024 * 1024;

export const ledgerImportPreviewInput = z.union(
  [
    z.strictObject({
      name: fileName,
      dataBase64: base64Upload(maxWorkbookBytes, { empty: '文件是空的' }),
    }),
    z.strictObject({ file: z.string({ error: '缺少文件' }).min(1, '缺少文件') }),
  ],
  { error: '请选择要导入的文件' },
);

export const ledgerImportCommitInput = z.strictObject({
  previewId: z.string({ error: '缺少导入预览编号' }).min(1, '缺少导入预览编号'),
});

/** The 台账 filter of the screen (no paging), or a signing year and office from the CLI. */
export const ledgerExportInput = z.strictObject({
  filter: ledgerQuery.omit({ offset: true, limit: true, sums: true }).optional(),
  /**
   * The 台账 view's columns in its order (after 序号; 项目编号, 项目名称 and 投资方 are added when
   * missing, so the file re-imports); without it, every column.
   */
  columns: z
    .array(z.enum(ledgerColumnKeys, { error: '未知的台账列' }))
    .min(1, '请至少选择一列')
    .max(ledgerColumnKeys.length)
    .optional(),
  /** One sheet per office (本部, 上海, 北京, 深圳, then projects with no office). */
  byOffice: z.boolean().default(false),
  /** Write to this path (CLI); without it the file comes back as base64 for the window to save. */
  out: z.string().min(1).optional(),
});

export const monthlyReportInput = z.strictObject({
  year: z.number({ error: '年份须为数字' }).int().min(2000, '年份无效').max(2100, '年份无效'),
  month: z.number({ error: '月份须为数字' }).int().min(1, '月份须为 1–12').max(12, '月份须为 1–12'),
  /** An office key or name (上海, shanghai …); absent for the whole zone. */
  office: z.string().max(20, '驻点无效').optional(),
  out: z.string().min(1).optional(),
});

export type RowAction = 'new' | 'update' | 'unchanged' | 'rejected';

export interface ImportRow {
  sheet: string;
  /** The row number Excel shows. */
  row: number;
  action: RowAction;
  name: string;
  projectId: string | null;
  /** Chinese labels of the fields an update changes. */
  changes: string[];
  errors: string[];
  /** What was not taken from an imported row, and why (the row itself imports). */
  notes: string[];
}

export interface ImportSheet {
  name: string;
  headerRow: number | null;
  mapping: ColumnMapping[];
  /** Hidden sheets are listed but not read. */
  hidden: boolean;
  blankRows: number;
  subtotalRows: number;
  /** Section titles, notes under the table and repeated headers. */
  noteRows: number;
}

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Blank, subtotal and note rows, which are not projects. */
  skipped: number;
}

/** What an import would do (preview) or did (report). */
export interface LedgerImportResult {
  file: string;
  previewId: string | null;
  sheets: ImportSheet[];
  counts: ImportCounts;
  /** Every rejected row, then the others up to a limit (the counts are complete). */
  rows: ImportRow[];
  /** Written rows only: the import log's id, for undo (sync.undoImport, `import undo ID`). */
  importId: number | null;
  /** Milliseconds of each phase: the preview's (read, check, match) or the commit's. */
  phasesMs: Record<string, number> | null;
  /** What the commit's safety net (the undo's record of its changes) added; null for a preview. */
  safetyNetBytes: number | null;
}

export interface FileResult {
  name: string;
  /** The path written (with `out`), or null when the bytes come back in dataBase64. */
  file: string | null;
  dataBase64: string | null;
  rows: number;
}
