// The 招商项目台账's layout: every field a sheet can carry with the header names and synonyms offices
// use, and the columns the app writes (headers with units, as leaders read them). The reading of an
// office's own sheet is in sheet-reader.ts.
import { milestones } from '../lifecycle';
import { isLedgerColumnKey } from '../ledger-columns';
import type { LedgerColumnKey } from '../ledger-columns';
import type { AmountUnit } from './cell-values';

/**
 * Fields a sheet can carry into a project. `total` is the total investment in 元 or 美元;
 * `investmentCurrency` and `totalOriginal` carry an amount in another currency (欧元, 日元 …).
 */
export type TextField =
  | 'code'
  | 'projectCode'
  | 'name'
  | 'investor'
  | 'investorParent'
  | 'city'
  | 'industry'
  | 'platform'
  | 'referrer'
  | 'agent'
  | 'fairEdition'
  | 'owner'
  | 'problems'
  | 'nextSteps'
  | 'terminationReason';
export type LabelField =
  'capitalType' | 'province' | 'ownership' | 'projectType' | 'channel' | 'office';
export type DateField =
  | (typeof milestones)[number]['actualKey']
  | (typeof milestones)[number]['plannedKey']
  | 'techApprovedOn'
  | 'terminatedOn';
export type SheetField =
  | TextField
  | LabelField
  | DateField
  | 'country'
  | 'industrial'
  | 'leaderProject'
  | 'total'
  | 'investmentCurrency'
  | 'totalOriginal'
  | 'contractedFdiUsd'
  | 'landAreaMu'
  | 'stage';

/** Columns the app writes for reading only: they are derived, so an import leaves them alone. */
export type DerivedColumn =
  'seq' | 'region' | 'tier' | 'paidInFdiUsd' | 'domesticCapitalCny' | 'updatedAt';

export interface FieldSpec {
  names: string[];
  kind: 'text' | 'label' | 'date' | 'country' | 'flag' | 'amount' | 'number' | 'stage' | 'currency';
  /** For amounts: the unit when the header names none. */
  defaultUnit?: AmountUnit;
}

const dateSpecs = Object.fromEntries(
  milestones.flatMap((m) => [
    [
      m.actualKey,
      {
        names: [`${m.label}日期`, `${m.label}时间`, `实际${m.label}日期`, `${m.label}`],
        kind: 'date',
      },
    ],
    [
      m.plannedKey,
      { names: [`计划${m.label}日期`, `计划${m.label}时间`, `预计${m.label}日期`], kind: 'date' },
    ],
  ]),
) as Record<Exclude<DateField, 'terminatedOn' | 'techApprovedOn'>, FieldSpec>;

/** Header names (without units) that mean each field; the first is the one the app writes. */
export const fieldSpecs: Record<SheetField, FieldSpec> = {
  code: { names: ['项目编号', '编号'], kind: 'text' },
  // The national 项目代码 (GB/T 40058-2021), checked on import as in the form.
  projectCode: {
    names: ['项目代码', '投资项目代码', '全国投资项目代码', '项目统一代码', '备案代码'],
    kind: 'text',
  },
  name: { names: ['项目名称', '项目名', '项目'], kind: 'text' },
  investor: {
    names: [
      '投资方',
      '投资主体',
      '投资企业',
      '投资商',
      '投资方名称',
      '企业名称',
      '签约企业',
      '客商',
    ],
    kind: 'text',
  },
  investorParent: { names: ['母公司', '母公司名称', '所属集团', '集团母公司'], kind: 'text' },
  country: {
    names: ['国别/地区', '国别', '国别地区', '国家/地区', '国家', '来源国'],
    kind: 'country',
  },
  province: { names: ['省份', '来源省份', '所在省份'], kind: 'label' },
  city: { names: ['城市', '所在城市'], kind: 'text' },
  ownership: { names: ['企业性质', '企业类型', '所有制'], kind: 'label' },
  capitalType: { names: ['资本类别', '资本类型', '内外资'], kind: 'label' },
  industry: {
    names: ['产业', '行业', '所属产业', '产业类别', '行业类别', '产业领域'],
    kind: 'text',
  },
  industrial: { names: ['产业项目', '是否产业项目'], kind: 'flag' },
  projectType: { names: ['项目类型', '项目性质'], kind: 'label' },
  total: {
    names: ['总投资', '投资总额', '计划总投资', '项目总投资', '总投资额'],
    kind: 'amount',
    defaultUnit: '万元',
  },
  // The currency of the row's total: with 原币总投资 the amount is in it; without, the 总投资 column's
  // number is (5000 under 总投资（万元）with 币种 欧元 is 5000万欧元).
  investmentCurrency: { names: ['总投资币种', '投资币种', '币种', '货币'], kind: 'currency' },
  // The scale only (万 / 亿): the currency is the row's 总投资币种.
  totalOriginal: {
    names: ['原币总投资', '总投资原币', '原币金额', '原币投资额'],
    kind: 'amount',
    defaultUnit: '万元',
  },
  contractedFdiUsd: { names: ['合同外资', '合同利用外资'], kind: 'amount', defaultUnit: '万美元' },
  landAreaMu: { names: ['用地', '用地面积', '占地', '占地面积', '用地规模'], kind: 'number' },
  platform: { names: ['承接平台', '落地平台', '落户平台', '平台'], kind: 'text' },
  channel: { names: ['招商方式', '引进方式'], kind: 'label' },
  referrer: { names: ['引荐人', '引荐单位'], kind: 'text' },
  agent: { names: ['委托机构', '委托招商机构'], kind: 'text' },
  fairEdition: { names: ['展会届次', '展会'], kind: 'text' },
  office: { names: ['驻点/责任单位', '驻点', '责任单位', '招商单位', '所属驻点'], kind: 'label' },
  owner: { names: ['招商责任人', '责任人', '招商人员', '项目负责人'], kind: 'text' },
  stage: { names: ['当前阶段', '阶段', '项目阶段', '推进阶段'], kind: 'stage' },
  leaderProject: { names: ['省市县长工程', '是否省市县长工程'], kind: 'flag' },
  problems: { names: ['存在问题', '存在困难', '存在问题及困难', '问题'], kind: 'text' },
  nextSteps: { names: ['下一步工作', '下步工作', '下一步计划', '下步计划'], kind: 'text' },
  terminationReason: { names: ['终止原因', '终止理由'], kind: 'text' },
  ...dateSpecs,
  techApprovedOn: { names: ['技改批复日期', '技改批复时间'], kind: 'date' },
  terminatedOn: { names: ['终止日期', '终止时间'], kind: 'date' },
};

export const derivedNames: Record<DerivedColumn, string[]> = {
  seq: ['序号'],
  region: ['来源地区'],
  tier: ['规模档次'],
  paidInFdiUsd: ['实到外资', '实际到位外资'],
  domesticCapitalCny: ['市外内资到位', '市外内资', '到位市外内资'],
  updatedAt: ['更新日期'],
};

/** The ledger the app writes, in order: a header (with its unit), what fills it, a width in characters. */
export const ledgerColumns: {
  header: string;
  source: SheetField | DerivedColumn;
  unit?: AmountUnit | '亩';
  width: number;
}[] = [
  { header: '序号', source: 'seq', width: 6 },
  { header: '项目编号', source: 'code', width: 14 },
  { header: '项目名称', source: 'name', width: 34 },
  { header: '投资方', source: 'investor', width: 28 },
  { header: '母公司', source: 'investorParent', width: 24 },
  { header: '国别/地区', source: 'country', width: 10 },
  { header: '来源地区', source: 'region', width: 10 },
  { header: '省份', source: 'province', width: 8 },
  { header: '城市', source: 'city', width: 10 },
  { header: '企业性质', source: 'ownership', width: 9 },
  { header: '资本类别', source: 'capitalType', width: 8 },
  { header: '产业', source: 'industry', width: 14 },
  { header: '产业项目', source: 'industrial', width: 8 },
  { header: '项目类型', source: 'projectType', width: 8 },
  { header: '规模档次', source: 'tier', width: 10 },
  { header: '总投资（亿元）', source: 'total', unit: '亿元', width: 13 },
  { header: '总投资（万美元）', source: 'total', unit: '万美元', width: 14 },
  // Filled only for totals in neither 元 nor 美元 (the 亿元 column holds their 元 equivalent).
  { header: '总投资币种', source: 'investmentCurrency', width: 10 },
  { header: '原币总投资（万）', source: 'totalOriginal', width: 14 },
  { header: '合同外资（万美元）', source: 'contractedFdiUsd', unit: '万美元', width: 14 },
  { header: '实到外资（万美元）', source: 'paidInFdiUsd', unit: '万美元', width: 14 },
  { header: '市外内资到位（万元）', source: 'domesticCapitalCny', unit: '万元', width: 16 },
  { header: '用地（亩）', source: 'landAreaMu', unit: '亩', width: 10 },
  { header: '承接平台', source: 'platform', width: 20 },
  { header: '招商方式', source: 'channel', width: 10 },
  { header: '引荐人', source: 'referrer', width: 10 },
  { header: '委托机构', source: 'agent', width: 12 },
  { header: '展会届次', source: 'fairEdition', width: 14 },
  { header: '驻点/责任单位', source: 'office', width: 10 },
  { header: '招商责任人', source: 'owner', width: 10 },
  { header: '当前阶段', source: 'stage', width: 8 },
  ...milestones.map((m) => ({ header: `${m.label}日期`, source: m.actualKey, width: 11 })),
  { header: '技改批复日期', source: 'techApprovedOn', width: 12 },
  { header: '终止日期', source: 'terminatedOn', width: 11 },
  { header: '终止原因', source: 'terminationReason', width: 20 },
  { header: '省市县长工程', source: 'leaderProject', width: 8 },
  { header: '存在问题', source: 'problems', width: 30 },
  { header: '下一步工作', source: 'nextSteps', width: 30 },
  { header: '更新日期', source: 'updatedAt', width: 11 },
  // Last, so that the columns offices' formulas and macros know keep their letters.
  { header: '项目代码', source: 'projectCode', width: 26 },
];

/** The 台账 column (screen and saved views) an export column belongs to; 序号 belongs to none. */
export function screenColumnOf(column: (typeof ledgerColumns)[number]): LedgerColumnKey | null {
  switch (column.source) {
    case 'seq':
      return null;
    case 'country':
      return 'region';
    case 'total':
      return column.unit === '亿元' ? 'totalInvestment' : 'totalInvestmentUsd';
    case 'investmentCurrency':
    case 'totalOriginal':
      return 'totalInvestment';
    default:
      return isLedgerColumnKey(column.source) ? column.source : null;
  }
}

/** The amount columns in the app's own export carry the whole number; this is how they show. */
export const amountFormat = '#,##0.00';
export const sheetTitle = (asOf: string) => `嘉兴经济技术开发区招商项目台账（截至 ${asOf}）`;
