// A new row whose only change is in the file is written by SQLite from the logged JSON
// (Mutations.applyLoggedRows), not from values bound in JS. Both must give the same row: the
// receiver's rows equal the sender's, written through the mutation layer, for awkward values.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Fields } from '../../db/mutation';
import { valueProblem } from '../../db/sync/check-values';
import { dumpSyncedTables } from '../../db/sync/dump';
import { decodeFile } from '../../db/sync/file-format';
import { trustOf } from '../../db/sync/import';
import { forgeFile } from './forge';
import { SCHEMA_VERSION } from '../../db/migrations/index';
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
const INTEGERS = [0, 1, -1, 9_007_199_254_740_991, -9_007_199_254_740_991, 20210612, 2021];
// Only projects have real columns today; they are written from parsed values.
const REALS = [0.1, -1e-7, 2164.8, 1e21];
/** Text columns may hold JSON (lists, settings) and dates: the awkward texts inside them too. */
const TEXT_VALUES = [
  ...TEXTS,
  ...TEXTS.map((t) => JSON.stringify(t)),
  ...TEXTS.map((t) => JSON.stringify([t])),
  '2020-02-29',
];

/**
 * Every column of `table` set to one of the awkward values of its type that a file may carry
 * (import refuses the others, check-values.ts), chosen by `n`; a column none fits is left out.
 */
function awkwardRow(table: keyof typeof syncedTables, n: number): Fields {
  const fields: Fields = {};
  for (const [col, type] of Object.entries(syncedTables[table].columns)) {
    if (col === 'deleted') continue;
    const values = { text: TEXT_VALUES, integer: INTEGERS, real: REALS }[type];
    const valid = values.filter((v) => valueProblem(table, col, v, '') === undefined);
    if (valid.length > 0) fields[col] = valid[(n + col.length) % valid.length]!;
  }
  return fields;
}

/** One text column set, the rest NULL: the first that takes plain text (or a JSON text). */
function oneColumnRow(table: keyof typeof syncedTables): Fields {
  for (const [col, type] of Object.entries(syncedTables[table].columns)) {
    if (type !== 'text') continue;
    for (const value of ['仅此一列', JSON.stringify('仅此一列')]) {
      if (valueProblem(table, col, value, '') === undefined) return { [col]: value };
    }
  }
  throw new Error(`no text column of ${table} takes plain text`);
}

/** Rows of every table but `project` (whose rows are always written from parsed values). */
const tables = syncedTableNames.filter((t) => t !== 'project');

/** The sender writes awkward rows into every table but `project`; their ids. */
function writeAwkwardRows(sender: Replica): Set<string> {
  const ids = new Set<string>();
  sender.app.transact((tx) => {
    for (const table of tables) {
      for (let n = 0; n < 7; n++) ids.add(tx.mutate.insert(table, awkwardRow(table, n)));
      // One column: the rest are NULL, `deleted` is 0.
      ids.add(tx.mutate.insert(table, oneColumnRow(table)));
      ids.add(tx.mutate.insert(table, { ...awkwardRow(table, 1), deleted: 1 }));
    }
  });
  return ids;
}

function rowsWithIds(r: Replica, ids: Set<string>) {
  return Object.entries(dumpSyncedTables(r.app.sql)).map(
    ([table, rows]) => [table, rows.filter((row) => ids.has(row.id as string))] as const,
  );
}

describe('rows written from the log', () => {
  test.each([
    ['writing through the indexes', Infinity],
    ['rebuilding the indexes', 1],
  ])('equal the rows the sender wrote, in every table but project, %s', async (_, bulkMinRows) => {
    const dir = tempDir('zs-logged-rows-');
    // 本部 writes: every table, 本部's own (targets, settings, dictionaries) included.
    const hq = await openReplica('本部');
    const sh = await openReplica('上海');
    open.push(sh, hq);
    const ids = writeAwkwardRows(hq);
    const file = (await exportTo(hq, dir, { full: true })).file;
    const report = await importInto(sh, file, { bulkMinRows });
    expect(report.conflicts).toBe(0);
    const received = rowsWithIds(sh, ids);
    expect(received).toEqual(rowsWithIds(hq, ids));
    expect(received.flatMap(([, rows]) => rows)).toHaveLength(ids.size);
  });

  test('a row id with a lone surrogate gives the same row as the parsed path', async () => {
    // Only a foreign file can hold one: this app reads ids back from SQLite, which replaced it.
    const dir = tempDir('zs-logged-rows-');
    const sh = await openReplica('上海');
    const hq = await openReplica('本部');
    open.push(sh, hq);
    sh.app.transact((tx) => tx.mutate.insert('office', { name: '甲', sort: 9 }, 'plain'));
    const exported = await exportTo(sh, dir, { full: true });
    const { changes } = await decodeFile(readFileSync(exported.file), {
      trust: trustOf(sh.app),
      schemaVersion: SCHEMA_VERSION,
    });
    const forged = changes.map((c) => (c.rowId === 'plain' ? { ...c, rowId: 'o\ud800' } : c));
    const { bytes } = await forgeFile(sh.app, forged);
    const file = join(dir, 'forged.zsync');
    writeFileSync(file, bytes);
    const report = await importInto(hq, file);
    expect(report.new).toBe(changes.length);
    const office = hq.app.sqlite.prepare("SELECT id, name, sort FROM office WHERE name = '甲'");
    // Bound from JS, the lone surrogate is stored as U+FFFD, in the row as in the log.
    expect(office.all()).toEqual([{ id: 'o\ufffd', name: '甲', sort: 9 }]);
  });
});
