// Merges across offices as a property (issue 18), with fast-check over 2-5 replicas on real database
// files and real exported files: offices create the same few investors and projects offline, hang
// contacts, activities and arrivals on any of them (also on records another office has merged away,
// as a laptop that has not yet seen the merge would), merge pairs through the service (the same pair
// at two offices, opposite directions, chains), undo merges, claim 首报首谈 on any of them, delete
// and undelete, and exchange files in random orders. After everyone has everything, replicas agree
// on every table, on what merges stored and on who holds each subject; an oracle written here from
// the change log alone says what each stored value must be; and the 台账 and the arrivals behind
// the 看板 count no merged-away project.
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { dispatchSync } from '../../db/dispatcher';
import { reconcileMerges } from '../../db/merges';
import { Sql } from '../../db/sql';
import type { Fields, FieldValue } from '../../db/mutation';
import type { LedgerPage } from '../../domain/ledger';
import type { MergeKind } from '../../domain/merge';
import { mergeKinds } from '../../domain/merge';
import { expectOk } from '../helpers';
import { changeLog, dumpWithDerived, expectedFields, world } from './model';
import type { World } from './model';
import { exportTo, importInto } from './replicas';
import type { Replica } from './replicas';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 20);
const TIMEOUT = 120_000 + RUNS * 4_000;

const INVESTORS = ['西门子股份公司', '西门子（中国）有限公司', '博世'];
const PROJECTS = ['西门子医疗', '西门子能源', '博世汽车部件'];

type Op =
  | { op: 'investor'; name: number; parent: number | null }
  | { op: 'project'; name: number; investor: number }
  | { op: 'child'; table: 'contact' | 'activity' | 'capital_arrival' | 'claim'; of: number }
  | { op: 'merge'; kind: MergeKind; keep: number; other: number }
  | { op: 'unmerge'; kind: MergeKind; target: number }
  | { op: 'delete'; kind: MergeKind; target: number; deleted: 0 | 1 }
  /** An existing project moved to another investor (merged away or not). */
  | { op: 'repoint'; target: number; investor: number };

type Step =
  | { kind: 'edit'; r: number; edit: Op }
  /** Two laptops merge one pair before either hears of the other's merge. */
  | { kind: 'both'; r: number; kindOf: MergeKind; keep: number; opposite: boolean }
  | { kind: 'export'; r: number }
  | { kind: 'import'; r: number; file: number };

const kindArb = fc.constantFrom(...mergeKinds);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('investor' as const),
      name: fc.nat(2),
      parent: fc.option(fc.nat(9)),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('project' as const),
      name: fc.nat(2),
      investor: fc.nat(9),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('child' as const),
      table: fc.constantFrom(
        'contact' as const,
        'activity' as const,
        'capital_arrival' as const,
        'claim' as const,
      ),
      of: fc.nat(9),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('merge' as const),
      kind: kindArb,
      keep: fc.nat(9),
      other: fc.nat(9),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('unmerge' as const), kind: kindArb, target: fc.nat(9) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('repoint' as const),
      target: fc.nat(9),
      investor: fc.nat(9),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('delete' as const),
      kind: kindArb,
      target: fc.nat(9),
      deleted: fc.constantFrom(0 as const, 1 as const),
    }),
  },
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), r: fc.nat(4), edit: opArb }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('both' as const),
      r: fc.nat(4),
      kindOf: fc.constantFrom('investor' as const, 'project' as const),
      keep: fc.nat(9),
      opposite: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('export' as const), r: fc.nat(4) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('import' as const), r: fc.nat(4), file: fc.nat(30) }),
  },
);
const worldArb = fc.record({
  replicas: fc.integer({ min: 2, max: 5 }),
  steps: fc.array(stepArb, { minLength: 20, maxLength: 60 }),
});

/**
 * One world that reaches every case the statistics below count, run before the random ones, so a
 * seed that happens to miss a rare case cannot turn the run red: two offices swap files, then merge
 * the same investors in opposite directions (a cycle) and the same projects alike, chain a third
 * investor on, repoint a redirected project, unmerge and claim. fast-check counts it in numRuns.
 */
const everyCase: { replicas: number; steps: Step[] } = {
  replicas: 2,
  steps: [
    { kind: 'export', r: 0 },
    { kind: 'export', r: 1 },
    { kind: 'import', r: 0, file: 1 },
    { kind: 'import', r: 1, file: 0 },
    { kind: 'both', r: 0, kindOf: 'investor', keep: 0, opposite: true },
    { kind: 'both', r: 0, kindOf: 'project', keep: 0, opposite: false },
    { kind: 'edit', r: 0, edit: { op: 'investor', name: 2, parent: null } },
    { kind: 'edit', r: 0, edit: { op: 'merge', kind: 'investor', keep: 2, other: 0 } },
    { kind: 'edit', r: 0, edit: { op: 'repoint', target: 1, investor: 2 } },
    { kind: 'edit', r: 1, edit: { op: 'unmerge', kind: 'project', target: 0 } },
    { kind: 'edit', r: 1, edit: { op: 'child', table: 'claim', of: 1 } },
  ],
};

const stats = {
  worlds: 0,
  merges: 0,
  mergeRefused: 0,
  unmerges: 0,
  /** At the end of a world, after every file: */
  mergedAway: 0,
  chains: 0,
  cyclesBroken: 0,
  redirected: 0,
  mergedThenDeleted: 0,
  sameAtTwo: 0,
  oppositeAtTwo: 0,
  claims: 0,
  /** Repoints of a project whose investor a merge had redirected. */
  repointRedirected: 0,
};
afterAll(() => {
  console.log(`merge property statistics: ${JSON.stringify(stats)}`);
  // The cases the property is about really occur.
  expect(stats.merges).toBeGreaterThan(RUNS);
  expect(stats.unmerges).toBeGreaterThan(0);
  expect(stats.mergedAway).toBeGreaterThan(0);
  expect(stats.redirected).toBeGreaterThan(0);
  expect(stats.oppositeAtTwo).toBeGreaterThan(0);
  expect(stats.sameAtTwo).toBeGreaterThan(0);
  expect(stats.cyclesBroken).toBeGreaterThan(0);
  expect(stats.chains).toBeGreaterThan(0);
  expect(stats.claims).toBeGreaterThan(0);
  expect(stats.repointRedirected).toBeGreaterThan(0);
});

const ids = (r: Replica, table: string, where = '1') =>
  r.app.sqlite
    .prepare(`SELECT id FROM ${table} WHERE ${where} ORDER BY rowid`)
    .pluck()
    .all() as string[];
const pick = (list: string[], n: number) => (list.length ? list[n % list.length]! : null);

function apply(r: Replica, e: Op): void {
  const write = (work: (tx: Parameters<Parameters<Replica['app']['transact']>[0]>[0]) => void) =>
    r.app.transact(work);
  if (e.op === 'investor') {
    const parent = e.parent === null ? null : pick(ids(r, 'investor'), e.parent);
    write((tx) => {
      tx.mutate.insert('investor', { name_zh: INVESTORS[e.name]!, parent_investor_id: parent });
    });
  } else if (e.op === 'project') {
    // Any investor this laptop holds, merged away or not: another office may not have seen it.
    const investor = pick(ids(r, 'investor'), e.investor);
    write((tx) => {
      tx.mutate.insert('project', {
        name: PROJECTS[e.name]!,
        investor_id: investor,
        signed_on: '2021-03-01',
      });
    });
  } else if (e.op === 'child') {
    const project = pick(ids(r, 'project'), e.of);
    if (project === null) return;
    const fields: Fields =
      e.table === 'contact'
        ? { name: '王经理', project_id: project, investor_id: pick(ids(r, 'investor'), e.of) }
        : e.table === 'activity'
          ? { kind: 'visit', occurred_on: '2021-04-01', project_id: project }
          : e.table === 'claim'
            ? // 首报首谈 on an investor or a project, whichever this laptop sees (merged or not).
              e.of % 2
              ? {
                  investor_id: pick(ids(r, 'investor'), e.of),
                  role: 'holder',
                  claimed_on: '2021-04-02',
                  office_id: 'shanghai',
                }
              : {
                  project_id: project,
                  role: 'holder',
                  claimed_on: '2021-04-02',
                  office_id: 'beijing',
                }
            : {
                project_id: project,
                arrived_on: '2021-05-01',
                amount: 1_000_000 * (e.of + 1),
                currency: 'CNY',
                kind: 'domestic',
              };
    write((tx) => {
      tx.mutate.insert(e.table, fields);
    });
  } else if (e.op === 'merge') {
    const live = ids(r, e.kind, 'deleted = 0');
    if (live.length < 2) return;
    // Two different records: the other is counted on from the one kept.
    const keep = live[e.keep % live.length]!;
    const other = live[(e.keep + 1 + (e.other % (live.length - 1))) % live.length]!;
    const result = dispatchSync(r.app, 'record.merge', { kind: e.kind, keep, other });
    if (result.ok) stats.merges += 1;
    else stats.mergeRefused += 1;
  } else if (e.op === 'unmerge') {
    const id = pick(ids(r, e.kind, 'merged_into IS NOT NULL'), e.target);
    if (id === null) return;
    expectOk(dispatchSync(r.app, 'record.unmerge', { id }));
    stats.unmerges += 1;
  } else if (e.op === 'repoint') {
    const id = pick(ids(r, 'project'), e.target);
    const investor = pick(ids(r, 'investor'), e.investor);
    if (id === null || investor === null) return;
    const redirected = r.app.sqlite
      .prepare(`SELECT 1 FROM merge_override WHERE tbl = 'project' AND row_id = ?`)
      .get(id);
    if (redirected) stats.repointRedirected += 1;
    write((tx) => {
      tx.mutate.update('project', id, { investor_id: investor });
    });
  } else {
    const id = pick(ids(r, e.kind), e.target);
    if (id === null) return;
    write((tx) => {
      tx.mutate.update(e.kind, id, { deleted: e.deleted });
    });
  }
}

/**
 * A local write reconciles merges only when it can change what they store (db/mutation.ts): after
 * any of them, reconciling every merge from scratch stores nothing new.
 */
function expectSettled(r: Replica): void {
  const stored: string[] = [];
  const dryRun = r.app.sqlite.transaction(() => {
    reconcileMerges(new Sql(r.app.sqlite), (table, id, fields) =>
      stored.push(`${table} ${id} ${JSON.stringify(fields)}`),
    );
    throw new Rollback();
  });
  expect(() => dryRun()).toThrow(Rollback);
  expect(stored).toEqual([]);
}
/** Leaves the dry run's transaction: the override rows it may rewrite are put back. */
class Rollback extends Error {}

function mergeAtTwo(w: World, s: Extract<Step, { kind: 'both' }>): void {
  const r1 = w.replicas[s.r % w.replicas.length]!;
  const r2 = w.replicas[(s.r + 1) % w.replicas.length]!;
  const atBoth = ids(r1, s.kindOf, 'deleted = 0').filter((id) =>
    ids(r2, s.kindOf, 'deleted = 0').includes(id),
  );
  if (atBoth.length < 2) return;
  const keep = atBoth[s.keep % atBoth.length]!;
  const other = atBoth[(s.keep + 1) % atBoth.length]!;
  expectOk(dispatchSync(r1.app, 'record.merge', { kind: s.kindOf, keep, other }));
  w.advance(1_000);
  const [k2, o2] = s.opposite ? [other, keep] : [keep, other];
  expectOk(dispatchSync(r2.app, 'record.merge', { kind: s.kindOf, keep: k2, other: o2 }));
  stats.merges += 2;
  stats[s.opposite ? 'oppositeAtTwo' : 'sameAtTwo'] += 1;
}

async function run(w: World, steps: Step[]): Promise<void> {
  const files: string[] = [];
  // Every office enters the same investor and project offline before the schedule starts.
  for (const [i, r] of w.replicas.entries()) {
    apply(r, { op: 'investor', name: i % 2, parent: null });
    apply(r, { op: 'project', name: i % 2, investor: 0 });
    apply(r, { op: 'child', table: 'contact', of: 0 });
  }
  for (const s of steps) {
    const r = w.replicas[s.r % w.replicas.length]!;
    w.advance(1_000);
    if (s.kind === 'edit') {
      apply(r, s.edit);
      expectSettled(r);
    } else if (s.kind === 'both') mergeAtTwo(w, s);
    else if (s.kind === 'export') files.push((await exportTo(r, w.dir, { full: true })).file);
    else if (files.length) await importInto(r, files[s.file % files.length]!);
  }
  const [hub, ...rest] = w.replicas;
  for (const r of rest) await importInto(hub!, (await exportTo(r, w.dir, { full: true })).file);
  const all = (await exportTo(hub!, w.dir, { full: true })).file;
  for (const r of rest) await importInto(r, all);
}

/** What merges must store, computed here from the log alone: the survivor of each merged record. */
function oracleSurvivors(
  expected: Map<string, Record<string, unknown>>,
  log: ReturnType<typeof changeLog>,
  table: MergeKind,
): { survivor: Map<string, string>; cycles: number; chains: number } {
  const clockOf = new Map<string, string>();
  for (const c of log) {
    if (c.tbl === table && Object.hasOwn(JSON.parse(c.fields) as object, 'merged_into')) {
      if ((clockOf.get(c.row_id) ?? '') < c.hlc) clockOf.set(c.row_id, c.hlc);
    }
  }
  const edges = new Map<string, string>();
  for (const [key, row] of expected) {
    const [t, id] = key.split('/') as [string, string];
    const to = row.merged_into;
    if (t === table && typeof to === 'string' && to !== id && expected.has(`${table}/${to}`)) {
      edges.set(id, to);
    }
  }
  // Cycles: repeatedly find one and drop its oldest merge.
  let cycles = 0;
  for (;;) {
    let found: string[] | undefined;
    for (const start of edges.keys()) {
      const seen: string[] = [];
      let node: string | undefined = start;
      while (node !== undefined && !seen.includes(node)) {
        seen.push(node);
        node = edges.get(node);
      }
      if (node !== undefined) {
        found = seen.slice(seen.indexOf(node));
        break;
      }
    }
    if (!found) break;
    cycles += 1;
    const oldest = found.reduce((a, b) => (clockOf.get(a)! <= clockOf.get(b)! ? a : b));
    edges.delete(oldest);
  }
  const survivor = new Map<string, string>();
  let chains = 0;
  for (const id of edges.keys()) {
    let end = id;
    let hops = 0;
    while (edges.has(end)) {
      end = edges.get(end)!;
      hops += 1;
    }
    if (hops > 1) chains += 1;
    survivor.set(id, end);
  }
  return { survivor, cycles, chains };
}

const REFERENCES: [table: string, column: string, target: MergeKind][] = [
  ['investor', 'parent_investor_id', 'investor'],
  ['project', 'investor_id', 'investor'],
  ['contact', 'investor_id', 'investor'],
  ['activity', 'investor_id', 'investor'],
  ['contact', 'project_id', 'project'],
  ['activity', 'project_id', 'project'],
  ['capital_arrival', 'project_id', 'project'],
  ['claim', 'investor_id', 'investor'],
  ['claim', 'project_id', 'project'],
];

function check(w: World): void {
  const [first, ...rest] = w.replicas;
  const reference = dumpWithDerived(first!);
  const overrides = (r: Replica) =>
    r.app.sqlite.prepare('SELECT * FROM merge_override ORDER BY tbl, row_id, col').all();
  for (const r of rest) {
    expect(dumpWithDerived(r)).toEqual(reference);
    expect(overrides(r)).toEqual(overrides(first!));
  }
  const log = changeLog(first!);
  const expected = expectedFields(log);
  const survivors = Object.fromEntries(
    mergeKinds.map((k) => {
      const s = oracleSurvivors(expected, log, k);
      stats.cyclesBroken += s.cycles;
      stats.chains += s.chains;
      stats.mergedAway += s.survivor.size;
      return [k, s.survivor];
    }),
  ) as Record<MergeKind, Map<string, string>>;
  const syncedOf = (table: string, id: string, col: string): FieldValue =>
    (expected.get(`${table}/${id}`)?.[col] as FieldValue | undefined) ??
    (col === 'deleted' ? 0 : null);

  // A merged-away record is stored deleted; every other value of it is its synced one.
  for (const kind of mergeKinds) {
    for (const row of reference[kind]!) {
      const id = String(row.id);
      const away = survivors[kind].has(id);
      if (away && syncedOf(kind, id, 'deleted') === 1) stats.mergedThenDeleted += 1;
      expect(row.deleted).toBe(away ? 1 : syncedOf(kind, id, 'deleted'));
    }
  }
  // A reference stores the survivor of the record it names (a record never names itself).
  for (const [table, column, target] of REFERENCES) {
    for (const row of reference[table]!) {
      const id = String(row.id);
      const raw = syncedOf(table, id, column);
      let want = typeof raw === 'string' ? (survivors[target].get(raw) ?? raw) : raw;
      if (table === target && want === id) want = raw;
      if (want !== raw) stats.redirected += 1;
      expect(row[column]).toBe(want);
    }
  }
  // Every other stored value is its greatest-hlc change's.
  const overridden = new Set(
    (overrides(first!) as { tbl: string; row_id: string; col: string }[]).map(
      (o) => `${o.tbl}/${o.row_id}/${o.col}`,
    ),
  );
  for (const [table, rows] of Object.entries(reference)) {
    for (const row of rows) {
      const want = expected.get(`${table}/${String(row.id)}`) ?? {};
      for (const [col, value] of Object.entries(want)) {
        if (!overridden.has(`${table}/${String(row.id)}/${col}`)) expect(row[col]).toEqual(value);
      }
    }
  }
  // Nothing merged away is counted: the 台账 lists each live project once, and the arrivals behind
  // the 看板 are those of live projects, whichever record they were entered on.
  const live = reference.project!.filter((p) => p.deleted === 0).length;
  const ledger = expectOk(dispatchSync(first!.app, 'ledger.query', { limit: 500 })) as LedgerPage;
  expect(ledger.totals.count).toBe(live);
  const liveProject = (id: FieldValue) => {
    if (typeof id !== 'string') return false;
    const end = survivors.project.get(id) ?? id;
    const row = reference.project!.find((p) => p.id === end);
    return row !== undefined && row.deleted === 0;
  };
  const arrivals = reference.capital_arrival!.filter(
    (a) => a.deleted === 0 && liveProject(syncedOf('capital_arrival', String(a.id), 'project_id')),
  );
  const counted = first!.app.sqlite
    .prepare(
      `SELECT coalesce(sum(a.amount), 0) FROM capital_arrival a JOIN project p ON p.id = a.project_id
       WHERE a.deleted = 0 AND p.deleted = 0`,
    )
    .pluck()
    .get() as number;
  expect(counted).toBe(arrivals.reduce((sum, a) => sum + Number(a.amount), 0));
  // Who holds each subject (首报首谈) is the same everywhere, and no merged-away record holds one.
  const holders = (r: Replica) =>
    (expectOk(dispatchSync(r.app, 'claim.list', {})) as { holders: { subjectId: string }[] })
      .holders;
  for (const r of rest) expect(holders(r)).toEqual(holders(first!));
  for (const { subjectId } of holders(first!)) {
    expect(survivors.investor.has(subjectId) || survivors.project.has(subjectId)).toBe(false);
  }
  stats.claims += reference.claim!.length;
}

describe('merges across offices', () => {
  test(
    '2-5 replicas creating, merging (also both ways), unmerging and exchanging in any order converge on what the log says, counting nothing twice',
    async () => {
      await fc.assert(
        fc.asyncProperty(worldArb, async ({ replicas, steps }) => {
          const w = await world(
            Array.from({ length: replicas }, () => 0),
            ['上海', '北京', '深圳', '本部', '上海'],
          );
          try {
            stats.worlds += 1;
            await run(w, steps);
            check(w);
          } finally {
            w.close();
          }
        }),
        { numRuns: RUNS + 1, endOnFailure: true, examples: [[everyCase]] },
      );
    },
    TIMEOUT,
  );
});
