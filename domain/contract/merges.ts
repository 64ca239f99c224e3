// Merging duplicate records, undoing a merge, and the suspected duplicates to review (issue 18).
import type { MergePreview, MergeResult, UnmergeResult } from '../merge';
import { mergeInput, mergePreviewInput, unmergeInput } from '../merge';
import type { SuspectList } from '../suspects';
import { notDuplicateInput, suspectsInput } from '../suspects';
import { method } from './method';

export const mergeMethods = {
  'record.merge': method<typeof mergeInput, MergeResult>(mergeInput),
  'record.unmerge': method<typeof unmergeInput, UnmergeResult>(unmergeInput),
  'record.mergePreview': method<typeof mergePreviewInput, MergePreview>(mergePreviewInput),
  'suspects.list': method<typeof suspectsInput, SuspectList>(suspectsInput),
  'suspects.notDuplicate': method<typeof notDuplicateInput, { id: string }>(notDuplicateInput),
};
