// The project form's kept draft comes back from localStorage, which anything may have written: only
// fields of the draft's own shape and type come back, an unknown stage or currency falls back, and
// a malformed entry is no draft at all. A Map-backed Storage stands in for the window's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dropKeptDraft,
  keptAtText,
  keptDraftKey,
  readKeptDraft,
  writeKeptDraft,
} from '../../renderer/src/project/kept-draft';
import { emptyDraft } from '../../renderer/src/project/project-draft';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as { window?: unknown }).window = { localStorage: storage };
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('kept project drafts', () => {
  it('round-trips a draft with when it was written, and drops it', () => {
    const draft = { ...emptyDraft, name: '博世华东基地', amount: '12.5', industrial: true };
    const when = new Date(2026, 11, 4, 9, 5);
    writeKeptDraft(keptDraftKey('p1'), draft, when);
    expect(readKeptDraft(keptDraftKey('p1'))).toEqual({ draft, savedAt: when.toISOString() });
    expect(readKeptDraft(keptDraftKey(null))).toBeNull();
    dropKeptDraft(keptDraftKey('p1'));
    expect(readKeptDraft(keptDraftKey('p1'))).toBeNull();
  });

  it('takes back only fields of the right type; bad entries are no draft', () => {
    const key = keptDraftKey(null);
    storage.setItem(
      key,
      JSON.stringify({
        savedAt: '2026-12-04T01:00:00.000Z',
        draft: { name: '新项目', amount: 5, stage: 'nonsense', currency: 'XYZ', evil: '<x>' },
      }),
    );
    expect(readKeptDraft(key)).toEqual({
      draft: { ...emptyDraft, name: '新项目' },
      savedAt: '2026-12-04T01:00:00.000Z',
    });
    for (const bad of ['{', 'null', '[]', '{"draft":{}}', '{"draft":1,"savedAt":"2026-01-01"}']) {
      storage.setItem(key, bad);
      expect(readKeptDraft(key), bad).toBeNull();
    }
  });

  it('says when: day and time, with the year only for another year', () => {
    const now = new Date(2026, 11, 4, 12, 0);
    expect(keptAtText(new Date(2026, 11, 4, 9, 5).toISOString(), now)).toBe('12月4日 09:05');
    expect(keptAtText(new Date(2025, 0, 2, 18, 30).toISOString(), now)).toBe('2025年1月2日 18:30');
  });
});
