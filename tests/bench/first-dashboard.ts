// The first 看板 after start alone (it also runs in `npm run bench`), on a fresh demo database of
// BENCH_PROJECTS projects (default 1,000): npx tsx tests/bench/first-dashboard.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { benchFirstDashboard } from './dashboard-browser';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 1_000);
const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);

const line = (label: string, value: string, budget?: string) =>
  console.log(`${label.padEnd(46)} ${value.padStart(14)}${budget ? `   ${budget}` : ''}`);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'zs-bench-'));
  try {
    const file = join(dir, 'bench.sqlite');
    const app = await openAppDatabase(file);
    for (const [method, input] of [
      ['app.init', { user: '基准', office: '本部' }],
      ['app.demo', { projects: PROJECTS, seed: 42 }],
    ] as const) {
      const result = dispatchSync(app, method, input);
      if (!result.ok) throw new Error(result.message);
    }
    app.close();
    console.log(
      `first 看板 after start in Chromium at ${PROJECTS.toLocaleString()} projects (${RUNS} runs, ms)`,
    );
    const failures = await benchFirstDashboard(file, RUNS, PROJECTS, line);
    if (failures.length) {
      console.log(`\nOVER BUDGET: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
