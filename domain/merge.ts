// Merging two records that are the same investor, project or contact (issue 18): typically made by
// two offices offline. The survivor keeps its values, fills its empty fields from the other, or
// takes the fields chosen; everything that named the other then names the survivor.
import { z } from 'zod';
import { recordId } from './fields';

export const mergeKinds = ['investor', 'project', 'contact'] as const;
export type MergeKind = (typeof mergeKinds)[number];

export const mergeKindLabels: Record<MergeKind, string> = {
  investor: '投资方',
  project: '项目',
  contact: '联系人',
};

export const mergeInput = z.strictObject({
  kind: z.enum(mergeKinds, { error: '合并的须为 investor、project 或 contact' }),
  keep: recordId('保留的记录'),
  other: recordId('并入的记录'),
  /** Columns whose value the survivor takes from the other record even where it has its own. */
  take: z.array(z.string().max(64)).max(64).optional(),
});
export type MergeInput = z.output<typeof mergeInput>;

export const unmergeInput = z.strictObject({ id: recordId('已合并的记录') });

export const mergePreviewInput = z.strictObject({
  kind: z.enum(mergeKinds, { error: '合并的须为 investor、project 或 contact' }),
  keep: recordId('保留的记录'),
  other: recordId('并入的记录'),
});

/** One field of the two records: stored values, and the names of records an id column names. */
export interface MergeField {
  column: string;
  keep: string | number | null;
  other: string | number | null;
  keepName?: string | null;
  otherName?: string | null;
}

/** What a merge of the two would do to the survivor's fields, before the user chooses. */
export interface MergePreview {
  /** Both have a value and they differ: the survivor keeps its own unless the user takes the other's. */
  choices: MergeField[];
  /** The survivor's empty fields the other's value fills. */
  filled: MergeField[];
}

export interface MergeResult {
  kind: MergeKind;
  keep: string;
  other: string;
  /** The survivor's fields that changed. */
  fields: string[];
  /** Rows that named the other record and now name the survivor, by table. */
  moved: Record<string, number>;
}

export interface UnmergeResult {
  kind: MergeKind;
  id: string;
  /** The record it had been merged into. */
  from: string;
  /** Rows that name it again, by table. */
  restored: Record<string, number>;
}
