// The zone's settings (rates, the 落地率 rule, the 五未 rules, this laptop's user) and dictionaries.
import { z } from 'zod';
import { currencyLabels, otherCurrencies, rateBounds } from './currencies';
import type { OtherCurrency } from './currencies';
import { strictObject, text } from './fields';
import type { LandingRule, MilestoneStage, StalledRule } from './lifecycle';
import { milestones, stageLabels } from './lifecycle';
import type { LightThresholds, ScheduleBasis } from './schedule';
import { scheduleBases } from './schedule';

const milestoneSchema = z.enum(
  milestones.map((m) => m.stage) as [MilestoneStage, ...MilestoneStage[]],
  { error: `里程碑无效，可选：${milestones.map((m) => stageLabels[m.stage]).join('、')}` },
);

/**
 * One 五未 rule: reached `from`, not `to` within `days`; or by the planned `to` date, with `days`
 * an optional fallback for a project without one.
 */
const stalledRuleSchema = strictObject({
  key: z.string().regex(/^[a-z0-9_]+$/, '规则键只能包含小写字母、数字和下划线'),
  label: text('规则名称', 30).min(1, '请填写规则名称'),
  from: milestoneSchema,
  to: milestoneSchema,
  days: z.number().int('天数须为整数').min(1, '天数至少为 1').max(3650, '天数最多 3650').nullable(),
  usePlannedDate: z.boolean(),
})
  .refine(
    (r) =>
      milestones.findIndex((m) => m.stage === r.to) >
      milestones.findIndex((m) => m.stage === r.from),
    {
      message: '“未达到”的里程碑须在“已达到”的里程碑之后',
    },
  )
  .refine((r) => r.usePlannedDate || r.days !== null, {
    message: '请填写天数，或改为按计划日期判断',
  });

export interface Settings {
  user: string | null;
  office: string | null;
  /** 元 per 美元, by year. */
  usdRates: Record<string, number>;
  /** 元 per unit of the other currencies (欧元, 日元, 港元…), by currency and year. */
  fxRates: Partial<Record<OtherCurrency, Record<string, number>>>;
  /** This year's 落地率 rule (what 设置 edits). */
  landingRule: LandingRule;
  /** The 落地率 rule of each year that has its own; a closed year keeps the one it had. */
  landingRules: Record<string, LandingRule>;
  stalledRules: StalledRule[];
  /** How 序时 is read on the 看板 and in the 月报. */
  scheduleBasis: ScheduleBasis;
  /** Points behind 序时 for the yellow and the red light. */
  lightThresholds: LightThresholds;
}

/**
 * The 落地率 rule of a year: its own; else the latest earlier year's (a rule holds until changed);
 * else the single rule of versions before rules by year (`legacy`, what closed years read then).
 */
export function landingRuleFor(
  rules: Record<string, LandingRule>,
  year: number,
  legacy: LandingRule,
): LandingRule {
  let best: number | null = null;
  for (const key of Object.keys(rules)) {
    const y = Number(key);
    if (y <= year && (best === null || y > best)) best = y;
  }
  return best === null ? legacy : rules[String(best)]!;
}

const thresholdPoints = (label: string) =>
  z
    .number({ error: `${label}须为数字` })
    .min(1, `${label}须在 1–100 个百分点之间`)
    .max(100, `${label}须在 1–100 个百分点之间`);

const landingRuleSchema = z.strictObject(
  {
    milestone: milestoneSchema,
    cohort: z.enum(['signed_in_year', 'signed_in_previous_year'], {
      error: '落地率口径无效：当年签约或上年签约',
    }),
  },
  { error: '落地率口径须为里程碑与签约年份' },
);

const yearKey = z.string().regex(/^(19|20)\d\d$/, '年份无效');

export const settingsUpdate = strictObject({
  user: text('姓名', 50).min(1, '请填写姓名').optional(),
  office: z.string().optional(),
  usdRates: z
    .record(
      z.string().regex(/^(19|20)\d\d$/, '年份无效'),
      z
        .number({ error: '汇率须为数字' })
        .min(1, '汇率须在 1–20 之间')
        .max(20, '汇率须在 1–20 之间'),
      {
        error: (issue) =>
          issue.code === 'invalid_key' ? '汇率的年份无效（1900–2099）' : '汇率须为按年份的数字',
      },
    )
    .optional(),
  fxRates: z
    .partialRecord(
      z.enum(otherCurrencies, { error: `币种无效，可选：${otherCurrencies.join('、')}` }),
      z.record(yearKey, z.number({ error: '汇率须为数字' }), {
        error: (issue) =>
          issue.code === 'invalid_key' ? '汇率的年份无效（1900–2099）' : '汇率须为按年份的数字',
      }),
      {
        error: (issue) =>
          issue.code === 'invalid_type'
            ? '汇率须为按币种、年份的数字'
            : `币种无效，可选：${otherCurrencies.join('、')}`,
      },
    )
    .superRefine((rates, ctx) => {
      for (const [currency, byYear] of Object.entries(rates) as [OtherCurrency, object][]) {
        const [min, max] = rateBounds[currency];
        for (const [year, rate] of Object.entries(byYear ?? {}) as [string, number][]) {
          if (!(rate >= min && rate <= max)) {
            ctx.addIssue({
              code: 'custom',
              path: [currency, year],
              message: `${year}年${currencyLabels[currency]}汇率须在 ${min}–${max} 元之间`,
            });
          }
        }
      }
    })
    .optional(),
  /** This year's rule (the closed years keep theirs). */
  landingRule: landingRuleSchema.optional(),
  /** Rules of given years, e.g. to correct a year's rule on purpose. */
  landingRules: z
    .record(yearKey, landingRuleSchema, {
      error: (issue) =>
        issue.code === 'invalid_key'
          ? '落地率口径的年份无效（1900–2099）'
          : '落地率口径须按年份填写',
    })
    .optional(),
  stalledRules: z
    .array(stalledRuleSchema, { error: '“五未”规则须为规则列表' })
    .max(20, '“五未”规则最多 20 条')
    .refine((rules) => new Set(rules.map((r) => r.key)).size === rules.length, {
      message: '“五未”规则的键不能重复',
    })
    .optional(),
  scheduleBasis: z.enum(scheduleBases, { error: '序时口径无效：按月或按日' }).optional(),
  lightThresholds: z
    .strictObject(
      { yellow: thresholdPoints('黄灯阈值'), red: thresholdPoints('红灯阈值') },
      { error: '红黄绿灯阈值须为黄灯与红灯的百分点' },
    )
    .refine((t) => t.yellow < t.red, { message: '黄灯阈值须小于红灯阈值' })
    .optional(),
});

export const dictionaryKinds = ['platform', 'industry', 'fair_edition'] as const;
export const dictionaryItemInput = strictObject({
  kind: z.enum(dictionaryKinds, { error: '字典类别无效' }),
  label: text('名称', 100).min(1, '名称不能为空'),
});
