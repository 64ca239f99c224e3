// Yearly targets (确保 guarantee and 力争 strive) per metric key and scope, as the API returns them.
import { z } from 'zod';

export type TargetUnit = 'usd' | 'cny' | 'count' | 'percent';
export type TargetMode = 'computed' | 'manual';

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

export const targetUpsertInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  key: z.string().regex(/^[a-z0-9_]+$/, '指标键只能包含小写字母、数字和下划线'),
  scope: z.string().default('zone'),
  label: z.string().trim().min(1, '指标名称不能为空').max(100),
  guarantee: z.number().int('确保值须为整数').nonnegative('确保值不能为负数').nullable(),
  strive: z.number().int('力争值须为整数').nonnegative('力争值不能为负数').nullable(),
  unit: z.enum(['usd', 'cny', 'count', 'percent']),
  mode: z.enum(['computed', 'manual']),
  note: z.string().max(500).nullable().default(null),
});

export const targetActualInput = z.strictObject({
  targetId: z.string().min(1, '缺少目标编号'),
  month: z.number().int('月份须为整数').min(1, '月份须在 1–12 之间').max(12, '月份须在 1–12 之间'),
  value: z.number().int('实际值须为整数').nonnegative('实际值不能为负数').nullable(),
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
