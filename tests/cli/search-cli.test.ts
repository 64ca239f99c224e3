// `search TEXT --json` (issue 18, point 7) run as the bundled CLI: projects, investors and
// contacts in one list with a stable shape, a code given exactly first (统一社会信用代码,
// 项目代码), then names that start with the query, then names that hold it, then pinyin and
// initials; --limit bounds it (at most 200); a wrong credit code in `investor add` exits 1 with
// the Chinese message naming the check character.
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { SearchResults } from '../../domain/search';
import { tempDir } from '../helpers';
import { cli } from './run-cli';

let db: string;
const json = (value: unknown) => JSON.stringify(value);

async function ok(...args: string[]): Promise<string> {
  const run = await cli(db, ...args);
  expect(run, run.stderr).toMatchObject({ code: 0 });
  return run.stdout.trim();
}

const search = async (...args: string[]) =>
  JSON.parse(await ok('search', ...args, '--json')) as SearchResults;

beforeAll(async () => {
  db = join(tempDir('zs-search-cli-'), 'cli.sqlite');
  await ok('init', '--office', '上海', '--user', '张三');
});

test('search finds projects, investors and contacts, best first', async () => {
  const huawei = await ok(
    'investor',
    'add',
    '--json',
    json({ nameZh: '华为技术有限公司', creditCode: '９１４４０３００１９２２０３８２１６' }),
  );
  await ok('investor', 'add', '--json', json({ nameZh: '上海华为软件有限公司' }));
  const project = JSON.parse(
    await ok(
      'call',
      'project.create',
      '--json',
      json({
        name: '华为嘉兴研发中心',
        investorId: huawei,
        projectCode: '2020-451421-88-03-016343',
      }),
    ),
  ) as { id: string; code: string };
  await ok('call', 'contact.create', '--json', json({ name: '华为联络人', investorId: huawei }));

  const byCode = await search('914403001922038216');
  expect(byCode).toEqual({
    results: [
      {
        kind: 'investor',
        id: huawei,
        name: '华为技术有限公司',
        office: null,
        code: null,
        projectCode: null,
        creditCode: '914403001922038216',
        investor: null,
        match: 'code',
      },
    ],
  });
  const byProjectCode = await search('2020-451421-88-03-016343');
  expect(byProjectCode.results).toEqual([
    expect.objectContaining({
      kind: 'project',
      id: project.id,
      office: '上海',
      code: project.code,
      investor: '华为技术有限公司',
      match: 'code',
    }),
  ]);

  const byName = await search('华为');
  expect(byName.results.map((r) => [r.kind, r.name, r.match])).toEqual([
    ['project', '华为嘉兴研发中心', 'prefix'],
    ['investor', '华为技术有限公司', 'prefix'],
    ['contact', '华为联络人', 'prefix'],
    ['investor', '上海华为软件有限公司', 'contains'],
  ]);
  const byInitials = await search('hw');
  expect(byInitials.results.map((r) => r.match)).toEqual(['other', 'other', 'other', 'other']);
  expect((await search('华为', '--limit', '2')).results).toHaveLength(2);

  const tooMany = await cli(db, 'search', '华为', '--limit', '201', '--json');
  expect(tooMany.code).toBe(1);
  expect(tooMany.stderr).toContain('条数最多为 200');
  const text = await ok('search', '华为');
  expect(text.split('\n')[0]).toBe(`项目\t${project.id}\t华为嘉兴研发中心\t${project.code}\t上海`);
});

test('a wrong credit code is refused naming the check character', async () => {
  const run = await cli(
    db,
    'investor',
    'add',
    '--json',
    json({ nameZh: '甲公司', creditCode: '914403001922038217' }),
  );
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('统一社会信用代码第 18 位校验码应为「6」，实为「7」');
});
