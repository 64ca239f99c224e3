// Keeps the project form's unsaved edits in localStorage while they are unsaved (kept-draft.ts),
// and on opening the project (or the new project form) offers back edits an earlier visit left:
// 「恢复未保存的修改」 or 放弃. Typing before choosing drops the older edits for the new ones.
import { useEffect, useState } from 'react';
import type { KeptDraft } from './kept-draft';
import { dropKeptDraft, keptDraftKey, readKeptDraft, writeKeptDraft } from './kept-draft';
import { sameDraft } from './project-draft';
import type { ProjectEditor } from './use-project-editor';

export interface KeptDraftOffer {
  /** Edits an earlier visit left unsaved, until the user restores or drops them. */
  offer: KeptDraft | null;
  restore: () => void;
  drop: () => void;
  /** Forgets the kept edits: the user left without saving, or they were saved. */
  forget: () => void;
}

export function useKeptDraft(editor: ProjectEditor, projectId: string | null): KeptDraftOffer {
  const key = keptDraftKey(editor.record?.id ?? projectId);
  const ready = editor.load.state === 'ready';
  const [looked, setLooked] = useState(false);
  const [offer, setOffer] = useState<KeptDraft | null>(null);
  if (ready && !looked) {
    setLooked(true);
    const kept = readKeptDraft(key);
    setOffer(kept && !sameDraft(kept.draft, editor.draft) ? kept : null);
  }
  if (offer && editor.dirty) setOffer(null);

  const { draft, dirty } = editor;
  useEffect(() => {
    // An offered draft stays stored until the user chooses.
    if (!looked || offer) return;
    if (dirty) writeKeptDraft(key, draft);
    else dropKeptDraft(key);
  }, [looked, offer, key, draft, dirty]);

  return {
    offer,
    restore: () => {
      if (!offer) return;
      editor.restore(offer.draft);
      setOffer(null);
    },
    drop: () => {
      dropKeptDraft(key);
      setOffer(null);
    },
    // Also the key the page was opened with: a new project, once saved, is kept under its id.
    forget: () => {
      dropKeptDraft(key);
      dropKeptDraft(keptDraftKey(projectId));
    },
  };
}
