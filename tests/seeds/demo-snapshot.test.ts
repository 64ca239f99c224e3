// The demo is a fixed function of its options: these digests were taken from the generator before it
// was split into modules (seeds/demo/), so any change to the rows it writes, their order or their
// ids shows here. A change meant to alter the demo data updates the digests in the same commit
// (last: about 150 key projects at any size, issue 16; the file dump holds 009's and 010's
// columns, and 016-019's: identity codes, merged_into, not_duplicate, claims).
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { writeDemoRows } from '../../db/services/app';
import { syncedTables } from '../../db/synced-tables';
import { generateDemo } from '../../seeds/demo/index';
import type { DemoOptions } from '../../seeds/demo/index';
import { openTempDb } from '../helpers';

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The rows as yielded, in order. */
const generated = (options: DemoOptions) => sha256([...generateDemo(options)]);

const cases: readonly (readonly [DemoOptions, string])[] = [
  [{ projects: 0, seed: 3 }, '8fa23f4d0f573e7f0ae4e49c4c51ca43100560db585cd130ca7f5f4254971862'],
  [
    { projects: 300, seed: 20210630 },
    '3351e8ed5aef896c9076a0fd1e878d3d26af3d07519e7f0453acd08c2126c512',
  ],
  [
    { projects: 2000, seed: 42 },
    '226815353b619fca8915d340071a15fb59c32534f50847a65de4d516568feae3',
  ],
  [
    { projects: 400, seed: 8, asOf: '2024-03-31' },
    '6e40999db7cb341555ff8f2447fa794ab032e52bb088227d1c19e1c91de7e11a',
  ],
  [
    { projects: 150, seed: -7.25, asOf: '2019-01-01' },
    '20021264d9d891dd1389dfca238d812b9f36b90895c6713771d668427cf4a047',
  ],
  [
    { projects: 150, seed: 2 ** 40 + 5, asOf: '2030-12-31' },
    '5a3ee083f324f29ef43eb7fde9dcbb1642bf9067034b494c4355099369bdbab8',
  ],
  [
    { projects: 100, seed: 11, asOf: '2000-02-29' },
    '9776ba3f8e299b7e4410e48d8ed0e3d01886bac26f9ead86e73e19b3f3d4570d',
  ],
];

describe('demo data snapshot', () => {
  it.each(cases)('yields the same rows for %o', (options, digest) => {
    expect(generated(options)).toBe(digest);
  });

  it('yields the same rows in a time zone that skipped a day', () => {
    // Samoa went from 2011-12-29 to 2011-12-31: a calendar counted in local time loses a day.
    const options = { projects: 150, seed: 5, asOf: '2012-06-30' };
    const digest = 'b1960057cb7e2e1e6e2783fc65a18dcf8171f83d14effa5a6ac9ca4546ad53c1';
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Apia';
    try {
      expect(new Date(Date.UTC(2011, 11, 30, 12)).getDate()).toBe(31);
      expect(generated(options)).toBe(digest);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  let app: AppDatabase | undefined;
  afterEach(() => app?.close());

  it('writes the same synced rows into a SQLite file', async () => {
    app = await openTempDb();
    const db = app.sqlite;
    const tables = Object.keys(syncedTables);
    const idsOf = (table: string) =>
      new Set(db.prepare(`SELECT id FROM "${table}"`).pluck().all() as string[]);
    const before = new Map(tables.map((t) => [t, idsOf(t)]));
    writeDemoRows(app, { projects: 500, seed: 20210630 });
    const dump = tables.map((table) => {
      const columns = [
        'id',
        ...Object.keys(syncedTables[table as keyof typeof syncedTables].columns),
      ];
      const rows = db
        .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY id`)
        .raw()
        .all() as unknown[][];
      const seeded = before.get(table) as Set<string>;
      return [table, columns, rows.filter((r) => !seeded.has(r[0] as string))];
    });
    const counts = Object.fromEntries(
      dump.map(([table, , rows]) => [table, (rows as unknown[]).length]).filter(([, n]) => n),
    );
    expect(counts).toEqual({
      promoter: 33,
      investor: 200,
      contact: 743,
      project: 500,
      capital_arrival: 542,
      key_investment: 106,
      activity: 1409,
      task: 692,
    });
    expect(sha256(dump)).toBe('85e0637ac79c96b425d20f417e4e811ea17cebeebe594ea35abf9d9a4efe70bb');
  });
});
