// The line format of a change: canonical (one spelling per change, typed values, sorted keys),
// decoding gives the change back for any text and any finite number, and malformed lines fail.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from '../../db/mutation';
import type { Fields } from '../../db/mutation';
import { decodeChange, encodeChange, encodeStored } from '../../db/sync/change-codec';

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.1, 1e21, 1e-7, -0, 2 ** 53, 123456789012345680000),
  fc.constant(null),
);
const column = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/).filter((c) => c !== 'id');

describe('change codec', () => {
  test('encode then decode round-trips; re-encoding, and encoding the stored form, give the same bytes', () => {
    const site = '0123456789abcdef';
    fc.assert(
      fc.property(
        fc.dictionary(column, value, { maxKeys: 8 }),
        fc.string({ minLength: 1, maxLength: 50 }),
        fc.option(fc.string({ maxLength: 50 }), { nil: null }),
        (raw, rowId, author) => {
          const fields = raw as Fields;
          const prev = Object.fromEntries(
            Object.keys(fields)
              .slice(0, 2)
              .map((k) => [k, '0000000000010000' + site]),
          );
          const change = {
            origin: site,
            seq: 7,
            hlc: 'ffffffffffff0000' + site,
            tbl: 'project',
            rowId,
            fields,
            prev,
            author,
          };
          const line = encodeChange(change);
          const back = decodeChange(line);
          expect(canonicalJson(back.fields)).toBe(canonicalJson(fields));
          expect(JSON.stringify(back.fields)).toBe(canonicalJson(fields));
          expect(back).toMatchObject({ origin: site, seq: 7, rowId, author, prev });
          expect(encodeChange(back)).toBe(line);
          expect(
            encodeStored({
              ...change,
              row_id: rowId,
              fields: canonicalJson(fields),
              prev: canonicalJson(prev),
            }),
          ).toBe(line);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('malformed lines are refused', () => {
    const site = '0123456789abcdef';
    const good = encodeChange({
      origin: site,
      seq: 1,
      hlc: '0000000000020000' + site,
      tbl: 'project',
      rowId: 'a',
      fields: { name: 'x' },
      prev: {},
      author: null,
    });
    expect(() => decodeChange(good)).not.toThrow();
    for (const bad of [
      good.replace('"project"', '"Project; DROP"'),
      good.replace(`"${site}",1`, `"${site}",0`),
      good.replace('"s",{"name":"x"}', '"i",{"name":"x"}'),
      good.replace('"s",{"name":"x"}', '"ss",{"name":"x"}'),
      good.replace('{"name":"x"}', '{"name":"x","alpha":null}').replace('"s",', '"sn",'),
      good.replace('{"name"', '{"id"'),
      good.replace('0000000000020000' + site, '0000000000020000' + 'ffffffffffffffff'),
      '[1,2,3]',
      'not json',
    ]) {
      expect(() => decodeChange(bad)).toThrow();
    }
  });
});
