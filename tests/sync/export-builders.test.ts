// Export builds each line from SQLite's head and tail and type tags read in JS (export-payload.ts)
// instead of SQLite's whole line with json_each (until issue 19). Other offices run older versions
// and every origin's hash chain is over these bytes, so on a real database they must be exactly
// those of the SQL builder of before, kept here verbatim: every synced table and column, every kind
// of value (null, integers and booleans, reals, text with quotes, backslashes, controls, CJK, emoji),
// deletes, and fields that are not the log's canonical text (which take SQLite's own line).
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { canonicalJson } from '../../db/mutation';
import type { FieldValue } from '../../db/mutation';
import { writeDemoRows } from '../../db/services/app';
import { syncedTables } from '../../db/synced-tables';
import type { ColumnType } from '../../db/synced-tables';
import { ChainHasher, ZERO_CHAIN } from '../../db/sync/chain';
import { writePayload } from '../../db/sync/export-payload';
import type { PayloadRange } from '../../db/sync/export-payload';
import { expectOk, tempDir } from '../helpers';

/** db/sync/chain.ts's LINE_SELECT as every version up to issue 19 built export lines. */
const SQL_LINE_BEFORE = `CAST('[' || json_quote(origin) || ',' || seq || ',' || json_quote(hlc) || ','
    || json_quote(tbl) || ',' || json_quote(row_id) || ',"'
    || coalesce((SELECT string_agg(CASE type WHEN 'text' THEN 's' WHEN 'null' THEN 'n'
         WHEN 'integer' THEN iif(atom BETWEEN -9007199254740991 AND 9007199254740991, 'i', 'r')
         ELSE 'r' END, '' ORDER BY id) FROM json_each(fields)), '')
    || '",' || fields || ',' || prev || ',' || json_quote(author) || ']' || char(10) AS BLOB)`;

const CONTROLS = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('');
const TEXTS = [
  '',
  '普通文本',
  'quote " and \\ backslash \\" \\\\',
  CONTROLS + '\u007f',
  '\u2028\u2029 line separators',
  '😀👨‍👩‍👧 emoji, 𠮷 astral CJK',
  'é ñ ü ß Ω ﬁ \ufeff BOM, \ufffd replacement',
  '}, {"x":1}, ":", [null] ]',
  '/ slash <script>&amp;',
  ' '.repeat(3) + '前后空格 ',
];
const NUMBERS: Record<ColumnType, FieldValue[]> = {
  text: TEXTS,
  // Booleans (deleted, flags) are integers 0 and 1.
  integer: [0, 1, -1, 42, 2 ** 31, -(2 ** 40), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
  real: [0.5, -1.25, 1e-7, 5e-324, 1e21, 123456789.125, 2 ** 53, 1e19, -(2 ** 63), 1.7e308],
};
/** Fields SQLite reads and the log never holds: whitespace, JSON5, nested values, booleans. */
const ODD_FIELDS = [
  '{"a": 1}',
  '{ "a":"x" }',
  '{"a":true,"b":false}',
  '{"a":{"b":1,"c":"d"}}',
  '{"a":[1,"x",null]}',
  '{a:1}',
  "{'a':'b'}",
  '{"a":0x1F}',
  '{"a":1.0,"b":-0,"c":1E5}',
  '{"a":1e400,"b":-1e400}',
  '{"a":99999999999999999999999}',
  '{"a":9223372036854775807,"b":-9223372036854775808}',
  '{"a":"\\u00e9\\ud83d\\ude00\\/"}',
  '{"a":.5}',
  '{"a":+1}',
  '{"b":1,"a":2,"b":3}',
  '{"a":"raw\ttab\u0001"}',
  '[1,2]',
  '{}',
];

const ORIGIN = '00000000000000aa';

/** Changes for every synced table and column, each kind of value, in a log of their own. */
function writeHostileChanges(app: AppDatabase): number {
  const insert = app.sqlite.prepare(
    'INSERT INTO sync_change (origin, seq, hlc, tbl, row_id, fields, prev, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let seq = 0;
  const add = (tbl: string, rowId: string, fields: string, author: string | null) => {
    seq += 1;
    const hlc = seq.toString(16).padStart(16, '0') + ORIGIN;
    const prev = seq > 1 ? canonicalJson({}) : '{}';
    insert.run(ORIGIN, seq, hlc, tbl, rowId, fields, prev, author);
  };
  const authors = [null, '上海 张三', 'a"b\\c\n😀', ''];
  for (const [tbl, spec] of Object.entries(syncedTables)) {
    const columns = Object.entries(spec.columns as Record<string, ColumnType>);
    const kinds = Math.max(...Object.values(NUMBERS).map((v) => v.length));
    for (let k = 0; k <= kinds; k++) {
      // Every column at once: the k-th value of its type, or null past the end.
      const fields: Record<string, FieldValue> = {};
      for (const [column, type] of columns) fields[column] = NUMBERS[type][k] ?? null;
      add(tbl, `${tbl}-${k}-"\\-行-😀`, canonicalJson(fields), authors[k % authors.length]!);
    }
    // One column per change, and a delete.
    for (const [column, type] of columns) {
      add(tbl, `${tbl}-one`, canonicalJson({ [column]: NUMBERS[type][1]! }), null);
    }
    add(tbl, `${tbl}-one`, canonicalJson({ deleted: 1 }), '删除者');
  }
  for (const fields of ODD_FIELDS) add('project', 'odd', fields, null);
  app.sqlite
    .prepare('INSERT OR REPLACE INTO sync_vv (origin, max_seq) VALUES (?, ?)')
    .run(ORIGIN, seq);
  return seq;
}

function linesBefore(app: AppDatabase, origin: string): Buffer[] {
  return app.sqlite
    .prepare(`SELECT ${SQL_LINE_BEFORE} FROM sync_change WHERE origin = ? ORDER BY seq`)
    .pluck()
    .all(origin) as Buffer[];
}

/** The payload's lines (with their \n) as writePayload builds them, in pieces of `pieceBytes`. */
function linesNow(app: AppDatabase, ranges: PayloadRange[], pieceBytes: number): Buffer[] {
  const lines: Buffer[] = [];
  app.transact(
    (tx) =>
      writePayload(
        tx.sql,
        ranges,
        (piece) => {
          expect(piece.at(-1)).toBe(0x0a);
          for (let at = 0; at < piece.length;) {
            const end = piece.indexOf(0x0a, at) + 1;
            lines.push(Buffer.from(piece.subarray(at, end)));
            at = end;
          }
        },
        pieceBytes,
      ),
    { write: false },
  );
  return lines;
}

test('export lines are byte for byte those of the SQL builder of before, with the same chains', async () => {
  const dir = tempDir('zs-export-builders-');
  const app = await openAppDatabase(join(dir, 'lines.sqlite'));
  try {
    expectOk(dispatchSync(app, 'app.init', { user: '上海管理员', office: '上海' }));
    writeDemoRows(app, { projects: 40, seed: 3 });
    const hostile = writeHostileChanges(app);
    expect(hostile).toBeGreaterThan(300);
    const origins = app.sqlite
      .prepare('SELECT origin, max(seq) FROM sync_change GROUP BY origin ORDER BY origin')
      .raw()
      .all() as [string, number][];
    const tables = app.sqlite
      .prepare('SELECT DISTINCT tbl FROM sync_change ORDER BY tbl')
      .pluck()
      .all() as string[];
    expect(tables).toEqual(Object.keys(syncedTables).sort());
    for (const pieceBytes of [1 << 20, 700]) {
      const ranges = origins.map(([origin, to]) => ({
        origin,
        from: 1,
        to,
        hasher: new ChainHasher(ZERO_CHAIN, 0),
      }));
      const now = linesNow(app, ranges, pieceBytes);
      const before = origins.flatMap(([origin]) => linesBefore(app, origin));
      expect(now.length).toBe(before.length);
      for (let i = 0; i < before.length; i++) {
        // Compared as bytes; shown as text when they differ.
        if (!now[i]!.equals(before[i]!)) expect(now[i]!.toString()).toBe(before[i]!.toString());
      }
      // And the chains over them, block by block.
      for (const [r, [origin]] of ranges.map((range, i) => [range, origins[i]!] as const)) {
        const reference = new ChainHasher(ZERO_CHAIN, 0);
        for (const line of linesBefore(app, origin)) reference.add(line);
        expect(r.hasher.blocks).toEqual(reference.blocks);
        expect(r.hasher.state().equals(reference.state())).toBe(true);
      }
    }
    // From a block start within the log, as an incremental export reads it.
    const [origin, to] = origins.find(([o]) => o === ORIGIN)!;
    const part = linesNow(app, [{ origin, from: 17, to: to - 3 }], 4096);
    expect(part).toEqual(linesBefore(app, origin).slice(16, to - 3));
  } finally {
    app.close();
  }
});
