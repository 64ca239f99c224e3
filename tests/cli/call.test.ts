// `call METHOD --json '{...}'` reaches every contract method from a terminal, on a real database
// file: the result prints as JSON; a refusal exits 1 with its Chinese message (stderr) and
// {ok: false, code, message} (stdout); `call --list` names every method.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { methodNames } from '../../domain/contract';
import { tempDir } from '../helpers';
import { cli } from './run-cli';

let db: string;
beforeAll(async () => {
  db = join(tempDir(), 'call.sqlite');
  const init = await cli(db, 'call', 'app.init', '--json', '{"office":"上海","user":"张三"}');
  expect(init.code).toBe(0);
  expect(JSON.parse(init.stdout)).toMatchObject({
    initialized: true,
    office: '上海',
    user: '张三',
  });
});

const json = (run: { stdout: string }) => JSON.parse(run.stdout) as unknown;

test('call --list names every method of the contract, without a database', async () => {
  const missing = join(tempDir(), 'none.sqlite');
  const list = await cli(missing, 'call', '--list');
  expect(list.code).toBe(0);
  expect(list.stdout.trim().split('\n')).toEqual(methodNames);
  expect(json(await cli(missing, 'call', '--list', '--json'))).toEqual(methodNames);
  expect(existsSync(missing)).toBe(false);
});

test('a write then reads: contact.create, contact.list, app.status without input', async () => {
  const created = await cli(
    db,
    'call',
    'contact.create',
    '--json',
    JSON.stringify({ name: '王五', phone: '138 0000 0000' }),
  );
  expect(created).toMatchObject({ code: 0, stderr: '' });
  const contact = json(created) as { id: string; name: string };
  expect(contact).toMatchObject({ name: '王五', phone: '138 0000 0000' });

  const listed = await cli(db, 'call', 'contact.list', '--json', '{}');
  expect(json(listed)).toEqual([contact]);
  expect(json(await cli(db, 'call', 'app.status'))).toMatchObject({ initialized: true });
});

test('a method that takes a file path writes to that plain path', async () => {
  const out = join(tempDir(), '台账.xlsx');
  const run = await cli(db, 'call', 'ledger.export', '--json', JSON.stringify({ out }));
  expect(run.code).toBe(0);
  expect(existsSync(out)).toBe(true);
});

test("a validation failure exits 1 with the Chinese message naming the method's own field", async () => {
  const run = await cli(db, 'call', 'contact.create', '--json', '{"name":5}');
  expect(run.code).toBe(1);
  expect(run.stderr.trim()).toBe('输入有误：联系人姓名须为文字');
  expect(json(run)).toEqual({
    ok: false,
    code: 'VALIDATION',
    message: '输入有误：联系人姓名须为文字',
  });

  const missing = await cli(db, 'call', 'task.create', '--json', '{"title":"回访"}');
  expect(missing.code).toBe(1);
  expect(missing.stderr.trim()).toBe('输入有误：缺少截止日期');
  expect(json(await cli(db, 'call', 'contact.list', '--json', '{}'))).toHaveLength(1);
});

test('an unknown method or bad JSON is refused before any database is opened', async () => {
  const missing = join(tempDir(), 'none.sqlite');
  const unknown = await cli(missing, 'call', 'contact.frobnicate', '--json', '{}');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('未知的接口方法：contact.frobnicate');
  expect(json(unknown)).toMatchObject({ ok: false, code: 'UNKNOWN_METHOD' });

  const badJson = await cli(missing, 'call', 'contact.create', '--json', '{name:');
  expect(badJson.code).toBe(1);
  expect(badJson.stderr.trim()).toBe('JSON 格式错误，无法解析');
  expect(json(badJson)).toMatchObject({ ok: false, code: 'BAD_JSON' });
  expect(existsSync(missing)).toBe(false);
});
