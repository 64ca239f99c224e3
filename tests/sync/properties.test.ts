// The properties at the end of SYNC.md, with fast-check over 2-5 replicas on real database files and
// real exported files (in a RAM folder): random edits, deletes, undeletes, skewed clocks and
// exchange schedules, including duplicated, stale, reordered and relayed files.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readMeta } from '../../db/replica-identity';
import { currentSchema } from '../../db/sync/apply';
import type { KnownSchema } from '../../db/sync/apply';
import { releaseQuarantine } from '../../db/sync/quarantine';
import { dump, exportTo, importInto } from './replicas';
import type { Replica } from './replicas';
import { applyEdit, changeLog, editArb, expectedFields, openConflictIds, world } from './model';
import type { Edit } from './model';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 100);
const settings = { numRuns: RUNS, endOnFailure: true };

type Step =
  | { kind: 'edit'; r: number; edit: Edit; advanceMs: number }
  | { kind: 'export'; r: number; to: number; full: boolean }
  | { kind: 'import'; r: number; file: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      r: fc.nat(4),
      edit: editArb,
      advanceMs: fc.constantFrom(0, 1, 1000, 90_000),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('export' as const),
      r: fc.nat(4),
      to: fc.nat(4),
      full: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('import' as const), r: fc.nat(4), file: fc.nat(30) }),
  },
);

const worldArb = fc.record({
  offsets: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 5 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 14 }),
});

async function runSchedule(replicas: Replica[], dir: string, steps: Step[]): Promise<string[]> {
  const files: string[] = [];
  for (const s of steps) {
    const r = replicas[s.r % replicas.length]!;
    if (s.kind === 'edit') {
      r.clock.ms += s.advanceMs;
      applyEdit(r, s.edit);
    } else if (s.kind === 'export') {
      const to = replicas[s.to % replicas.length]!;
      const peer = s.full || to === r ? { full: true } : { for: to.office };
      files.push((await exportTo(r, dir, peer)).file);
    } else if (files.length) {
      await importInto(r, files[s.file % files.length]!);
    }
  }
  return files;
}

/** Everyone sends everything to the first replica, which sends everything back. */
async function exchangeAll(replicas: Replica[], dir: string): Promise<void> {
  const [hub, ...rest] = replicas;
  for (const r of rest) await importInto(hub!, (await exportTo(r, dir, { full: true })).file);
  const all = (await exportTo(hub!, dir, { full: true })).file;
  for (const r of rest) await importInto(r, all);
}

const keyOf = (c: { origin: string; seq: number }) => `${c.origin}:${c.seq}`;

describe('sync properties (SYNC.md)', () => {
  test('1, 6, 7, 8: any schedule of delivery, duplication and relay converges; fields hold their greatest-hlc value; conflicts agree; clocks are unique', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async ({ offsets, steps }) => {
        const w = await world(offsets);
        try {
          await runSchedule(w.replicas, w.dir, steps);
          await exchangeAll(w.replicas, w.dir);
          const [first, ...rest] = w.replicas;
          const reference = dump(first!);
          const conflicts = openConflictIds(first!);
          const log = changeLog(first!);
          for (const r of rest) {
            expect(dump(r)).toEqual(reference);
            expect(openConflictIds(r)).toEqual(conflicts);
            expect(changeLog(r)).toEqual(log);
          }
          // 7: each field holds its greatest-hlc change's value (8: undelete restores the latest).
          const expected = expectedFields(log);
          for (const [table, rows] of Object.entries(reference)) {
            for (const row of rows) {
              const want = expected.get(`${table}/${String(row.id)}`) ?? {};
              for (const [col, value] of Object.entries(want)) expect(row[col]).toEqual(value);
            }
          }
          // 6: clocks unique across replicas and increasing with each origin's sequence.
          expect(new Set(log.map((c) => c.hlc)).size).toBe(log.length);
          for (let i = 1; i < log.length; i++) {
            if (log[i]!.origin === log[i - 1]!.origin)
              expect(log[i]!.hlc > log[i - 1]!.hlc).toBe(true);
          }
        } finally {
          w.close();
        }
      }),
      settings,
    );
  }, 120_000);

  test('2, 3: a file imported twice equals once; two files in either order agree; a stale file changes nothing and no clock moves back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        async (editsA, editsB) => {
          const w = await world([0, 5, 10, 10], ['本部', '上海', '北京', '北京']);
          const [a, b, c1, c2] = w.replicas as [Replica, Replica, Replica, Replica];
          try {
            editsA.forEach((e) => applyEdit(a, e));
            const older = (await exportTo(a, w.dir, { full: true })).file;
            a.clock.ms += 1000;
            editsA.forEach((e) => applyEdit(a, e));
            const x = (await exportTo(a, w.dir, { full: true })).file;
            editsB.forEach((e) => applyEdit(b, e));
            const y = (await exportTo(b, w.dir, { full: true })).file;
            await importInto(c1, x);
            await importInto(c1, y);
            await importInto(c2, y);
            await importInto(c2, x);
            expect(dump(c1)).toEqual(dump(c2));
            const once = { dump: dump(c1), log: changeLog(c1).length };
            await importInto(c1, x);
            expect({ dump: dump(c1), log: changeLog(c1).length }).toEqual(once);
            const clock = readMeta(c1.app.sqlite, 'hlc_last')!;
            const stale = await importInto(c1, older);
            expect(stale.new).toBe(0);
            expect(dump(c1)).toEqual(once.dump);
            expect(readMeta(c1.app.sqlite, 'hlc_last')! >= clock).toBe(true);
          } finally {
            w.close();
          }
        },
      ),
      settings,
    );
  }, 120_000);

  test('5: an exception at any change during apply leaves the database and the clock as they were', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(editArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        async (edits, at) => {
          const w = await world([0, 3]);
          const [a, b] = w.replicas as [Replica, Replica];
          try {
            edits.forEach((e) => applyEdit(b, e));
            applyEdit(a, { kind: 'create', name: '甲' });
            const file = (await exportTo(b, w.dir, { full: true })).file;
            const before = everyTable(a);
            const clockBefore = readMeta(a.app.sqlite, 'hlc_last');
            const fail = at % Math.max(1, changeLog(b).length);
            await expect(
              importInto(a, file, {
                beforeChange: (i) => {
                  if (i === fail) throw new Error('injected');
                },
              }),
            ).rejects.toThrow('injected');
            expect(everyTable(a)).toEqual(before);
            // The in-memory clock did not move either: the next local change follows the old one.
            applyEdit(a, { kind: 'create', name: '乙' });
            expect(readMeta(a.app.sqlite, 'hlc_last')! > clockBefore!).toBe(true);
            const report = await importInto(a, file);
            expect(report.new).toBe(changeLog(b).length - 0 - report.skipped);
            await importInto(b, (await exportTo(a, w.dir, { full: true })).file);
            expect(dump(a)).toEqual(dump(b));
          } finally {
            w.close();
          }
        },
      ),
      settings,
    );
  }, 120_000);

  test('9: children delivered before their parents end as in-order delivery', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(editArb, { minLength: 2, maxLength: 8 }),
        fc.func(fc.integer()),
        async (edits, order) => {
          const w = await world([0, 2, 2]);
          const [a, inOrder, shuffled] = w.replicas as [Replica, Replica, Replica];
          try {
            // One file per transaction: export everything above the previous transaction's seq.
            const files: string[] = [];
            for (const [i, e] of [{ kind: 'create' as const, name: '父' }, ...edits].entries()) {
              const seq = ownSeq(a);
              applyEdit(a, i % 2 ? e : { kind: 'child', target: i, note: '拜访' });
              applyEdit(a, e);
              if (ownSeq(a) === seq) continue;
              pretendPeerHas(a, 'ffffffffffffff00', { [a.app.siteId]: seq });
              files.push((await exportTo(a, w.dir, { for: 'ffffffffffffff00' })).file);
            }
            files.unshift((await exportTo(a, w.dir, { full: true })).file);
            for (const f of files) await importInto(inOrder, f);
            const permuted = [...files].sort((x, y) => order(x) - order(y) || (x < y ? -1 : 1));
            for (const f of permuted) await importInto(shuffled, f);
            expect(dump(shuffled).project).toEqual(dump(inOrder).project);
            expect(dump(shuffled).activity).toEqual(dump(inOrder).activity);
            expect(dump(shuffled).activity).toEqual(dump(a).activity);
            expect(dump(shuffled).project).toEqual(dump(a).project);
          } finally {
            w.close();
          }
        },
      ),
      settings,
    );
  }, 120_000);

  test('10: a newer-schema file on an older replica: known fields apply, the rest is kept and relayed; after the upgrade it equals an always-new replica', async () => {
    const old: KnownSchema = Object.fromEntries(
      Object.entries(currentSchema)
        .filter(([t]) => t !== 'activity')
        .map(([t, cols]) => [t, t === 'project' ? withoutKey(cols, 'problems') : cols]),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 10 }), async (edits) => {
        const w = await world([0, 1, 2]);
        const [fresh, older, relayed] = w.replicas as [Replica, Replica, Replica];
        try {
          edits.forEach((e) => applyEdit(fresh, e));
          await importInto(older, (await exportTo(fresh, w.dir, { full: true })).file, {
            schema: old,
          });
          const d = dump(older);
          expect(d.activity).toEqual([]);
          expect(d.project!.every((p) => p.problems === null)).toBe(true);
          expect(d.project!.map(({ problems: _, ...p }) => p)).toEqual(
            dump(fresh).project!.map(({ problems: _, ...p }) => p),
          );
          // Relayed by the old replica, everything reaches a new one.
          await importInto(relayed, (await exportTo(older, w.dir, { full: true })).file);
          expect(dump(relayed).project).toEqual(dump(fresh).project);
          expect(dump(relayed).activity).toEqual(dump(fresh).activity);
          // The upgrade: the old replica now knows everything.
          older.app.transact((tx) => releaseQuarantine(tx));
          expect(dump(older).project).toEqual(dump(fresh).project);
          expect(dump(older).activity).toEqual(dump(fresh).activity);
          expect(
            older.app.sqlite.prepare('SELECT count(*) AS n FROM sync_quarantine').get(),
          ).toEqual({ n: 0 });
        } finally {
          w.close();
        }
      }),
      settings,
    );
  }, 120_000);

  test('11: after P imports our export made for P, P knows at least everything we know', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.nat(4), fc.nat(4), async ({ offsets, steps }, i, j) => {
        const w = await world(offsets);
        try {
          await runSchedule(w.replicas, w.dir, steps);
          const us = w.replicas[i % w.replicas.length]!;
          const p = w.replicas[j % w.replicas.length]!;
          if (us === p) return;
          await importInto(p, (await exportTo(us, w.dir, { for: p.office })).file);
          const theirs = new Set(changeLog(p).map(keyOf));
          for (const c of changeLog(us)) expect(theirs.has(keyOf(c))).toBe(true);
        } finally {
          w.close();
        }
      }),
      settings,
    );
  }, 120_000);
});

function withoutKey<T extends object>(o: T, key: string): T {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)) as T;
}

function ownSeq(r: Replica): number {
  return (
    (
      r.app.sqlite.prepare('SELECT max_seq FROM sync_vv WHERE origin = ?').get(r.app.siteId) as
        { max_seq: number } | undefined
    )?.max_seq ?? 0
  );
}

/** Sets what a (fictitious) peer is known to hold, so the next export for it is incremental. */
function pretendPeerHas(r: Replica, site: string, vector: Record<string, number>): void {
  r.app.sqlite
    .prepare(
      `INSERT INTO sync_peer (site_id, office, acked) VALUES (?, NULL, ?)
       ON CONFLICT (site_id) DO UPDATE SET acked = excluded.acked`,
    )
    .run(site, JSON.stringify(vector));
}

/** The content of every table, local ones included: "unchanged" means all of this is equal. */
function everyTable(r: Replica): Record<string, unknown[]> {
  const tables = r.app.sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      r.app.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all(),
    ]),
  );
}
