// The demo is a fixed function of its options: these digests were taken from the generator before it
// was split into modules (seeds/demo/), so any change to the rows it writes, their order or their
// ids shows here. A change meant to alter the demo data updates the digests in the same commit.
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
    'ac6194a43f4b18a02b3a5a6fa71d7b8ccba23a6d044274ecb22076c30bdaddff',
  ],
  [
    { projects: 2000, seed: 42 },
    '1f01f276dfea28894dcba9b434ce42919a3c55443dad913f38f84866c6de21e0',
  ],
  [
    { projects: 400, seed: 8, asOf: '2024-03-31' },
    'cc1b97c176c8f0e9904877131c3edaea566045e4885142ce1273baa940536760',
  ],
  [
    { projects: 150, seed: -7.25, asOf: '2019-01-01' },
    'def05b0e6bf6bf7b90a09758605459ee0b5cd32e36a38181d5ee83dbd202bacc',
  ],
  [
    { projects: 150, seed: 2 ** 40 + 5, asOf: '2030-12-31' },
    '087e6b0e132a0af1810fbeec421a1b7e9ec2d0fa6b641a2c1262e376c5483b3a',
  ],
  [
    { projects: 100, seed: 11, asOf: '2000-02-29' },
    '20f5f8589501cc181c63bdaf9c3826561e8a613d7e1f45e2160ec671980bec47',
  ],
];

describe('demo data snapshot', () => {
  it.each(cases)('yields the same rows for %o', (options, digest) => {
    expect(generated(options)).toBe(digest);
  });

  it('yields the same rows in a time zone that skipped a day', () => {
    // Samoa went from 2011-12-29 to 2011-12-31: a calendar counted in local time loses a day.
    const options = { projects: 150, seed: 5, asOf: '2012-06-30' };
    const digest = 'c2ddc9c06f6eaa87d6cd2abee0133e4bbedc188849ff02590c85e1ba086edba2';
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
      contact: 760,
      project: 500,
      capital_arrival: 533,
      activity: 1320,
      task: 637,
    });
    expect(sha256(dump)).toBe('e4d9e3d9ebba817f65cd4369ee7673332a6889ad116a246d917417f0ed1d8fe6');
  });
});
