// Yearly targets (确保 guarantee and 力争 strive) per metric key and scope, as the API returns them.
import { z } from 'zod';
import { amount, recordId, text } from './fields';

export type TargetUnit = (typeof targetUnits)[number];
export type TargetMode = (typeof targetModes)[number];

export interface TargetRecord {
  id: string;
  key: string;
  label: string;
  year: number;
  /** 'zone' for the whole zone, or an office key. */
  scope: string;
  guarantee: number | null;
  strive: number | null;
  unit: TargetUnit;
  mode: TargetMode;
  note: string | null;
  /** Manual metrics: the actual typed in per month (1–12), cumulative for the year so far. */
  actuals: Partial<Record<number, number>>;
}

export const targetListInput = z.strictObject({
  year: z.number({ error: '年份须为数字' }).int().min(2000, '年份无效').max(2100, '年份无效'),
  scope: z.string().optional(),
});

const targetYear = z
  .number({ error: '年份须为数字' })
  .int('年份须为整数')
  .min(2000, '年份须在 2000–2100 之间')
  .max(2100, '年份须在 2000–2100 之间');

export const targetUnits = ['usd', 'cny', 'count', 'percent'] as const;
export const targetModes = ['computed', 'manual'] as const;

export const targetUpsertInput = z.strictObject({
  year: targetYear,
  key: z
    .string({ error: '指标键须为文字' })
    .max(50, '指标键不能超过 50 个字')
    .regex(/^[a-z0-9_]+$/, '指标键只能包含小写字母、数字和下划线'),
  /** 'zone', or an office key. */
  scope: text('范围', 40).min(1, '范围不能为空').default('zone'),
  label: text('指标名称', 100).min(1, '指标名称不能为空'),
  guarantee: amount('确保值').nullable(),
  strive: amount('力争值').nullable(),
  unit: z.enum(targetUnits, { error: '单位无效，可选：usd、cny、count、percent' }),
  mode: z.enum(targetModes, { error: '计算方式无效，可选：computed（自动）、manual（手填）' }),
  note: text('说明', 500).nullable().default(null),
});

export const targetActualInput = z.strictObject({
  targetId: recordId('目标'),
  month: z
    .number({ error: '月份须为数字' })
    .int('月份须为整数')
    .min(1, '月份须在 1–12 之间')
    .max(12, '月份须在 1–12 之间'),
  value: amount('实际值').nullable(),
});

/** Starts a year's targets (every scope) as a copy of another year's; refused when `to` has any. */
export const targetCopyYearInput = z.strictObject({
  from: z.number({ error: '年份须为数字' }).int().min(2000, '年份无效').max(2100, '年份无效'),
  to: z.number({ error: '年份须为数字' }).int().min(2000, '年份无效').max(2100, '年份无效'),
});

/** Deterministic id, so two offices seeding or entering the same target converge on one row. */
export function targetId(year: number, scope: string, key: string): string {
  return `target:${year}:${scope}:${key}`;
}
