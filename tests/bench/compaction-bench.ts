// Compaction at 100k (issue 19): the demo database compacted (docs/sync.md S19) and vacuumed,
// against the same data without a log (a copy with sync_change emptied and vacuumed). Both are
// copies made with VACUUM INTO, so the bench's own database is left as it was.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openAppDatabase } from '../../db/app-database';
import { compact } from '../../db/sync/compaction';
import type { Budgets } from './budgets';

/** The compacted database may be at most this many times the data without a log. */
const RATIO_BUDGET = 1.35;

export async function benchCompaction(
  file: string,
  dir: string,
  line: (label: string, value: string, budget?: string) => void,
  budgets?: Budgets,
): Promise<{ failures: string[] }> {
  const source = new Database(file, { readonly: true });
  const compacted = join(dir, 'compacted.sqlite');
  const bare = join(dir, 'without-log.sqlite');
  source.prepare('VACUUM INTO ?').run(compacted);
  source.prepare('VACUUM INTO ?').run(bare);
  source.close();

  const plain = new Database(bare);
  plain.exec('DELETE FROM sync_change');
  plain.exec('VACUUM');
  plain.close();
  const bareBytes = statSync(bare).size;

  const app = await openAppDatabase(compacted);
  const t = performance.now();
  const report = compact(app, {});
  const seconds = (performance.now() - t) / 1000;
  app.close();
  const bytes = statSync(compacted).size;
  const ratio = bytes / bareBytes;

  console.log('\ncompaction of the demo database (copies)');
  line('changes before → after', `${report.changesBefore} → ${report.changesAfter}`);
  line('archived changes', report.archived.toLocaleString());
  line('settled changes (rows hold their values)', report.settled.toLocaleString());
  line('compaction with VACUUM (s)', seconds.toFixed(1));
  line('compacted database (MB)', (bytes / 1e6).toFixed(0));
  line('same data without a log (MB)', (bareBytes / 1e6).toFixed(0));
  line(
    'compacted / without log',
    ratio.toFixed(2),
    `budget ${RATIO_BUDGET} → ${((ratio / RATIO_BUDGET) * 100).toFixed(0)}% of budget`,
  );
  budgets?.ratioAtMost(
    'compacted demo database / without a log',
    ratio,
    RATIO_BUDGET,
    `${(bytes / 1e6).toFixed(0)} / ${(bareBytes / 1e6).toFixed(0)} MB`,
  );
  return {
    failures:
      ratio > RATIO_BUDGET
        ? [`compacted database ${ratio.toFixed(2)}× the data without a log`]
        : [],
  };
}
