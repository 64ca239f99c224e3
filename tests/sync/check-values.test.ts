// The rules import holds values to (domain/stored-values.ts, db/sync/check-values.ts): one per
// column of every synced table; the quick tests that spare most values a zod parse agree with the
// parse on values at and around every bound; demo data and seeds pass.
import { describe, expect, test } from 'vitest';
import { valueProblem } from '../../db/sync/check-values';
import { syncedTables } from '../../db/synced-tables';
import type { FieldValue } from '../../db/mutation';
import { stageOrder } from '../../domain/lifecycle';
import { MAX_AMOUNT } from '../../domain/fields';
import { settingIds, storedTables } from '../../domain/stored-values';
import type { StoredColumn } from '../../domain/stored-values';
import {
  activityKinds,
  capitalTypes,
  channels,
  offices,
  ownerships,
  projectTypes,
  provinces,
} from '../../domain/vocabulary';
import { generateDemo } from '../../seeds/demo/index';

const lengths = [2, 30, 40, 50, 100, 200, 254, 500, 2000, 5000].flatMap((n) => [n - 1, n, n + 1]);
const words = [
  ...[offices, provinces, ownerships, capitalTypes, projectTypes, channels, activityKinds].flatMap(
    (list) => list.flatMap((e) => [e.key, e.label]),
  ),
  ...stageOrder,
  ...['CNY', 'USD', 'EUR', 'fdi', 'domestic', 'usd', 'cny', 'count', 'percent', 'mu'],
  ...['computed', 'manual', 'new', 'converted', 'attached', 'dismissed', 'lost'],
  ...['platform', 'industry', 'fair_edition', 'planet', 'zone', 'talents', 'Bad Key'],
  ...['DE', 'de', 'CN', 'HK', 'XX', ' DE', 'a@b.co', 'not mail', 'target:2021:zone:x'],
  ...['2021-06-12', '2020-02-29', '2021-02-29', '2021-6-12', '0000-01-01', '9999-12-31'],
  ...['[]', '["甲"]', '[1]', '{}', 'null', '"x"', '{"2021":6.45}', '{"2021":0.5}', '['],
  ...['', ' ', '  ', 'a', ' a ', '\t甲\n', '\u0000', 'lone \ud800'],
];
const texts = [
  ...words,
  ...lengths.flatMap((n) => ['x'.repeat(n), ` ${'x'.repeat(n - 1)}`, `${'甲'.repeat(n - 1)} `]),
];
const numbers = [
  ...[-1, -0, 0, 0.5, 1, 2, 12, 13, 1999, 2000, 2021, 2100, 2101, 1e6 - 0.5, 1e6, 1e6 + 1],
  ...[MAX_AMOUNT - 1, MAX_AMOUNT, MAX_AMOUNT + 1, MAX_AMOUNT + 0.5, 2 ** 53 - 1, -(2 ** 53 - 1)],
];
const battery: FieldValue[] = [null, ...texts, ...numbers];

describe('the rules of stored values', () => {
  test('one rule for every column of every synced table, and none for anything else', () => {
    expect(Object.keys(storedTables).sort()).toEqual(Object.keys(syncedTables).sort());
    for (const [table, spec] of Object.entries(syncedTables)) {
      expect(Object.keys(storedTables[table]!.columns).sort(), table).toEqual(
        Object.keys(spec.columns).sort(),
      );
    }
  });

  test('the quick tests never let through a value the schema refuses', () => {
    const columns: [string, string, StoredColumn, string][] = [];
    for (const [table, spec] of Object.entries(storedTables)) {
      for (const [col, column] of Object.entries(spec.columns)) {
        if (spec.byRow?.column === col) continue;
        columns.push([table, col, column, 'row']);
      }
      if (spec.byRow) {
        for (const id of [...Object.values(settingIds), 'newer.setting', 'constructor']) {
          columns.push([table, spec.byRow.column, spec.byRow.rule(id), id]);
        }
      }
    }
    let accepted = 0;
    for (const [table, col, column, rowId] of columns) {
      for (const value of battery) {
        const parsed = column.schema.safeParse(value).success;
        const problem = valueProblem(table, col, value, rowId);
        expect(problem === undefined, `${table}.${col} ${JSON.stringify(value)}`).toBe(parsed);
        if (parsed) accepted += 1;
      }
    }
    // The battery reaches both sides of the rules.
    expect(accepted).toBeGreaterThan(columns.length * 5);
  });

  test('a column read as plain text has no rule besides its length', () => {
    for (const [table, spec] of Object.entries(storedTables)) {
      for (const [col, column] of Object.entries(spec.columns)) {
        if (column.kind !== 'text') continue;
        // zod's own definition of the schema: the checks it runs on a string.
        const def = (column.schema as unknown as { def: { type: string; innerType?: unknown } })
          .def;
        const inner = (def.type === 'nullable' ? def.innerType : column.schema) as {
          def: { type: string; checks?: { _zod: { def: { check: string } } }[] };
        };
        expect(inner.def.type, `${table}.${col}`).toBe('string');
        for (const check of inner.def.checks ?? []) {
          expect(['min_length', 'max_length', 'overwrite'], `${table}.${col}`).toContain(
            check._zod.def.check,
          );
        }
      }
    }
  });

  test('every value of the demo data passes', () => {
    for (const row of generateDemo({ projects: 300, seed: 5 })) {
      for (const [col, value] of Object.entries(row.fields)) {
        expect(valueProblem(row.table, col, value, row.id), `${row.table}.${col}`).toBeUndefined();
      }
    }
  });

  test('messages name the field in Chinese and say what is wrong', () => {
    expect(valueProblem('investor', 'aliases', '甲, 乙', 'i1')).toBe(
      '投资方 i1 的「简称/别名」不是文字列表',
    );
    expect(valueProblem('project', 'problems', 'x'.repeat(2001), 'p1')).toBe(
      '项目 p1 的「存在问题」不能超过 2000 个字',
    );
    expect(valueProblem('project', 'name', null, 'p1')).toBe('项目 p1 的「项目名称」不能为空');
    expect(valueProblem('setting', 'value', '{"2021":0.5}', 'fx.usd_cny')).toBe(
      '设置 fx.usd_cny 的「美元汇率」：汇率须在 1–20 之间',
    );
    expect(valueProblem('task', 'done', 2, 't'.repeat(60))).toBe(
      `跟进事项 ${'t'.repeat(36)}… 的「已完成」须为 0 或 1`,
    );
  });
});
