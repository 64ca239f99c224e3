// Issue 17's CLI verbs, run as the bundled CLI: investor add (parent by id or Chinese name, prints
// the new id), investor update, project add with investorId, arrival add (kind and 市外 from the
// project and its investor); refusals exit 1 with the Chinese message on stderr. Hand-made data:
//   博世集团 (DE) ← 博世（中国）(CN) ← 博世嘉兴 (浙江 嘉兴市): the project's region is 德日 (from the top);
//   上海某公司 (上海市): its 3亿 arrival is 市外内资; 博世嘉兴's domestic 1亿 is not. 市外内资 = 3亿.
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { tempDir } from '../helpers';
import { cli } from './run-cli';

let db: string;
beforeAll(async () => {
  db = join(tempDir('zs-region-cli-'), 'cli.sqlite');
  expect(await cli(db, 'init', '--office', '本部', '--user', '张三')).toMatchObject({ code: 0 });
});

const json = (value: unknown) => JSON.stringify(value);

async function addInvestor(fields: Record<string, unknown>): Promise<string> {
  const run = await cli(db, 'investor', 'add', '--json', json(fields));
  expect(run, run.stderr).toMatchObject({ code: 0 });
  return run.stdout.trim();
}

test('investors, projects and arrivals from a terminal; the 看板 counts 市外内资 by city', async () => {
  const top = await addInvestor({
    nameZh: '博世集团',
    nameEn: 'Robert Bosch GmbH',
    hqCountry: 'DE',
  });
  expect(top).toMatch(/^[0-9a-f-]{36}$/);
  // Parent by id, then by Chinese name.
  await addInvestor({ nameZh: '博世（中国）投资有限公司', parent: top, hqCountry: 'CN' });
  const local = await addInvestor({
    nameZh: '博世嘉兴有限公司',
    parent: '博世（中国）投资有限公司',
    province: '浙江',
    city: '嘉兴市',
  });
  const shanghai = await addInvestor({ nameZh: '上海某公司', province: '上海', city: '上海市' });

  const add = await cli(
    db,
    'project',
    'add',
    '--json',
    json({ name: '博世嘉兴项目', investorId: local, capitalType: '内资' }),
  );
  expect(add.code).toBe(0);
  const boschProject = add.stdout.trim();
  const got = JSON.parse((await cli(db, 'project', 'get', boschProject, '--json')).stdout) as {
    region: string;
    regionSource: string;
    groupParent: string;
  };
  expect(got).toMatchObject({ region: 'de_jp', regionSource: 'group', groupParent: '博世集团' });

  const sh = (
    await cli(db, 'project', 'add', '--json', json({ name: '上海项目', investorId: shanghai }))
  ).stdout.trim();
  const arrive = (project: string, amount: number) =>
    cli(
      db,
      'arrival',
      'add',
      project,
      '--json',
      json({ date: '2021-05-10', amount, currency: 'CNY' }),
    );
  for (const [project, amount] of [
    [sh, 300_000_000],
    [boschProject, 100_000_000],
  ] as const) {
    const run = await arrive(project, amount);
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
  }
  const board = JSON.parse((await cli(db, 'dashboard', '--year', '2021', '--json')).stdout) as {
    metrics: { key: string; actual: number }[];
  };
  expect(board.metrics.find((m) => m.key === 'domestic_capital')!.actual).toBe(300_000_000);

  // investor update: the group's top moves to Japan; the project follows.
  const updated = await cli(db, 'investor', 'update', top, '--json', json({ hqCountry: 'JP' }));
  expect(updated.code).toBe(0);
  expect(JSON.parse(updated.stdout)).toMatchObject({ hqCountry: 'JP' });
  // Moving the Jiaxing arm to 杭州市 makes its 1亿 市外内资 too: 4亿.
  expect(
    await cli(db, 'investor', 'update', local, '--json', json({ city: '杭州市' })),
  ).toMatchObject({ code: 0 });
  const after = JSON.parse((await cli(db, 'dashboard', '--year', '2021', '--json')).stdout) as {
    metrics: { key: string; actual: number }[];
  };
  expect(after.metrics.find((m) => m.key === 'domestic_capital')!.actual).toBe(400_000_000);
});

test('refusals exit 1 with the Chinese message on stderr', async () => {
  const cases: [string[], string][] = [
    [['investor', 'add', '--json', json({ nameZh: '甲', parent: '没有这家' })], '找不到母公司'],
    [['investor', 'add', '--json', json({ nameZh: '乙', province: '香港' })], '中国香港不是省份'],
    [['investor', 'add', '--json', '{bad'], 'JSON 格式错误'],
    [['investor', 'update', 'no-such-id', '--json', json({ city: '上海市' })], '记录不存在'],
    [['project', 'add', '--json', json({ name: '丙', investorId: 'no-such-id' })], '记录不存在'],
    [
      [
        'arrival',
        'add',
        'no-such-project',
        '--json',
        json({ date: '2021-05-10', amount: 1, currency: 'CNY' }),
      ],
      '记录不存在',
    ],
    [
      ['arrival', 'add', 'x', '--json', json({ date: '2021-02-30', amount: 1, currency: 'CNY' })],
      '不是存在的日期',
    ],
  ];
  for (const [args, message] of cases) {
    const run = await cli(db, ...args);
    expect(run.code, args.join(' ')).toBe(1);
    expect(run.stderr).toContain(message);
  }
});
