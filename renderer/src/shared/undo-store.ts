// The last delete made on any screen, offered for undo by the window's bar (UndoBar) whatever screen
// shows meanwhile: deleting a project moves to the 台账, where its 撤销 still works. One offer at a
// time; a newer delete replaces it. Lists that show deletable rows read again after an undo
// (useRestores).
import { useSyncExternalStore } from 'react';
import type { DeletionResult } from '../../../domain/deletion';
import { call, errorText } from '../api/client';

export type UndoPhase = 'deleted' | 'restoring' | 'restored' | 'failed';

export interface UndoOffer {
  /** Distinguishes offers, so a timer of an old one never closes a new one. */
  key: number;
  result: DeletionResult;
  phase: UndoPhase;
  error: string | null;
}

let offer: UndoOffer | null = null;
let made = 0;
let restores = 0;
const listeners = new Set<() => void>();

function set(next: UndoOffer | null) {
  offer = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Shows 「已删除 … 撤销」 for what a delete method returned. */
export function offerUndo(result: DeletionResult): void {
  set({ key: (made += 1), result, phase: 'deleted', error: null });
}

export function closeOffer(key: number): void {
  if (offer?.key === key) set(null);
}

/** Undoes the offered delete (record.restore); resolves to what came back, or null on failure. */
export async function undoOffer(key: number): Promise<DeletionResult | null> {
  const current = offer;
  if (!current || current.key !== key || current.phase === 'restoring') return null;
  set({ ...current, phase: 'restoring', error: null });
  try {
    const back = await call('record.restore', { kind: current.result.kind, id: current.result.id });
    restores += 1;
    if (offer?.key === key) set({ ...current, phase: 'restored' });
    else for (const listener of listeners) listener();
    return back;
  } catch (e) {
    if (offer?.key === key) set({ ...current, phase: 'failed', error: errorText(e) });
    return null;
  }
}

export function useUndoOffer(): UndoOffer | null {
  return useSyncExternalStore(subscribe, () => offer);
}

/** Grows with every undo: put it among a list's inputs so that restored rows reappear. */
export function useRestores(): number {
  return useSyncExternalStore(subscribe, () => restores);
}
