// `dashboard --json` carries 开工率, 竣工率, 资金到位率, 履约率, the key-project investment metrics and
// 新批技改项目, each with its projects, plus keyProjects and breakdowns. Hand-worked: one project
// signed 2021-03-01 with 合同外资 1000万美元, started 04-01 (planned 04-15), 200万美元 paid in;
// on the 区重点 list with a 10亿 plan and 3亿 done Jan–Jun; one 技改 approved 05-10. As of 06-30:
// every rate over a cohort of one (100%, 0%, 20%, 100%), 3亿 of 220亿, 1 of 100 key projects.
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { tempDir } from '../helpers';
import { cli } from './run-cli';

let db: string;
let projectId: string;
let techId: string;
beforeAll(async () => {
  db = join(tempDir(), 'cli.sqlite');
  expect(await cli(db, 'init', '--office', '本部', '--user', '张三')).toMatchObject({ code: 0 });
  const add = async (fields: Record<string, unknown>) => {
    const run = await cli(db, 'project', 'add', '--json', JSON.stringify(fields));
    expect(run.code, run.stderr).toBe(0);
    // It prints the new project's id.
    return run.stdout.trim();
  };
  projectId = await add({
    name: '重点项目甲',
    investor: '甲集团',
    country: 'DE',
    totalInvestmentCny: 2_000_000_000,
    contractedFdiUsd: 10_000_000,
    signedOn: '2021-03-01',
    startedOn: '2021-04-01',
    plannedStartedOn: '2021-04-15',
  });
  techId = await add({
    name: '技改项目乙',
    investor: '乙公司',
    projectType: '技改',
    techApprovedOn: '2021-05-10',
  });
  const call = (method: string, input: unknown) =>
    cli(db, 'call', method, '--json', JSON.stringify(input));
  expect(
    await call('arrival.create', {
      projectId,
      arrivedOn: '2021-05-01',
      amount: 2_000_000,
      currency: 'USD',
      kind: 'fdi',
    }),
  ).toMatchObject({ code: 0 });
  const set = await call('keyInvestment.set', {
    projectId,
    year: 2021,
    district: true,
    planned: 1_000_000_000,
    completed: [50, 50, 50, 50, 50, 50, null, null, null, null, null, null].map((v) =>
      v === null ? null : v * 1_000_000,
    ),
  });
  expect(set.code, set.stderr).toBe(0);
});

test('dashboard --json: rates, key-project investment and 技改 with their projects', async () => {
  const run = await cli(db, 'dashboard', '--year', '2021', '--as-of', '2021-06-30', '--json');
  expect(run.code, run.stderr).toBe(0);
  const board = JSON.parse(run.stdout) as {
    metrics: { key: string; actual: number | null; projects?: string[]; base?: number }[];
    keyProjects: { projectId: string; completion: number; light: string }[];
    breakdowns: { key: string; signed: number }[];
  };
  const m = (key: string) => board.metrics.find((x) => x.key === key);
  expect(m('rate_started')).toMatchObject({ actual: 100, projects: [projectId] });
  expect(m('rate_completed')).toMatchObject({ actual: 0, projects: [] });
  expect(m('rate_funds')).toMatchObject({ actual: 20, projects: [projectId] });
  expect(m('rate_fulfilled')).toMatchObject({ actual: 100, projects: [projectId] });
  expect(m('key_projects_investment')).toMatchObject({
    actual: 300_000_000,
    base: 1_000_000_000,
    projects: [projectId],
  });
  expect(m('annual_projects')).toMatchObject({ actual: 1, projects: [projectId] });
  expect(m('city_projects_investment')).toMatchObject({ actual: 0, projects: [] });
  expect(m('tech_renovation')).toMatchObject({ actual: 1, projects: [techId] });
  // 30% of the plan against 序时 50%: 20 points behind, yellow.
  expect(board.keyProjects).toEqual([
    expect.objectContaining({ projectId, completion: 0.3, light: 'yellow' }),
  ]);
  expect(board.breakdowns.map((b) => b.key)).toContain('yrd');
});
