// Benchmarks (npm run bench): demo generation of N projects through the mutation layer, the
// ledger query (filter + sort + page), the 看板 and search by pinyin at that size, the ledger and
// the first 看板 after start in Chromium, sync, and a snapshot join.
// Prints figures and their ratio to the budget; exits non-zero when a budget is missed.
import { join } from 'node:path';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { workerEntry } from '../../db/worker-entry';
import type { LedgerQuery } from '../../domain/ledger';
import { percentile, timeShapes } from './api-timing';
import { benchCompaction } from './compaction-bench';
import { benchDashboard } from './dashboard-bench';
import { benchFirstDashboard } from './dashboard-browser';
import { benchExcel } from './excel-bench';
import { benchLedgerInBrowser } from './ledger-browser';
import { benchSearch } from './search-bench';
import { benchSync } from './sync-bench';
import { benchSnapshot } from './snapshot-bench';
import { Budgets } from './budgets';
import { benchWeek, WEEK_LAPTOPS } from './week-bench';
import { buildZoneBase } from './zone-base';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const PROJECTS = Number(flag('--projects') ?? process.env.BENCH_PROJECTS ?? 100_000);
/** `--only week,snapshot`: just those scenarios on the zone base; without it, everything. */
const ONLY = flag('--only')?.split(',');
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const BROWSER_RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);

function ok<T>(result: { ok: boolean; data?: T; message?: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.data as T;
}

const line = (label: string, value: string, budget?: string) =>
  console.log(`${label.padEnd(46)} ${value.padStart(14)}${budget ? `   ${budget}` : ''}`);

async function main() {
  const budgets = new Budgets();
  if (ONLY) {
    const { failures } = await scenarios(ONLY, budgets);
    return finish(failures, budgets);
  }
  const dir = mkdtempSync(join(tmpdir(), 'zs-bench-'));
  const file = join(dir, 'bench.sqlite');
  const app = await openAppDatabase(file);
  ok(dispatchSync(app, 'app.init', { user: '基准', office: '本部' }));

  console.log(
    `zhaoshang-crm bench: ${PROJECTS.toLocaleString()} projects, Node ${process.version}`,
  );
  const changesBefore = count(app, 'sync_change');
  // Run from the sources, the first thread bundles every worker with esbuild (seconds, inside the
  // demo's spelling thread): done before the clock starts, as the app ships them built.
  workerEntry('db-worker.cjs');
  const t0 = performance.now();
  ok(dispatchSync(app, 'app.demo', { projects: PROJECTS, seed: 42 }));
  const seconds = (performance.now() - t0) / 1000;
  const changes = count(app, 'sync_change') - changesBefore;
  const fields = fieldCount(app);
  line(
    'demo generation (s)',
    seconds.toFixed(1),
    `budget 20 s → ${((seconds / 20) * 100).toFixed(0)}% of budget`,
  );
  budgets.under(`demo generation, ${PROJECTS.toLocaleString()} projects`, seconds, 20, 's');
  line('rows written', changes.toLocaleString());
  line('changes/s', Math.round(changes / seconds).toLocaleString());
  line('fields/s', Math.round(fields / seconds).toLocaleString());
  line('database size (MB)', (statSync(file).size / 1e6).toFixed(0));

  const queries: [string, LedgerQuery][] = [
    ['default (updated desc, first page)', {}],
    ['region + sort by amount', { region: 'de_jp', sort: { key: 'totalInvestment', dir: 'desc' } }],
    [
      'tier + stage + office, sort by name',
      {
        tier: ['t10_50', 't50_100'],
        stage: 'signed',
        office: '上海',
        sort: { key: 'name', dir: 'asc' },
      },
    ],
    [
      'signing year + industry, sort signedOn',
      { signingYear: 2021, industry: '集成电路', sort: { key: 'signedOn', dir: 'desc' } },
    ],
    ['free text (Chinese), sort investor', { q: '西门子', sort: { key: 'investor', dir: 'asc' } }],
    ['free text (English), deep page', { q: 'gmbh', offset: 2_000, limit: 100 }],
    [
      'no filter, sort owner, page 300',
      { sort: { key: 'owner', dir: 'asc' }, offset: 30_000, limit: 100 },
    ],
  ];
  console.log(
    `\nledger.query at ${count(app, 'project').toLocaleString()} projects (${RUNS} runs each, ms)`,
  );
  const p95 = timeShapes(
    app,
    queries.map(([label, input]) => ({ label, method: 'ledger.query', input })),
    RUNS,
    line,
    { label: 'ledger query', budgetMs: 50 },
  );

  const dashboard = benchDashboard(app, line);
  console.log(
    `\nsearch by pinyin and initials at ${PROJECTS.toLocaleString()} projects (${RUNS} runs each, ms)`,
  );
  const search = benchSearch(app, RUNS, line);
  app.close();

  console.log(
    `\nledger in Chromium at ${PROJECTS.toLocaleString()} projects (${BROWSER_RUNS} runs, ms)`,
  );
  const browser = await benchLedgerInBrowser(file, BROWSER_RUNS);
  const worst = (xs: number[]) => Math.max(...xs);
  const median = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  const budget = (ms: number, limit: number) =>
    `budget ${limit} ms → ${((ms / limit) * 100).toFixed(0)}% of budget`;
  line('  first rows: median', median(browser.firstRows).toFixed(0));
  line(
    '  first rows: worst',
    worst(browser.firstRows).toFixed(0),
    budget(worst(browser.firstRows), 300),
  );
  line('  filter round trip: median', median(browser.filter).toFixed(0));
  line(
    '  filter round trip: worst',
    worst(browser.filter).toFixed(0),
    budget(worst(browser.filter), 150),
  );
  console.log(
    `\nfirst 看板 after start in Chromium at ${PROJECTS.toLocaleString()} projects (${BROWSER_RUNS} runs, ms)`,
  );
  const firstDashboard = await benchFirstDashboard(file, BROWSER_RUNS, PROJECTS, line);
  const compaction = await benchCompaction(file, dir, line, budgets);
  // Last on this database: the import adds 10k projects the measurements above must not see.
  const reopened = await openAppDatabase(file);
  const excel = await benchExcel(reopened, dir, line, budgets);
  reopened.close();
  rmSync(dir, { recursive: true, force: true });
  const sync = await benchSync(line, budgets);
  const snapshot = await scenarios(['week', 'snapshot'], budgets);
  const failures = [
    ...sync.failures,
    ...snapshot.failures,
    ...compaction.failures,
    ...dashboard.failures,
    ...search.failures,
    ...firstDashboard,
    ...excel.failures,
    p95 >= 50 && 'ledger p95 over 50 ms',
    worst(browser.firstRows) >= 300 && 'first rows in Chromium over 300 ms',
    worst(browser.filter) >= 150 && 'filter round trip in Chromium over 150 ms',
  ].filter(Boolean);
  finish(failures, budgets);
}

/** The scenarios that work on copies of the zone base (built once for all of them). */
async function scenarios(names: string[], budgets: Budgets): Promise<{ failures: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'zs-bench-base-'));
  try {
    console.log(`\nzone base: ${PROJECTS.toLocaleString()} projects at 本部`);
    const base = await buildZoneBase(dir, PROJECTS, WEEK_LAPTOPS);
    line('demo rows written as changes (s)', base.seconds.toFixed(1));
    if (names.includes('week')) await benchWeek(base, line, budgets);
    if (!names.includes('snapshot')) return { failures: [] };
    return await benchSnapshot(base, line, budgets);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function finish(failures: (string | false)[], budgets: Budgets): void {
  budgets.print();
  const all = [...failures.filter(Boolean), ...budgets.misses()];
  if (all.length) {
    console.log(`\nOVER BUDGET: ${all.join('; ')}`);
    process.exitCode = 1;
  }
}

function count(app: AppDatabase, table: string): number {
  return (app.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function fieldCount(app: AppDatabase): number {
  return (
    app.sqlite
      .prepare('SELECT sum((SELECT count(*) FROM json_each(fields))) AS n FROM sync_change')
      .get() as { n: number }
  ).n;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
