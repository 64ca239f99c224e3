// Snapshot join (issue 19, docs/sync.md S22): 本部 holds the demo rows of N projects as ordinary
// changes in a real zone, makes a snapshot, and a new laptop that joined with an invitation without
// data loads it. The join is timed, and compared with a plain copy of 本部's database file made in
// the same run (the cheapest way any laptop could receive the same data).
// It works on a copy of the zone base (zone-base.ts); that copy, timed, is the reference.
// Also runnable alone: `tsx tests/bench/snapshot-bench.ts` (BENCH_PROJECTS, default 100k).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppDatabase } from '../../db/app-database';
import { joinWithInvitation, makeInvitation } from '../../db/sync/invitation';
import { makeSnapshot } from '../../db/sync/snapshot';
import { loadSnapshot } from '../../db/sync/snapshot-load';
import type { Budgets } from './budgets';
import { buildZoneBase, copyBase } from './zone-base';
import type { ZoneBase } from './zone-base';

/** Budget of issue 19: a snapshot join at 100k projects under 10 s. */
const JOIN_BUDGET_S = 10;

/** Wall seconds and this process's CPU seconds (every thread) of `work`. */
const seconds = async <T>(work: () => T | Promise<T>) => {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, s: (performance.now() - t) / 1000, cpu: (used.user + used.system) / 1e6 };
};

export async function benchSnapshot(
  base: ZoneBase,
  line: (label: string, value: string, budget?: string) => void,
  budgets?: Budgets,
): Promise<{ failures: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'zs-bench-snapshot-'));
  try {
    // The plain copy of 本部's database file: the cheapest way any laptop could get the same data.
    const copy = copyBase(base, dir, 'hq.sqlite');
    const hqFile = copy.file;
    const hq = await openAppDatabase(hqFile);
    const projects = hq.sqlite.prepare('SELECT count(*) FROM project').pluck().get() as number;
    const changes = hq.sqlite.prepare('SELECT count(*) FROM sync_change').pluck().get() as number;
    console.log(
      `\nsnapshot join: ${projects.toLocaleString()} projects, ${changes.toLocaleString()} changes at 本部`,
    );
    const made = await seconds(() => makeSnapshot(hq, { out: join(dir, 'zone.zsync') }));
    const invitation = await makeInvitation(hq, {
      out: join(dir, 'new.zsinvite'),
      passphrase: 'bench-passphrase',
      withoutData: true,
      office: '上海',
    });
    hq.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = statSync(hqFile).size;
    hq.close();

    const laptop = await openAppDatabase(join(dir, 'new.sqlite'));
    await joinWithInvitation(laptop, { file: invitation.file, passphrase: 'bench-passphrase' });
    const joined = await seconds(() => loadSnapshot(laptop, { file: made.value.file }));
    await laptop.checkpointIdle();
    const held = laptop.sqlite.prepare('SELECT count(*) FROM project').pluck().get() as number;
    laptop.close();
    if (joined.value.new !== changes || held < projects) {
      throw new Error('snapshot bench: the joined laptop lacks data');
    }

    line('database at 本部 (MB)', (dbBytes / 1e6).toFixed(0));
    line(
      'snapshot: make at 本部 (s)',
      made.s.toFixed(2),
      `${(made.value.bytes / 1e6).toFixed(0)} MB file; image ${(made.value.imageBytes / 1e6).toFixed(0)} MB`,
    );
    line('plain copy of the database file (s)', copy.s.toFixed(2), 'the reference');
    line(
      'snapshot join: check and load (s)',
      joined.s.toFixed(2),
      `budget ${JOIN_BUDGET_S} s → ${((joined.s / JOIN_BUDGET_S) * 100).toFixed(0)}% of budget; ${(joined.s / copy.s).toFixed(1)}× the plain copy; CPU ${joined.cpu.toFixed(1)} s`,
    );
    const phases = Object.entries(joined.value.phasesMs ?? {});
    line('  its phases (ms)', '', phases.map(([k, ms]) => `${k} ${ms}`).join(', '));
    budgets?.under(
      `snapshot join, ${projects.toLocaleString()} projects`,
      joined.s,
      JOIN_BUDGET_S,
      's',
      `${(joined.s / copy.s).toFixed(1)}× a plain copy, ${copy.s.toFixed(2)} s`,
    );
    return {
      failures: joined.s >= JOIN_BUDGET_S ? [`snapshot join over ${JOIN_BUDGET_S} s`] : [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('snapshot-bench.ts')) {
  const line = (label: string, value: string, budget?: string) =>
    console.log(`${label.padEnd(46)} ${value.padStart(14)}${budget ? `   ${budget}` : ''}`);
  const dir = mkdtempSync(join(tmpdir(), 'zs-bench-base-'));
  void buildZoneBase(dir, Number(process.env.BENCH_PROJECTS ?? 100_000), {})
    .then((base) => benchSnapshot(base, line))
    .then(({ failures }) => {
      if (failures.length) {
        console.log(`\nNOT MET: ${failures.join('; ')}`);
        process.exitCode = 1;
      }
    })
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
