// The last merge made on any screen, held so that its 「撤销合并」 notice stays on the page the window
// moves to (merging away the investor whose page is open opens the kept one). One at a time; lists
// that show merged records read again after a merge or an undo (useMerges).
import { useSyncExternalStore } from 'react';
import type { MergeKind, MergeResult } from '../../../domain/merge';
import { call } from '../api/client';

export interface HeldMerge {
  result: MergeResult;
  /** The names shown: the kept record's and the merged-away one's. */
  keptName: string;
  otherName: string;
  /** 'merged' until 撤销合并; 'undoing' while record.unmerge runs; 'undone' once it succeeded. */
  state: 'merged' | 'undoing' | 'undone';
  error: string | null;
}

let held: HeldMerge | null = null;
let changes = 0;
const listeners = new Set<() => void>();

function set(next: HeldMerge | null) {
  held = next;
  changes += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Merges `other` into `keep` (record.merge), taking the `take` columns' values from `other`; holds the result for its undo. */
export async function mergeRecords(
  kind: MergeKind,
  keep: { id: string; name: string },
  other: { id: string; name: string },
  take: readonly string[] = [],
): Promise<MergeResult> {
  const result = await call('record.merge', {
    kind,
    keep: keep.id,
    other: other.id,
    ...(take.length ? { take: [...take] } : {}),
  });
  set({ result, keptName: keep.name, otherName: other.name, state: 'merged', error: null });
  return result;
}

/** Undoes the held merge (record.unmerge); a failure stays in the notice. */
export async function undoMerge(): Promise<void> {
  const current = held;
  if (!current || current.state !== 'merged') return;
  set({ ...current, state: 'undoing', error: null });
  try {
    await call('record.unmerge', { id: current.result.other });
    set({ ...current, state: 'undone' });
  } catch (e) {
    set({ ...current, state: 'merged', error: e instanceof Error ? e.message : String(e) });
  }
}

export function forgetMerge(): void {
  if (held) set(null);
}

export function useHeldMerge(): HeldMerge | null {
  return useSyncExternalStore(subscribe, () => held);
}

/** Grows with every merge and undo: put it among a list's inputs so that it reads again. */
export function useMerges(): number {
  return useSyncExternalStore(subscribe, () => changes);
}
