// Property: the change log captures every write. For random sequences of API calls, replaying the
// log's fields in clock order rebuilds every synced row exactly as the tables hold it.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import { syncedTableNames, syncedTables } from '../../db/synced-tables';
import type { AppDatabase } from '../../db/app-database';
import { openTempDb } from '../helpers';

type Op =
  | { kind: 'create'; name: string; country: string | null; amount: number | null; usd: boolean }
  | { kind: 'update'; target: number; patch: Record<string, unknown> }
  | { kind: 'delete'; target: number }
  | { kind: 'activity'; target: number; note: string }
  | { kind: 'bad'; input: Record<string, unknown> };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    name: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
    country: fc.constantFrom('DE', 'JP', 'US', 'CN', 'KR', 'BR', null),
    amount: fc.option(fc.integer({ min: 0, max: 20_000_000_000 }), { nil: null }),
    usd: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('update' as const),
    target: fc.nat(),
    patch: fc.record(
      {
        name: fc.constantFrom('甲', '乙', 'Alpha'),
        problems: fc.option(fc.constantFrom('土地指标待落实', '环评审批中'), { nil: null }),
        signedOn: fc.option(fc.constantFrom('2020-12-31', '2021-06-01'), { nil: null }),
        totalInvestmentCny: fc.option(fc.integer({ min: 0, max: 2e10 }), { nil: null }),
        owner: fc.constantFrom('张三', '李四'),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), target: fc.nat() }),
  fc.record({
    kind: fc.constant('activity' as const),
    target: fc.nat(),
    note: fc.string({ maxLength: 20 }),
  }),
  fc.record({
    kind: fc.constant('bad' as const),
    input: fc.constantFrom<Record<string, unknown>>(
      { name: 'x', totalInvestmentCny: -1 },
      { name: 'x', country: 'XX' },
      { name: 'x', stage: 'signed' },
    ),
  }),
);

function apply(app: AppDatabase, ids: string[], o: Op) {
  const pick = (n: number) => ids[n % Math.max(1, ids.length)];
  switch (o.kind) {
    case 'create': {
      const amount =
        o.amount === null
          ? {}
          : o.usd
            ? { totalInvestmentUsd: o.amount }
            : { totalInvestmentCny: o.amount };
      const r = dispatchSync(app, 'project.create', {
        name: o.name,
        country: o.country,
        ...amount,
      });
      if (r.ok) ids.push((r.data as { id: string }).id);
      return;
    }
    case 'update':
      if (ids.length) dispatchSync(app, 'project.update', { id: pick(o.target), patch: o.patch });
      return;
    case 'delete':
      if (ids.length) dispatchSync(app, 'project.delete', { id: pick(o.target) });
      return;
    case 'activity':
      if (ids.length)
        dispatchSync(app, 'activity.create', {
          projectId: pick(o.target),
          kind: 'visit',
          occurredOn: '2021-05-01',
          notes: o.note,
        });
      return;
    case 'bad':
      dispatchSync(app, 'project.create', o.input);
  }
}

/** Every synced row rebuilt from the change log alone. */
function replay(app: AppDatabase): Map<string, Record<string, unknown>> {
  const rows = new Map<string, Record<string, unknown>>();
  const changes = app.sqlite
    .prepare('SELECT tbl, row_id, fields FROM sync_change ORDER BY hlc')
    .all() as { tbl: string; row_id: string; fields: string }[];
  for (const c of changes) {
    const key = `${c.tbl}/${c.row_id}`;
    rows.set(key, { ...(rows.get(key) ?? { deleted: 0 }), ...(JSON.parse(c.fields) as object) });
  }
  return rows;
}

function tables(app: AppDatabase): Map<string, Record<string, unknown>> {
  const rows = new Map<string, Record<string, unknown>>();
  for (const table of syncedTableNames) {
    const cols = Object.keys(syncedTables[table].columns);
    for (const row of app.sqlite
      .prepare(`SELECT id, ${cols.join(', ')} FROM ${table}`)
      .all() as Record<string, unknown>[]) {
      const { id, ...rest } = row;
      // a field never written is NULL in the table and absent from the log
      rows.set(
        `${table}/${String(id)}`,
        Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null)),
      );
    }
  }
  return rows;
}

const withoutNulls = (m: Map<string, Record<string, unknown>>) =>
  new Map(
    [...m].map(([k, v]) => [
      k,
      Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null)),
    ]),
  );

describe('change log captures every write', () => {
  test('replaying the log rebuilds every synced table; seq is dense and clocks strictly increase', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const app = await openTempDb();
        try {
          const ids: string[] = [];
          for (const o of ops) apply(app, ids, o);
          expect(withoutNulls(replay(app))).toEqual(tables(app));
          const log = app.sqlite.prepare('SELECT seq, hlc FROM sync_change ORDER BY seq').all() as {
            seq: number;
            hlc: string;
          }[];
          log.forEach((c, i) => {
            expect(c.seq).toBe(i + 1);
            if (i > 0) expect(c.hlc > log[i - 1]!.hlc).toBe(true);
          });
        } finally {
          app.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
