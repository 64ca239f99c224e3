// Compaction of the change log (docs/sync.md S19).
import type { CompactionReport } from '../compaction';
import { syncCompactInput } from '../compaction';
import { method } from './method';

export const compactionMethods = {
  'sync.compact': method<typeof syncCompactInput, CompactionReport>(syncCompactInput),
};
