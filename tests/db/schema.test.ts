import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { syncedTables, syncedTableNames } from '../../db/synced-tables';
import { openTempDb } from '../helpers';

let app: AppDatabase;
beforeAll(async () => {
  app = await openTempDb({ init: false });
});
afterAll(() => app.close());

describe('synced tables follow docs/sync.md S1', () => {
  test.each(syncedTableNames)(
    '%s: STRICT, TEXT key, deleted flag, no foreign keys, no UNIQUE',
    (table) => {
      const ddl = (
        app.sqlite.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(table) as {
          sql: string;
        }
      ).sql;
      expect(ddl).toMatch(/\)\s*STRICT$/);
      const cols = app.sqlite.prepare(`PRAGMA table_info(${table})`).all() as {
        name: string;
        type: string;
        pk: number;
        notnull: number;
        dflt_value: string | null;
      }[];
      expect(cols.find((c) => c.pk === 1)).toMatchObject({ name: 'id', type: 'TEXT' });
      expect(cols.find((c) => c.name === 'deleted')).toMatchObject({
        type: 'INTEGER',
        notnull: 1,
        dflt_value: '0',
      });
      // every other column may be NULL, so a row can be created by any subset of its fields
      expect(cols.filter((c) => c.notnull && c.name !== 'id' && c.name !== 'deleted')).toEqual([]);
      expect(app.sqlite.prepare(`PRAGMA foreign_key_list(${table})`).all()).toEqual([]);
      const unique = (
        app.sqlite.prepare(`PRAGMA index_list(${table})`).all() as {
          unique: number;
          origin: string;
        }[]
      ).filter((i) => i.unique && i.origin !== 'pk');
      expect(unique).toEqual([]);
    },
  );

  test.each(syncedTableNames)('%s: the registry matches the real columns and types', (table) => {
    const spec: { columns: Record<string, string>; derived?: readonly string[] } =
      syncedTables[table];
    const cols = app.sqlite.prepare(`PRAGMA table_info(${table})`).all() as {
      name: string;
      type: string;
    }[];
    const real = Object.fromEntries(
      cols.filter((c) => c.name !== 'id').map((c) => [c.name, c.type.toLowerCase()]),
    );
    const expected = { ...spec.columns };
    const derived = Object.fromEntries((spec.derived ?? []).map((d) => [d, real[d]]));
    expect(real).toEqual({ ...expected, ...derived });
  });

  test('the database runs in WAL mode', () => {
    expect(app.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});
