import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { syncedTableNames } from '../../db/synced-tables';
import { openTempDb } from '../helpers';

let app: AppDatabase;
beforeAll(async () => {
  app = await openTempDb();
});
afterAll(() => app.close());

describe('only the mutation layer writes synced tables', () => {
  test.each(syncedTableNames)('raw INSERT, UPDATE and DELETE on %s are refused', (table) => {
    const id = app.transact((tx) => tx.mutate.insert(table, {}));
    const raw = (sql: string) => () => app.sqlite.prepare(sql).run(id);
    expect(raw(`INSERT INTO ${table} (id) VALUES (? || 'x')`)).toThrow(/mutation layer/);
    expect(raw(`UPDATE ${table} SET deleted = 1 WHERE id = ?`)).toThrow(/mutation layer/);
    expect(raw(`DELETE FROM ${table} WHERE id = ?`)).toThrow(/mutation layer/);
    expect(app.sqlite.prepare(`SELECT deleted FROM ${table} WHERE id = ?`).get(id)).toEqual({
      deleted: 0,
    });
  });

  test('a bulk load lifts the guard only while the mutation layer works, even if it fails', () => {
    const raw = () => app.sqlite.prepare(`INSERT INTO project (id) VALUES ('raw')`).run();
    app.transact((tx) => tx.mutate.bulk(() => tx.mutate.insert('project', { name: 'bulk' })));
    expect(raw).toThrow(/mutation layer/);
    expect(() =>
      app.transact((tx) =>
        tx.mutate.bulk(() => {
          tx.mutate.insert('project', { name: 'rolled back' });
          throw new Error('boom');
        }),
      ),
    ).toThrow('boom');
    expect(raw).toThrow(/mutation layer/);
    expect(
      app.sqlite.prepare("SELECT count(*) AS n FROM project WHERE name = 'rolled back'").get(),
    ).toEqual({ n: 0 });
  });

  test('no source file outside db/mutation.ts contains a write to a synced table', () => {
    const root = join(__dirname, '..', '..');
    const names = syncedTableNames.join('|');
    const write = new RegExp(
      `(INSERT\\s+(OR\\s+\\w+\\s+)?INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+["\`]?(main\\.)?(${names})\\b|` +
        `(insertInto|updateTable|deleteFrom|replaceInto)\\(\\s*['"\`](${names})['"\`]`,
      'i',
    );
    const offenders: string[] = [];
    for (const dir of ['db', 'cli', 'electron', 'renderer', 'seeds', 'domain']) {
      for (const file of sourceFiles(join(root, dir))) {
        const rel = relative(root, file);
        if (rel === join('db', 'mutation.ts') || rel.startsWith(join('db', 'migrations'))) continue;
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach(
            (line, i) => write.test(line) && offenders.push(`${rel}:${i + 1}: ${line.trim()}`),
          );
      }
    }
    expect(offenders).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
