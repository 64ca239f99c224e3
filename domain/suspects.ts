// Suspected duplicates (issue 18): pairs of investors, projects or contacts that look like one
// record, for review after an import or on demand: merge them, or say they are not the same (a
// synced judgment, so nobody is asked again).
import { z } from 'zod';
import { recordId } from './fields';
import type { MergeKind } from './merge';
import { mergeKinds } from './merge';

/** Why a pair is suspected, strongest first. */
export const suspectReasons = {
  creditCode: '统一社会信用代码相同',
  projectCode: '项目代码相同',
  name: '名称相同（忽略企业类型、括号、全半角、繁简）',
  alias: '名称与对方的简称/别名相同',
  sameInvestor: '同一投资方下项目名称相同',
  amount: '项目名称相同，总投资相同',
  date: '项目名称相同，签约日期相同',
  phone: '电话相同',
  contactName: '同一投资方或项目下联系人姓名相同',
} as const;
export type SuspectReason = keyof typeof suspectReasons;

export interface SuspectSide {
  id: string;
  name: string;
  /** The office holding it: the project's, or the office of most of an investor's projects. */
  office: string | null;
  detail: string | null;
}

export interface Suspect {
  kind: MergeKind;
  a: SuspectSide;
  b: SuspectSide;
  reasons: SuspectReason[];
}

export interface SuspectList {
  suspects: Suspect[];
  /** More pairs were found than listed. */
  truncated: boolean;
}

export const MAX_SUSPECTS = 200;

export const suspectsInput = z
  .strictObject({
    kind: z.enum(mergeKinds).optional(),
    limit: z.number().int().min(1).max(MAX_SUSPECTS).optional(),
  })
  .optional();

export const notDuplicateInput = z.strictObject({
  kind: z.enum(mergeKinds, { error: '类别须为 investor、project 或 contact' }),
  a: recordId('记录甲'),
  b: recordId('记录乙'),
});

/** One row per pair, whichever way round it was judged. */
export function notDuplicateId(kind: MergeKind, a: string, b: string): string {
  return [kind, ...[a, b].sort()].join(':');
}
