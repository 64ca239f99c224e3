// storedLine (db/sync/stored-line.ts) reads value types off the stored JSON text, for a snapshot's
// chain check: for canonical text it must give encodeStored's line byte for byte, whatever the
// values (escapes, quotes, surrogates, huge and tiny numbers); text that is not a JSON object of
// such values gives no line.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { encodeStored } from '../../db/sync/change-codec';
import { storedLine, storedLines, typesOf } from '../../db/sync/stored-line';

const value = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('"', '\\', 'a', '\n', '\ud800', '\udc00', '😀', '}', ',', ':'),
  }),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(2 ** 53, -(2 ** 53) - 2, 1e21, 5e-7, -0, 0.1, 1e300, 123456789012345680000),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
);

test('storedLine equals encodeStored for canonical fields', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), value), (fields) => {
      const sorted = Object.fromEntries(
        Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      const row = {
        origin: '0123456789abcdef',
        seq: 7,
        hlc: '0'.repeat(32),
        tbl: 'project',
        row_id: 'id"\\',
        fields: JSON.stringify(sorted),
        prev: '{}',
        author: null,
      };
      expect(storedLine(row)).toBe(encodeStored(row));
      // The batch form, as the chain check reads raw rows, gives the same line.
      const { origin, seq, hlc, tbl, row_id, prev, author } = row;
      const raw = [seq, hlc, tbl, row_id, row.fields, prev, author];
      expect(storedLines(origin)(raw)).toBe(storedLine(row));
    }),
    { numRuns: 2000 },
  );
});

test('text that is not an object of values has no types', () => {
  for (const bad of [
    '',
    '[]',
    '{"a":1',
    '{"a":1}x',
    '{"a"1}',
    '{a:1}',
    '{"a":"x}',
    '{"a":1,}',
    'null',
  ]) {
    expect(typesOf(bad)).toBeUndefined();
  }
  expect(typesOf('{"a":"x\\"y","b":null,"c":-3,"d":1.5}')).toBe('snir');
});
