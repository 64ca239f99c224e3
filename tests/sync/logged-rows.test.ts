// A new row whose only change is in the file is written by SQLite from the logged JSON
// (Mutations.applyLoggedRows), not from values bound in JS. Both must give the same row: the
// receiver's rows equal the sender's, written through the mutation layer, for awkward values.
import { afterEach, describe, expect, test } from 'vitest';
import type { Fields } from '../../db/mutation';
import { dumpSyncedTables } from '../../db/sync/dump';
import { syncedTableNames, syncedTables } from '../../db/synced-tables';
import { tempDir } from '../helpers';
import { exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.app.close();
});

const TEXTS = [
  '引号"反斜杠\\换行\n制表\t结束',
  '全角，标点；😀 与 é',
  '',
  ' 前后空格 ',
  '\u0000 NUL 与 \u001f 控制符',
  '</script>&amp;',
  'lone \ud800 surrogate',
];
const INTEGERS = [0, 1, -1, 9_007_199_254_740_991, -9_007_199_254_740_991, 20210612];

/** Every column of `table` set: each text and integer column takes the n-th awkward value. */
function awkwardRow(table: keyof typeof syncedTables, n: number): Fields {
  const fields: Fields = {};
  for (const [col, type] of Object.entries(syncedTables[table].columns)) {
    if (col === 'deleted') continue;
    if (type === 'text') fields[col] = TEXTS[(n + col.length) % TEXTS.length]!;
    else if (type === 'integer') fields[col] = INTEGERS[(n + col.length) % INTEGERS.length]!;
    else fields[col] = [0.1, -1e-7, 2164.8, 1e21][n % 4]!;
  }
  return fields;
}

describe('rows written from the log', () => {
  test('equal the rows the sender wrote, for every table and awkward values', async () => {
    const dir = tempDir('zs-logged-rows-');
    const sh = await openReplica('上海');
    const hq = await openReplica('本部');
    open.push(sh, hq);
    const tables = syncedTableNames.filter((t) => t !== 'project');
    const ids = new Set<string>();
    sh.app.transact((tx) => {
      for (const table of tables) {
        for (let n = 0; n < 6; n++) ids.add(tx.mutate.insert(table, awkwardRow(table, n)));
        // One column: the rest are NULL, `deleted` is 0.
        const [text] = Object.entries(syncedTables[table].columns).find(([, t]) => t === 'text')!;
        ids.add(tx.mutate.insert(table, { [text]: '仅此一列' }));
        ids.add(tx.mutate.insert(table, { ...awkwardRow(table, 1), deleted: 1 }));
      }
    });
    const report = await importInto(hq, (await exportTo(sh, dir, { full: true })).file);
    expect(report.conflicts).toBe(0);
    const inserted = (r: Replica) =>
      Object.entries(dumpSyncedTables(r.app.sql)).map(
        ([table, rows]) => [table, rows.filter((row) => ids.has(row.id as string))] as const,
      );
    expect(inserted(hq)).toEqual(inserted(sh));
    expect(inserted(hq).flatMap(([, rows]) => rows)).toHaveLength(ids.size);
  });
});
