// The duplicate check (撞单) behind the investor form: every name typed (Chinese, English) asked of
// investor.similar, the matches merged; while typing it runs once the names stop changing.
import type { SimilarInvestor } from '../../../domain/search';
import { call } from '../api/client';
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

async function findSimilar(key: string, excludeId: string | undefined): Promise<SimilarInvestor[]> {
  if (key === '') return [];
  const found = new Map<string, SimilarInvestor>();
  for (const name of key.split('\n')) {
    for (const match of await call('investor.similar', { name, excludeId })) {
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

export function useSimilarInvestors(names: readonly string[], excludeId?: string): SimilarState {
  const key = namesKey(names);
  const debouncedKey = useDebouncedValue(key, SIMILAR_DELAY_MS);
  // The warning is advice: when it cannot be had (the read failed), saving still works.
  const similar = useLoad(() => findSimilar(debouncedKey, excludeId), [debouncedKey, excludeId], {
    keep: true,
  });

  const checkNow = async () => {
    if (key === '') return [];
    const matches = await findSimilar(key, excludeId).catch(() => []);
    similar.update(() => matches);
    return matches;
  };

  return { matches: key === '' ? [] : (similar.data ?? []), checkNow };
}
