// The question before a merge, asked the same way from the 疑似重复 list and from 合并到…: which
// pair, and which of the other record's values the survivor takes (record.merge's `take`); the
// choice starts empty (the survivor keeps its own values) each time a pair is asked about.
import { useState } from 'react';
import type { MergeKind, MergeResult } from '../../../domain/merge';
import { useConfirmation } from '../shared/use-confirmation';
import type { Submit } from '../ui/use-submit';
import { mergeRecords } from './merge-undo';

export interface MergePair {
  kind: MergeKind;
  keep: { id: string; name: string };
  other: { id: string; name: string };
}

export type MergeConfirmation = ReturnType<typeof useMergeConfirmation>;

export function useMergeConfirmation(
  submit: Submit,
  after?: (pair: MergePair, result: MergeResult) => void,
) {
  const [take, setTake] = useState<readonly string[]>([]);
  const confirmation = useConfirmation<MergePair>(submit, async (pair) => {
    const result = await mergeRecords(pair.kind, pair.keep, pair.other, take);
    after?.(pair, result);
  });
  return {
    ...confirmation,
    ask: (pair: MergePair) => {
      setTake([]);
      confirmation.ask(pair);
    },
    take,
    setTake,
  };
}
