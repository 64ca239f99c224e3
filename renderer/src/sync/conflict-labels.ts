// How a conflict reads to a promoter: the table and column of the change log in Chinese (the
// project's labels come from the same lookup as its form and history), and values shown the way the
// rest of the app shows them (stages, offices, countries, 是/否, amounts in 亿元 / 万美元).
import { countryByCode } from '../../../domain/countries';
import { stageLabels } from '../../../domain/lifecycle';
import type { Stage } from '../../../domain/lifecycle';
import { formatWanUsd, formatYiYuan } from '../../../domain/money';
import { projectFieldLabels } from '../../../domain/project-input';
import { investorFlags, labelOf, offices } from '../../../domain/vocabulary';

export const tableLabels: Record<string, string> = {
  project: '项目',
  investor: '投资方',
  contact: '联系人',
  activity: '跟进记录',
  task: '待办',
  capital_arrival: '到资记录',
  capture: '展会速记',
  office: '驻点',
  promoter: '招商人员',
  target: '目标',
  target_actual: '目标实绩',
  dictionary_item: '字典',
  setting: '设置',
};

/** Columns whose labels the project form does not have (ids, flags, other tables' fields). */
const columnLabels: Record<string, string> = {
  deleted: '删除',
  investor_id: '投资方',
  owner_id: '招商责任人',
  office_id: '驻点/责任单位',
  project_id: '项目',
  parent_investor_id: '母公司',
  total_investment: '总投资',
  investment_currency: '总投资币种',
  name_zh: '中文名称',
  name_en: '英文名称',
  aliases: '别名',
  parent_name: '母公司名称',
  hq_country: '总部所在国',
  title: '职务/标题',
  phone: '电话',
  wechat: '微信',
  email: '邮箱',
  notes: '备注',
  due_on: '到期日',
  done_on: '完成日期',
  kind: '类型',
  amount: '金额',
  arrived_on: '到资日期',
  ...Object.fromEntries(investorFlags.map((f) => [snake(f.key), f.label])),
};

function camel(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function columnLabel(table: string, column: string): string {
  if (table === 'contact' && column === 'name') return '姓名';
  if (table === 'contact' && column === 'title') return '职务';
  if (table !== 'project' && column === 'name') return '名称';
  return columnLabels[column] ?? projectFieldLabels[camel(column)] ?? column;
}

const flagColumns = new Set([
  'deleted',
  'industrial',
  'leader_project',
  ...investorFlags.map((f) => snake(f.key)),
]);

/** A stored value as the app shows it elsewhere; null reads （空）. */
export function valueText(column: string, value: string | number | null): string {
  if (value === null || value === '') return '（空）';
  if (flagColumns.has(column)) return value === 1 || value === '1' ? '是' : '否';
  if (typeof value === 'number') {
    if (column === 'total_investment_cny') return formatYiYuan(value, 4);
    if (column === 'total_investment_usd' || column === 'contracted_fdi_usd') {
      return formatWanUsd(value, 4);
    }
    if (column === 'land_area_mu') return `${value} 亩`;
    return String(value);
  }
  if (column === 'stage') return stageLabels[value as Stage] ?? value;
  if (column === 'country' || column === 'hq_country') return countryByCode(value)?.nameZh ?? value;
  if (column === 'office_id') return labelOf(offices, value);
  if (column === 'investment_currency')
    return value === 'USD' ? '美元' : value === 'CNY' ? '人民币' : value;
  return value;
}
