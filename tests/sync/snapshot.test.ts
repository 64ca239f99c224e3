// Snapshot join (docs/sync.md S22) on real database files and real snapshot files: a laptop that
// joined by a 本部 snapshot and then exchanges ordinary files converges with replicas that saw
// every change (a property over random histories, 本部's log compacted first in some), and then
// verifies and sends ordinary files. Refusals: snapshot-refusals.test.ts.
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import { compact, compactionPeers } from '../../db/sync/compaction';
import { makeSnapshot } from '../../db/sync/snapshot';
import { emptyJoined } from './snapshot-joined';
import { loadSnapshot } from '../../db/sync/snapshot-load';
import { expectOk, tempDir } from '../helpers';
import { exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';
import {
  applyEdit,
  BASE_MS,
  changeLog,
  dumpWithDerived,
  editArb,
  openConflictIds,
  world,
} from './model';
import type { Edit } from './model';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 15);

const stats = {
  runs: 0,
  snapshotChanges: [] as number[],
  stepsBefore: [] as number[],
  stepsAfter: [] as number[],
  /** Changes the joined laptop exchanged after the join (its own and received). */
  afterJoin: [] as number[],
  conflicts: 0,
  /** Worlds whose 本部 laptop compacted its log (S19) before the snapshot, and what it took out. */
  compacted: 0,
  archived: 0,
};

afterAll(() => {
  const mean = (xs: number[]) =>
    xs.length ? Math.round((10 * xs.reduce((a, b) => a + b, 0)) / xs.length) / 10 : 0;
  console.log(
    `snapshot property statistics: ${JSON.stringify({
      runs: stats.runs,
      snapshotChanges: {
        mean: mean(stats.snapshotChanges),
        max: Math.max(0, ...stats.snapshotChanges),
      },
      stepsBefore: mean(stats.stepsBefore),
      stepsAfter: mean(stats.stepsAfter),
      changesAfterJoin: mean(stats.afterJoin),
      worldsWithConflicts: stats.conflicts,
      worldsCompacted: stats.compacted,
      changesArchived: stats.archived,
    })}`,
  );
});

/** Joins by snapshot and initialises, as `init --join … --snapshot` does. */
async function joinBySnapshot(dir: string, snapshot: string, office: string, ms: number) {
  const clock = { ms };
  const app = await emptyJoined(dir, office, clock);
  const loaded = await loadSnapshot(app, { file: snapshot });
  const replica: Replica = { app, office, clock };
  const atLoad = dumpWithDerived(replica);
  expectOk(dispatchSync(app, 'app.init', { user: `${office}新电脑`, office }));
  return { replica, loaded, atLoad };
}

type Step =
  { kind: 'edit'; r: number; edit: Edit } | { kind: 'send'; r: number; to: number; full: boolean };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), r: fc.nat(5), edit: editArb }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      r: fc.nat(5),
      to: fc.nat(5),
      full: fc.boolean(),
    }),
  },
);

/** Everyone to 本部, 本部 to everyone: every replica then holds every change. */
async function exchangeAll(replicas: Replica[], dir: string) {
  const [hq, ...rest] = replicas;
  for (const r of rest) await importInto(hq!, (await exportTo(r, dir, { full: true })).file);
  const everything = (await exportTo(hq!, dir, { full: true })).file;
  for (const r of rest) await importInto(r, everything);
}

/** Whether `r` has had a file from `peer`. */
const knows = (r: Replica, peer: Replica) =>
  r.app.sqlite.prepare('SELECT 1 FROM sync_peer WHERE site_id = ?').get(peer.app.siteId) !==
  undefined;

/**
 * The steps in order. A compacted log (`compacted`: 本部's, and the laptop that joined by its
 * snapshot) sends only what each peer lacks: a full file would need the lines it took out.
 */
async function run(
  replicas: Replica[],
  dir: string,
  steps: Step[],
  advance: () => void,
  compacted: Replica[] = [],
) {
  for (const s of steps) {
    const r = replicas[s.r % replicas.length]!;
    advance();
    if (s.kind === 'edit') applyEdit(r, s.edit);
    else {
      const to = replicas[s.to % replicas.length]!;
      if (to === r) continue;
      let peer: { full: true } | { for: string } = s.full ? { full: true } : { for: to.office };
      if (compacted.includes(r)) {
        // It can no longer send all of its log, nor serve an office whose laptops it has never
        // heard from: it sends what a laptop it knows lacks.
        if (!knows(r, to)) continue;
        peer = { for: to.app.siteId };
      }
      const file = await exportTo(r, dir, peer);
      await importInto(to, file.file);
    }
  }
}

describe('snapshot join (docs/sync.md S22)', () => {
  test('a laptop joined by snapshot, then exchanging files, converges with replicas that saw every change', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 25, size: 'medium' }),
        fc.array(stepArb, { minLength: 0, maxLength: 25, size: 'medium' }),
        // Both 本部 laptops reorder one office before either hears of the other: a conflict (S6).
        fc.record({
          target: fc.nat(8),
          a: fc.integer({ min: 1, max: 50 }),
          b: fc.integer({ min: 1, max: 50 }),
        }),
        // 本部 first exchanges with everyone and compacts its log, so the snapshot has holes.
        fc.boolean(),
        async (before, after, race, compactFirst) => {
          const w = await world([0, 0, 0]);
          let now = BASE_MS;
          const tick = () => {
            now += 1000;
            w.advance(1000);
          };
          try {
            stats.runs += 1;
            stats.stepsBefore.push(before.length);
            stats.stepsAfter.push(after.length);
            for (const [i, sort] of [
              [0, race.a],
              [2, race.b],
            ] as const) {
              tick();
              applyEdit(w.replicas[i]!, {
                op: 'set',
                table: 'office',
                target: race.target,
                values: { sort },
              });
            }
            await run(w.replicas, w.dir, before, tick);
            // The first replica is a 本部 laptop (model.ts OFFICE_POOL).
            const hq = w.replicas[0]!;
            if (compactFirst) {
              // 本部 reorders another office again and again: more than two blocks of its log
              // (compaction goes by whole blocks) are superseded once every peer holds them.
              for (let sort = race.a + 1; sort < race.a + 40; sort++) {
                tick();
                const values = { sort };
                applyEdit(hq, { op: 'set', table: 'office', target: race.target + 4, values });
              }
              // Twice: the second round tells 本部 what each peer now holds.
              await exchangeAll(w.replicas, w.dir);
              await exchangeAll(w.replicas, w.dir);
              // The test zone's other laptops (of other tests) never write to this world.
              const ours = new Set(w.replicas.map((r) => r.app.siteId));
              const others = hq.app
                .transact((tx) => compactionPeers(tx.sql, tx.siteId, hq.clock.ms, 0), {
                  write: false,
                })
                .filter((p) => p.silent && !ours.has(p.siteId))
                .map((p) => p.siteId);
              const done = compact(hq.app, { vacuum: false, silentDays: 0, exclude: others });
              stats.compacted += 1;
              stats.archived += done.archived;
            }
            const snapshot = await makeSnapshot(hq.app, { out: join(w.dir, 'zone.zsnap') });
            stats.snapshotChanges.push(snapshot.changes);
            const held = dumpWithDerived(hq);
            const { replica: joined, atLoad } = await joinBySnapshot(
              w.dir,
              snapshot.file,
              '北京',
              now,
            );
            // It holds what 本部 held, derived columns included.
            expect(atLoad).toEqual(held);
            const all = [...w.replicas, joined];
            const advance = () => {
              tick();
              joined.clock.ms = now;
            };
            const logBefore = changeLog(joined).length;
            await run(all, w.dir, after, advance, compactFirst ? [hq, joined] : []);
            // Everyone to 本部, 本部 to everyone: every replica then holds every change.
            for (const r of all.slice(1)) {
              const to = compactFirst && r === joined ? { for: hq.app.siteId } : { full: true };
              await importInto(hq, (await exportTo(r, w.dir, to)).file);
            }
            for (const r of all.slice(1)) {
              const back = compactFirst ? { for: r.app.siteId } : { full: true };
              await importInto(r, (await exportTo(hq, w.dir, back)).file);
            }
            stats.afterJoin.push(changeLog(joined).length - logBefore);
            const reference = dumpWithDerived(hq);
            const conflicts = openConflictIds(hq);
            if (conflicts.length) stats.conflicts += 1;
            for (const r of all.slice(1)) {
              expect(dumpWithDerived(r)).toEqual(reference);
              expect(openConflictIds(r)).toEqual(conflicts);
              // A compacted log lacks what it archived; every other replica holds every change.
              if (!compactFirst) expect(changeLog(r)).toEqual(changeLog(hq));
            }
            joined.app.close();
          } finally {
            w.close();
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 300_000);

  test('the joined laptop verifies and accepts the next file from an office, and sends its own', async () => {
    const dir = tempDir('zs-snap-');
    const hq = await openReplica('本部', { dir: tempDir('zs-snap-hq-') });
    const shanghai = await openReplica('上海', { dir: tempDir('zs-snap-sh-') });
    const project = expectOk(
      dispatchSync(shanghai.app, 'project.create', { name: '快照前的项目', office: '上海' }),
    ) as { id: string };
    await importInto(hq, (await exportTo(shanghai, dir, { for: '本部' })).file);
    const snapshot = await makeSnapshot(hq.app, { out: join(dir, 'zone.zsnap') });
    const { replica: joined, loaded } = await joinBySnapshot(
      dir,
      snapshot.file,
      '北京',
      hq.clock.ms,
    );
    expect(loaded.new).toBe(changeLog(hq).length);
    // 上海 edits on; its incremental file (from a block start, not from the beginning) applies.
    shanghai.clock.ms += 60_000;
    expectOk(
      dispatchSync(shanghai.app, 'project.update', {
        id: project.id,
        patch: { name: '快照后改名' },
      }),
    );
    const next = await exportTo(shanghai, dir, { for: '本部' });
    expect(next.changes).toBeLessThan(changeLog(shanghai).length + 1);
    const report = await importInto(joined, next.file);
    expect(report.new).toBeGreaterThan(0);
    const row = joined.app.sqlite.prepare('SELECT name FROM project WHERE id = ?').pluck();
    expect(row.get(project.id)).toBe('快照后改名');
    // And 上海 accepts what the joined laptop writes.
    joined.clock.ms = shanghai.clock.ms + 60_000;
    expectOk(
      dispatchSync(joined.app, 'project.update', { id: project.id, patch: { name: '北京再改' } }),
    );
    await importInto(shanghai, (await exportTo(joined, dir, { for: '上海' })).file);
    expect(row.get(project.id)).toBe('北京再改');
    expect(
      shanghai.app.sqlite.prepare('SELECT name FROM project WHERE id = ?').pluck().get(project.id),
    ).toBe('北京再改');
  });
});
