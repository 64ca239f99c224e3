// `dashboard --json` carries the 序时 basis, each metric's light and the 补差 lists; the text form says
// the basis. A 2021 project signed on 04-10 with 2.8亿美元 seen on 2021-05-20 by months: 序时 4/12,
// figures to 04-30, 合同外资 40% of 确保 7亿: 6.67 ahead, green; one 10–50亿 project planned for 07-15.
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { tempDir } from '../helpers';
import { cli } from './run-cli';

let db: string;
beforeAll(async () => {
  db = join(tempDir(), 'cli.sqlite');
  expect(await cli(db, 'init', '--office', '上海', '--user', '张三')).toMatchObject({ code: 0 });
  const add = (fields: Record<string, unknown>) =>
    cli(db, 'project', 'add', '--json', JSON.stringify({ country: 'DE', ...fields }));
  expect(
    await add({
      name: '四月签约',
      investor: '甲集团',
      totalInvestmentCny: 2_000_000_000,
      contractedFdiUsd: 280_000_000,
      stage: 'signed',
      signedOn: '2021-04-10',
    }),
  ).toMatchObject({ code: 0 });
  expect(
    await add({
      name: '计划七月签约',
      investor: '乙集团',
      totalInvestmentCny: 1_500_000_000,
      plannedSignedOn: '2021-07-15',
    }),
  ).toMatchObject({ code: 0 });
});

test('dashboard --json: basis, lights and gap', async () => {
  const run = await cli(db, 'dashboard', '--year', '2021', '--as-of', '2021-05-20', '--json');
  expect(run.code).toBe(0);
  const board = JSON.parse(run.stdout) as {
    basis: string;
    schedule: number;
    actualsThrough: string;
    metrics: { key: string; actual: number; scheduleGap: number | null; light: string | null }[];
    gap: Record<string, { name: string; on: string; adds: number }[]>;
  };
  expect(board).toMatchObject({ basis: 'months', schedule: 4 / 12, actualsThrough: '2021-04-30' });
  const fdi = board.metrics.find((m) => m.key === 'contracted_fdi');
  expect(fdi).toMatchObject({ actual: 280_000_000, scheduleGap: 6.67, light: 'green' });
  expect(board.metrics.find((m) => m.key === 'landing_rate')?.light).toBeNull();
  expect(board.gap.tier_10_50yi).toMatchObject([
    { name: '计划七月签约', on: '2021-07-15', adds: 1 },
  ]);

  const text = await cli(db, 'dashboard', '--year', '2021', '--as-of', '2021-05-20');
  expect(text.stdout).toContain('序时进度 33.3%（按月（截至上月末），数据统计至 2021-04-30）');
  expect(text.stdout).toMatch(/合同外资.*领先序时 6\.67 个百分点\t绿灯/);
});
