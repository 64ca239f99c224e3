// The 看板's SQL against the pure reference of tests/oracle/metrics.ts: for random sets of projects
// (every stage, terminated ones with and without a 终止 date, amounts around each tier line, leader and
// industrial flags, arrivals in both currencies), random as-of dates and 开工未竣工 fallbacks, every
// computed figure and the 五未 list are the same whichever way they are computed.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { Dashboard } from '../../domain/dashboard';
import { milestones } from '../../domain/lifecycle';
import type { LandingRule, StalledRule } from '../../domain/lifecycle';
import type { Arrival, MetricProject } from '../oracle/metrics';
import {
  cohortFundsRate,
  completionRate,
  contractedFdi,
  fulfilmentRate,
  leaderLandingRate,
  leaderProjects,
  milestoneCount,
  paidIn,
  stalledProjects,
  startRate,
  tierCounts,
} from '../oracle/metrics';
import type { ProjectRecord } from '../../domain/project-input';
import { defaultStalledRules } from '../../seeds/dictionaries';
import { expectOk } from '../helpers';

const YI = 100_000_000;
const DAY = 86_400_000;
const start = Date.UTC(2019, 6, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const amounts = [
  null,
  YI / 2,
  YI - 1,
  YI,
  10 * YI - 1,
  10 * YI,
  15 * YI,
  50 * YI,
  100 * YI,
  120 * YI,
];

const arrivalArb = fc.record({
  day: fc.integer({ min: 0, max: 1000 }),
  amount: fc.integer({ min: 1, max: 50_000_000 }),
  currency: fc.constantFrom('CNY', 'USD'),
  kind: fc.constantFrom('fdi', 'domestic'),
  outsideCity: fc.boolean(),
});

const projectArb = fc.record({
  /** -1: no milestone yet; else the index of the furthest milestone. */
  furthest: fc.integer({ min: -1, max: milestones.length - 1 }),
  firstDay: fc.integer({ min: 0, max: 900 }),
  gaps: fc.array(fc.integer({ min: 1, max: 200 }), {
    minLength: milestones.length,
    maxLength: milestones.length,
  }),
  skipped: fc.array(fc.boolean(), { minLength: milestones.length, maxLength: milestones.length }),
  plannedCompletionDay: fc.option(fc.integer({ min: 0, max: 1200 })),
  plannedStartDay: fc.option(fc.integer({ min: 0, max: 1000 })),
  /** Terminated one time in five, with a 终止 date or without one. */
  terminated: fc.record({
    yes: fc.integer({ min: 1, max: 5 }).map((n) => n === 1),
    day: fc.option(fc.integer({ min: 0, max: 1000 })),
  }),
  amount: fc.constantFrom(...amounts),
  usd: fc.boolean(),
  fdi: fc.option(fc.integer({ min: 0, max: 100_000_000 })),
  industrial: fc.boolean(),
  leader: fc.boolean(),
  office: fc.constantFrom('本部', '上海', '北京', '深圳'),
  arrivals: fc.array(arrivalArb, { maxLength: 2 }),
});
type RandomProject = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

function projectInput(p: RandomProject, i: number): Record<string, unknown> {
  const input: Record<string, unknown> = {
    name: `项目${i}`,
    country: i % 3 === 0 ? 'CN' : 'DE',
    office: p.office,
    industrial: p.industrial,
    leaderProject: p.leader,
    contractedFdiUsd: p.fdi,
  };
  if (p.amount !== null) {
    // A USD amount near the line, to exercise the year's rate.
    if (p.usd) input.totalInvestmentUsd = Math.round(p.amount / 6.4515);
    else input.totalInvestmentCny = p.amount;
  }
  let day = p.firstDay;
  for (let m = 0; m <= p.furthest; m++) {
    day += p.gaps[m]!;
    if (m === p.furthest || !p.skipped[m]) input[milestones[m]!.actualKey] = iso(start + day * DAY);
  }
  if (p.plannedStartDay !== null) input.plannedStartedOn = iso(start + p.plannedStartDay * DAY);
  if (p.plannedCompletionDay !== null) {
    input.plannedCompletedOn = iso(start + p.plannedCompletionDay * DAY);
  }
  input.stage = p.furthest >= 0 ? milestones[p.furthest]!.stage : i % 2 ? 'lead' : 'negotiating';
  if (p.terminated.yes) {
    input.stage = 'terminated';
    input.terminationReason = '投资方放弃';
    if (p.terminated.day !== null) input.terminatedOn = iso(start + p.terminated.day * DAY);
  }
  return input;
}

/** The projects as the metrics read them, straight from the rows the app wrote. */
function metricProjects(app: AppDatabase): MetricProject[] {
  const rows = app.sqlite.prepare('SELECT * FROM project WHERE deleted = 0').all() as Record<
    string,
    string | number | null
  >[];
  return rows.map((r) => {
    const p: MetricProject = {
      id: String(r.id),
      stage: r.stage as MetricProject['stage'],
      industrial: r.industrial === 1,
      leaderProject: r.leader_project === 1,
      totalCny: r.total_cny as number | null,
      contractedFdiUsd: r.contracted_fdi_usd as number | null,
      signedOn: r.signed_on as string | null,
      registeredOn: r.registered_on as string | null,
      landSuppliedOn: r.land_supplied_on as string | null,
      startedOn: r.started_on as string | null,
      completedOn: r.completed_on as string | null,
      producingOn: r.producing_on as string | null,
      terminatedOn: r.terminated_on as string | null,
      plannedCompletedOn: r.planned_completed_on as string | null,
      plannedStartedOn: r.planned_started_on as string | null,
    };
    return p;
  });
}

function arrivals(app: AppDatabase): Arrival[] {
  const rows = app.sqlite
    .prepare('SELECT * FROM capital_arrival WHERE deleted = 0')
    .all() as Record<string, string | number>[];
  return rows.map((r) => ({
    projectId: String(r.project_id),
    arrivedOn: String(r.arrived_on),
    amount: Number(r.amount),
    currency: r.currency as 'CNY' | 'USD',
    kind: r.kind as 'fdi' | 'domestic',
    // The oracle's outsideCity is whether it counts: the override, else the project's city.
    outsideCity: r.outside_counted === 1,
  }));
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('看板 SQL equals the domain reference', () => {
  test('for random projects, arrivals, as-of dates and landing rules', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(projectArb, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 0, max: 364 }),
        fc.constantFrom<LandingRule['milestone']>('registered', 'started', 'producing'),
        fc.constantFrom<LandingRule['cohort']>('signed_in_year', 'signed_in_previous_year'),
        fc.constantFrom<'months' | 'days'>('months', 'days'),
        // 开工未竣工's fallback for a project without a planned 竣工 date (none: planned only).
        fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
        async (randomProjects, asOfDay, milestone, cohort, basis, fallback) => {
          const app = await openAppDatabase(':memory:');
          try {
            expectOk(dispatchSync(app, 'app.init', { user: '张三', office: '上海' }));
            expectOk(
              dispatchSync(app, 'settings.update', {
                landingRules: { '2021': { milestone, cohort } },
                scheduleBasis: basis,
                stalledRules: defaultStalledRules.map((r) =>
                  r.key === 'started_not_completed' ? { ...r, days: fallback } : r,
                ),
              }),
            );
            randomProjects.forEach((p, i) => {
              const created = expectOk(
                dispatchSync(app, 'project.create', projectInput(p, i)),
              ) as ProjectRecord;
              for (const a of p.arrivals) {
                expectOk(
                  dispatchSync(app, 'arrival.create', {
                    projectId: created.id,
                    arrivedOn: iso(start + a.day * DAY),
                    amount: a.amount,
                    currency: a.currency,
                    kind: a.kind,
                    outsideCity: a.outsideCity,
                  }),
                );
              }
            });
            const asOf = iso(Date.UTC(2021, 0, 1) + asOfDay * DAY);
            const board = expectOk(
              dispatchSync(app, 'dashboard.get', { year: 2021, asOf, withProjects: true }),
            ) as Dashboard;
            const m = (key: string) => board.metrics.find((x) => x.key === key)!;
            const projects = metricProjects(app);
            // The figures on the basis; the 五未 list (below) on as-of itself.
            const period = { year: 2021, asOf, basis };

            const tiers = tierCounts(projects, period);
            for (const [key, count] of Object.entries(tiers))
              expect(m(key).actual, key).toBe(count);
            expect(m('contracted_fdi').actual).toBe(contractedFdi(projects, period));
            expect(sorted(m('leader_projects').projects ?? [])).toEqual(
              sorted(leaderProjects(projects, period)),
            );
            for (const milestoneKey of ['started', 'completed'] as const) {
              expect(m(`${milestoneKey}_1yi`).actual).toBe(
                milestoneCount(projects, { ...period, milestone: milestoneKey }),
              );
            }
            const landing = leaderLandingRate(projects, { ...period, rule: { milestone, cohort } });
            expect(sorted(m('landing_rate').cohort ?? [])).toEqual(sorted(landing.cohort));
            expect(sorted(m('landing_rate').projects ?? [])).toEqual(sorted(landing.landed));

            const rate = (key: string) => ({
              cohort: sorted(m(key).cohort ?? []),
              reached: sorted(m(key).projects ?? []),
            });
            const started = startRate(projects, period);
            expect(rate('rate_started')).toEqual({
              cohort: sorted(started.cohort),
              reached: sorted(started.started),
            });
            const completed = completionRate(projects, period);
            expect(rate('rate_completed')).toEqual({
              cohort: sorted(completed.cohort),
              reached: sorted(completed.completed),
            });
            const fulfilled = fulfilmentRate(projects, period);
            expect(rate('rate_fulfilled')).toEqual({
              cohort: sorted(fulfilled.cohort),
              reached: sorted(fulfilled.kept),
            });

            const all = arrivals(app);
            const funds = cohortFundsRate(projects, all, {
              ...period,
              usdCnyRate: board.usdCnyRate!,
            });
            expect(rate('rate_funds')).toEqual({
              cohort: sorted(funds.cohort),
              reached: sorted(funds.paid),
            });
            expect(m('rate_funds')).toMatchObject({ base: funds.contracted, amount: funds.paidIn });
            for (const kind of ['fdi', 'domestic'] as const) {
              expect(m(kind === 'fdi' ? 'paid_in_fdi' : 'domestic_capital').actual, kind).toBe(
                paidIn(all, { ...period, kind, projects, usdCnyRate: board.usdCnyRate! }),
              );
            }

            const rules = expectOk(dispatchSync(app, 'settings.get', undefined)) as {
              stalledRules: StalledRule[];
            };
            const expected = stalledProjects(projects, { rules: rules.stalledRules, asOf });
            const key = (e: { projectId: string; ruleKey: string; overdueDays: number }) =>
              `${e.projectId} ${e.ruleKey} ${e.overdueDays}`;
            expect(board.stalled.map(key).sort()).toEqual(expected.map(key).sort());
          } finally {
            app.close();
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);
});
