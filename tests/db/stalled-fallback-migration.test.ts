// Migration 012 (issue 17, points 8 and 9) on a real database file as version 011 left it: the
// saved 五未 rules and 2021 targets as that version seeded them, written back by hand under the
// migration's record, then opened by this version.
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { withFallback } from '../../db/migrations/012-stalled-fallback';
import type { Dashboard } from '../../domain/dashboard';
import type { StalledRule } from '../../domain/lifecycle';
import type { Settings } from '../../domain/settings';
import type { TargetRecord } from '../../domain/targets';
import { defaultStalledRules } from '../../seeds/dictionaries';
import { expectOk, openTempDb } from '../helpers';
import { migrateDownTo } from '../migrate-down';

const open: AppDatabase[] = [];
afterEach(() => {
  for (const app of open.splice(0)) app.close();
});

/** The 开工未竣工 rule as versions up to 011 seeded it: by the planned date, no days. */
const oldDefault = defaultStalledRules.map((r) =>
  r.key === 'started_not_completed' ? { ...r, days: null } : r,
);

/**
 * A database of this version with the given rules and target values, turned back into one that
 * 012 has not run on (012 and the later migrations undone), then opened again: 012 runs on it.
 */
async function migrated(
  rules: unknown,
  targets: { metric: string; year: number; guarantee: number | null; strive: number | null }[],
  setup?: (app: AppDatabase) => void,
): Promise<AppDatabase> {
  const app = await openTempDb();
  setup?.(app);
  const file = app.file;
  app.close();
  const raw = new Database(file);
  raw.prepare("UPDATE setting SET value = ? WHERE id = 'stalled.rules'").run(JSON.stringify(rules));
  const target = raw.prepare(
    `UPDATE target SET guarantee = @guarantee, strive = @strive
     WHERE metric_key = @metric AND year = @year`,
  );
  for (const t of targets) expect(target.run(t).changes, t.metric).toBe(1);
  raw.close();
  await migrateDownTo(file, '011-rules-by-year');
  const again = await openAppDatabase(file);
  open.push(again);
  expect(
    again.sqlite
      .prepare("SELECT count(*) FROM kysely_migration WHERE name = '012-stalled-fallback'")
      .pluck()
      .get(),
  ).toBe(1);
  return again;
}

const rulesOf = (app: AppDatabase) =>
  (expectOk(dispatchSync(app, 'settings.get', undefined)) as Settings).stalledRules;
const targetOf = (app: AppDatabase, year: number, key: string) =>
  (expectOk(dispatchSync(app, 'target.list', { year })) as TargetRecord[]).find(
    (t) => t.key === key && t.scope === 'zone',
  );

test('the old 开工未竣工 rule gets 730 days; 五未清零 becomes 力争 0', async () => {
  // Started 2019-07-01 with no planned 竣工 date: 730 days later is 2021-06-30, so on 2021-07-01
  // it is 1 day overdue — once the rule has its fallback.
  let id = '';
  const app = await migrated(
    oldDefault,
    [{ metric: 'stalled_zero', year: 2021, guarantee: 0, strive: null }],
    (a) => {
      id = (
        expectOk(
          dispatchSync(a, 'project.create', {
            name: '无计划竣工',
            country: 'DE',
            stage: 'started',
            signedOn: '2019-01-01',
            startedOn: '2019-07-01',
          }),
        ) as { id: string }
      ).id;
    },
  );
  expect(rulesOf(app)).toEqual(defaultStalledRules);
  expect(rulesOf(app).find((r) => r.key === 'started_not_completed')?.days).toBe(730);
  expect(targetOf(app, 2021, 'stalled_zero')).toMatchObject({ guarantee: null, strive: 0 });
  const board = expectOk(
    dispatchSync(app, 'dashboard.get', { year: 2021, asOf: '2021-07-01' }),
  ) as Dashboard;
  expect(board.stalled.map((s) => [s.projectId, s.ruleKey, s.overdueDays])).toEqual([
    [id, 'started_not_completed', 1],
  ]);
});

test('nothing else changes: other rules, given days, other targets and values', async () => {
  const rules: StalledRule[] = [
    ...oldDefault.map((r) => (r.key === 'signed_not_registered' ? { ...r, days: 60 } : r)),
    // Another rule by the planned date without days: not 开工未竣工, left alone.
    {
      key: 'custom_6',
      label: '注册未开工',
      from: 'registered',
      to: 'started',
      days: null,
      usePlannedDate: true,
    },
  ];
  const app = await migrated(rules, [
    // A 确保 the user set: not the old seed, left alone.
    { metric: 'stalled_zero', year: 2021, guarantee: 3, strive: null },
    // Another target seeded as 确保 0 would be left alone too.
    { metric: 'completed_1yi', year: 2021, guarantee: 0, strive: null },
  ]);
  expect(rulesOf(app)).toEqual(
    rules.map((r) => (r.key === 'started_not_completed' ? { ...r, days: 730 } : r)),
  );
  expect(targetOf(app, 2021, 'stalled_zero')).toMatchObject({ guarantee: 3, strive: null });
  expect(targetOf(app, 2021, 'completed_1yi')).toMatchObject({ guarantee: 0, strive: null });

  // A 开工未竣工 rule the user gave days keeps them.
  const own = await migrated(
    defaultStalledRules.map((r) => (r.key === 'started_not_completed' ? { ...r, days: 500 } : r)),
    [],
  );
  expect(rulesOf(own).find((r) => r.key === 'started_not_completed')?.days).toBe(500);
  expect(targetOf(own, 2021, 'stalled_zero')).toMatchObject({ guarantee: null, strive: 0 });
});

test('a saved value it cannot read, or one needing nothing, is left as it is', () => {
  expect(withFallback('not json')).toBeNull();
  expect(withFallback('{"key":"started_not_completed"}')).toBeNull();
  expect(withFallback(JSON.stringify(defaultStalledRules))).toBeNull();
  // usePlannedDate must be true, not merely truthy; days must be null, not missing.
  const odd = [
    { key: 'started_not_completed', usePlannedDate: 1, days: null },
    { key: 'started_not_completed', usePlannedDate: true },
  ];
  expect(withFallback(JSON.stringify(odd))).toBeNull();
  expect(JSON.parse(withFallback(JSON.stringify([null, ...oldDefault]))!)).toEqual([
    null,
    ...defaultStalledRules,
  ]);
});
