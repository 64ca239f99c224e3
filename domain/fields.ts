// zod building blocks shared by every input schema, each naming its field in Chinese in its
// messages: text, real ISO dates, yes/no flags, record ids, vocabulary entries by key or label,
// whole amounts, and objects that reject unknown fields.
import { z } from 'zod';
import { isRealIsoDate } from './dates';
import type { Entry } from './vocabulary';

export const text = (label: string, max = 200) =>
  z
    .string({ error: `${label}须为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`);

export const isoDate = (label: string) =>
  z
    .string({ error: `${label}须为日期` })
    .refine(isRealIsoDate, `${label}不是存在的日期（格式为 YYYY-MM-DD）`);

export const flag = (label: string) => z.boolean({ error: `${label}须为是或否` });

/** The longest record id a sync change may name (change-codec.ts); longer ones are not ids. */
/** A file's own name as the window sends it: no folders, so it cannot point elsewhere. */
export const fileName = z
  .string({ error: '缺少文件名' })
  .min(1, '缺少文件名')
  .max(255, '文件名过长')
  .refine((n) => !/[\\/\0]/.test(n), '文件名不能包含路径');

/**
 * A file's bytes as the window sends them (base64 text, which one JavaScript string must hold): at
 * most `maxBytes` of file; a bigger one goes through the command line. `words` name the refusals
 * where an import's words do not fit.
 */
export const base64Upload = (
  maxBytes: number,
  words: { empty: string; choose?: string; tooLarge?: string },
) =>
  z
    .string({ error: words.choose ?? '请选择要导入的文件' })
    .min(1, words.empty)
    .max(
      Math.ceil(maxBytes / 3) * 4,
      words.tooLarge ?? `文件过大（超过 ${maxBytes / 1024 / 1024} MB），请用命令行导入`,
    )
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码有误，请重新选择文件');

export const MAX_RECORD_ID = 200;

export const recordId = (label: string) =>
  z
    .string({ error: `${label}须为记录编号` })
    .min(1, `${label}不能为空`)
    .max(MAX_RECORD_ID, `${label}编号过长`);

// 10万亿 (10^13) in 元 or 美元: far above any project, and small enough that converted amounts and
// sums over a whole ledger stay exact integers in a double.
export const MAX_AMOUNT = 10_000_000_000_000;

/** A whole amount (money in 元 or 美元, or a count), never negative, at most MAX_AMOUNT. */
export const amount = (label: string, unit?: string) =>
  z
    .number({ error: `${label}须为数字` })
    .int(unit ? `${label}须为整数（单位：${unit}）` : `${label}须为整数`)
    .nonnegative(`${label}不能为负数`)
    .max(MAX_AMOUNT, `${label}超出范围`);

export const strictObject = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `未知字段：${issue.keys.join('、')}` : undefined,
  });

/** Accepts a vocabulary entry by key or by its Chinese label; yields the key. */
export function vocabularyEntry<K extends string>(label: string, list: readonly Entry<K>[]) {
  const choices = list.map((e) => e.label).join('、');
  return z.string({ error: `${label}须为文字` }).transform((value, ctx) => {
    const found = list.find((e) => e.key === value || e.label === value.trim());
    if (!found) {
      ctx.addIssue({ code: 'custom', message: `${label}「${value}」无效，可选：${choices}` });
      return z.NEVER;
    }
    return found.key;
  });
}
