// The channel fields are enforced by the API as by the form: 以商引商 needs a 引荐人, 委托招商 a
// 委托机构, 展会 a 展会届次; an edit that leaves the channel alone is not refused for an old gap.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { ProjectRecord } from '../../domain/project-input';
import { expectOk, openTempDb } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

const refusal = (method: string, input: unknown) => {
  const result = dispatchSync(app, method, input);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
};

test('project.create refuses a channel without its field, naming the field', () => {
  expect(refusal('project.create', { name: '甲', channel: '以商引商' })).toBe(
    '输入有误：招商方式为“以商引商”时须填写引荐人',
  );
  expect(refusal('project.create', { name: '乙', channel: 'agent', agent: '  ' })).toBe(
    '输入有误：招商方式为“委托招商”时须填写委托机构',
  );
  expect(refusal('project.create', { name: '丙', channel: '展会' })).toBe(
    '输入有误：招商方式为“展会”时须填写展会届次',
  );
  const ok = expectOk(
    dispatchSync(app, 'project.create', { name: '丁', channel: '以商引商', referrer: '王总' }),
  ) as ProjectRecord;
  expect(ok.referrer).toBe('王总');
  expectOk(dispatchSync(app, 'project.create', { name: '戊', channel: '驻点招商' }));
});

test('project.update refuses clearing the referrer or switching channel without the field', () => {
  const p = expectOk(
    dispatchSync(app, 'project.create', { name: '甲', channel: '以商引商', referrer: '王总' }),
  ) as ProjectRecord;
  expect(refusal('project.update', { id: p.id, patch: { referrer: null } })).toBe(
    '输入有误：招商方式为“以商引商”时须填写引荐人',
  );
  expect(refusal('project.update', { id: p.id, patch: { channel: '委托招商' } })).toBe(
    '输入有误：招商方式为“委托招商”时须填写委托机构',
  );
  const moved = expectOk(
    dispatchSync(app, 'project.update', {
      id: p.id,
      patch: { channel: '委托招商', agent: '德商会' },
    }),
  ) as ProjectRecord;
  expect(moved.agent).toBe('德商会');
});

test('an old gap (written before the rule) does not block an unrelated edit', () => {
  const p = expectOk(dispatchSync(app, 'project.create', { name: '甲' })) as ProjectRecord;
  app.transact((tx) => tx.mutate.update('project', p.id, { channel: 'referral' }));
  const renamed = expectOk(
    dispatchSync(app, 'project.update', { id: p.id, patch: { name: '甲二' } }),
  ) as ProjectRecord;
  expect(renamed.name).toBe('甲二');
});
