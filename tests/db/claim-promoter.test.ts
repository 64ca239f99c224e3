// A 首报首谈 claim entered for a colleague (the 招商人员 picker of the claim form), on a real database
// file through the dispatcher: the chosen promoter is stored; an id that names no live promoter is
// refused with a Chinese message and nothing is written.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { ClaimList } from '../../domain/claims';
import type { Dictionaries } from '../../domain/contract';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
const ok = <T>(method: string, input?: unknown) => expectOk(dispatchSync(app, method, input)) as T;
const claimCount = () => app.sqlite.prepare('SELECT count(*) FROM claim').pluck().get() as number;

beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

test('a claim entered for a colleague names that colleague; an unknown one is refused', () => {
  const project = ok<ProjectRecord>('project.create', {
    name: '博世氢能项目',
    office: '上海',
    owner: '欧阳诸葛明月',
  });
  const colleague = ok<Dictionaries>('dictionary.list').promoters.find(
    (p) => p.name === '欧阳诸葛明月',
  )!;
  ok('claim.add', { projectId: project.id, promoterId: colleague.id, reported: '展会上首谈' });
  const list = ok<ClaimList>('claim.list', { subjectId: project.id });
  expect(list.claims.map((c) => c.promoterName)).toEqual(['欧阳诸葛明月']);

  const refused = dispatchSync(app, 'claim.add', {
    projectId: project.id,
    promoterId: '0190f1e2-0000-7000-8000-000000000000',
    role: 'referrer',
    share: 10,
    reported: '不存在的人',
  });
  expect(refused).toMatchObject({ ok: false, code: 'VALIDATION' });
  expect(JSON.stringify(refused)).toContain('招商人员不存在或已删除');
  expect(claimCount()).toBe(1);
});
