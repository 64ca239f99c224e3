// Settled rows (db/sync/settled.ts, docs/sync.md S19) as a property, on real database files: rows
// of every synced table, created with every kind of value the model writes (texts with quotes,
// backslashes, newlines and rare characters, money, dates, reals such as 用地), settle when a
// compaction finds every laptop holding them; each settled change then comes back into the log byte
// for byte — key, clock, author, fields — whether code asks for it before reading the row's log or
// the row is written by any path (the triggers), and the data and the field history read the same.
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import type { CompactionReport } from '../../domain/compaction';
import type { HistoryEntry } from '../../domain/history';
import { removeMutationGuard, installMutationGuard } from '../../db/mutation';
import type { StoredChange } from '../../db/sync/change-codec';
import { unsettleRows } from '../../db/sync/settled';
import { syncedTableNames } from '../../db/synced-tables';
import type { SyncedTable } from '../../db/synced-tables';
import { applyEdit, createArb, dumpWithDerived, HQ_TABLES, world } from './model';
import { call } from './replicas';
import type { Replica } from './replicas';

const RUNS = Number(process.env.SETTLED_RUNS ?? 10);
const DAY = 86_400_000;

const creatable = syncedTableNames.filter((t) => t !== 'office');
/** A row of every table, parents first, then more of any. */
const createsArb = fc
  .tuple(
    fc.tuple(...creatable.map((t) => createArb(t))),
    fc.array(
      fc.constantFrom(...creatable).chain((t) => createArb(t)),
      { maxLength: 30 },
    ),
  )
  .map(([each, more]) => [...each, ...more]);

const stats = { runs: 0, settled: 0, fractionalReals: 0, byTable: {} as Record<string, number> };
afterAll(() => {
  console.log('settled rows statistics', JSON.stringify(stats));
  // Every synced table's rows settle somewhere in the run, and reals with a fraction do too.
  for (const table of syncedTableNames) expect(stats.byTable[table] ?? 0).toBeGreaterThan(0);
  expect(stats.fractionalReals).toBeGreaterThan(0);
});

type Line = StoredChange;

const lines = (r: Replica, where = '1', ...params: unknown[]) =>
  r.app.sqlite
    .prepare(`SELECT * FROM sync_change WHERE ${where} ORDER BY origin, seq`)
    .all(...params) as Line[];

const settledRows = (r: Replica) =>
  r.app.sqlite.prepare('SELECT tbl, row_id FROM sync_settled ORDER BY tbl, row_id').all() as {
    tbl: SyncedTable;
    row_id: string;
  }[];

/** Runs `work` in a transaction that is rolled back, returning what it returned. */
function andRollBack<T>(r: Replica, work: () => T): T {
  let out: T | undefined;
  const db = r.app.sqlite;
  db.exec('BEGIN');
  try {
    out = work();
  } finally {
    db.exec('ROLLBACK');
  }
  return out;
}

test('every synced table: a settled change comes back into the log byte for byte', async () => {
  await fc.assert(
    fc.asyncProperty(createsArb, async (creates) => {
      const w = await world([0], ['本部']);
      try {
        stats.runs += 1;
        const [r] = w.replicas as [Replica];
        // The zone's first 本部 laptop, silent 91 days on, is the one peer left out.
        w.advance(91 * DAY);
        for (const e of creates) {
          w.advance(60_000);
          if (e.op === 'create' && (!HQ_TABLES.has(e.table) || r.office === '本部'))
            applyEdit(r, e);
        }
        // Reals such as 用地 written the way JavaScript writes them; then whole blocks below what
        // is held: 16 more changes past the ones that may settle.
        for (const landAreaMu of [12.25, 0.1, 999_999.99, 1 / 3]) {
          call(r, 'project.create', { name: `用地${landAreaMu}`, investor: '用地', landAreaMu });
        }
        for (let i = 0; i < 16; i++) {
          call(r, 'project.create', { name: `填充${i}`, investor: '填充' });
        }
        const before = lines(r);
        const data = dumpWithDerived(r);
        const projects = (data.project ?? []).map((p) => String(p.id));
        const history = projects.map((id) => call<HistoryEntry[]>(r, 'project.history', { id }));

        const silent = call<CompactionReport>(r, 'sync.compact', { exclude: [] }).silent;
        const report = call<CompactionReport>(r, 'sync.compact', {
          exclude: silent.map((p) => p.siteId),
        });
        const settled = settledRows(r);
        expect(report.settled).toBe(settled.length);
        stats.settled += settled.length;
        for (const { tbl } of settled) stats.byTable[tbl] = (stats.byTable[tbl] ?? 0) + 1;
        // What the log holds once the settled changes are back: the live lines and theirs.
        const theirs = settled.map(({ tbl, row_id }) => {
          const [line, ...more] = before.filter((l) => l.tbl === tbl && l.row_id === row_id);
          expect(more).toEqual([]);
          return line!;
        });
        const whole = [...lines(r), ...theirs].sort(byKey);
        for (const line of theirs) {
          if (/"land_area_mu":-?\d+\.\d/.test(line.fields)) stats.fractionalReals += 1;
        }
        // Nothing reads differently.
        expect(dumpWithDerived(r)).toEqual(data);
        expect(projects.map((id) => call<HistoryEntry[]>(r, 'project.history', { id }))).toEqual(
          history,
        );

        // Asked for before a read of the row's log: every line as it was.
        const asked = andRollBack(r, () => {
          for (const table of syncedTableNames) {
            const ids = settled.filter((s) => s.tbl === table).map((s) => s.row_id);
            r.app.transact((tx) => unsettleRows(tx.sql, table, ids));
          }
          return { lines: lines(r), left: settledRows(r).length };
        });
        expect(asked.left).toBe(0);
        expect(asked.lines).toEqual(whole);

        // Written by any path, a column or the whole row: the trigger brings it back first.
        const written = andRollBack(r, () => {
          removeMutationGuard(r.app.sqlite);
          try {
            settled.forEach(({ tbl, row_id }, i) => {
              const write =
                i % 2
                  ? `UPDATE ${tbl} SET deleted = deleted WHERE id = ?`
                  : `DELETE FROM ${tbl} WHERE id = ?`;
              r.app.sqlite.prepare(write).run(row_id);
            });
          } finally {
            installMutationGuard(r.app.sqlite);
          }
          return { lines: lines(r), left: settledRows(r).length };
        });
        expect(written.left).toBe(0);
        expect(written.lines).toEqual(whole);
      } finally {
        w.close();
      }
    }),
    { numRuns: RUNS },
  );
}, 300_000);

const byKey = (a: Line, b: Line) =>
  a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : a.seq - b.seq;
