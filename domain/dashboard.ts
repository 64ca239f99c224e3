// The 看板 (dashboard) as the API returns it: every target against 确保, 力争 and 序时进度, tier counts,
// money, the pipeline funnel, the region mix, the ranking of offices and promoters, 落地率 and the 五未
// list, for one year seen on an as-of date, for the zone or one office. Every figure carries the ids
// of the projects it counts, so a leader can drill down and check it.
// One file over 400 lines: the 看板's answer is one contract (the types of its parts and the calls
// that ask for it), read by the service, the window and the CLI alike.
import { z } from 'zod';
import type { Tier } from './classify';
import type { Region } from './countries';
import { stageOrder } from './lifecycle';
import type { LandingRule, Stage } from './lifecycle';
import { isRealIsoDate } from './dates';
import type { Light, LightThresholds, ScheduleBasis, YearStatus } from './schedule';
import type { TargetMode, TargetUnit } from './targets';

export const dashboardInput = z.strictObject({
  year: z.number({ error: '年份须为数字' }).int().min(2000, '年份无效').max(2100, '年份无效'),
  /** Default: today when the year is the current one, else the year's last day. */
  asOf: z
    .string()
    .refine(isRealIsoDate, { message: '截至日期须为有效日期（YYYY-MM-DD）' })
    .optional(),
  /** An office key or name; absent for the whole zone. */
  office: z.string().optional(),
  /**
   * List the ids of the projects behind every metric (the CLI and checks do); the screen asks
   * dashboard.drill for the one figure clicked instead of carrying every list.
   */
  withProjects: z.boolean().optional(),
  /** Describe only the most overdue items of the 五未 list (the count still covers all). */
  stalledLimit: z.number().int().min(1).max(100_000).optional(),
});

/** One metric of the plan, computed from project data or typed in by people each month. */
export interface DashboardMetric {
  key: string;
  label: string;
  unit: TargetUnit;
  mode: TargetMode;
  guarantee: number | null;
  strive: number | null;
  /** In the unit: 美元, 元, a count, or percent (80 = 80%); null when nothing is known yet. */
  actual: number | null;
  /** actual ÷ guarantee and actual ÷ strive, as fractions; null without a target or an actual. */
  guaranteeCompletion: number | null;
  striveCompletion: number | null;
  /**
   * Percentage points by which the 确保 completion leads the 序时进度 (negative: behind), for
   * metrics that accumulate over the year; null for rates, the 五未 count and metrics without one.
   */
  scheduleGap: number | null;
  /** 红黄绿灯 of scheduleGap under 本部's thresholds; null where scheduleGap is. */
  light: Light | null;
  /**
   * How many projects the figure counts (for a rate, its numerator); null for a manual metric,
   * and for paid-in money unless withProjects was asked for.
   */
  count: number | null;
  /** With withProjects: the projects the figure counts (for a rate, its numerator). */
  projects?: string[];
  /** For a rate: how many projects form its denominator, and (with withProjects) which. */
  cohortCount?: number;
  cohort?: string[];
  /**
   * For 资金到位率: the contracted 美元 (denominator); for the key-project investment metrics: the
   * yearly plans (年度计划投资, 元) of the projects counted.
   */
  base?: number;
  /** For 资金到位率: the paid-in 美元 (numerator). */
  amount?: number;
}

export interface FunnelStage {
  stage: Exclude<Stage, 'terminated'>;
  /** Projects at this stage on as-of (by their milestone dates up to as-of). */
  count: number;
  totalCny: number;
  /** Projects at this stage or further. */
  reached: number;
  /** reached ÷ the previous stage's reached; null for the first stage or an empty one. */
  conversion: number | null;
}

export interface RegionSlice {
  /** 'unknown' for projects with neither a country nor a province yet. */
  region: Region | 'unknown';
  count: number;
  totalCny: number;
}

export interface RankingRow {
  /** Office key, or promoter id. */
  id: string;
  name: string;
  /** The office key (for a promoter: the office of one of their signed projects). */
  office: string | null;
  signed: number;
  byTier: Record<Exclude<Tier, 'none'>, number>;
  totalCny: number;
  contractedFdiUsd: number;
  /** Signed in the year and landed by as-of under the 落地率 rule. */
  landed: number;
  /** The year's signings credited by 首报首谈 claims (docs/domain.md); the ranking's order. */
  credit: Credit;
}

/** A share of signings: a holder's whole projects, a 以商引商 or 委托招商 share's fraction of them. */
export interface Credit {
  signed: number;
  totalCny: number;
  contractedFdiUsd: number;
}

export interface StalledItem {
  projectId: string;
  code: string | null;
  name: string;
  owner: string | null;
  office: string | null;
  ruleKey: string;
  rule: string;
  overdueDays: number;
  problems: string | null;
}

export interface TrendMonth {
  month: number;
  signed: number;
  signedCny: number;
  contractedFdiUsd: number;
  paidInFdiUsd: number;
  domesticCny: number;
}

export interface MissingRate {
  currency: string;
  currencyLabel: string;
  year: number;
  /** Projects tiered in the year whose total investment is in the currency. */
  projects: number;
  /** Arrivals of the year in the currency. */
  arrivals: number;
  message: string;
}

export interface Dashboard {
  year: number;
  asOf: string;
  /** Office key, or null for the whole zone. */
  office: string | null;
  /** How 序时 is read: by completed months (the 通报's) or by days; 本部's setting. */
  basis: ScheduleBasis;
  /** Where as-of stands in the year: not_started (未开始), in_progress, ended (a closed year). */
  yearStatus: YearStatus;
  /** 序时进度 under the basis, as a fraction; null before the year starts. */
  schedule: number | null;
  /**
   * The year's figures count events up to this day (by months: the last completed month's end);
   * null while none counts. The pipeline (funnel, 五未) is read on as-of itself.
   */
  actualsThrough: string | null;
  /** Points behind 序时 for yellow and red. */
  lightThresholds: LightThresholds;
  /** The year's 元 per 美元; null when 设置 has none (then missingRates says so). */
  usdCnyRate: number | null;
  /** The year's 落地率 rule (a closed year keeps its own). */
  landingRule: LandingRule;
  /** Currencies in use without a rate for the year: an error the 看板 shows, not a fallback. */
  missingRates: MissingRate[];
  metrics: DashboardMetric[];
  funnel: FunnelStage[];
  regions: { pipeline: RegionSlice[]; signed: RegionSlice[] };
  ranking: { offices: RankingRow[]; promoters: RankingRow[] };
  /** Most overdue first; all of them, or the first stalledLimit. */
  stalled: StalledItem[];
  /** Items in the whole 五未 list (a project breaking two rules counts twice). */
  stalledCount: number;
  /** The whole list's items per rule, in the rules' order (rules with none left out). */
  stalledByRule: { ruleKey: string; rule: string; count: number }[];
  trend: TrendMonth[];
  /** 年度重点推进项目: every key project of the year in scope, furthest behind 序时 first. */
  keyProjects: KeyProjectRow[];
  /** 分类统计: by investor-group flag, 长三角 and ownership, in breakdownKeys' order. */
  breakdowns: BreakdownRow[];
  /**
   * 补差, per metric that counts a milestone (gapMetricKeys): the live pipeline projects not counted
   * yet whose date for it falls in the rest of the year (after actualsThrough, by 12-31), soonest
   * first, with what each would add.
   */
  gap: Partial<Record<GapMetricKey, GapProject[]>>;
}

/**
 * The groups of the breakdown (分类统计): investor-group flags, 长三角, and ownership, each keyed
 * `flag:<investor flag>`, `yrd` or `ownership:<ownership>`.
 */
export const breakdownKeys = [
  'flag:fortune500',
  'flag:china100',
  'flag:centralSoe',
  'flag:listed',
  'flag:wellKnown',
  'yrd',
  'ownership:central_soe',
  'ownership:local_soe',
  'ownership:private',
  'ownership:foreign',
] as const;
export type BreakdownKey = (typeof breakdownKeys)[number];

/** Projects of one group: the year's signings and the pipeline on as-of, with their totals. */
export interface BreakdownRow {
  key: BreakdownKey;
  /** 投资方 (group flags), 长三角 or 企业性质. */
  group: 'flag' | 'yrd' | 'ownership';
  label: string;
  signed: number;
  signedCny: number;
  pipeline: number;
  pipelineCny: number;
}

/** A key project of the year (区重点, 市级 or 省级) with its 完成投资 against its plan. */
export interface KeyProjectRow {
  projectId: string;
  code: string | null;
  name: string;
  office: string | null;
  owner: string | null;
  district: boolean;
  city: boolean;
  province: boolean;
  /** 年度计划投资 in 元; null when none is entered. */
  planned: number | null;
  /** 完成投资 in 元 of the months counted (on the months basis, up to the last completed one). */
  completed: number;
  /** completed ÷ planned, as a fraction; null without a plan. */
  completion: number | null;
  /** Points by which completion leads 序时 (negative: behind); null without a plan or 序时. */
  scheduleGap: number | null;
  light: Light | null;
}

/** A project that could add to a metric in the rest of the year. */
export interface GapProject {
  projectId: string;
  code: string | null;
  name: string;
  office: string | null;
  owner: string | null;
  /**
   * The day it would count from: its planned 签约/开工/竣工 date, or the actual one when that came
   * after actualsThrough (by months, a signing this month counts from the month's end).
   */
  on: string;
  /** `on` is an actual date (already reached, counted once its month is complete). */
  reached: boolean;
  /** What it adds, in the metric's unit: 美元 for 合同外资, else 1 project. */
  adds: number;
}

/** The metrics with a 补差 list: those counting a 签约, 开工 or 竣工 date in the year. */
export const gapMetricKeys = [
  'contracted_fdi',
  'tier_100yi',
  'tier_50_100yi',
  'tier_10_50yi',
  'tier_1yi_industrial',
  'leader_projects',
  'started_1yi',
  'completed_1yi',
] as const;
export type GapMetricKey = (typeof gapMetricKeys)[number];

/** Metrics computed from project data, in the order the 看板 shows them. */
export const computedMetricKeys = [
  'contracted_fdi',
  'paid_in_fdi',
  'domestic_capital',
  'tier_100yi',
  'tier_50_100yi',
  'tier_10_50yi',
  'tier_1yi_industrial',
  'leader_projects',
  'landing_rate',
  'started_1yi',
  'completed_1yi',
  'stalled_zero',
  'rate_started',
  'rate_completed',
  'rate_funds',
  'rate_fulfilled',
  'annual_projects',
  'key_projects_investment',
  'city_projects',
  'city_projects_investment',
  'tech_renovation',
] as const;
export type ComputedMetricKey = (typeof computedMetricKeys)[number];

/** The rates: a share of a cohort of projects (or of money), in percent, with their cohort. */
export const rateMetricKeys = [
  'landing_rate',
  'rate_started',
  'rate_completed',
  'rate_funds',
  'rate_fulfilled',
] as const;
export type RateMetricKey = (typeof rateMetricKeys)[number];

/** Metrics that grow through the year and so are read against 序时进度: all but the rates and 五未. */
export const scheduledMetricKeys: ReadonlySet<string> = new Set(
  computedMetricKeys.filter(
    (k) =>
      !(rateMetricKeys as readonly string[]).includes(k) &&
      k !== 'stalled_zero' &&
      // The key-project lists are set for the year, not gathered through it.
      k !== 'annual_projects' &&
      k !== 'city_projects',
  ),
);

/** Labels for computed metrics that have no target row (an office without an allocation). */
export const computedMetricLabels: Record<ComputedMetricKey, string> = {
  contracted_fdi: '合同外资',
  paid_in_fdi: '实到外资',
  domestic_capital: '市外内资',
  tier_100yi: '百亿项目',
  tier_50_100yi: '50–100亿元项目',
  tier_10_50yi: '10–50亿元项目',
  tier_1yi_industrial: '亿元以上产业项目',
  leader_projects: '新引进“省市县长工程”项目',
  landing_rate: '“省市县长工程”项目落地率',
  started_1yi: '亿元以上开工项目',
  completed_1yi: '亿元以上竣工项目',
  stalled_zero: '“五未”项目清零',
  rate_started: '开工率',
  rate_completed: '竣工率',
  rate_funds: '资金到位率',
  rate_fulfilled: '履约率',
  annual_projects: '年度重点推进项目',
  key_projects_investment: '年度重点推进项目完成投资',
  city_projects: '市级项目',
  city_projects_investment: '市级项目全年完成投资',
  tech_renovation: '新批技改项目',
};

export const computedMetricUnits: Record<ComputedMetricKey, TargetUnit> = {
  contracted_fdi: 'usd',
  paid_in_fdi: 'usd',
  domestic_capital: 'cny',
  tier_100yi: 'count',
  tier_50_100yi: 'count',
  tier_10_50yi: 'count',
  tier_1yi_industrial: 'count',
  leader_projects: 'count',
  landing_rate: 'percent',
  started_1yi: 'count',
  completed_1yi: 'count',
  stalled_zero: 'count',
  rate_started: 'percent',
  rate_completed: 'percent',
  rate_funds: 'percent',
  rate_fulfilled: 'percent',
  annual_projects: 'count',
  key_projects_investment: 'cny',
  city_projects: 'count',
  city_projects_investment: 'cny',
  tech_renovation: 'count',
};

const regionKey = z.enum(['eu_us', 'de_jp', 'kr_sg_hk_tw', 'other_foreign', 'domestic', 'unknown']);
const funnelStage = z.enum(
  stageOrder.filter((s) => s !== 'terminated') as [FunnelStage['stage'], ...FunnelStage['stage'][]],
);

/** Which figure of the 看板 to list the projects of. */
export const drillTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('metric'), key: z.enum(computedMetricKeys) }),
  /** For a rate: the denominator. */
  z.strictObject({ kind: z.literal('cohort'), key: z.enum(rateMetricKeys) }),
  z.strictObject({ kind: z.literal('funnel'), stage: funnelStage }),
  z.strictObject({
    kind: z.literal('region'),
    scope: z.enum(['pipeline', 'signed']),
    region: regionKey,
  }),
  z.strictObject({
    kind: z.literal('ranking'),
    by: z.enum(['office', 'promoter']),
    id: z.string().min(1),
    /** Only the signings of one tier (a cell of the ranking). */
    tier: z.enum(['t100', 't50_100', 't10_50', 't1_10']).optional(),
    /** Only the signings landed by as-of under the 落地率 rule. */
    landed: z.literal(true).optional(),
  }),
  z.strictObject({ kind: z.literal('stalled'), ruleKey: z.string().optional() }),
  z.strictObject({
    kind: z.literal('breakdown'),
    key: z.enum(breakdownKeys),
    scope: z.enum(['pipeline', 'signed']),
  }),
  z.strictObject({
    kind: z.literal('trend'),
    month: z.number().int().min(1).max(12),
    series: z.enum(['signed', 'paid_in_fdi', 'domestic_capital']),
  }),
]);
export type DrillTarget = z.infer<typeof drillTarget>;

export const drillInput = z.strictObject({
  year: dashboardInput.shape.year,
  asOf: dashboardInput.shape.asOf,
  office: dashboardInput.shape.office,
  target: drillTarget,
});
