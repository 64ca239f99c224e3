// 年度重点推进项目 on a hand-made data set: the 区重点 and 市级 lists and their 完成投资 against the
// 2021 plan (100 / 220亿, 41 / 33亿), each key project's light against 序时, 新批技改项目 by approval
// date, mid-month as-of on both 序时 bases, office scope, drill-down, and the validation of what the
// project page writes. Answers worked out by hand in the comments; real SQLite via the dispatcher.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { Dashboard, DashboardMetric, DrillTarget } from '../../domain/dashboard';
import type { KeyInvestmentRecord } from '../../domain/key-investment';
import type { LedgerRow } from '../../domain/ledger';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const YI = 100_000_000;
const WAN = 10_000;
const ids: Record<string, string> = {};

function add(key: string, fields: Record<string, unknown> = {}): string {
  const project = expectOk(
    dispatchSync(app, 'project.create', {
      name: `${key}项目`,
      investor: `${key}投资方`,
      country: 'DE',
      office: '上海',
      owner: '李明',
      ...fields,
    }),
  ) as ProjectRecord;
  ids[key] = project.id;
  return project.id;
}

/** Sets a project's year; `months` maps month → 完成投资 (元). */
function plan(
  key: string,
  year: number,
  fields: { district?: boolean; city?: boolean; province?: boolean; planned?: number | null },
  months: Record<number, number> = {},
): KeyInvestmentRecord {
  const completed = Array.from({ length: 12 }, (_, i) => months[i + 1] ?? null);
  return expectOk(
    dispatchSync(app, 'keyInvestment.set', { projectId: ids[key], year, ...fields, completed }),
  ) as KeyInvestmentRecord;
}

function board(asOf: string, extra: Record<string, unknown> = {}): Dashboard {
  return expectOk(
    dispatchSync(app, 'dashboard.get', { year: 2021, asOf, withProjects: true, ...extra }),
  ) as Dashboard;
}
const metric = (b: Dashboard, key: string): DashboardMetric =>
  b.metrics.find((m) => m.key === key)!;
const named = (list: readonly string[] | undefined) =>
  (list ?? []).map((id) => Object.keys(ids).find((k) => ids[k] === id) ?? id).sort();

/**
 * 2021:
 *   K1 区重点, plan 12亿, 1亿 each month Jan–Jun (Jul–Dec none)
 *   K2 区重点 and 市级, plan 4亿, Mar 5000万, May 3000万, Jul 1亿
 *   K3 市级, plan 2亿, Jun 2000万
 *   K4 省级, no plan, Jan 1000万
 *   K5 区重点 of 2020 only
 *   K6 区重点, plan 3亿, Feb 1亿, 终止 2021-04-01
 *   K7 区重点 (北京驻点), plan 1亿, Feb 6000万
 */
function keyProjects(): void {
  add('K1');
  plan(
    'K1',
    2021,
    { district: true, planned: 12 * YI },
    { 1: YI, 2: YI, 3: YI, 4: YI, 5: YI, 6: YI },
  );
  add('K2');
  plan(
    'K2',
    2021,
    { district: true, city: true, planned: 4 * YI },
    {
      3: 5000 * WAN,
      5: 3000 * WAN,
      7: YI,
    },
  );
  add('K3');
  plan('K3', 2021, { city: true, planned: 2 * YI }, { 6: 2000 * WAN });
  add('K4');
  plan('K4', 2021, { province: true }, { 1: 1000 * WAN });
  add('K5');
  plan('K5', 2020, { district: true, planned: 5 * YI }, { 3: YI });
  add('K6', { stage: 'terminated', terminatedOn: '2021-04-01', terminationReason: '项目取消' });
  plan('K6', 2021, { district: true, planned: 3 * YI }, { 2: YI });
  add('K7', { office: '北京' });
  plan('K7', 2021, { district: true, planned: YI }, { 2: 6000 * WAN });
}

describe('年度重点推进项目 against the 2021 plan', () => {
  test('as of 2021-06-30: lists, 完成投资 and each project’s light', () => {
    keyProjects();
    const b = board('2021-06-30');
    // 区重点 of 2021, alive: K1, K2, K7 (K5 is 2020's, K6 terminated) → 3 of the plan's 100.
    expect(metric(b, 'annual_projects')).toMatchObject({
      mode: 'computed',
      actual: 3,
      guarantee: 100,
      scheduleGap: null,
    });
    expect(named(metric(b, 'annual_projects').projects)).toEqual(['K1', 'K2', 'K7']);
    // 完成投资 Jan–Jun: K1 6亿 + K2 8000万 + K7 6000万 = 7.4亿 of 220亿 = 3.3636%; plans 17亿.
    // 序时 6/12 = 50% → 46.64 points behind.
    expect(metric(b, 'key_projects_investment')).toMatchObject({
      label: '年度重点推进项目完成投资',
      unit: 'cny',
      actual: 740_000_000,
      guarantee: 22_000_000_000,
      base: 17 * YI,
      count: 3,
      scheduleGap: -46.64,
      light: 'red',
    });
    expect(metric(b, 'key_projects_investment').guaranteeCompletion).toBeCloseTo(7.4 / 220, 12);
    // 市级: K2, K3 → 2 of 41; 8000万 + 2000万 = 1亿 of 33亿; plans 6亿.
    expect(metric(b, 'city_projects')).toMatchObject({ actual: 2, guarantee: 41 });
    expect(metric(b, 'city_projects_investment')).toMatchObject({
      actual: YI,
      guarantee: 3_300_000_000,
      base: 6 * YI,
      count: 2,
    });
    expect(named(metric(b, 'city_projects_investment').projects)).toEqual(['K2', 'K3']);
    // Per project against 序时 50% (thresholds 10/30): K3 10% (−40, red), K2 20% (−30, yellow),
    // K1 50% (0, green), K7 60% (+10, green), K4 without a plan (no light) last.
    expect(
      b.keyProjects.map((r) => [named([r.projectId])[0], r.completed, r.scheduleGap, r.light]),
    ).toEqual([
      ['K3', 2000 * WAN, -40, 'red'],
      ['K2', 8000 * WAN, -30, 'yellow'],
      ['K1', 6 * YI, 0, 'green'],
      ['K7', 6000 * WAN, 10, 'green'],
      ['K4', 1000 * WAN, null, null],
    ]);
    expect(b.keyProjects[1]).toMatchObject({ district: true, city: true, province: false });
    expect(b.keyProjects[4]).toMatchObject({ province: true, planned: null, completion: null });
  });

  test('mid-month: by months July waits for its end; by days it counts', () => {
    keyProjects();
    // 2021-07-15 by months reads June's end: the same 7.4亿; K2's July 1亿 not yet.
    expect(metric(board('2021-07-15'), 'key_projects_investment').actual).toBe(740_000_000);
    expect(metric(board('2021-07-31'), 'key_projects_investment').actual).toBe(840_000_000);
    expectOk(dispatchSync(app, 'settings.update', { scheduleBasis: 'days' }));
    // By days, July's entries count on 07-15: 7.4亿 + 1亿.
    const b = board('2021-07-15');
    expect(metric(b, 'key_projects_investment').actual).toBe(840_000_000);
    expect(b.keyProjects.find((r) => r.projectId === ids.K2)?.completed).toBe(18_000 * WAN);
  });

  test('a closed year keeps its own list; a later year’s rows do not move it', () => {
    keyProjects();
    // 2020: K5 alone, 1亿 in March.
    const y2020 = expectOk(
      dispatchSync(app, 'dashboard.get', { year: 2020, asOf: '2021-06-30', withProjects: true }),
    ) as Dashboard;
    expect(metric(y2020, 'annual_projects').actual).toBe(1);
    expect(metric(y2020, 'key_projects_investment').actual).toBe(YI);
    plan('K5', 2021, { district: false, planned: null });
    expect(metric(board('2021-06-30'), 'annual_projects').actual).toBe(3);
  });

  test('an office sees its own key projects', () => {
    keyProjects();
    const b = board('2021-06-30', { office: '北京' });
    expect(metric(b, 'annual_projects')).toMatchObject({ actual: 1, projects: [ids.K7] });
    expect(metric(b, 'key_projects_investment').actual).toBe(6000 * WAN);
    expect(b.keyProjects.map((r) => r.projectId)).toEqual([ids.K7]);
  });

  test('drill-down lists exactly the projects of each figure', () => {
    keyProjects();
    const b = board('2021-06-30');
    for (const key of [
      'annual_projects',
      'key_projects_investment',
      'city_projects',
      'city_projects_investment',
    ] as const) {
      const rows = expectOk(
        dispatchSync(app, 'dashboard.drill', {
          year: 2021,
          asOf: '2021-06-30',
          target: { kind: 'metric', key } satisfies DrillTarget,
        }),
      ) as LedgerRow[];
      expect(named(rows.map((r) => r.id)), key).toEqual(named(metric(b, key).projects));
    }
  });
});

describe('新批技改项目', () => {
  test('counts 技改 projects by their approval date', () => {
    // T1 技改 approved 03-01; T2 技改 approved 2020-12-31; T3 新建 with a date; T4 技改 07-02.
    add('T1', { projectType: '技改', techApprovedOn: '2021-03-01' });
    add('T2', { projectType: '技改', techApprovedOn: '2020-12-31' });
    add('T3', { projectType: '新建', techApprovedOn: '2021-05-01' });
    add('T4', { projectType: 'tech_renovation', techApprovedOn: '2021-07-02' });
    const june = metric(board('2021-06-30'), 'tech_renovation');
    expect(june).toMatchObject({ mode: 'computed', actual: 1, strive: 100, count: 1 });
    expect(named(june.projects)).toEqual(['T1']);
    expect(named(metric(board('2021-12-31'), 'tech_renovation').projects)).toEqual(['T1', 'T4']);
    const record = expectOk(dispatchSync(app, 'project.get', { id: ids.T4 })) as ProjectRecord;
    expect(record).toMatchObject({ projectType: '技改', techApprovedOn: '2021-07-02' });
  });
});

describe('keyInvestment.set', () => {
  test('keeps the fields not given and converges on one row per project and year', () => {
    add('P');
    plan('P', 2021, { district: true, planned: 5 * YI }, { 1: YI });
    const again = expectOk(
      dispatchSync(app, 'keyInvestment.set', { projectId: ids.P, year: 2021, city: true }),
    ) as KeyInvestmentRecord;
    expect(again).toMatchObject({
      id: `${ids.P}:2021`,
      district: true,
      city: true,
      province: false,
      planned: 5 * YI,
    });
    expect(again.completed[0]).toBe(YI);
    const list = expectOk(
      dispatchSync(app, 'keyInvestment.list', { projectId: ids.P }),
    ) as KeyInvestmentRecord[];
    expect(list).toHaveLength(1);
  });

  test('two projects merged with a key year each count once: the survivor’s own row', () => {
    add('A');
    plan('A', 2021, { district: true, planned: 5 * YI }, { 1: YI });
    add('B');
    plan('B', 2021, { district: true, planned: 7 * YI }, { 1: 3 * YI });
    add('C');
    plan('C', 2021, { city: true, planned: 2 * YI }, { 2: YI });
    expect(metric(board('2021-06-30'), 'annual_projects').actual).toBe(2);
    expectOk(dispatchSync(app, 'record.merge', { kind: 'project', keep: ids.A, other: ids.B }));
    // B's row moved to A, which has its own for 2021: A counts once, with its own figures.
    const merged = board('2021-06-30');
    expect(metric(merged, 'annual_projects')).toMatchObject({ actual: 1, projects: [ids.A] });
    expect(metric(merged, 'key_projects_investment').actual).toBe(YI);
    const listed = expectOk(
      dispatchSync(app, 'keyInvestment.list', { projectId: ids.A }),
    ) as KeyInvestmentRecord[];
    expect(listed.map((r) => r.id)).toEqual([`${ids.A}:2021`]);
    // A survivor without a row of its own takes the moved one.
    add('D');
    expectOk(dispatchSync(app, 'record.merge', { kind: 'project', keep: ids.D, other: ids.C }));
    expect(metric(board('2021-06-30'), 'city_projects')).toMatchObject({
      actual: 1,
      projects: [ids.D],
    });
    // The unmerge gives B its row back.
    expectOk(dispatchSync(app, 'record.unmerge', { id: ids.B }));
    expect(metric(board('2021-06-30'), 'annual_projects').actual).toBe(2);
  });

  test('refuses what the form refuses, in Chinese', () => {
    add('P');
    const bad = (input: Record<string, unknown>) => {
      const r = dispatchSync(app, 'keyInvestment.set', { projectId: ids.P, year: 2021, ...input });
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.message;
    };
    expect(bad({ planned: -1 })).toContain('年度计划投资不能为负数');
    expect(bad({ planned: 1.5 })).toContain('年度计划投资须为整数');
    expect(bad({ completed: [1, 2] })).toContain('12 个月');
    expect(bad({ year: 1999 })).toContain('年份须在 2000–2100 之间');
    expect(bad({ district: 'yes' })).toContain('区重点须为是或否');
    const missing = dispatchSync(app, 'keyInvestment.set', { projectId: 'nope', year: 2021 });
    expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
