// The 月报's sheets that read the year's figures beyond the targets: the 补差 list (what the
// pipeline could add to each target in the rest of the year), 开工率 and the other rates, the
// year's key projects against 序时, and 分类统计 by investor group, 长三角 and ownership.
import type ExcelJS from 'exceljs';
import type { Dashboard } from '../../../domain/dashboard';
import { fromBaseUnits } from '../../../domain/excel/cell-values';
import { amountFormat } from '../../../domain/excel/sheet-layout';
import { gapTargets, gapWhen } from '../../../domain/gap-list';
import { describeGap, lightLabels } from '../../../domain/schedule';
import { labelOf, offices } from '../../../domain/vocabulary';
import { inUnit, lightFill, sheetWith, unitLabel } from './report-sheet';

/**
 * 补差清单: per target counting 签约, 开工 or 竣工 (with a 确保 or 力争), a bold row with its light,
 * what is left to its goal and what the listed projects would add, then those projects by date.
 */
export function gapSheet(workbook: ExcelJS.Workbook, title: string, board: Dashboard): void {
  const sheet = sheetWith(
    workbook,
    '补差清单',
    `${title} 补差清单：年内计划签约、开工、竣工的项目`,
    ['指标', '灯', '距目标还差', '项目编号', '项目名称', '驻点', '招商责任人', '时间', '可增加'],
    [26, 7, 12, 14, 34, 8, 10, 20, 12],
  );
  for (const { key, metric: m, list, left, adds } of gapTargets(board)) {
    const head = sheet.addRow([
      `${m.label}（${unitLabel[m.unit]}）`,
      m.light === null ? null : lightLabels[m.light],
      inUnit(left, m.unit),
      null,
      list.length === 0 ? '年内没有计划中的项目' : `年内 ${list.length} 个项目计划中，合计可增加`,
      null,
      null,
      null,
      inUnit(adds, m.unit),
    ]);
    head.font = { bold: true };
    if (m.light !== null) head.getCell(2).fill = lightFill(m.light);
    for (const c of [3, 9]) head.getCell(c).numFmt = m.unit === 'count' ? '0' : amountFormat;
    for (const g of list) {
      const row = sheet.addRow([
        null,
        null,
        null,
        g.code,
        g.name,
        labelOf(offices, g.office),
        g.owner,
        gapWhen(key, g),
        inUnit(g.adds, m.unit),
      ]);
      row.getCell(9).numFmt = m.unit === 'count' ? '0' : amountFormat;
    }
  }
}

const rateDefinitions: [key: string, definition: string][] = [
  ['rate_started', '当年签约项目中截至月末已开工的比例'],
  ['rate_completed', '当年签约项目中截至月末已竣工的比例'],
  ['rate_funds', '当年签约外资项目实到外资 ÷ 合同外资（万美元）'],
  ['rate_fulfilled', '约定开工日期已到的已签约项目中按期开工的比例'],
];

/** 开工率, 竣工率, 资金到位率, 履约率 with their numerators, cohorts and definitions. */
export function ratesSheet(workbook: ExcelJS.Workbook, title: string, board: Dashboard): void {
  const sheet = sheetWith(
    workbook,
    '开工率等',
    `${title} 开工率、竣工率、资金到位率、履约率`,
    ['指标', '比率', '分子', '分母', '口径'],
    [14, 10, 14, 14, 48],
  );
  for (const [key, definition] of rateDefinitions) {
    const m = board.metrics.find((x) => x.key === key);
    if (!m) continue;
    const money = key === 'rate_funds';
    const row = sheet.addRow([
      m.label,
      m.actual === null ? null : m.actual / 100,
      money ? fromBaseUnits(m.amount ?? 0, '万美元') : m.count,
      money ? fromBaseUnits(m.base ?? 0, '万美元') : (m.cohortCount ?? 0),
      definition,
    ]);
    row.getCell(2).numFmt = '0.0%';
    if (money) for (const c of [3, 4]) row.getCell(c).numFmt = amountFormat;
  }
}

/** 年度重点推进项目: the lists against the plan, then every key project against 序时. */
export function keyProjectsSheet(
  workbook: ExcelJS.Workbook,
  title: string,
  board: Dashboard,
): void {
  const sheet = sheetWith(
    workbook,
    '重点项目',
    `${title} 年度重点推进项目（完成投资截至 ${board.actualsThrough ?? '—'}）`,
    [
      '项目编号',
      '项目名称',
      '级别',
      '年度计划投资（万元）',
      '完成投资（万元）',
      '完成率',
      '与序时相比',
      '灯',
    ],
    [14, 34, 12, 16, 16, 9, 22, 7],
  );
  const m = (key: string) => board.metrics.find((x) => x.key === key);
  for (const [label, countKey, moneyKey] of [
    ['区重点项目', 'annual_projects', 'key_projects_investment'],
    ['市级项目', 'city_projects', 'city_projects_investment'],
  ] as const) {
    const count = m(countKey);
    const money = m(moneyKey);
    if (!count || !money) continue;
    const row = sheet.addRow([
      null,
      `${label} ${count.actual ?? 0} 个（目标 ${count.guarantee ?? '—'} 个）`,
      '合计',
      fromBaseUnits(money.base ?? 0, '万元'),
      fromBaseUnits(money.actual ?? 0, '万元'),
      money.guaranteeCompletion,
      money.scheduleGap === null ? null : describeGap(money.scheduleGap),
      money.light === null ? null : lightLabels[money.light],
    ]);
    row.font = { bold: true };
    for (const c of [4, 5]) row.getCell(c).numFmt = amountFormat;
    row.getCell(6).numFmt = '0.0%';
  }
  const tech = m('tech_renovation');
  if (tech) sheet.addRow([null, `新批技改项目 ${tech.actual ?? 0} 个`]).font = { bold: true };
  for (const r of board.keyProjects) {
    const row = sheet.addRow([
      r.code,
      r.name,
      [r.district ? '区重点' : null, r.city ? '市级' : null, r.province ? '省级' : null]
        .filter(Boolean)
        .join('、'),
      r.planned === null ? null : fromBaseUnits(r.planned, '万元'),
      fromBaseUnits(r.completed, '万元'),
      r.completion,
      r.scheduleGap === null ? null : describeGap(r.scheduleGap),
      r.light === null ? null : lightLabels[r.light],
    ]);
    for (const c of [4, 5]) row.getCell(c).numFmt = amountFormat;
    row.getCell(6).numFmt = '0.0%';
    if (r.light !== null) row.getCell(8).fill = lightFill(r.light);
  }
}

const breakdownGroups = { flag: '投资方', yrd: '地区', ownership: '企业性质' } as const;

/** 分类统计: by investor-group flag, 长三角 and ownership. */
export function breakdownSheet(workbook: ExcelJS.Workbook, title: string, board: Dashboard): void {
  const sheet = sheetWith(
    workbook,
    '分类统计',
    `${title} 分类统计（世界500强、国内100强、央企、上市、知名企业，长三角，企业性质）`,
    [
      '分组',
      '类别',
      '当年签约（个）',
      '签约总投资（亿元）',
      '在库项目（个）',
      '在库总投资（亿元）',
    ],
    [10, 14, 14, 16, 14, 16],
  );
  for (const r of board.breakdowns) {
    const row = sheet.addRow([
      breakdownGroups[r.group],
      r.label,
      r.signed,
      fromBaseUnits(r.signedCny, '亿元'),
      r.pipeline,
      fromBaseUnits(r.pipelineCny, '亿元'),
    ]);
    for (const c of [4, 6]) row.getCell(c).numFmt = amountFormat;
  }
}
