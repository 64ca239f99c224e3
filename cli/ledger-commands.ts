// The CLI's Excel commands (issue 6): ledger export and import, and the monthly report. Each is one
// call of the ledger.* / report.* API, so a script gets exactly what the window does.
import { resolve } from 'node:path';
import type { FileResult, LedgerImportResult } from '../domain/excel/calls';
import { CliUserError, intOption } from './cli-error';
import type { CommandContext } from './cli-error';

export const ledgerUsage = `  ledger export 文件.xlsx [--year 签约年份] [--office 上海] [--by-office]
                                           导出台账（--by-office 每个驻点一个工作表）
  ledger import 文件.xlsx|.csv [--dry-run] [--json]
                                           导入台账：报告新增、更新、未变、拒绝的行及原因
                                           （有行被拒绝时其余照常导入，退出码 2）
  report monthly --year 2021 --month 6 [--office 上海] --out 文件.xlsx   生成月报（全区或一个驻点）`;

export const ledgerOptions = {
  'dry-run': { type: 'boolean' },
  'by-office': { type: 'boolean' },
  month: { type: 'string' },
} as const;

/** Runs a ledger or report command; false when `command` is not one. */
export async function runLedgerCommand(
  cx: CommandContext,
  command: string,
  args: string[],
): Promise<boolean> {
  const { call, values, json } = cx;
  const int = (name: string) => intOption(values, name);
  const [sub, file] = args;
  if (command === 'report') {
    if (sub !== 'monthly') throw new CliUserError(`未知的 report 子命令：${sub ?? ''}`);
    if (typeof values.out !== 'string') throw new CliUserError('缺少 --out 文件');
    const out = resolve(values.out);
    const written = await call<FileResult>('report.monthly', {
      year: int('year'),
      month: int('month'),
      ...(typeof values.office === 'string' ? { office: values.office } : {}),
      out,
    });
    console.log(json ? JSON.stringify(written, null, 2) : `已生成月报：${out}`);
    return true;
  }
  if (command !== 'ledger') return false;
  if (!file) throw new CliUserError('缺少文件');
  switch (sub) {
    case 'export': {
      const filter = {
        ...(values.year !== undefined ? { signingYear: int('year') } : {}),
        ...(typeof values.office === 'string' ? { office: values.office } : {}),
        sort: { key: 'code', dir: 'asc' },
      };
      const out = resolve(file);
      const written = await call<FileResult>('ledger.export', {
        filter,
        byOffice: values['by-office'] === true,
        out,
      });
      console.log(
        json ? JSON.stringify(written, null, 2) : `已导出 ${written.rows} 个项目：${out}`,
      );
      return true;
    }
    case 'import': {
      const preview = await call<LedgerImportResult>('ledger.importPreview', {
        file: resolve(file),
      });
      const committed =
        values['dry-run'] === true || preview.counts.new + preview.counts.updated === 0
          ? null
          : await call<LedgerImportResult>('ledger.importCommit', { previewId: preview.previewId });
      // One report for the one command: the preview's phases, then the commit's.
      const done = committed
        ? { ...committed, phasesMs: { ...preview.phasesMs, ...committed.phasesMs } }
        : preview;
      console.log(
        json
          ? JSON.stringify(reportOf(done), null, 2)
          : importText(done, values['dry-run'] === true),
      );
      // Exit 2: the good rows went in (or would, with --dry-run), and some were refused.
      if (done.counts.rejected > 0) {
        process.stderr.write(`${done.counts.rejected} 行被拒绝，未导入，原因见报告\n`);
        process.exitCode = 2;
      }
      return true;
    }
    default:
      throw new CliUserError(`未知的 ledger 子命令：${sub ?? ''}`);
  }
}

/** The report scripts read: counts, the rejected rows with reasons, each sheet's mapping. */
function reportOf(result: LedgerImportResult) {
  return {
    file: result.file,
    ...result.counts,
    rejectedRows: result.rows
      .filter((r) => r.action === 'rejected')
      .map((r) => ({ sheet: r.sheet, row: r.row, name: r.name, reasons: r.errors })),
    rows: result.rows.map(({ sheet, row, action, name, projectId, changes }) => ({
      sheet,
      row,
      action,
      name,
      projectId,
      changes,
    })),
    sheets: result.sheets,
    importId: result.importId,
    phasesMs: result.phasesMs,
    safetyNetBytes: result.safetyNetBytes,
  };
}

function importText(result: LedgerImportResult, dryRun: boolean): string {
  const { counts } = result;
  const lines = [
    `${dryRun ? '预览（未写入）' : '已导入'}：新增 ${counts.new}，更新 ${counts.updated}，未变 ${counts.unchanged}，拒绝 ${counts.rejected}，跳过空行、合计行和说明行 ${counts.skipped}`,
    ...result.rows
      .filter((r) => r.action === 'rejected')
      .map((r) => `  「${r.sheet}」第 ${r.row} 行 ${r.name}：${r.errors.join('；')}`),
  ];
  if (result.importId !== null) {
    lines.push(`导入记录编号 ${result.importId}：如需撤销，运行 import undo ${result.importId}`);
  }
  return lines.join('\n');
}
