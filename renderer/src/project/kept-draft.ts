// The project form's unsaved edits, kept in this window's localStorage while they are unsaved, so
// that an accidental close (or a crash) loses nothing: one entry per project id ('new' for the new
// project form), with when it was written. What comes back is checked field by field against the
// draft's shape; anything else there is ignored.
import { isCurrency } from '../../../domain/currencies';
import { stageOrder } from '../../../domain/lifecycle';
import type { ProjectDraft } from './project-draft';
import { emptyDraft } from './project-draft';

export interface KeptDraft {
  draft: ProjectDraft;
  /** ISO time it was last written. */
  savedAt: string;
}

const PREFIX = 'zhaoshang.projectDraft.';

export function keptDraftKey(projectId: string | null): string {
  return PREFIX + (projectId ?? 'new');
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage switched off: the drafts are simply not kept
  }
}

export function readKeptDraft(key: string): KeptDraft | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage()?.getItem(key) ?? 'null');
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { draft, savedAt } = parsed as Record<string, unknown>;
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return null;
  if (typeof draft !== 'object' || draft === null) return null;
  const kept: Record<string, unknown> = { ...emptyDraft };
  for (const [field, empty] of Object.entries(emptyDraft)) {
    const value = (draft as Record<string, unknown>)[field];
    if (typeof value === typeof empty) kept[field] = value;
  }
  if (!stageOrder.includes(kept.stage as ProjectDraft['stage'])) kept.stage = emptyDraft.stage;
  if (!isCurrency(kept.currency)) kept.currency = 'CNY';
  if (!['', '市外', '市内'].includes(kept.outsideCity as string)) kept.outsideCity = '';
  return { draft: kept as ProjectDraft, savedAt };
}

export function writeKeptDraft(key: string, draft: ProjectDraft, now = new Date()): void {
  try {
    storage()?.setItem(key, JSON.stringify({ draft, savedAt: now.toISOString() }));
  } catch {
    // Storage full or refused: the edits are still on screen and the leave guard still asks.
  }
}

export function dropKeptDraft(key: string): void {
  storage()?.removeItem(key);
}

/** 「12月4日 14:05」, or with the year when it is not this year's. */
export function keptAtText(savedAt: string, now = new Date()): string {
  const d = new Date(savedAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return d.getFullYear() === now.getFullYear() ? day : `${d.getFullYear()}年${day}`;
}
