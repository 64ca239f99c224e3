import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from '../helpers';
import { cli } from './run-cli';

let db: string;
beforeAll(async () => {
  db = join(tempDir(), 'cli.sqlite');
  const init = await cli(db, 'init', '--office', '上海', '--user', '张三');
  expect(init).toMatchObject({ code: 0 });
});

describe('cli', () => {
  test("targets --year 2021 --json prints the plan's numbers", async () => {
    const run = await cli(db, 'targets', '--year', '2021', '--json');
    expect(run.code).toBe(0);
    const targets = JSON.parse(run.stdout) as {
      key: string;
      guarantee: number | null;
      strive: number | null;
      unit: string;
      year: number;
      scope: string;
    }[];
    const byKey = Object.fromEntries(targets.map((t) => [t.key, t]));
    expect(byKey.contracted_fdi).toMatchObject({
      guarantee: 700_000_000,
      strive: 800_000_000,
      unit: 'usd',
      year: 2021,
      scope: 'zone',
    });
    expect(byKey.paid_in_fdi).toMatchObject({ guarantee: 500_000_000, strive: 600_000_000 });
    expect(byKey.domestic_capital).toMatchObject({
      guarantee: 8_000_000_000,
      strive: 10_000_000_000,
      unit: 'cny',
    });
    expect(byKey.tier_100yi).toMatchObject({ guarantee: null, strive: 2 });
    expect(byKey.tier_1yi_industrial).toMatchObject({ strive: 20 });
    expect(byKey.started_1yi).toMatchObject({ guarantee: 25 });
  });

  test('project add prints the id; get returns tier and region; update and delete work', async () => {
    const add = await cli(
      db,
      'project',
      'add',
      '--json',
      JSON.stringify({
        name: '德国项目',
        country: 'DE',
        totalInvestmentCny: 1_000_000_000,
        office: '上海',
        owner: '张三',
      }),
    );
    expect(add.code).toBe(0);
    const id = add.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const get = await cli(db, 'project', 'get', id, '--json');
    expect(JSON.parse(get.stdout)).toMatchObject({
      id,
      tier: 't10_50',
      region: 'de_jp',
      office: '上海',
      owner: '张三',
    });
    const update = await cli(
      db,
      'project',
      'update',
      id,
      '--json',
      '{"stage":"signed","signedOn":"2021-05-01"}',
    );
    expect(JSON.parse(update.stdout)).toMatchObject({ stage: 'signed', signedOn: '2021-05-01' });
    const list = await cli(db, 'project', 'list', '--json', '--region', 'de_jp', '--year', '2021');
    expect((JSON.parse(list.stdout) as { id: string }[]).map((r) => r.id)).toContain(id);
    expect((await cli(db, 'project', 'delete', id)).code).toBe(0);
    expect(await cli(db, 'project', 'get', id, '--json')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('记录不存在'),
    });
  });

  test.each([
    ['malformed JSON', '{name:', 'JSON 格式错误'],
    ['a negative amount', '{"name":"x","totalInvestmentCny":-5}', '不能为负数'],
    ['an unknown stage', '{"name":"x","stage":"done"}', '未知阶段'],
    ['an unknown country', '{"name":"x","country":"ZZ"}', '国别/地区'],
    ['both currencies', '{"name":"x","totalInvestmentCny":1,"totalInvestmentUsd":1}', '其中一种'],
    ['a date that does not exist', '{"name":"x","signedOn":"2021-02-29"}', '不是存在的日期'],
  ])(
    'project add with %s exits non-zero with a Chinese message and writes nothing',
    async (_, json, message) => {
      const before = JSON.parse((await cli(db, 'project', 'list', '--json')).stdout) as unknown[];
      const run = await cli(db, 'project', 'add', '--json', json);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(message);
      expect(run.stdout).toBe('');
      const after = JSON.parse((await cli(db, 'project', 'list', '--json')).stdout) as unknown[];
      expect(after).toEqual(before);
    },
  );

  test('a command other than init on a missing database says so and creates no file', async () => {
    const missing = join(tempDir(), 'typo.sqlite');
    const run = await cli(missing, 'targets', '--year', '2021', '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('数据库文件不存在');
    expect(existsSync(missing)).toBe(false);
  });

  test('an unknown command explains itself in Chinese', async () => {
    const run = await cli(db, 'frobnicate');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('未知命令');
  });
});
