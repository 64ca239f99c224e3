// Compaction of the change log (docs/sync.md S19).
import type { CompactionPeer, CompactionReport } from '../compaction';
import { syncCompactInput } from '../compaction';
import { method, none } from './method';

export const compactionMethods = {
  'sync.compact': method<typeof syncCompactInput, CompactionReport>(syncCompactInput),
  /** The silent laptops a compaction would name, before it runs (the roster's too). */
  'sync.silentPeers': method<typeof none, CompactionPeer[]>(none),
};
