// Search by pinyin and initials (issue 18, point 5) at the bench's size: the 台账 free text, Ctrl+K
// and the investor list, each by Chinese characters (the reference), by pinyin and by initials,
// with the ratio to the reference measured in the same run; and the one-off rebuild of every
// project's search text that an older database makes at its first open; and the review list of
// suspected duplicates.
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { refreshDerivedColumns } from '../../db/mutation';
import { forgetSpellings } from '../../db/search-fold';
import { percentile } from './api-timing';
import type { Line } from './api-timing';

const LEDGER_BUDGET_MS = 50;
const MAX_RATIO = 1.5;

/** The same name three ways: the reference first. */
const queries = [
  ['Chinese', '西门子'],
  ['pinyin', 'ximenzi'],
  ['initials', 'xmz'],
] as const;

const surfaces = [
  ['台账 free text', 'ledger.query', (q: string) => ({ q })],
  ['Ctrl+K', 'search.quick', (q: string) => ({ q, limit: 8 })],
  ['investor list', 'investor.list', (q: string) => ({ q, offset: 0, limit: 50 })],
] as const;

export function benchSearch(app: AppDatabase, runs: number, line: Line): { failures: string[] } {
  const failures: string[] = [];
  const call = (method: string, input: unknown) => {
    const result = dispatchSync(app, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.message}`);
  };
  forgetSpellings();
  const firstInvestors = time(() => call('investor.list', { q: 'xmz', offset: 0, limit: 50 }));
  line('  investor list, first search after start', firstInvestors.toFixed(0));
  for (const [surface, method, input] of surfaces) {
    let reference = NaN;
    for (const [how, q] of queries) {
      call(method, input(q));
      const times = Array.from({ length: runs }, () => time(() => call(method, input(q))));
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      if (how === 'Chinese') reference = p95;
      line(
        `  ${surface} by ${how} (${q})`,
        `p50 ${percentile(times, 50).toFixed(1)}  p95 ${p95.toFixed(1)}`,
        how === 'Chinese' ? 'reference' : `${(p95 / reference).toFixed(2)}× the Chinese search`,
      );
      // The 台账 has the ledger's budget; Ctrl+K and the investor list also scan every investor,
      // so there pinyin must only cost no more than searching the same name in Chinese.
      if (how !== 'Chinese' && surface === '台账 free text' && p95 >= LEDGER_BUDGET_MS)
        failures.push(`${surface} by ${how} p95 over ${LEDGER_BUDGET_MS} ms`);
      if (how !== 'Chinese' && p95 > reference * MAX_RATIO)
        failures.push(`${surface} by ${how} over ${MAX_RATIO}× the Chinese search`);
    }
  }
  benchSuspects(app, line);
  // As a database made before version 4 of the derived rules does once at its first open.
  forgetSpellings();
  app.sqlite.prepare("UPDATE sync_meta SET value = '3' WHERE key = 'derived_version'").run();
  const rebuild = time(() => refreshDerivedColumns(app.sqlite));
  line('  rebuild of every search text at open (s)', (rebuild / 1000).toFixed(1));
  return { failures };
}

/**
 * The review list of suspected duplicates (issue 18, point 3), on demand and after an import: each
 * kind against a plain read of the rows it groups, measured in the same run.
 */
function benchSuspects(app: AppDatabase, line: Line): void {
  const reads = {
    investor: 'SELECT id, name_zh, name_en, aliases, credit_code FROM investor WHERE deleted = 0',
    project: 'SELECT id, name, investor_id, project_code, signed_on FROM project WHERE deleted = 0',
    contact: 'SELECT id, name, phone, investor_id, project_id FROM contact WHERE deleted = 0',
  } as const;
  for (const [kind, read] of Object.entries(reads)) {
    const reference = Math.min(...[1, 2, 3].map(() => time(() => app.sqlite.prepare(read).all())));
    const runs = [1, 2, 3].map(() => time(() => dispatchSync(app, 'suspects.list', { kind })));
    const best = Math.min(...runs);
    line(
      `  suspected duplicates, ${kind}s (ms)`,
      best.toFixed(0),
      `${(best / reference).toFixed(1)}× reading the same rows (${reference.toFixed(0)} ms)`,
    );
  }
}

function time(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}
