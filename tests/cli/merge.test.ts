// `merge investor|project|contact KEEP OTHER` and `unmerge ID` on a real database file: the
// merged-away investor leaves the list, its project follows the survivor; the unmerge undoes it.
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { tempDir } from '../helpers';
import { cli } from './run-cli';

let db: string;
const json = (run: { stdout: string }) => JSON.parse(run.stdout) as Record<string, unknown>;
const add = async (project: object) => {
  const run = await cli(db, 'project', 'add', '--json', JSON.stringify(project));
  expect(run.code).toBe(0);
  return run.stdout.trim();
};
const get = async (id: string) => json(await cli(db, 'project', 'get', id, '--json'));

beforeAll(async () => {
  db = join(tempDir(), 'merge.sqlite');
  expect((await cli(db, 'init', '--office', '上海', '--user', '张三')).code).toBe(0);
});

test('merge investor KEEP OTHER, then unmerge OTHER', async () => {
  const keepProject = await get(await add({ name: '西门子医疗', investor: '西门子股份公司' }));
  const otherProject = await get(
    await add({ name: '西门子能源', investor: '西门子（中国）有限公司' }),
  );
  const keep = keepProject.investorId as string;
  const other = otherProject.investorId as string;

  const merged = await cli(db, 'merge', 'investor', keep, other, '--json');
  expect(merged.code).toBe(0);
  expect(json(merged)).toMatchObject({ kind: 'investor', keep, other, moved: { project: 1 } });
  expect((await get(otherProject.id as string)).investorId).toBe(keep);

  const text = await cli(db, 'unmerge', other);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain('已撤销合并');
  expect((await get(otherProject.id as string)).investorId).toBe(other);
});

test('a wrong kind, a missing id and a record never merged are refused in Chinese', async () => {
  const wrong = await cli(db, 'merge', 'activity', 'a', 'b');
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain('合并的须为 investor、project、contact 之一');
  const missing = await cli(db, 'merge', 'project', 'a');
  expect(missing.stderr).toContain('缺少保留的记录 ID 或并入的记录 ID');
  const id = await add({ name: '未合并的项目' });
  const never = await cli(db, 'unmerge', id, '--json');
  expect(never.code).toBe(1);
  expect(json(never)).toMatchObject({ ok: false, code: 'NOT_MERGED' });
});

test('suspects --json lists the pair the unmerge brought back, with the reason', async () => {
  const run = await cli(db, 'suspects', '--kind', 'investor', '--json');
  expect(run.code).toBe(0);
  const { suspects } = json(run) as unknown as {
    suspects: { kind: string; a: { name: string }; b: { name: string }; reasons: string[] }[];
  };
  expect(suspects).toHaveLength(1);
  // The survivor kept the other's name as an alias when they were merged.
  expect(suspects[0]!.reasons).toEqual(['name', 'alias']);
  expect([suspects[0]!.a.name, suspects[0]!.b.name].sort()).toEqual([
    '西门子股份公司',
    '西门子（中国）有限公司',
  ]);
  const bad = await cli(db, 'suspects', '--kind', 'planet');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('--kind 须为 investor、project、contact 之一');
});
