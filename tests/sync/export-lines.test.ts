// Export builds each line from SQLite's head and tail of it and the type tags read in JS
// (export-payload.ts): the bytes must be those of encodeStored and encodeChange for any text, number
// and null, so files stay canonical; handed to the compressor in pieces of any size, they stay whole
// lines. (export-builders.test.ts compares them with the SQL builder of before.)
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from '../../db/mutation';
import type { Fields } from '../../db/mutation';
import { Sql } from '../../db/sql';
import { decodeChange, encodeStored } from '../../db/sync/change-codec';
import type { StoredChange } from '../../db/sync/change-codec';
import { writePayload } from '../../db/sync/export-payload';
import type { Vector } from '../../db/sync/peers';

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\u001f', '\u007f', '\u2028', '"', '\\', '中', '😀'),
  }),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.1, 1e21, 1e-7, -0, 2 ** 53, -(2 ** 53), 2 ** 53 - 1, 123456789012345680000),
  fc.constant(null),
);
const column = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/).filter((c) => c !== 'id');

/** The payload of every origin's changes above `vector`. */
function writePayloadAbove(
  sql: Sql,
  vector: Vector,
  onPiece: (piece: Buffer, changes: number) => void,
  pieceBytes?: number,
): void {
  const origins = sql
    .prepare('SELECT origin FROM sync_vv ORDER BY origin')
    .pluck()
    .all() as string[];
  const ranges = origins.map((origin) => ({
    origin,
    from: (vector[origin] ?? 0) + 1,
    to: Number.MAX_SAFE_INTEGER,
  }));
  writePayload(sql, ranges, onPiece, pieceBytes);
}

/** The whole payload at once, and its number of lines. */
function payloadAbove(sql: Sql, vector: Vector): { raw: Buffer; changes: number } {
  const pieces: Buffer[] = [];
  let changes = 0;
  writePayloadAbove(sql, vector, (piece, n) => {
    pieces.push(piece);
    changes += n;
  });
  return { raw: Buffer.concat(pieces), changes };
}

/** The payload's lines as strings. */
function linesAbove(sql: Sql, vector: Vector): string[] {
  const { raw } = payloadAbove(sql, vector);
  return raw.length ? raw.toString('utf8', 0, raw.length - 1).split('\n') : [];
}

function logDb(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE sync_change (origin TEXT NOT NULL, seq INTEGER NOT NULL, hlc TEXT NOT NULL,
    tbl TEXT NOT NULL, row_id TEXT NOT NULL, fields TEXT NOT NULL, prev TEXT NOT NULL, author TEXT,
    PRIMARY KEY (origin, seq)) STRICT;
    CREATE TABLE sync_vv (origin TEXT PRIMARY KEY, max_seq INTEGER NOT NULL) STRICT;`);
  return db;
}

describe('export lines', () => {
  test('are byte for byte those of encodeStored, and decode', () => {
    const sites = ['0123456789abcdef', 'fedcba9876543210'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            site: fc.constantFrom(...sites),
            fields: fc.dictionary(column, value, { maxKeys: 8 }),
            rowId: fc.string({ minLength: 1, maxLength: 50 }),
            author: fc.option(fc.string({ maxLength: 50 }), { nil: null }),
          }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 1, max: 4096 }),
        (changes, pieceBytes) => {
          const db = logDb();
          const insert = db.prepare('INSERT INTO sync_change VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
          const seqs = new Map<string, number>();
          for (const c of changes) {
            const seq = (seqs.get(c.site) ?? 0) + 1;
            seqs.set(c.site, seq);
            const prev = Object.fromEntries(
              Object.keys(c.fields)
                .slice(0, 1)
                .map((k) => [k, '0000000000010000' + c.site]),
            );
            insert.run(
              c.site,
              seq,
              'ffffffffffff' + seq.toString(16).padStart(4, '0') + c.site,
              'project',
              c.rowId,
              canonicalJson(c.fields as Fields),
              canonicalJson(prev),
              c.author,
            );
          }
          for (const [site, seq] of seqs) {
            db.prepare('INSERT INTO sync_vv VALUES (?, ?)').run(site, seq);
          }
          // What SQLite stores (text is UTF-8 there, so lone surrogates come back replaced).
          const stored = db
            .prepare('SELECT * FROM sync_change ORDER BY origin, seq')
            .all() as StoredChange[];
          const lines = linesAbove(new Sql(db), {});
          expect(lines).toEqual(stored.map(encodeStored));
          for (const line of lines) expect(() => decodeChange(line)).not.toThrow();
          const { raw, changes: count } = payloadAbove(new Sql(db), { [sites[0]!]: 1 });
          const above = stored.filter((s) => s.origin !== sites[0] || s.seq > 1);
          expect(count).toBe(above.length);
          expect(raw.toString('utf8')).toBe(above.map((s) => encodeStored(s) + '\n').join(''));
          // In pieces of any size (a line longer than a piece gets a piece of its own): whole
          // lines each, together the same payload.
          const pieces: Buffer[] = [];
          let counted = 0;
          writePayloadAbove(
            new Sql(db),
            { [sites[0]!]: 1 },
            (piece, n) => {
              pieces.push(piece);
              counted += n;
            },
            pieceBytes,
          );
          for (const piece of pieces) expect(piece.at(-1)).toBe(0x0a);
          expect(Buffer.concat(pieces).equals(raw)).toBe(true);
          expect(counted).toBe(count);
          db.close();
        },
      ),
      { numRuns: 200 },
    );
  });
});
