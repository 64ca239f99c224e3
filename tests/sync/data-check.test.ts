// 数据体检 (db/services/data-check.ts): rows that are bad anyway — written by an older version
// through the mutation layer, which checks SQLite types only, or by hand — are listed with what is
// wrong, repaired or removed from the app, and the fix reaches the other offices: a file that
// carries a bad value together with its repair imports, and so does one whose bad value the
// receiver already holds a later write for. The app's own data (a fresh database, demo data)
// passes its own rules.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Tx } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import type { BadValue, DataCheckReport } from '../../domain/data-check';
import { settingIds } from '../../domain/stored-values';
import { AppError } from '../../domain/errors';
import { checkpointFully, tempDir } from '../helpers';
import { call, databaseBytes, dump, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const dir = tempDir('zs-data-check-');
const replicas: Replica[] = [];
const open = async (office: string) => {
  const r = await openReplica(office, { dir: tempDir('zs-data-check-db-') });
  replicas.push(r);
  return r;
};
afterAll(() => replicas.forEach((r) => r.app.close()));

const check = (r: Replica) => call<DataCheckReport>(r, 'data.check');
const changeCount = (r: Replica) =>
  r.app.sqlite.prepare('SELECT count(*) FROM sync_change').pluck().get() as number;
const failure = (r: Replica, method: string, input: unknown) => {
  const result = dispatchSync(r.app, method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result;
};
/** As an older version wrote: through the mutation layer, which checks SQLite types only. */
const writeAsOlderVersion = (r: Replica, write: (tx: Tx) => void) => {
  r.clock.ms += 60_000;
  r.app.transact(write);
};

describe('the app’s own data passes its rules', () => {
  test('a fresh database and a demo database have nothing to repair', async () => {
    const fresh = await open('本部');
    const report = check(fresh);
    expect(report.rows).toBeGreaterThan(0);
    expect(report.problems).toEqual([]);
    const demo = await openReplica('本部', { dir: tempDir('zs-data-check-demo-'), solo: true });
    replicas.push(demo);
    call(demo, 'app.demo', { projects: 300, seed: 7 });
    const demoReport = check(demo);
    expect(demoReport.rows).toBeGreaterThan(1000);
    expect(demoReport.problems).toEqual([]);
  });
});

describe('an office’s bad rows', () => {
  let sh: Replica;
  let hq: Replica;
  let investorId: string;
  let projectId: string;
  let contactId: string;

  beforeAll(async () => {
    sh = await open('上海');
    hq = await open('本部');
    investorId = call<{ id: string }>(sh, 'investor.create', { nameZh: '德国某某集团' }).id;
    projectId = call<{ id: string }>(sh, 'project.create', {
      name: '某某汽车零部件项目',
      investor: '德国某某集团',
    }).id;
    contactId = call<{ id: string }>(sh, 'contact.create', {
      investorId,
      name: '王经理',
      email: 'wang@example.com',
    }).id;
    writeAsOlderVersion(sh, (tx) => {
      tx.mutate.update('investor', investorId, { aliases: '某某, 某某汽车' });
      tx.mutate.update('project', projectId, { terminated_on: '2021-02-30' });
      tx.mutate.update('contact', contactId, { email: 'not-an-email' });
    });
  });

  test('are listed with table, row, field and problem in Chinese; 本部 refuses their file', async () => {
    const { problems } = check(sh);
    const brief = (p: BadValue) => [p.tableLabel, p.rowName, p.columnLabel, p.value];
    expect(problems.map(brief)).toEqual(
      expect.arrayContaining([
        ['投资方', '德国某某集团', '简称/别名', '某某, 某某汽车'],
        ['项目', '某某汽车零部件项目', '终止日期', '2021-02-30'],
        ['联系人', '王经理', '邮箱', 'not-an-email'],
      ]),
    );
    expect(problems).toHaveLength(3);
    for (const p of problems) {
      expect(p.problem).toMatch(/[\u4e00-\u9fff]/);
      expect(p.hqOnly).toBe(false);
    }

    const before = databaseBytes(hq.app);
    const { file } = await exportTo(sh, dir, { for: '本部' });
    const error = await importInto(hq, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SYNC_VALUE_INVALID');
    expect(databaseBytes(hq.app).equals(before)).toBe(true);
  });

  test('a repair with a value its rule refuses writes nothing', () => {
    const before = changeCount(sh);
    const refused = failure(sh, 'data.repair', {
      table: 'project',
      id: projectId,
      column: 'terminated_on',
      value: '2021-02-31',
    });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('终止日期');
    expect(changeCount(sh)).toBe(before);
  });

  test('names from outside are looked up as own names; a missing row is NOT_FOUND', () => {
    const cases: [unknown, string][] = [
      [{ table: 'constructor', id: projectId, column: 'name', value: 'x' }, 'VALIDATION'],
      [{ table: 'project', id: projectId, column: '__proto__', value: 'x' }, 'VALIDATION'],
      [{ table: 'project', id: projectId, column: 'region', value: 'x' }, 'VALIDATION'],
      [{ table: 'project', id: 'no-such-row', column: 'name', value: 'x' }, 'NOT_FOUND'],
      [{ table: 'sync_change', id: projectId, column: 'fields', value: 'x' }, 'VALIDATION'],
    ];
    const before = changeCount(sh);
    for (const [input, code] of cases) expect(failure(sh, 'data.repair', input).code).toBe(code);
    expect(failure(sh, 'data.remove', { table: 'toString', id: projectId }).code).toBe(
      'VALIDATION',
    );
    expect(changeCount(sh)).toBe(before);
  });

  test('repaired and removed rows leave the list; the file carrying bad values and fixes imports at 本部', async () => {
    // 别名 are typed as the forms take them, names between commas.
    expect(
      call<BadValue[]>(sh, 'data.repair', {
        table: 'investor',
        id: investorId,
        column: 'aliases',
        value: '某某，某某汽车',
      }),
    ).toEqual([]);
    expect(
      call(sh, 'data.repair', {
        table: 'project',
        id: projectId,
        column: 'terminated_on',
        value: '',
      }),
    ).toEqual([]);
    expect(call(sh, 'data.remove', { table: 'contact', id: contactId })).toEqual({
      id: contactId,
    });
    expect(check(sh).problems).toEqual([]);

    const { file } = await exportTo(sh, dir, { for: '本部' });
    const report = await importInto(hq, file);
    expect(report.new).toBeGreaterThan(0);
    const row = (r: Replica, table: string, id: string) =>
      dump(r)[table]!.find((x) => x.id === id)!;
    expect(row(hq, 'investor', investorId).aliases).toBe('["某某","某某汽车"]');
    expect(row(hq, 'project', projectId).terminated_on).toBeNull();
    // The removal cleared the bad value with it: what wins at every office is valid.
    expect(row(hq, 'contact', contactId)).toMatchObject({ deleted: 1, email: null });
    expect(check(hq).problems).toEqual([]);
    const [ours, theirs] = [dump(sh), dump(hq)];
    for (const table of ['investor', 'project', 'contact']) {
      for (const r of ours[table]!) expect(theirs[table]).toContainEqual(r);
    }
  });

  test('撤销 brings a removed row back', () => {
    const back = call<BadValue[]>(sh, 'data.restore', { table: 'contact', id: contactId });
    expect(back).toEqual([]);
    expect(dump(sh).contact!.find((c) => c.id === contactId)).toMatchObject({
      deleted: 0,
      name: '王经理',
      email: null,
    });
    expect(failure(sh, 'data.restore', { table: 'contact', id: contactId }).code).toBe('NOT_FOUND');
  });
});

test('a bad value the receiver holds a later write for imports and changes nothing', async () => {
  const [sh, bj, hq] = [await open('上海'), await open('北京'), await open('本部')];
  const investorId = call<{ id: string }>(sh, 'investor.create', { nameZh: '某某集团' }).id;
  await importInto(bj, (await exportTo(sh, dir, { full: true })).file);
  // 上海's older version writes a bad list; 北京 writes a good one later, not having seen it.
  writeAsOlderVersion(sh, (tx) => tx.mutate.update('investor', investorId, { aliases: '甲, 乙' }));
  bj.clock.ms = sh.clock.ms + 60_000;
  call(bj, 'investor.update', { id: investorId, patch: { aliases: ['某某'] } });
  // 本部 hears from 北京 first, then from 上海, whose file carries the bad value.
  await importInto(hq, (await exportTo(bj, dir, { full: true })).file);
  const report = await importInto(hq, (await exportTo(sh, dir, { for: '本部' })).file);
  expect(report.new).toBeGreaterThan(0);
  const investor = dump(hq).investor!.find((x) => x.id === investorId)!;
  expect(investor.aliases).toBe('["某某"]');
  expect(check(hq).problems).toEqual([]);
});

describe('本部’s data at an office', () => {
  test('is listed as 本部’s and cannot be repaired there', async () => {
    const sh = await open('上海');
    // Bad anyway: written into the file by hand, outside the app.
    checkpointFully(sh.app);
    const raw = new Database(sh.app.file);
    raw.prepare('UPDATE setting SET value = ? WHERE id = ?').run('{', settingIds.usdRates);
    raw.close();
    const bad = check(sh).problems.filter((p) => p.table === 'setting');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ hqOnly: true, rowId: settingIds.usdRates, value: '{' });
    const refused = failure(sh, 'data.repair', {
      table: 'setting',
      id: settingIds.usdRates,
      column: 'value',
      value: '{"2021":6.5}',
    });
    expect(refused.code).toBe('HQ_ONLY');
  });
});
