// A refused input's message names the field in the method's own words: a contact's name is 联系人姓名,
// never a project's 项目名称; zod's own wording (a missing field, a wrong type) is led by the field.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { openTempDb, snapshot } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

test.each([
  ['contact.create', { name: 5 }, '输入有误：联系人姓名须为文字'],
  ['contact.create', {}, '输入有误：缺少联系人姓名'],
  ['contact.update', { id: 'c1', patch: { name: '' } }, '输入有误：联系人姓名不能为空'],
  ['contact.list', { projectId: 5 }, '输入有误：项目：无效输入：期望 string，实际接收 数字'],
  ['investor.create', {}, '输入有误：缺少中文名称'],
  ['investor.create', { nameZh: '博世', aliases: ['Bosch', 5] }, '输入有误：简称/别名须为文字'],
  ['task.create', { title: '回访' }, '输入有误：缺少截止日期'],
  [
    'arrival.create',
    // The kind is optional (it follows the project); the currency is not.
    { projectId: 'p1', arrivedOn: '2021-05-01', amount: 1 },
    '输入有误：缺少币种',
  ],
  ['activity.create', { kind: 'visit' }, '输入有误：缺少活动日期'],
  ['project.create', {}, '输入有误：缺少项目名称'],
  ['project.update', { id: 'p1', patch: { name: 5 } }, '输入有误：项目名称须为文字'],
  ['app.init', { office: '上海' }, '输入有误：缺少姓名'],
  // A method without labels names the field by the key its caller wrote.
  ['investor.list', { limit: 0 }, '输入有误：字段 limit：数值过小：期望 number >=1'],
])('%s %j is refused with “%s”', (method, input, message) => {
  const before = snapshot(app);
  expect(dispatchSync(app, method, input)).toEqual({ ok: false, code: 'VALIDATION', message });
  expect(snapshot(app)).toEqual(before);
});
