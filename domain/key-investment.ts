// Key-project investment (年度重点推进项目): per project and year, whether it is on the 区重点, 市级
// or 省级 list, its 年度计划投资 and its 完成投资 month by month, in whole 元. One row per project
// and year (its id is made of both, so two offices entering the same year converge on one row), so
// a closed year keeps its own lists and figures when a later year's change.
import { z } from 'zod';
import { amount, flag, recordId, strictObject } from './fields';

export const keyLevelLabels = { district: '区重点', city: '市级', province: '省级' } as const;
export type KeyLevel = keyof typeof keyLevelLabels;
export const keyLevels = Object.keys(keyLevelLabels) as KeyLevel[];

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** The stored column of a month's 完成投资: done_01 … done_12. */
export const monthColumn = (month: number) => `done_${String(month).padStart(2, '0')}`;

export const keyInvestmentYear = z
  .number({ error: '年份须为数字' })
  .int('年份须为整数')
  .min(2000, '年份须在 2000–2100 之间')
  .max(2100, '年份须在 2000–2100 之间');

export const plannedInvestment = amount('年度计划投资', '元').nullable();
export const monthlyInvestment = amount('月度完成投资', '元').nullable();

/** What the project page (and the CLI) writes for one project and year; absent fields stay. */
export const keyInvestmentSet = strictObject({
  projectId: recordId('项目'),
  year: keyInvestmentYear,
  district: flag('区重点').optional(),
  city: flag('市级').optional(),
  province: flag('省级').optional(),
  planned: plannedInvestment.optional(),
  /** 完成投资 of each month, January first: exactly 12 entries, null for none. */
  completed: z
    .array(monthlyInvestment, { error: '月度完成投资须为 12 个月的列表' })
    .length(12, '月度完成投资须为 12 个月的列表')
    .optional(),
});
export type KeyInvestmentSet = z.infer<typeof keyInvestmentSet>;

export const keyInvestmentList = strictObject({ projectId: recordId('项目') });

export interface KeyInvestmentRecord {
  id: string;
  projectId: string;
  year: number;
  district: boolean;
  city: boolean;
  province: boolean;
  planned: number | null;
  /** 12 entries, January first. */
  completed: (number | null)[];
}

/** Deterministic id: one row per project and year on every replica. */
export function keyInvestmentId(projectId: string, year: number): string {
  return `${projectId}:${year}`;
}

/** 完成投资 of the months up to `month` (1–12). */
export function completedThrough(completed: readonly (number | null)[], month: number): number {
  return completed.slice(0, month).reduce<number>((sum, v) => sum + (v ?? 0), 0);
}
