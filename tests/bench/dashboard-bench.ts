// The 看板 at scale: tops the demo database up to ACTIVITIES activities (1M by default; the demo
// makes about 2.7 per project) through the mutation layer, then times dashboard.get as the screen
// calls it (no id lists, the first 500 五未 items) for the zone, an office and a past year, and a
// drill-down. Budget: p95 under 150 ms.
import type { AppDatabase } from '../../db/app-database';
import type { Line } from './api-timing';
import { timeShapes } from './api-timing';
import { SCREEN_STALLED_ITEMS } from '../../renderer/src/dashboard/dashboard-input';

const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const BUDGET_MS = 150;

function topUpActivities(app: AppDatabase): number {
  const count = () =>
    (app.sqlite.prepare('SELECT count(*) AS n FROM activity').get() as { n: number }).n;
  const missing = ACTIVITIES - count();
  if (missing <= 0) return count();
  const projects = app.sqlite
    .prepare('SELECT id, investor_id FROM project WHERE deleted = 0')
    .all() as { id: string; investor_id: string | null }[];
  const kinds = ['visit', 'call', 'meeting', 'fair', 'video'];
  app.transact((tx) =>
    tx.mutate.bulk(() => {
      for (let i = 0; i < missing; i++) {
        const p = projects[i % projects.length]!;
        const day = 1 + (i % 28);
        tx.mutate.insert('activity', {
          project_id: p.id,
          investor_id: p.investor_id,
          kind: kinds[i % kinds.length]!,
          occurred_on: `202${i % 2}-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          people: '张三、李四',
          notes: '跟进项目进展，了解用地和审批需求',
        });
      }
    }),
  );
  app.analyze();
  return count();
}

export function benchDashboard(app: AppDatabase, line: Line): { failures: string[] } {
  const t0 = performance.now();
  const activities = topUpActivities(app);
  const projects = (
    app.sqlite.prepare('SELECT count(*) AS n FROM project WHERE deleted = 0').get() as { n: number }
  ).n;
  console.log(
    `\n看板 at ${projects.toLocaleString()} projects and ${activities.toLocaleString()} activities ` +
      `(top-up ${((performance.now() - t0) / 1000).toFixed(1)} s; ${RUNS} runs each, ms)`,
  );
  // As the screen asks: no id lists, the most overdue 五未 items.
  const screen = { stalledLimit: SCREEN_STALLED_ITEMS };
  const shapes = [
    {
      label: 'zone, 2021 as of 06-30',
      method: 'dashboard.get',
      input: { year: 2021, asOf: '2021-06-30', ...screen },
    },
    {
      label: 'office 上海, 2021',
      method: 'dashboard.get',
      input: { year: 2021, asOf: '2021-06-30', office: '上海', ...screen },
    },
    { label: 'zone, 2020 (whole year)', method: 'dashboard.get', input: { year: 2020, ...screen } },
    {
      label: 'drill: 亿元以上产业项目',
      method: 'dashboard.drill',
      input: {
        year: 2021,
        asOf: '2021-06-30',
        target: { kind: 'metric', key: 'tier_1yi_industrial' },
      },
    },
  ];
  const p95 = timeShapes(app, shapes, RUNS, line, { label: '看板', budgetMs: BUDGET_MS });
  return { failures: p95 >= BUDGET_MS ? [`看板 p95 over ${BUDGET_MS} ms`] : [] };
}
