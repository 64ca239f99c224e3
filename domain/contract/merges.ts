// Merging duplicate records, undoing a merge, and the suspected duplicates to review (issue 18).
import type { MergeResult, UnmergeResult } from '../merge';
import { mergeInput, unmergeInput } from '../merge';
import type { SuspectList } from '../suspects';
import { notDuplicateInput, suspectsInput } from '../suspects';
import { method } from './method';

export const mergeMethods = {
  'record.merge': method<typeof mergeInput, MergeResult>(mergeInput),
  'record.unmerge': method<typeof unmergeInput, UnmergeResult>(unmergeInput),
  'suspects.list': method<typeof suspectsInput, SuspectList>(suspectsInput),
  'suspects.notDuplicate': method<typeof notDuplicateInput, { id: string }>(notDuplicateInput),
};
