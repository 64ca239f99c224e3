// Merging duplicate records and undoing a merge (issue 18).
import type { MergeResult, UnmergeResult } from '../merge';
import { mergeInput, unmergeInput } from '../merge';
import { method } from './method';

export const mergeMethods = {
  'record.merge': method<typeof mergeInput, MergeResult>(mergeInput),
  'record.unmerge': method<typeof unmergeInput, UnmergeResult>(unmergeInput),
};
