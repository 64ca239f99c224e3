// Identity codes in sync files (issue 18, point 6): a file from another office whose investor has
// a 统一社会信用代码 with a wrong check character, or whose project has a malformed 项目代码, or a
// code written un-normalised (lower case), is refused with SYNC_VALUE_INVALID naming the office,
// the record, the field and the wrong character, and the receiving database stays the same byte
// for byte; valid codes arrive, and the receiver finds the investor by its code.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Tx } from '../../db/app-database';
import { AppError } from '../../domain/errors';
import type { InvestorRecord } from '../../domain/entities';
import type { SearchResults } from '../../domain/search';
import { tempDir } from '../helpers';
import { call, databaseBytes, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const dir = tempDir('zs-codes-sync-');
let hq: Replica;

beforeAll(async () => {
  hq = await openReplica('本部', { dir: tempDir('zs-codes-hq-') });
});
afterAll(() => hq.app.close());

/** A real file from 上海 whose values `write` puts through the mutation layer unchecked. */
async function fileFromShanghai(write: (tx: Tx) => string) {
  const sender = await openReplica('上海', { dir: tempDir('zs-codes-sh-') });
  try {
    const id = sender.app.transact(write);
    const { file } = await exportTo(sender, dir, { for: '本部' });
    return { file, id };
  } finally {
    sender.app.close();
  }
}

async function refusal(file: string): Promise<AppError> {
  const before = databaseBytes(hq.app);
  const error = await importInto(hq, file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(databaseBytes(hq.app).equals(before)).toBe(true);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('SYNC_VALUE_INVALID');
  return error as AppError;
}

test.each([
  [
    'investor',
    '投资方',
    { name_zh: '华为', credit_code: '914403001922038217' },
    '统一社会信用代码',
    '第 18 位校验码应为「6」，实为「7」',
  ],
  [
    'investor',
    '投资方',
    { name_zh: '华为', credit_code: '914403001922038226' },
    '统一社会信用代码',
    '第 17 位（组织机构代码校验码）应为「1」，实为「2」',
  ],
  [
    'investor',
    '投资方',
    { name_zh: '腾讯', credit_code: '9144030071526726xg' },
    '统一社会信用代码',
    '含空格、全角或小写字符',
  ],
  [
    'project',
    '项目',
    { name: '研发中心', project_code: '2020-451421-88-03-01634' },
    '项目代码',
    '应为 24 位',
  ],
] as const)('%s with a bad code is refused: %s', async (table, label, fields, field, problem) => {
  const { file, id } = await fileFromShanghai((tx) => tx.mutate.insert(table, { ...fields }));
  const error = await refusal(file);
  expect(error.message).toContain(`来自 上海 的变更：${label} ${id} 的「${field}」`);
  expect(error.message).toContain(problem);
});

test('valid codes arrive and are found by code at the receiver', async () => {
  const { file, id } = await fileFromShanghai((tx) => {
    const investor = tx.mutate.insert('investor', {
      name_zh: '华为技术有限公司',
      credit_code: '914403001922038216',
    });
    tx.mutate.insert('project', {
      name: '华为嘉兴研发中心',
      investor_id: investor,
      project_code: '2020-451421-88-03-016343',
    });
    return investor;
  });
  await importInto(hq, file);
  expect(call<InvestorRecord>(hq, 'investor.get', { id }).creditCode).toBe('914403001922038216');
  const found = call<SearchResults>(hq, 'search.all', { q: '914403001922038216' });
  expect(found.results.map((r) => [r.kind, r.id])).toEqual([['investor', id]]);
  const byProject = call<SearchResults>(hq, 'search.all', { q: '2020-451421-88-03-016343' });
  expect(byProject.results.map((r) => [r.kind, r.name, r.investor])).toEqual([
    ['project', '华为嘉兴研发中心', '华为技术有限公司'],
  ]);
});
