// 年度重点推进项目 of the as-of year: about 150 of the signed projects of 1亿元 or more are 区重点
// at any size of demo (half of them in a small one; the 2021 plan names 100), a third of those also
// 市级 and a few 省级, each with a yearly plan and the 完成投资 of the months before as-of's, at a
// pace around the plan's.
import { keyInvestmentId } from '../../domain/key-investment';
import type { DemoContext } from './context';
import type { DemoRow, ProjectPlan } from './types';

const YI = 100_000_000;
const wan = (yuan: number) => Math.max(1, Math.round(yuan / 10_000)) * 10_000;
/** About this many key projects whatever the demo's size; some 40% of projects are candidates. */
const KEY_PROJECTS = 150;
const keyChance = (projects: number) => Math.min(0.5, KEY_PROJECTS / (0.4 * Math.max(projects, 1)));

export function* keyInvestmentRows(
  ctx: DemoContext,
  project: ProjectPlan,
  projects: number,
): Generator<DemoRow> {
  const { rng, asOf, calendar } = ctx;
  const { stage, actual } = project.schedule;
  const signedDay = actual[0] as number;
  if (signedDay < 0 || signedDay > asOf || stage === 'terminated') return;
  if (project.totalCny < YI || !rng.chance(keyChance(projects))) return;
  const year = calendar.year(asOf);
  const city = rng.chance(0.35);
  const planned = wan(project.totalCny * (0.15 + 0.25 * rng.float()));
  const pace = 0.75 + 0.5 * rng.float();
  const monthsDone = Number(calendar.iso8601(asOf).slice(5, 7)) - 1;
  const done = Array.from({ length: 12 }, (_, i) =>
    i < monthsDone ? wan((planned / 12) * pace * (0.6 + 0.8 * rng.float())) : null,
  );
  yield {
    table: 'key_investment',
    id: keyInvestmentId(project.id, year),
    fields: {
      project_id: project.id,
      year,
      level_district: 1,
      level_city: city ? 1 : 0,
      level_province: city && rng.chance(0.2) ? 1 : 0,
      planned,
      ...Object.fromEntries(done.map((v, i) => [`done_${String(i + 1).padStart(2, '0')}`, v])),
    },
  };
}
