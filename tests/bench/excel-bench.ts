// Excel benchmarks (issue 6): export of the whole bench ledger (100k projects) to .xlsx, and import
// of a 10k-row office ledger (preview, then the write) into a fresh database and into the bench
// database. Prints seconds, rows/s and the peak resident memory of each step over its start.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { AppDatabase } from '../../db/app-database';
import { openAppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import type { ApiResult } from '../../domain/errors';
import type { FileResult, LedgerImportResult } from '../../domain/excel/calls';
import type { Budgets } from './budgets';

type Line = (label: string, value: string, budget?: string) => void;

const IMPORT_ROWS = Number(process.env.BENCH_EXCEL_IMPORT_ROWS ?? 10_000);

async function ok<T>(pending: Promise<ApiResult<unknown>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(result.message);
  return result.data as T;
}

/** Runs `work`, sampling resident memory; returns seconds, the peak RSS and its rise over the start, in MB. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ value: T; seconds: number; peakMb: number; riseMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      value,
      seconds: (performance.now() - t0) / 1000,
      peakMb: peak / 1e6,
      riseMb: (peak - base) / 1e6,
    };
  } finally {
    clearInterval(timer);
  }
}

const countries = [
  '德国',
  '美国',
  '日本',
  '韩国',
  '中国',
  '新加坡',
  '法国',
  '中国香港',
  'DE',
  '英国',
];
const offices = ['上海', '北京', '深圳', '本部'];
const industries = ['集成电路', '新能源', '生物医药', '高端装备制造', '数字经济'];

/** An office ledger as people keep it: title rows, 万元 totals, mixed date styles, subtotals. */
async function officeLedger(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['某驻点招商项目台账（基准测试）']).commit();
  sheet
    .addRow([
      '序号',
      '项目名称',
      '投资方',
      '国别/地区',
      '产业',
      '总投资（万元）',
      '合同外资（万美元）',
      '签约日期',
      '开工日期',
      '驻点',
      '招商责任人',
      '存在问题',
    ])
    .commit();
  for (let i = 0; i < rows; i++) {
    const signed = i % 3 !== 0;
    const month = (i % 12) + 1;
    sheet
      .addRow([
        i + 1,
        `基准${industries[i % 5]}项目${i + 1}`,
        `基准投资方${Math.floor(i / 2)}有限公司`,
        countries[i % countries.length],
        industries[i % industries.length],
        i % 4 === 0 ? `${((i % 97) + 1) * 1000}` : ((i % 97) + 1) * 1234.5,
        i % 2 ? (i % 50) * 100 : null,
        signed ? (i % 2 ? new Date(Date.UTC(2021, month - 1, 10)) : `2021年${month}月10日`) : null,
        signed && i % 5 === 0 ? `2022.${month}.1` : null,
        offices[i % offices.length],
        `招商员${i % 40}`,
        i % 7 === 0 ? '用地指标待落实' : null,
      ])
      .commit();
    if (i % 1000 === 999) sheet.addRow([null, '小计']).commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function importInto(app: AppDatabase, file: string) {
  return measured(async () => {
    const preview = await ok<LedgerImportResult>(dispatch(app, 'ledger.importPreview', { file }));
    return ok<LedgerImportResult>(
      dispatch(app, 'ledger.importCommit', { previewId: preview.previewId }),
    );
  });
}

export async function benchExcel(
  app: AppDatabase,
  dir: string,
  line: Line,
  budgets?: Budgets,
): Promise<{ failures: string[] }> {
  const failures: string[] = [];
  console.log('\nExcel ledger');

  const out = join(dir, 'ledger.xlsx');
  const exported = await measured(() =>
    ok<FileResult>(dispatch(app, 'ledger.export', { out, byOffice: true })),
  );
  const rows = exported.value.rows;
  line(
    `export ${rows.toLocaleString()} rows (s)`,
    exported.seconds.toFixed(2),
    `budget 10 s → ${((exported.seconds / 10) * 100).toFixed(0)}% of budget`,
  );
  line('  rows/s', Math.round(rows / exported.seconds).toLocaleString());
  line(
    '  peak RSS / rise over start (MB)',
    `${exported.peakMb.toFixed(0)} / ${exported.riseMb.toFixed(0)}`,
  );
  line('  file size (MB)', (statSync(out).size / 1e6).toFixed(1));
  if (exported.seconds >= 10) failures.push('Excel export of 100k rows over 10 s');
  budgets?.under(`Excel export, ${rows.toLocaleString()} rows`, exported.seconds, 5, 's');

  // The largest real use of the import's caps (db/services/excel/workbook-limits.ts): that export read
  // back, in the workbook worker; a refusal fails the bench.
  const back = await measured(() =>
    ok<LedgerImportResult>(dispatch(app, 'ledger.importPreview', { file: out })),
  );
  line('preview of that export (s)', back.seconds.toFixed(2));
  line(
    '  unchanged / new / rejected',
    `${back.value.counts.unchanged} / ${back.value.counts.new} / ${back.value.counts.rejected}`,
  );
  line(
    '  peak RSS / rise over start (MB)',
    `${back.peakMb.toFixed(0)} / ${back.riseMb.toFixed(0)}`,
  );

  const ledger = join(dir, 'office-ledger.xlsx');
  await officeLedger(ledger, IMPORT_ROWS);
  const fresh = await openAppDatabase(join(dir, 'excel-import.sqlite'));
  let freshS: number | undefined;
  try {
    dispatchSync(fresh, 'app.init', { user: '基准', office: '上海' });
    const first = await importInto(fresh, ledger);
    line(
      `import ${IMPORT_ROWS.toLocaleString()} rows, fresh database (s)`,
      first.seconds.toFixed(2),
      `budget 5 s → ${((first.seconds / 5) * 100).toFixed(0)}% of budget`,
    );
    line('  new / rejected', `${first.value.counts.new} / ${first.value.counts.rejected}`);
    line('  rows/s', Math.round(IMPORT_ROWS / first.seconds).toLocaleString());
    line(
      '  peak RSS / rise over start (MB)',
      `${first.peakMb.toFixed(0)} / ${first.riseMb.toFixed(0)}`,
    );
    if (first.seconds >= 5) failures.push('Excel import of 10k rows over 5 s');
    freshS = first.seconds;
    const again = await importInto(fresh, ledger);
    line(
      '  same file again: unchanged (s)',
      `${again.value.counts.unchanged} in ${again.seconds.toFixed(2)}`,
    );
  } finally {
    fresh.close();
  }
  const into = await importInto(app, ledger);
  line(
    `import ${IMPORT_ROWS.toLocaleString()} rows beside 100k projects (s)`,
    into.seconds.toFixed(2),
  );
  line(
    '  peak RSS / rise over start (MB)',
    `${into.peakMb.toFixed(0)} / ${into.riseMb.toFixed(0)}`,
  );
  budgets?.ratioAtMost(
    `Excel import ${IMPORT_ROWS.toLocaleString()} rows beside the demo db / fresh db`,
    into.seconds / (freshS ?? Number.NaN),
    1.3,
    `${into.seconds.toFixed(2)} / ${freshS?.toFixed(2)} s`,
  );
  return { failures };
}
