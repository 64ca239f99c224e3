// Deleting a 首报首谈 claim, and 撤销 (docs/domain.md 「Deleting and undoing」), on a real database
// file through the dispatcher: the delete names what went for the undo bar, record.restore brings
// the claim back with its holding, and a claim whose project is deleted comes back only with it.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { ClaimList } from '../../domain/claims';
import type { DeletionResult } from '../../domain/deletion';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
const ok = <T>(method: string, input?: unknown) => expectOk(dispatchSync(app, method, input)) as T;

beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

test('a deleted claim comes back with 撤销, holding the project again', () => {
  const project = ok<ProjectRecord>('project.create', { name: '博世氢能项目', office: '上海' });
  const { id } = ok<{ id: string }>('claim.add', {
    projectId: project.id,
    officeId: 'shanghai',
    claimedOn: '2021-03-01',
    reported: '首次拜访博世中国',
  });
  const held = () => ok<ClaimList>('claim.list', { subjectId: project.id }).holders[0]?.claimId;
  expect(held()).toBe(id);

  const deleted = ok<DeletionResult>('claim.delete', { id });
  expect(deleted).toEqual({ id, kind: 'claim', name: '上海 2021-03-01', goesWith: [] });
  expect(ok<ClaimList>('claim.list', { subjectId: project.id }).claims).toEqual([]);
  expect(held()).toBeUndefined();

  ok('record.restore', { kind: 'claim', id });
  expect(ok<ClaimList>('claim.list', { subjectId: project.id }).claims.map((c) => c.id)).toEqual([
    id,
  ]);
  expect(held()).toBe(id);
});

test('a claim on a deleted project does not come back alone', () => {
  const project = ok<ProjectRecord>('project.create', { name: '巴斯夫一体化项目', office: '北京' });
  const { id } = ok<{ id: string }>('claim.add', {
    projectId: project.id,
    officeId: 'beijing',
    reported: '巴斯夫总部来访',
  });
  ok('claim.delete', { id });
  ok('project.delete', { id: project.id });
  const refused = dispatchSync(app, 'record.restore', { kind: 'claim', id });
  expect(refused).toMatchObject({
    ok: false,
    message: expect.stringContaining('巴斯夫一体化项目'),
  });
  expect(app.sqlite.prepare('SELECT deleted FROM claim WHERE id = ?').pluck().get(id)).toBe(1);
});
