// app.demo as a bulk load: the secondary indexes of the tables it fills are dropped for the load and
// built again inside its transaction (db/services/app.ts), so the database ends as a row-by-row load
// would leave it, and a load that fails half-way leaves it as it was.
import { format } from 'date-fns';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { BULK_MIN_ROWS } from '../../db/sync/bulk-indexes';
import { generateDemo } from '../../seeds/demo/index';
import { expectOk, openTempDb, snapshot } from '../helpers';

let app: AppDatabase;
beforeEach(async () => {
  app = await openTempDb();
});
afterEach(() => app.close());

/** Every index with its definition: what a rebuild must give back. */
const indexes = () =>
  app.sqlite
    .prepare(
      "SELECT tbl_name, name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY tbl_name, name",
    )
    .all();

/** Enough projects that every table the demo fills has its indexes rebuilt. */
const PROJECTS = BULK_MIN_ROWS;

describe('demo data as a bulk load', () => {
  test('the indexes come back as they were, consistent with the rows, with statistics', () => {
    const before = indexes();
    expect(expectOk(dispatchSync(app, 'app.demo', { projects: PROJECTS, seed: 8 }))).toEqual({
      projects: PROJECTS,
    });
    expect(indexes()).toEqual(before);
    expect(app.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const stats = app.sqlite
      .prepare("SELECT idx FROM sqlite_stat1 WHERE tbl = 'project' AND idx IS NOT NULL")
      .pluck()
      .all();
    expect(stats).toEqual(expect.arrayContaining(['project_signings', 'project_ledger_filter']));
    // Every row written through the mutation layer: one change each.
    const rows = snapshot(app);
    const demoRows = ['promoter', 'investor', 'project', 'contact', 'activity', 'task'];
    const changes = app.sqlite
      .prepare('SELECT tbl, count(*) AS n FROM sync_change GROUP BY tbl')
      .all() as { tbl: string; n: number }[];
    for (const table of demoRows) {
      expect(changes.find((c) => c.tbl === table)?.n).toBe(rows[table]);
    }
    // The guard triggers are back: a write outside the mutation layer is refused.
    expect(() => app.sqlite.prepare('UPDATE project SET name = ?').run('x')).toThrow(
      /outside the mutation layer/,
    );
  });

  test('a load that fails half-way leaves the rows and the indexes as they were', () => {
    // A row the demo writes late, already there: its insert fails after the indexes were dropped.
    // app.demo generates as of the laptop's date, with the user among the promoters.
    const asOf = format(app.now(), 'yyyy-MM-dd');
    const user = { name: '张三', office: 'shanghai' as const };
    const late = [...generateDemo({ projects: PROJECTS, seed: 9, asOf, user })].filter(
      (r) => r.table === 'project',
    )[PROJECTS - 10]!;
    app.transact((tx) => tx.mutate.insert('project', { name: '已有项目' }, late.id));
    const before = { indexes: indexes(), rows: snapshot(app) };
    const result = dispatchSync(app, 'app.demo', { projects: PROJECTS, seed: 9 });
    expect(result.ok).toBe(false);
    expect(indexes()).toEqual(before.indexes);
    expect(snapshot(app)).toEqual(before.rows);
    expect(app.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
