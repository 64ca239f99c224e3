// Every value of a sync file is held to the rules of local input before anything is written
// (db/sync/check-values.ts): for every synced table, a real file from another office carrying one
// bad value (a wrong date, over-long text, an unknown choice, a bad JSON list, a bad flag, a
// negative or huge amount, a bad setting) is refused with SYNC_VALUE_INVALID naming the office,
// table, field and row, and the receiving database file stays the same byte for byte. Names from
// the file that are Object.prototype's (constructor, toString, __proto__) mean nothing special. A
// file with valid values in every table still imports.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Tx } from '../../db/app-database';
import type { Fields } from '../../db/mutation';
import { SCHEMA_VERSION } from '../../db/migrations/index';
import { encodeChange } from '../../db/sync/change-codec';
import type { Change } from '../../db/sync/change-codec';
import { decodeFile } from '../../db/sync/file-format';
import { trustOf } from '../../db/sync/import';
import { currentSchema } from '../../db/sync/apply';
import { syncedTableNames } from '../../db/synced-tables';
import type { SyncedTable } from '../../db/synced-tables';
import { AppError } from '../../domain/errors';
import { tempDir } from '../helpers';
import { call, databaseBytes, dump, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';
import { forgeFile } from './forge';

const dir = tempDir('zs-hostile-values-');
let hq: Replica;

beforeAll(async () => {
  hq = await openReplica('本部', { dir: tempDir('zs-hostile-hq-') });
});
afterAll(() => hq.app.close());

/**
 * A real file from a laptop of `office` for 本部 whose only bad value is the one `write` puts
 * through the mutation layer (which checks SQLite types only, as an older version or a damaged
 * laptop may): its row's id.
 */
async function fileFrom(
  office: string,
  write: (tx: Tx) => string,
): Promise<{ file: string; id: string }> {
  const sender = await openReplica(office, { memory: true });
  try {
    const id = sender.app.transact(write);
    const { file } = await exportTo(sender, dir, { for: '本部' });
    return { file, id };
  } finally {
    sender.app.close();
  }
}

const fileFromShanghai = (write: (tx: Tx) => string) => fileFrom('上海', write);

async function refusal(file: string): Promise<AppError> {
  const before = databaseBytes(hq.app);
  const error = await importInto(hq, file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(databaseBytes(hq.app).equals(before)).toBe(true);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const long = (n: number) => '长'.repeat(n);

/** [table, its Chinese name, a new row's fields (one value bad), that field's Chinese label, what] */
type Case = [SyncedTable, string, Fields, string, string];

/** The zone's own data: only a 本部 laptop writes it, so the bad file comes from one. */
const zoneTables = new Set<SyncedTable>([
  'target',
  'target_actual',
  'setting',
  'dictionary_item',
  'claim_decision',
]);

const cases: Case[] = [
  ['office', '驻点', { name: long(51), sort: 9 }, '驻点名称', 'text over 50'],
  ['office', '驻点', { name: '杭州', sort: -1 }, '排序', 'negative sort'],
  [
    'promoter',
    '招商人员',
    { name: '李四', office_id: 'mars', active: 1 },
    '驻点',
    'unknown office',
  ],
  ['promoter', '招商人员', { name: '李四', active: 2 }, '在职', 'flag 2'],
  ['investor', '投资方', { name_zh: '甲公司', aliases: '甲, 乙' }, '简称/别名', 'not JSON'],
  ['investor', '投资方', { name_zh: '甲公司', aliases: '{"0":"甲"}' }, '简称/别名', 'JSON object'],
  ['investor', '投资方', { name_zh: '甲公司', aliases: '[1,2]' }, '简称/别名', 'numbers'],
  [
    'investor',
    '投资方',
    { name_zh: '甲公司', aliases: JSON.stringify([long(101)]) },
    '简称/别名',
    'item over 100',
  ],
  [
    'investor',
    '投资方',
    { name_zh: '甲公司', hq_country: 'de' },
    '总部国别/地区',
    'lower-case country',
  ],
  ['investor', '投资方', { name_zh: '甲公司', fortune500: 2 }, '世界500强', 'flag 2'],
  ['investor', '投资方', { name_zh: long(201) }, '中文名称', 'text over 200'],
  ['contact', '联系人', { name: '王五', email: 'not-an-email' }, '邮箱', 'not an e-mail'],
  ['contact', '联系人', { name: '王五', phone: '1'.repeat(51) }, '电话', 'text over 50'],
  ['contact', '联系人', { name: '' }, '联系人姓名', 'empty required text'],
  ['project', '项目', { name: '甲项目', terminated_on: '2021-02-30' }, '终止日期', 'no such day'],
  [
    'project',
    '项目',
    { name: '甲项目', planned_started_on: '2021/06/01' },
    '计划开工日期',
    'slashes',
  ],
  ['project', '项目', { name: '甲项目', stage: 'done' }, '阶段', 'unknown stage'],
  ['project', '项目', { name: '甲项目', total_investment: -1 }, '总投资', 'negative money'],
  [
    'project',
    '项目',
    { name: '甲项目', total_investment: 2 ** 53 - 1 },
    '总投资',
    'money over 10^13',
  ],
  [
    'project',
    '项目',
    { name: '甲项目', contracted_fdi_usd: 10 ** 15 },
    '合同外资（美元）',
    'money over 10^13',
  ],
  [
    'project',
    '项目',
    { name: '甲项目', investment_currency: 'XAU' },
    '总投资币种',
    'unknown currency',
  ],
  ['project', '项目', { name: '甲项目', province: '江苏' }, '省份', 'label, not key'],
  ['project', '项目', { name: '甲项目', industrial: 2 }, '产业项目', 'flag 2'],
  ['project', '项目', { name: '甲项目', land_area_mu: -0.5 }, '用地（亩）', 'negative area'],
  ['project', '项目', { name: '甲项目', problems: long(2001) }, '存在问题', 'text over 2000'],
  ['capital_arrival', '到资记录', { project_id: 'p', amount: 0 }, '到资金额', 'zero amount'],
  [
    'capital_arrival',
    '到资记录',
    { project_id: 'p', amount: 10 ** 14 },
    '到资金额',
    'amount over 10^13',
  ],
  ['capital_arrival', '到资记录', { project_id: 'p', currency: 'XAU' }, '币种', 'unknown currency'],
  [
    'capital_arrival',
    '到资记录',
    { project_id: 'p', arrived_on: '2021-6-3' },
    '到资日期',
    'unpadded date',
  ],
  [
    'key_investment',
    '重点项目投资',
    { project_id: 'p', year: 2021, planned: -1 },
    '年度计划投资',
    'negative plan',
  ],
  ['key_investment', '重点项目投资', { project_id: 'p', year: 1999 }, '年份', 'year 1999'],
  [
    'key_investment',
    '重点项目投资',
    { project_id: 'p', done_06: 10 ** 14 },
    '6月完成投资',
    'amount over 10^13',
  ],
  ['key_investment', '重点项目投资', { project_id: 'p', level_city: 2 }, '市级', 'flag 2'],
  [
    'activity',
    '活动记录',
    { kind: 'party', occurred_on: '2021-06-01' },
    '活动类型',
    'unknown kind',
  ],
  ['activity', '活动记录', { kind: 'visit', occurred_on: 'yesterday' }, '活动日期', 'not a date'],
  ['activity', '活动记录', { kind: 'visit', notes: long(5001) }, '记录', 'text over 5000'],
  ['task', '跟进事项', { title: '回访', due_on: '2021-02-29' }, '截止日期', '2021-02-29'],
  ['task', '跟进事项', { title: '回访', done: -1 }, '已完成', 'flag -1'],
  ['task', '跟进事项', { title: long(201) }, '跟进事项', 'text over 200'],
  ['target', '目标', { year: 1999, metric_key: 'x', label: '甲' }, '年份', 'year 1999'],
  ['target', '目标', { year: 2021, unit: 'mu' }, '单位', 'unknown unit'],
  ['target', '目标', { year: 2021, guarantee: -100 }, '确保值', 'negative target'],
  ['target', '目标', { year: 2021, metric_key: 'Bad Key' }, '指标键', 'bad key'],
  ['target_actual', '目标月度实际值', { target_id: 't', month: 13 }, '月份', 'month 13'],
  [
    'target_actual',
    '目标月度实际值',
    { target_id: 't', month: 1, value: -5 },
    '实际值',
    'negative value',
  ],
  ['capture', '展会速记', { investor_name: '乙公司', status: 'lost' }, '状态', 'unknown status'],
  [
    'capture',
    '展会速记',
    { investor_name: '乙公司', captured_on: '2021-06-31' },
    '记录日期',
    'no such day',
  ],
  ['capture', '展会速记', { investor_name: '' }, '投资方', 'empty required text'],
  ['dictionary_item', '字典项', { kind: 'planet', label: '火星' }, '字典类别', 'unknown kind'],
  ['dictionary_item', '字典项', { kind: 'industry', label: long(101) }, '名称', 'text over 100'],
  [
    'dictionary_item',
    '字典项',
    { kind: 'industry', label: '新材料2', sort: -3 },
    '排序',
    'negative sort',
  ],
  ['claim', '首报首谈', { role: 'holder', claimed_on: '2021-02-30' }, '首报日期', 'no such day'],
  [
    'claim_decision',
    '首报首谈认定',
    { claim_id: 'c', decided_on: '2021-13-01' },
    '认定日期',
    'no such month',
  ],
  [
    'not_duplicate',
    '不是重复的记录',
    { kind: 'planet', a_id: 'a', b_id: 'b' },
    '类别',
    'unknown kind',
  ],
];

/** Settings by id: [id, bad value, Chinese label of the setting]. */
const settingCases: [string, string, string][] = [
  ['fx.usd_cny', '{"2021": 0.5}', '美元汇率'],
  ['fx.usd_cny', '{"21": 6.5}', '美元汇率'],
  ['fx.usd_cny', '6.45', '美元汇率'],
  ['fx.usd_cny', 'not json', '美元汇率'],
  ['landing.rule', '{"milestone":"licensed","cohort":"signed_in_year"}', '落地率口径'],
  ['stalled.rules', '[{"key":"x"}]', '“五未”规则'],
  ['stalled.rules', '{}', '“五未”规则'],
  ['schedule.basis', '"weeks"', '序时口径'],
  ['schedule.lights', '{"yellow":30,"red":10}', '红黄绿灯阈值'],
  ['schedule.lights', '{"yellow":0,"red":30}', '红黄绿灯阈值'],
  // Ids this version does not read are a newer version's settings: any JSON, but JSON.
  ['constructor', '{not json', '值'],
  ['__proto__', '', '值'],
];

describe('a file with one bad value is refused whole, the database unchanged', () => {
  test('every synced table has cases here', () => {
    const covered = new Set([...cases.map(([t]) => t), 'setting']);
    expect([...covered].sort()).toEqual([...syncedTableNames].sort());
  });

  test.each(
    cases.map(([table, tableLabel, fields, field, what]) => ({
      table,
      tableLabel,
      fields,
      field,
      what,
    })),
  )('$table 「$field」: $what', async ({ table, tableLabel, fields, field }) => {
    const office = zoneTables.has(table) ? '本部' : '上海';
    const { file, id } = await fileFrom(office, (tx) => tx.mutate.insert(table, fields));
    const error = await refusal(file);
    expect(error.code).toBe('SYNC_VALUE_INVALID');
    expect(error.message).toContain(`来自 ${office} 的变更：${tableLabel} ${id} 的「${field}」`);
  });

  test.each(settingCases)('setting %s = %j', async (settingId, value, label) => {
    const { file } = await fileFrom('本部', (tx) => {
      tx.mutate.put('setting', settingId, { value });
      return settingId;
    });
    const error = await refusal(file);
    expect(error.code).toBe('SYNC_VALUE_INVALID');
    expect(error.message).toContain(`来自 本部 的变更：设置 ${settingId} 的「${label}」`);
  });

  test('a bad value in a later change of a row: clearing a name the form requires', async () => {
    const { file, id } = await fileFromShanghai((tx) => {
      const id = tx.mutate.insert('project', { name: '甲项目' });
      tx.mutate.update('project', id, { name: null });
      return id;
    });
    const error = await refusal(file);
    expect(error.message).toContain(`项目 ${id} 的「项目名称」不能为空`);
  });

  test('a deleted row is held to the rules too, and `deleted` must be 0 or 1', async () => {
    const { file, id } = await fileFromShanghai((tx) =>
      tx.mutate.insert('task', { title: '回访', deleted: 2 }),
    );
    expect((await refusal(file)).message).toContain(`跟进事项 ${id} 的「删除标记」须为 0 或 1`);
  });

  test("the office named is the change's origin, not the office that relayed it", async () => {
    const sh = await openReplica('上海', { memory: true });
    const bj = await openReplica('北京', { memory: true });
    try {
      const id = sh.app.transact((tx) =>
        tx.mutate.insert('investor', { name_zh: '丙公司', aliases: 'x' }),
      );
      // 北京 runs a version that does not know aliases: it keeps the change and relays it.
      const older = Object.fromEntries(
        Object.entries(currentSchema.investor!).filter(([col]) => col !== 'aliases'),
      );
      const fromShanghai = await exportTo(sh, dir, { for: '北京' });
      await importInto(bj, fromShanghai.file, { schema: { ...currentSchema, investor: older } });
      const relayed = await exportTo(bj, dir, { for: '本部' });
      const error = await refusal(relayed.file);
      expect(error.message).toContain(`来自 上海 的变更：投资方 ${id} 的「简称/别名」不是文字列表`);
    } finally {
      sh.app.close();
      bj.app.close();
    }
  });
});

let forged = 0;

/**
 * A file 上海 signs whose change of the row `write` makes is rewritten by `edit` first: names no
 * version has (tables, columns) cannot pass the mutation layer, so only a forger can send them.
 */
async function forgedByShanghai(
  write: (tx: Tx) => string,
  edit: (c: Change) => Change,
): Promise<{ file: string; id: string }> {
  const sh = await openReplica('上海', { memory: true });
  try {
    const id = sh.app.transact(write);
    const { file } = await exportTo(sh, dir, { for: '本部' });
    const { changes } = await decodeFile(readFileSync(file), {
      trust: trustOf(sh.app),
      schemaVersion: SCHEMA_VERSION,
    });
    const { bytes } = await forgeFile(
      sh.app,
      changes.map((c) => (c.rowId === id ? edit(c) : c)),
    );
    forged += 1;
    const out = join(dir, `forged-${forged}.zsync`);
    writeFileSync(out, bytes);
    return { file: out, id };
  } finally {
    sh.app.close();
  }
}

/** The change's fields with one more column: built from entries, in the canonical (sorted) order. */
function withColumn(c: Change, name: string): Change {
  // An object literal's __proto__ key would set the prototype instead of adding a field.
  const entries = [...Object.entries(c.fields), [name, 1] as const];
  const fields = Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
  return { ...c, fields, prev: {} };
}

describe("names that are Object.prototype's", () => {
  test('settings named constructor, toString and __proto__ are settings like any other', async () => {
    // Written at 本部, whose settings they are.
    const { file } = await fileFrom('本部', (tx) => {
      for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty'])
        tx.mutate.put('setting', id, { value: JSON.stringify({ id }) });
      return '';
    });
    const report = await importInto(hq, file);
    expect(report.new).toBeGreaterThan(0);
    const stored = hq.app.sqlite
      .prepare('SELECT id, value FROM setting WHERE value LIKE \'{"id"%\' ORDER BY id')
      .all();
    expect(stored).toEqual(
      ['__proto__', 'constructor', 'hasOwnProperty', 'toString'].map((id) => ({
        id,
        value: JSON.stringify({ id }),
      })),
    );
    // Readers still find the real settings.
    expect(call<{ usdRates: Record<string, number> }>(hq, 'settings.get').usdRates['2021']).toBe(
      6.4515,
    );
  });

  test('a table or a column named constructor is one this version does not know: quarantined', async () => {
    const write = (tx: Tx) => tx.mutate.insert('investor', { name_zh: '丁公司' });
    const column = await forgedByShanghai(write, (c) => withColumn(c, 'constructor'));
    const table = await forgedByShanghai(write, (c) => ({ ...c, tbl: 'constructor' }));
    for (const { file } of [column, table]) {
      expect((await importInto(hq, file)).quarantined).toBe(1);
    }
    const names = hq.app.sqlite.prepare('SELECT name_zh FROM investor WHERE id = ?').pluck();
    // The column's change applies its known fields; the table's waits whole.
    expect(names.get(column.id)).toBe('丁公司');
    expect(names.get(table.id)).toBeUndefined();
  });

  test('__proto__ and toString as table or column names are malformed lines', async () => {
    const write = (tx: Tx) => tx.mutate.insert('investor', { name_zh: '戊公司' });
    const before = databaseBytes(hq.app);
    for (const name of ['__proto__', 'toString']) {
      // The forged line does carry the name (files are encrypted: the line is checked here).
      const sample: Change = {
        origin: '0123456789abcdef',
        seq: 1,
        hlc: `${'0'.repeat(16)}0123456789abcdef`,
        tbl: 'investor',
        rowId: 'r',
        fields: { name_zh: '戊公司' },
        prev: {},
        author: null,
      };
      expect(encodeChange(withColumn(sample, name))).toContain(`"${name}":1`);
      const asColumn = await forgedByShanghai(write, (c) => withColumn(c, name));
      const asTable = await forgedByShanghai(write, (c) => ({ ...c, tbl: name }));
      for (const { file } of [asColumn, asTable]) {
        const error = await importInto(hq, file).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('FILE_CORRUPT');
        expect((error as AppError).message).toMatch(/表名格式错误|字段名 .* 格式错误/);
      }
    }
    expect(databaseBytes(hq.app).equals(before)).toBe(true);
  });
});

describe('a file with valid values in every table', () => {
  test('imports, and the receiver holds every row as sent', async () => {
    // A 本部 laptop writes: targets, settings and dictionaries are 本部's to change.
    const sender = await openReplica('本部', { dir: tempDir('zs-hostile-sender-') });
    const sh = await openReplica('上海', { dir: tempDir('zs-hostile-sh-') });
    try {
      const investor = call<{ id: string }>(sender, 'investor.create', {
        nameZh: '德国某某集团',
        nameEn: 'Some Group GmbH',
        aliases: ['某某', ' 某集团 '],
        hqCountry: 'de',
        fortune500: true,
        notes: '备注',
      });
      const project = call<{ id: string }>(sender, 'project.create', {
        name: '某某新能源项目',
        investor: '德国某某集团',
        country: 'de',
        province: '江苏',
        ownership: '外资企业',
        capitalType: '外资',
        projectType: '新建',
        industrial: true,
        industry: '新能源',
        platform: '高铁新城',
        channel: '展会',
        fairEdition: '第七届国际经贸洽谈会（2021）',
        office: '上海',
        owner: '上海用户',
        totalInvestmentUsd: 120_000_000,
        contractedFdiUsd: 30_000_000,
        landAreaMu: 120.5,
        stage: 'signed',
        signedOn: '2021-03-01',
        plannedRegisteredOn: '2021-09-30',
        problems: '用地指标',
        nextSteps: '对接供地',
        leaderProject: true,
      });
      call(sender, 'contact.create', {
        investorId: investor.id,
        projectId: project.id,
        name: '王经理',
        email: 'wang@example.com',
        phone: '13800000000',
      });
      call(sender, 'activity.create', {
        projectId: project.id,
        kind: 'visit',
        occurredOn: '2021-06-01',
        notes: '拜访总部',
      });
      call(sender, 'task.create', { projectId: project.id, title: '回访', dueOn: '2021-07-01' });
      call(sender, 'keyInvestment.set', {
        projectId: project.id,
        year: 2021,
        district: true,
        planned: 300_000_000,
        completed: [10_000_000, ...Array.from({ length: 11 }, () => null)],
      });
      call(sender, 'arrival.create', {
        projectId: project.id,
        arrivedOn: '2021-06-10',
        amount: 5_000_000,
        currency: 'USD',
        kind: 'fdi',
        outsideCity: false,
      });
      const target = call<{ id: string }>(sender, 'target.upsert', {
        year: 2021,
        key: 'talents',
        scope: 'shanghai',
        label: '引进人才',
        guarantee: 10,
        strive: 12,
        unit: 'count',
        mode: 'manual',
        note: null,
      });
      call(sender, 'target.setActual', { targetId: target.id, month: 6, value: 4 });
      call(sender, 'settings.update', {
        usdRates: { '2021': 6.5 },
        landingRule: { milestone: 'started', cohort: 'signed_in_previous_year' },
      });
      const capture = call<{ id: string }>(sender, 'capture.create', {
        investorName: '某展会客户',
        contactName: '赵先生',
        interest: '考察用地',
      });
      call(sender, 'capture.convert', { id: capture.id });
      call(sender, 'dictionary.add', { kind: 'industry', label: '低空经济' });
      const other = call<{ id: string }>(sender, 'investor.create', { nameZh: '某某集团' });
      call(sender, 'suspects.notDuplicate', { kind: 'investor', a: investor.id, b: other.id });
      const claim = call<{ id: string }>(sender, 'claim.add', {
        investorId: investor.id,
        reported: '投资意向 1 亿美元',
      });
      call(sender, 'claim.decide', { claimId: claim.id, note: '本部认定' });
      call(sender, 'investor.update', { id: investor.id, patch: { parentName: '母公司' } });

      const { file } = await exportTo(sender, dir, { for: '上海' });
      const { changes } = await decodeFile(readFileSync(file), {
        trust: trustOf(sender.app),
        schemaVersion: SCHEMA_VERSION,
      });
      expect(new Set(changes.map((c) => c.tbl))).toEqual(new Set(syncedTableNames));
      await importInto(sh, file);
      const sent = dump(sender);
      const received = dump(sh);
      for (const table of syncedTableNames) {
        const ids = new Set(sent[table]!.map((r) => r.id));
        expect(
          received[table]!.filter((r) => ids.has(r.id)),
          table,
        ).toEqual(sent[table]);
      }
      // Both laptops seeded the same settings, then 本部 changed two: its values won.
      const settings = call<{ usdRates: Record<string, number>; landingRule: object }>(
        sh,
        'settings.get',
      );
      expect(settings.usdRates['2021']).toBe(6.5);
      expect(settings.landingRule).toEqual({
        milestone: 'started',
        cohort: 'signed_in_previous_year',
      });
    } finally {
      sender.app.close();
      sh.app.close();
    }
  });
});
