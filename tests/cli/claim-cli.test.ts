// `claim add --json '{...}'` prints the new claim's id; `claims --json` lists claims, holders and
// 本部's arbitration list, on a real database file.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { tempDir } from '../helpers';
import { cli } from './run-cli';

test('claim add, then claims --json', async () => {
  const db = join(tempDir(), 'claims.sqlite');
  expect((await cli(db, 'init', '--office', '上海', '--user', '张三')).code).toBe(0);
  const added = await cli(db, 'project', 'add', '--json', JSON.stringify({ name: '西门子医疗' }));
  expect(added.code).toBe(0);
  const projectId = added.stdout.trim();

  const run = await cli(
    db,
    'claim',
    'add',
    '--json',
    JSON.stringify({ projectId, reported: '投资意向：扩产 5000 万美元' }),
  );
  expect(run.code).toBe(0);
  const id = run.stdout.trim();
  const refused = await cli(db, 'claim', 'add', '--json', JSON.stringify({ reported: 'x' }));
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toContain('投资方与项目须填且只填一个');

  const list = await cli(db, 'claims', '--json');
  expect(list.code).toBe(0);
  expect(JSON.parse(list.stdout)).toMatchObject({
    claims: [
      { id, subjectId: projectId, role: 'holder', officeId: 'shanghai', promoterName: '张三' },
    ],
    holders: [{ subjectId: projectId, claimId: id, by: 'first' }],
    arbitration: [],
  });
});
