// The bulk-load index drop of large imports (bulk-indexes.ts): the schema and the planner's
// statistics after the rebuild are exactly those before, and a rollback undoes the drop.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { Sql } from '../../db/sql';
import { dropSecondaryIndexes, worthRebuilding } from '../../db/sync/bulk-indexes';

function db(): Database.Database {
  const sqlite = new Database(':memory:');
  sqlite.exec(`CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b INTEGER, deleted INTEGER) STRICT;
    CREATE UNIQUE INDEX t_unique ON t (b);
    CREATE INDEX t_a ON t (a);
    CREATE INDEX t_live ON t (a, b) WHERE deleted = 0;`);
  const insert = sqlite.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
  for (let i = 0; i < 500; i++) insert.run(`r${i}`, `a${i % 7}`, i, i % 3 === 0 ? 1 : 0);
  sqlite.exec('ANALYZE');
  return sqlite;
}

const schema = (s: Database.Database) =>
  s.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').all();
const stats = (s: Database.Database) =>
  s.prepare('SELECT * FROM sqlite_stat1 ORDER BY tbl, idx').all();
const plan = (s: Database.Database) =>
  s.prepare("EXPLAIN QUERY PLAN SELECT * FROM t WHERE a = 'a3' AND deleted = 0").all();

describe('bulk index rebuild', () => {
  test('drops only non-unique secondary indexes and restores schema and statistics', () => {
    const sqlite = db();
    const before = { schema: schema(sqlite), stats: stats(sqlite), plan: plan(sqlite) };
    sqlite.transaction(() => {
      const rebuild = dropSecondaryIndexes(new Sql(sqlite), 't');
      const names = (
        sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").all() as {
          name: string;
        }[]
      ).map((r) => r.name);
      expect(names).toContain('t_unique');
      expect(names).not.toContain('t_a');
      expect(names).not.toContain('t_live');
      sqlite.prepare('INSERT INTO t VALUES (?, ?, ?, ?)').run('x', 'a1', 10_000, 0);
      rebuild();
    })();
    expect(schema(sqlite)).toEqual(before.schema);
    expect(stats(sqlite)).toEqual(before.stats);
    expect(plan(sqlite)).toEqual(before.plan);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  test('a failure inside the transaction rolls the drop back', () => {
    const sqlite = db();
    const before = { schema: schema(sqlite), stats: stats(sqlite) };
    expect(() =>
      sqlite.transaction(() => {
        dropSecondaryIndexes(new Sql(sqlite), 't');
        throw new Error('injected');
      })(),
    ).toThrow('injected');
    expect(schema(sqlite)).toEqual(before.schema);
    expect(stats(sqlite)).toEqual(before.stats);
  });

  test('only a batch large compared with the table is worth it', () => {
    const sql = new Sql(db());
    expect(worthRebuilding(sql, 't', 400)).toBe(false);
    expect(worthRebuilding(sql, 't', 5_000)).toBe(true);
  });
});
