// The project as the API, CLI and forms see it: zod schemas for input (create and patch), the
// record type for output, and the rule that reconciles the stage with the milestone dates.
import { z } from 'zod';
import { countryByCode } from './countries';
import { allCurrencies, currencyLabels } from './currencies';
import type { AnyCurrency } from './currencies';
import type { Region } from './countries';
import type { Tier } from './classify';
import {
  amount as amountField,
  isoDate as isoDateField,
  recordId,
  strictObject,
  text as textField,
  vocabularyEntry,
} from './fields';
import { city as cityField, province as provinceField } from './location';
import { projectCodeField } from './identity-codes';
import type { ActualKey, PlannedKey, Stage } from './lifecycle';
import type { RegionSource } from './source-region';
import { furthestMilestone, milestones, stageLabels, stageOrder } from './lifecycle';
import type { Entry } from './vocabulary';
import { capitalTypes, channels, offices, ownerships, projectTypes } from './vocabulary';

// Defined with the other amounts in fields.ts; long imported from here.
export { MAX_AMOUNT } from './fields';

/** Chinese labels of the input keys, as in the ledger's columns; used in every message. */
export const projectFieldLabels: Record<string, string> = {
  name: '项目名称',
  code: '项目编号',
  projectCode: '项目代码',
  investor: '投资方',
  investorId: '投资方',
  investorParent: '母公司',
  country: '国别/地区',
  province: '省份',
  city: '城市',
  outsideCity: '市外内资',
  ownership: '企业性质',
  capitalType: '资本类别',
  projectType: '项目类型',
  industrial: '产业项目',
  industry: '产业',
  platform: '承接平台',
  channel: '招商方式',
  referrer: '引荐人',
  agent: '委托机构',
  fairEdition: '展会届次',
  office: '驻点/责任单位',
  owner: '招商责任人',
  totalInvestmentCny: '总投资（元）',
  totalInvestmentUsd: '总投资（美元）',
  totalInvestment: '总投资',
  investmentCurrency: '总投资币种',
  contractedFdiUsd: '合同外资（美元）',
  landAreaMu: '用地（亩）',
  stage: '阶段',
  terminatedOn: '终止日期',
  terminationReason: '终止原因',
  problems: '存在问题',
  nextSteps: '下一步工作',
  leaderProject: '省市县长工程',
  techApprovedOn: '技改批复日期',
  ...Object.fromEntries(
    milestones.flatMap((m) => [
      [m.actualKey, `${m.label}日期`],
      [m.plannedKey, `计划${m.label}日期`],
    ]),
  ),
};

const label = (key: string) => projectFieldLabels[key] ?? key;
const text = (key: string, max?: number) => textField(label(key), max);
const isoDate = (key: string) => isoDateField(label(key));
const vocabulary = <K extends string>(key: string, list: readonly Entry<K>[]) =>
  vocabularyEntry(label(key), list);

const amount = (key: string) => amountField(label(key), '元或美元');

const countryCode = z
  .string({ error: '国别/地区须为代码' })
  .transform((v) => v.trim().toUpperCase())
  .refine(
    (code) => countryByCode(code) !== undefined,
    '未知的国别/地区代码（请使用 ISO 两位代码，如 DE、US、HK）',
  );

const stageSchema = z.enum(stageOrder as [Stage, ...Stage[]], {
  error: `未知阶段，可选：${stageOrder.map((s) => `${s}（${stageLabels[s]}）`).join('、')}`,
});

const dateFields = Object.fromEntries(
  milestones.flatMap((m) => [
    [m.actualKey, isoDate(m.actualKey).nullable()],
    [m.plannedKey, isoDate(m.plannedKey).nullable()],
  ]),
) as Record<ActualKey | PlannedKey, z.ZodNullable<ReturnType<typeof isoDate>>>;

/**
 * The text fields a project stores as they are given: names, vocabulary keys, the termination date
 * and notes. (Investor, office and owner are resolved to ids; amounts and dates are converted.)
 */
export const projectTextKeys = [
  'name',
  'code',
  'projectCode',
  'country',
  'province',
  'city',
  'ownership',
  'capitalType',
  'projectType',
  'industry',
  'platform',
  'channel',
  'referrer',
  'agent',
  'fairEdition',
  'terminatedOn',
  'techApprovedOn',
  'terminationReason',
  'problems',
  'nextSteps',
] as const;

/** Every writable field; all optional so the same shape serves create and patch. */
export const projectFields = strictObject({
  name: text('name', 200).min(1, '项目名称不能为空'),
  code: text('code', 40).nullable(),
  /** National 项目代码 (GB/T 40058-2021), normalised and checked by domain/identity-codes.ts. */
  projectCode: projectCodeField,
  investor: text('investor', 200).nullable(),
  investorId: recordId(label('investorId')).nullable(),
  /** The investor's parent company by name (the ledger's 母公司 column); sets the investor's. */
  investorParent: text('investorParent', 200).nullable(),
  country: countryCode.nullable(),
  province: provinceField(label('province')).nullable(),
  city: cityField(label('city')).nullable(),
  /** Override of 市外 for the project's domestic money: null follows the city. */
  outsideCity: z.boolean({ error: '市外内资须为是或否' }).nullable(),
  ownership: vocabulary('ownership', ownerships).nullable(),
  capitalType: vocabulary('capitalType', capitalTypes).nullable(),
  projectType: vocabulary('projectType', projectTypes).nullable(),
  industrial: z.boolean({ error: '产业项目须为是或否' }),
  industry: text('industry', 50).nullable(),
  platform: text('platform', 100).nullable(),
  channel: vocabulary('channel', channels).nullable(),
  referrer: text('referrer', 100).nullable(),
  agent: text('agent', 100).nullable(),
  fairEdition: text('fairEdition', 100).nullable(),
  office: vocabulary('office', offices).nullable(),
  owner: text('owner', 50).nullable(),
  totalInvestmentCny: amount('totalInvestmentCny').nullable(),
  totalInvestmentUsd: amount('totalInvestmentUsd').nullable(),
  /** The general pair: a whole amount in any currency of currencies.ts (元, 美元, 欧元, 日元 …). */
  totalInvestment: amountField(label('totalInvestment'), '所选币种的元').nullable(),
  investmentCurrency: z
    .enum(allCurrencies, {
      error: `总投资币种须为 ${allCurrencies.map((c) => `${c}（${currencyLabels[c]}）`).join('、')} 之一`,
    })
    .nullable(),
  contractedFdiUsd: amount('contractedFdiUsd').nullable(),
  landAreaMu: z
    .number({ error: '用地（亩）须为数字' })
    .nonnegative('用地（亩）不能为负数')
    .max(1_000_000, '用地（亩）超出范围')
    .nullable(),
  stage: stageSchema,
  terminatedOn: isoDate('terminatedOn').nullable(),
  /** 技改 projects: the date the 技改 was approved (备案/批复), which 新批技改项目 counts by. */
  techApprovedOn: isoDate('techApprovedOn').nullable(),
  terminationReason: text('terminationReason', 500).nullable(),
  problems: text('problems', 2000).nullable(),
  nextSteps: text('nextSteps', 2000).nullable(),
  leaderProject: z.boolean({ error: '省市县长工程须为是或否' }),
  ...dateFields,
});

type InvestmentKeys = {
  totalInvestmentCny?: number | null;
  totalInvestmentUsd?: number | null;
  totalInvestment?: number | null;
  investmentCurrency?: AnyCurrency | null;
};
const oneCurrency = (p: InvestmentKeys) =>
  p.totalInvestmentCny == null || p.totalInvestmentUsd == null;
// The pair totalInvestment + investmentCurrency stands alone: with either old key it is ambiguous.
const notMixed = (p: InvestmentKeys) =>
  (p.totalInvestment === undefined && p.investmentCurrency === undefined) ||
  (p.totalInvestmentCny === undefined && p.totalInvestmentUsd === undefined);
const pairComplete = (p: InvestmentKeys) =>
  typeof p.totalInvestment === 'number'
    ? p.investmentCurrency != null
    : p.investmentCurrency == null || p.totalInvestment !== undefined;
const oneInvestor = (p: { investor?: string | null; investorId?: string | null }) =>
  p.investor == null || p.investorId == null;
const oneInvestorMessage = {
  message: '投资方只能用名称（investor）或编号（investorId）其中一种指定',
  path: ['investorId'],
};
const oneCurrencyMessage = {
  message: '总投资只能填写人民币（totalInvestmentCny）或美元（totalInvestmentUsd）其中一种',
  path: ['totalInvestmentUsd'],
};
const notMixedMessage = {
  message:
    '总投资请用 totalInvestment 加 investmentCurrency 填写，不要同时填写 totalInvestmentCny 或 totalInvestmentUsd',
  path: ['totalInvestment'],
};
const pairMessage = {
  message: '总投资（totalInvestment）与总投资币种（investmentCurrency）须同时填写',
  path: ['investmentCurrency'],
};

export const projectCreateInput = projectFields
  .partial()
  .required({ name: true })
  .refine(oneCurrency, oneCurrencyMessage)
  .refine(notMixed, notMixedMessage)
  .refine(pairComplete, pairMessage)
  .refine(oneInvestor, oneInvestorMessage);
export const projectPatch = projectFields
  .partial()
  .refine(oneCurrency, oneCurrencyMessage)
  .refine(notMixed, notMixedMessage)
  .refine(pairComplete, pairMessage)
  .refine(oneInvestor, oneInvestorMessage);

/**
 * The field a project's channel requires when it is empty (以商引商 → 引荐人, 委托招商 → 委托机构,
 * 展会 → 展会届次), with the message naming it; null when the channel needs nothing or has it.
 * The form, project.create/update and the Excel import hold projects to it. Sync does not: fields
 * merge one by one, so a file may rightly carry a 以商引商 channel whose 引荐人 comes in another
 * office's file; 数据质量 in 设置 lists what is still missing.
 */
export function missingChannelField(values: {
  channel?: string | null;
  referrer?: string | null;
  agent?: string | null;
  fairEdition?: string | null;
}): { field: 'referrer' | 'agent' | 'fairEdition'; message: string } | null {
  const channel = channels.find((c) => c.key === values.channel || c.label === values.channel);
  if (!channel?.needs) return null;
  const given = values[channel.needs];
  if (typeof given === 'string' && given.trim() !== '') return null;
  const label = projectFieldLabels[channel.needs]!;
  return { field: channel.needs, message: `招商方式为“${channel.label}”时须填写${label}` };
}

export type ProjectCreateInput = z.infer<typeof projectCreateInput>;
export type ProjectPatch = z.infer<typeof projectPatch>;
export type ProjectFields = z.infer<typeof projectFields>;

/** A project as every transport returns it. Enumerations the users name come back as labels. */
export type ProjectRecord = {
  id: string;
  code: string | null;
  /** National 项目代码 (GB/T 40058-2021). */
  projectCode: string | null;
  name: string;
  investorId: string | null;
  investor: string | null;
  /** The investor's parent company (母公司): its parent investor's name, or the name typed. */
  investorParent: string | null;
  country: string | null;
  countryName: string | null;
  region: Region | null;
  /** Where the region comes from: the project's own country, the group's HQ, or domestic. */
  regionSource: RegionSource | null;
  /** HQ country of the investor group's ultimate parent (walking the parent chain). */
  groupCountry: string | null;
  groupCountryName: string | null;
  /** The ultimate parent's Chinese name, when the investor has a parent. */
  groupParent: string | null;
  /** The project's own country differs from its group's HQ country. */
  regionMismatch: boolean;
  tier: Tier | null;
  province: string | null;
  city: string | null;
  /** The project's own 市外 override (null: follows the city). */
  outsideCity: boolean | null;
  /** Whether its domestic money counts as 市外内资 (override, else project's or investor's city). */
  outsideCityDerived: boolean | null;
  ownership: string | null;
  capitalType: string | null;
  projectType: string | null;
  industrial: boolean;
  industry: string | null;
  platform: string | null;
  channel: string | null;
  referrer: string | null;
  agent: string | null;
  fairEdition: string | null;
  office: string | null;
  ownerId: string | null;
  owner: string | null;
  totalInvestmentCny: number | null;
  totalInvestmentUsd: number | null;
  /** The amount as entered, in its own currency (any of currencies.ts); null without one. */
  totalInvestment: number | null;
  investmentCurrency: AnyCurrency | null;
  /** Total investment in 元 at the year's rate, whatever the currency entered. */
  totalInvestmentCnyEquivalent: number | null;
  contractedFdiUsd: number | null;
  landAreaMu: number | null;
  stage: Stage;
  terminatedOn: string | null;
  techApprovedOn: string | null;
  terminationReason: string | null;
  problems: string | null;
  nextSteps: string | null;
  leaderProject: boolean;
  updatedAt: string | null;
} & Record<ActualKey | PlannedKey, string | null>;

/**
 * The stage a project ends up in: the furthest milestone with an actual date (docs/domain.md); 线索/在谈
 * only before any milestone; 终止 whenever asked. Returns an error message when the requested stage
 * contradicts the dates.
 */
export function resolveStage(
  requested: Stage | undefined,
  current: Stage | undefined,
  dates: Partial<Record<ActualKey, string | null>>,
): { stage: Stage } | { error: string } {
  const furthest = furthestMilestone(dates);
  const wanted = requested ?? current;
  if (wanted === 'terminated') return { stage: 'terminated' };
  if (requested === undefined || requested === 'lead' || requested === 'negotiating') {
    if (furthest) {
      if (requested) {
        return { error: `已填写${stageLabels[furthest]}日期，阶段不能为${stageLabels[requested]}` };
      }
      return { stage: furthest };
    }
    return { stage: wanted === 'negotiating' ? 'negotiating' : 'lead' };
  }
  if (furthest !== requested) {
    const m = milestones.find((x) => x.stage === requested);
    return furthest && stageOrder.indexOf(furthest) > stageOrder.indexOf(requested)
      ? { error: `已填写${stageLabels[furthest]}日期，阶段应为${stageLabels[furthest]}` }
      : { error: `阶段为${stageLabels[requested]}时须填写${m?.label ?? ''}日期` };
  }
  return { stage: requested };
}
