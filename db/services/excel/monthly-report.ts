// The 月报 workbook for a year and month: the 看板 seen at the month's last day, laid out the way a
// monthly report to leaders reads — targets against 确保, 力争 and 序时进度 with their 红黄绿灯; the 补差
// list (what the pipeline could add to each target in the rest of the year); the tier counts with the
// projects behind them; the month's new signings; the pipeline by stage; the 五未 list; the ranking
// of offices and promoters. Every figure comes from the same service call as the 看板, for the zone or
// for one office (its targets, projects and promoters only), and the file is named for which.
import { endOfMonth, format } from 'date-fns';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { tierLabels } from '../../../domain/classify';
import type { Dashboard, RankingRow } from '../../../domain/dashboard';
import { AppError } from '../../../domain/errors';
import type { FileResult, monthlyReportInput } from '../../../domain/excel/calls';
import { amountFormat } from '../../../domain/excel/sheet-layout';
import { stageLabels } from '../../../domain/lifecycle';
import { describeGap, lightLabels, scheduleBasisLabels } from '../../../domain/schedule';
import { fromBaseUnits } from '../../../domain/excel/cell-values';
import { labelOf, offices } from '../../../domain/vocabulary';
import type { AppDatabase, Tx } from '../../app-database';
import { writeFileDurably } from '../../durable-file';
import { withProgress } from '../../job-progress';
import { checkOutputFile, writeFailure } from '../../output-file';
import { demoFilePrefix, isDemo } from '../app';
import { buildDashboard } from '../dashboard/index';
import { breakdownSheet, gapSheet, keyProjectsSheet, ratesSheet } from './report-analysis-sheets';
import { inUnit, lightFill, sheetWith, unitLabel } from './report-sheet';
import { guardTextCells } from './xlsx-text';

type Input = z.output<typeof monthlyReportInput>;

interface ReportProject {
  id: string;
  code: string | null;
  name: string;
  investor: string | null;
  total_cny: number | null;
  contracted_fdi_usd: number | null;
  signed_on: string | null;
  office_id: string | null;
  owner: string | null;
}

const tierMetrics = [
  ['tier_100yi', tierLabels.t100],
  ['tier_50_100yi', tierLabels.t50_100],
  ['tier_10_50yi', tierLabels.t10_50],
  ['tier_1yi_industrial', '亿元以上产业项目'],
] as const;

export async function monthlyReport(app: AppDatabase, input: Input): Promise<FileResult> {
  if (input.out) checkOutputFile(app.file, input.out);
  return withProgress(app, '生成月报', async (report) => {
    report('计算看板', 0, 0);
    const monthStart = `${input.year}-${String(input.month).padStart(2, '0')}-01`;
    const asOf = format(endOfMonth(new Date(`${monthStart}T00:00:00`)), 'yyyy-MM-dd');
    const { board, tiers, signings } = app.transact(
      (tx) => {
        const board = buildDashboard(tx, {
          year: input.year,
          asOf,
          office: input.office,
          withProjects: true,
        });
        const tiers = tierMetrics.map(([key, label]) => ({
          label,
          projects: projectsByIds(tx, board.metrics.find((m) => m.key === key)?.projects ?? []),
        }));
        const signings = tx.sql
          .prepare(
            `${projectSelect} WHERE p.deleted = 0 AND p.signed_on BETWEEN ? AND ?
               AND (? IS NULL OR p.office_id = ?) ORDER BY p.signed_on, p.code`,
          )
          .all(monthStart, asOf, board.office, board.office) as ReportProject[];
        return { board, tiers, signings };
      },
      { write: false },
    );
    report('生成文件', 0, 0);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '招商项目管理';
    const office = board.office ? labelOf(offices, board.office) : null;
    const period = `${input.year}年${input.month}月`;
    const demo = isDemo(app) ? '【演示数据】' : '';
    const title = `${demo}嘉兴经济技术开发区招商工作月报（${office ? `${office}驻点，` : ''}${period}）`;
    targetsSheet(workbook, title, board);
    gapSheet(workbook, title, board);
    tiersSheet(workbook, title, tiers);
    projectSheet(workbook, '本月新签约', `${title} 本月新签约项目`, signings);
    funnelSheet(workbook, title, board);
    stalledSheet(workbook, title, board);
    rankingSheet(workbook, title, board);
    ratesSheet(workbook, title, board);
    keyProjectsSheet(workbook, title, board);
    breakdownSheet(workbook, title, board);
    guardTextCells(workbook);
    const name = `${demoFilePrefix(app)}招商月报-${office ? `${office}-` : ''}${period}.xlsx`;
    if (input.out) {
      const buffer = await workbook.xlsx.writeBuffer().catch((error: Error) => {
        throw new AppError('LEDGER_EXPORT_FAILED', error.message);
      });
      try {
        writeFileDurably(input.out, Buffer.from(buffer));
      } catch (error) {
        throw new AppError('LEDGER_EXPORT_FAILED', writeFailure(error));
      }
      return { name, file: input.out, dataBase64: null, rows: signings.length };
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { name, file: null, dataBase64: buffer.toString('base64'), rows: signings.length };
  });
}

const projectSelect = `SELECT p.id, p.code, p.name, p.investor_name AS investor, p.total_cny,
  p.contracted_fdi_usd, p.signed_on, p.office_id, p.owner_name AS owner FROM project p`;

function projectsByIds(tx: Tx, ids: string[]): ReportProject[] {
  return tx.sql
    .prepare(
      `${projectSelect} WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.total_cny DESC, p.code`,
    )
    .all(JSON.stringify(ids)) as ReportProject[];
}

function targetsSheet(workbook: ExcelJS.Workbook, title: string, board: Dashboard): void {
  const sheet = sheetWith(
    workbook,
    '目标完成情况',
    `${title}（截至 ${board.asOf}，${scheduleText(board)}）`,
    [
      '指标',
      '单位',
      '确保',
      '力争',
      '完成',
      '完成确保',
      '完成力争',
      '序时进度',
      '与序时相比',
      '灯',
    ],
    [26, 8, 12, 12, 12, 11, 11, 10, 22, 7],
  );
  for (const m of board.metrics) {
    const row = sheet.addRow([
      m.label,
      unitLabel[m.unit],
      inUnit(m.guarantee, m.unit),
      inUnit(m.strive, m.unit),
      inUnit(m.actual, m.unit),
      m.guaranteeCompletion,
      m.striveCompletion,
      m.scheduleGap === null ? null : board.schedule,
      m.scheduleGap === null ? null : describeGap(m.scheduleGap),
      m.light === null ? null : lightLabels[m.light],
    ]);
    if (m.light !== null) row.getCell(10).fill = lightFill(m.light);
    for (const c of [3, 4, 5]) row.getCell(c).numFmt = m.unit === 'count' ? '0' : amountFormat;
    for (const c of [6, 7, 8]) row.getCell(c).numFmt = '0.0%';
    if (m.scheduleGap !== null && m.scheduleGap < 0)
      row.getCell(9).font = { color: { argb: 'FFC0392B' } };
  }
}

function scheduleText(board: Dashboard): string {
  if (board.schedule === null) return `${board.year}年未开始，不计序时`;
  const percent = Math.round(board.schedule * 10000) / 100;
  return `序时进度 ${percent}%，${scheduleBasisLabels[board.basis]}`;
}

function projectRows(
  sheet: ExcelJS.Worksheet,
  projects: ReportProject[],
  lead: string[] = [],
): void {
  for (const p of projects) {
    const row = sheet.addRow([
      ...lead,
      p.code,
      p.name,
      p.investor,
      p.total_cny === null ? null : fromBaseUnits(p.total_cny, '亿元'),
      p.contracted_fdi_usd === null ? null : fromBaseUnits(p.contracted_fdi_usd, '万美元'),
      p.signed_on ? new Date(`${p.signed_on}T00:00:00Z`) : null,
      labelOf(offices, p.office_id),
      p.owner,
    ]);
    row.getCell(lead.length + 4).numFmt = amountFormat;
    row.getCell(lead.length + 5).numFmt = amountFormat;
    row.getCell(lead.length + 6).numFmt = 'yyyy-mm-dd';
  }
}

const projectHeaders = [
  '项目编号',
  '项目名称',
  '投资方',
  '总投资（亿元）',
  '合同外资（万美元）',
  '签约日期',
  '驻点',
  '招商责任人',
];
const projectWidths = [14, 34, 28, 13, 14, 11, 8, 10];

function tiersSheet(
  workbook: ExcelJS.Workbook,
  title: string,
  tiers: { label: string; projects: ReportProject[] }[],
): void {
  const sheet = sheetWith(
    workbook,
    '规模档次',
    `${title} 签约项目规模档次（逐级累计）`,
    ['档次', ...projectHeaders],
    [16, ...projectWidths],
  );
  for (const tier of tiers) {
    const total = sheet.addRow([`${tier.label}（${tier.projects.length} 个）`]);
    total.font = { bold: true };
    projectRows(sheet, tier.projects, ['']);
  }
}

function projectSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  projects: ReportProject[],
): void {
  const sheet = sheetWith(workbook, name, title, projectHeaders, projectWidths);
  projectRows(sheet, projects);
  const totals = sheet.addRow([
    null,
    `合计（${projects.length} 个项目）`,
    null,
    fromBaseUnits(
      projects.reduce((s, p) => s + (p.total_cny ?? 0), 0),
      '亿元',
    ),
    fromBaseUnits(
      projects.reduce((s, p) => s + (p.contracted_fdi_usd ?? 0), 0),
      '万美元',
    ),
  ]);
  totals.font = { bold: true };
  totals.getCell(4).numFmt = amountFormat;
  totals.getCell(5).numFmt = amountFormat;
}

function funnelSheet(workbook: ExcelJS.Workbook, title: string, board: Dashboard): void {
  const sheet = sheetWith(
    workbook,
    '项目推进',
    `${title} 项目推进（按阶段）`,
    ['阶段', '项目数', '总投资（亿元）', '累计到达', '阶段转化率'],
    [10, 10, 14, 10, 12],
  );
  for (const f of board.funnel) {
    const row = sheet.addRow([
      stageLabels[f.stage],
      f.count,
      fromBaseUnits(f.totalCny, '亿元'),
      f.reached,
      f.conversion,
    ]);
    row.getCell(3).numFmt = amountFormat;
    row.getCell(5).numFmt = '0.0%';
  }
}

function stalledSheet(workbook: ExcelJS.Workbook, title: string, board: Dashboard): void {
  const sheet = sheetWith(
    workbook,
    '五未项目',
    `${title} 五未项目（共 ${board.stalledCount} 项）`,
    ['项目编号', '项目名称', '驻点', '招商责任人', '类型', '逾期天数', '存在问题'],
    [14, 34, 8, 10, 12, 9, 40],
  );
  for (const s of board.stalled) {
    sheet.addRow([
      s.code,
      s.name,
      labelOf(offices, s.office),
      s.owner,
      s.rule,
      s.overdueDays,
      s.problems,
    ]);
  }
}

function rankingSheet(workbook: ExcelJS.Workbook, title: string, board: Dashboard): void {
  const headers = [
    '名次',
    '名称',
    '签约项目',
    '百亿',
    '50–100亿',
    '10–50亿',
    '亿元',
    '总投资（亿元）',
    '合同外资（万美元）',
    '落地',
  ];
  const sheet = sheetWith(
    workbook,
    '排名',
    `${title} 以项目论英雄：驻点与招商人员排名`,
    headers,
    [6, 14, 10, 7, 9, 8, 7, 14, 14, 7],
  );
  const section = (label: string, rows: RankingRow[], nameOf: (r: RankingRow) => string) => {
    sheet.addRow([label]).font = { bold: true };
    rows.forEach((r, i) => {
      const row = sheet.addRow([
        i + 1,
        nameOf(r),
        r.signed,
        r.byTier.t100,
        r.byTier.t50_100,
        r.byTier.t10_50,
        r.byTier.t1_10,
        fromBaseUnits(r.totalCny, '亿元'),
        fromBaseUnits(r.contractedFdiUsd, '万美元'),
        r.landed,
      ]);
      row.getCell(8).numFmt = amountFormat;
      row.getCell(9).numFmt = amountFormat;
    });
  };
  section('驻点', board.ranking.offices, (r) => labelOf(offices, r.id));
  section('招商人员', board.ranking.promoters, (r) => r.name);
}
