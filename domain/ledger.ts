// The ledger (台账) query: filters, sort and paging as the screen and CLI send them, and the page of
// rows with totals for the whole filter that comes back.
import { z } from 'zod';
import { regionOrder } from './countries';
import type { Region } from './countries';
import { tierOrder } from './classify';
import type { Tier } from './classify';
import { stageOrder } from './lifecycle';
import type { Stage } from './lifecycle';
import type { AnyCurrency } from './currencies';
import { channels, investorFlags, offices, ownerships } from './vocabulary';
import { vocabularyEntry } from './fields';
import { defaultLedgerColumns, optionalSums } from './ledger-columns';
import type { OptionalSum } from './ledger-columns';

/** A filter takes one value or several; a single value is read as a list of one. */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item));

/** The ledger sorts by the columns a new user sees, by 产业 and by the last change. */
export const ledgerSortKeys = [...defaultLedgerColumns, 'industry', 'updatedAt'] as const;
export type LedgerSortKey = (typeof ledgerSortKeys)[number];

export const ledgerQuery = z.strictObject({
  region: oneOrMany(
    z.enum(regionOrder as [Region, ...Region[]], { error: '未知的来源地区' }),
  ).optional(),
  tier: oneOrMany(z.enum(tierOrder as [Tier, ...Tier[]], { error: '未知的规模档次' })).optional(),
  stage: oneOrMany(z.enum(stageOrder as [Stage, ...Stage[]], { error: '未知阶段' })).optional(),
  office: oneOrMany(vocabularyEntry('驻点', offices)).optional(),
  owner: oneOrMany(z.string()).optional(),
  industry: oneOrMany(z.string()).optional(),
  channel: oneOrMany(vocabularyEntry('招商方式', channels)).optional(),
  /** Projects of investor groups with any of these flags (世界500强 …), by key or label. */
  investorFlag: oneOrMany(vocabularyEntry('投资方类型', investorFlags)).optional(),
  /** true: 长三角 projects only (上海, 江苏, 浙江, 安徽); false: the others. */
  yrd: z.boolean({ error: '长三角须为是或否' }).optional(),
  ownership: oneOrMany(vocabularyEntry('企业性质', ownerships)).optional(),
  investorId: z.string().optional(),
  signingYear: z.number().int().min(1990, '签约年份无效').max(2100, '签约年份无效').optional(),
  q: z.string().trim().max(100, '搜索词过长').optional(),
  /**
   * Totals beyond count, 总投资 and 合同外资, asked for only while their columns are shown; they
   * come with the first page (offset 0) only.
   */
  sums: z
    .array(z.enum(optionalSums, { error: '无法合计该列' }))
    .max(optionalSums.length)
    .optional(),
  sort: z
    .object({
      key: z.enum(ledgerSortKeys, { error: '无法按该列排序' }),
      dir: z.enum(['asc', 'desc']).default('asc'),
    })
    .default({ key: 'updatedAt', dir: 'desc' }),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(1000, '每页最多 1000 行').default(100),
});
export type LedgerQuery = z.input<typeof ledgerQuery>;

export interface LedgerRow {
  id: string;
  code: string | null;
  /** National 项目代码 (GB/T 40058-2021). */
  projectCode: string | null;
  name: string;
  investor: string | null;
  /** The investor's direct parent: the parent investor's Chinese name, else the name typed. */
  investorParent: string | null;
  country: string | null;
  region: Region | null;
  tier: Tier | null;
  industry: string | null;
  totalInvestmentCny: number | null;
  contractedFdiUsd: number | null;
  stage: Stage;
  office: string | null;
  owner: string | null;
  channel: string | null;
  signedOn: string | null;
  updatedAt: string | null;
  province: string | null;
  /** The project's own city, else its investor's. */
  city: string | null;
  ownership: string | null;
  capitalType: string | null;
  industrial: boolean | null;
  projectType: string | null;
  /** In its own currency: 元, 美元, 欧元 … (any of currencies.ts). */
  totalInvestment: number | null;
  investmentCurrency: AnyCurrency | null;
  /** 实到外资 in 美元, each arrival at its year's rate; null when none arrived. */
  paidInFdiUsd: number | null;
  /** 市外内资 in 元; null when none arrived. */
  domesticCapitalCny: number | null;
  landAreaMu: number | null;
  platform: string | null;
  referrer: string | null;
  agent: string | null;
  fairEdition: string | null;
  registeredOn: string | null;
  landSuppliedOn: string | null;
  startedOn: string | null;
  completedOn: string | null;
  producingOn: string | null;
  techApprovedOn: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  leaderProject: boolean | null;
  problems: string | null;
  nextSteps: string | null;
}

export interface LedgerPage {
  rows: LedgerRow[];
  /** Over the whole filter, not just this page. */
  totals: { count: number; totalInvestmentCny: number; contractedFdiUsd: number } & Partial<
    Record<OptionalSum, number>
  >;
  offset: number;
}
