// The duplicate check (撞单) wherever an investor is named by typing: every name typed (Chinese,
// English) asked of investor.similar, the matches merged; while typing it runs once the names stop
// changing. useNameWarning adds the picker keys of the box the name is typed in.
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { SimilarInvestor } from '../../../domain/search';
import { call } from '../api/client';
import { comboboxProps, composing, stepped } from '../ui/combobox';
import { useDebouncedValue } from '../shared/use-debounced-value';
import { useLoad } from '../ui/use-load';

const SIMILAR_DELAY_MS = 300;

/** Names worth checking: two characters at least (one character resembles too much). */
function namesKey(names: readonly string[]): string {
  return names
    .map((n) => n.trim().slice(0, 200))
    .filter((n) => n.length >= 2)
    .join('\n');
}

/** What is asked: the names, and the 统一社会信用代码 when one is typed (a certain match). */
interface Asked {
  key: string;
  creditCode: string;
}

async function findSimilar(
  { key, creditCode }: Asked,
  excludeId: string | undefined,
): Promise<SimilarInvestor[]> {
  if (key === '') return [];
  const found = new Map<string, SimilarInvestor>();
  const code = creditCode === '' ? null : creditCode;
  for (const name of key.split('\n')) {
    for (const match of await call('investor.similar', { name, creditCode: code, excludeId })) {
      if (!found.has(match.id)) found.set(match.id, match);
    }
  }
  return [...found.values()];
}

export interface SimilarState {
  /** Existing investors resembling the names (last answer; empty when no name is typed). */
  matches: SimilarInvestor[];
  /** Asks again now, without waiting: for the moment of saving. */
  checkNow: () => Promise<SimilarInvestor[]>;
}

export function useSimilarInvestors(
  names: readonly string[],
  excludeId?: string,
  creditCode = '',
): SimilarState {
  const key = namesKey(names);
  const code = creditCode.trim().slice(0, 100);
  const asked = useDebouncedValue(`${key}\u0000${code}`, SIMILAR_DELAY_MS);
  const [askedKey = '', askedCode = ''] = asked.split('\u0000');
  // The warning is advice: when it cannot be had (the read failed), saving still works.
  const similar = useLoad(
    () => findSimilar({ key: askedKey, creditCode: askedCode }, excludeId),
    [asked, excludeId],
    { keep: true },
  );

  const checkNow = async () => {
    if (key === '') return [];
    const matches = await findSimilar({ key, creditCode: code }, excludeId).catch(() => []);
    similar.update(() => matches);
    return matches;
  };

  return { matches: key === '' ? [] : (similar.data ?? []), checkNow };
}

export interface NameWarning extends SimilarState {
  /** The warning's list id, and the highlighted match (null: none yet, the box has the keys). */
  listId: string;
  optionId: (index: number) => string;
  active: number | null;
  setActive: (index: number) => void;
  /** Esc folded the list away; an arrow key or a change of name opens it again. */
  folded: boolean;
  unfold: () => void;
  /** Spread on the box where the name is typed: ↑ ↓ go through the matches, Enter uses one. */
  boxProps: ReturnType<typeof comboboxProps> & {
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  };
}

/**
 * The 撞单 warning where an investor is named by typing (project form, fair capture, investor
 * forms): the resembling investors, and the app's picker keys on the name's box — ↓ ↑ highlight
 * one, Enter uses it (`onUse`), Esc folds the list (the name stays), a further Esc is the form's.
 */
export function useNameWarning(
  id: string,
  names: readonly string[],
  onUse: (match: SimilarInvestor) => void,
  excludeId?: string,
  creditCode?: string,
): NameWarning {
  const similar = useSimilarInvestors(names, excludeId, creditCode);
  const key = namesKey(names);
  const [seen, setSeen] = useState({ key, active: null as number | null, folded: false });
  // A new name is a new list: nothing highlighted, unfolded.
  const state = seen.key === key ? seen : { key, active: null, folded: false };
  const { matches } = similar;
  const active = state.active !== null && state.active < matches.length ? state.active : null;
  const listId = `${id}-similar`;
  const optionId = (index: number) => `${listId}-${index}`;
  const shown = !state.folded && matches.length > 0;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (composing(e) || matches.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = active === null || !shown ? 0 : stepped(active, e.key, matches.length);
      setSeen({ key, active: next, folded: false });
    } else if (e.key === 'Enter' && shown && active !== null) {
      // Using the highlighted investor, not saving the form around the box.
      e.preventDefault();
      e.stopPropagation();
      const match = matches[active];
      if (match) onUse(match);
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault();
      e.stopPropagation();
      setSeen({ key, active: null, folded: true });
    }
  };

  return {
    ...similar,
    listId,
    optionId,
    active: shown ? active : null,
    setActive: (index) => setSeen({ key, active: index, folded: false }),
    folded: state.folded,
    unfold: () => setSeen({ key, active: null, folded: false }),
    boxProps: {
      ...comboboxProps(listId, shown && active !== null ? optionId(active) : undefined),
      onKeyDown,
    },
  };
}
