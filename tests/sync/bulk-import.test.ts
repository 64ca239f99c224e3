// A large import rebuilds the indexes of the tables it fills (bulk-indexes.ts). Taking that path
// must change nothing but the speed: the same rows, log, conflicts, schema and statistics as the
// row-by-row path, from the same file into copies of the same replica holding rows of its own.
import { writeDemoRows } from '../../db/services/app';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dumpSyncedTables } from '../../db/sync/dump';
import { importFile } from '../../db/sync/import';
import { checkpointFully, tempDir } from '../helpers';
import { exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const open: (Replica | AppDatabase)[] = [];
afterEach(() => {
  for (const r of open.splice(0)) ('app' in r ? r.app : r).close();
});

function state(app: AppDatabase) {
  const all = (q: string) => app.sqlite.prepare(q).all();
  return {
    rows: dumpSyncedTables(app.sql),
    log: all('SELECT * FROM sync_change ORDER BY origin, seq'),
    conflicts: all('SELECT * FROM sync_conflict ORDER BY a_hlc, b_hlc, col'),
    vv: all('SELECT * FROM sync_vv ORDER BY origin'),
    schema: all('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name'),
    stats: all('SELECT * FROM sqlite_stat1 ORDER BY tbl, idx'),
    integrity: app.sqlite.pragma('integrity_check', { simple: true }),
  };
}

describe('bulk import', () => {
  test('rebuilding indexes gives exactly the state of writing through them', async () => {
    const dir = tempDir('zs-bulk-');
    const sh = await openReplica('上海');
    const hq = await openReplica('本部');
    open.push(sh, hq);
    writeDemoRows(sh.app, { projects: 20, seed: 5 });
    await importInto(hq, (await exportTo(sh, dir, { for: '本部' })).file);
    // Both edit the same projects (conflicts), then 上海 adds many more rows.
    const ids = (
      hq.app.sqlite.prepare('SELECT id FROM project ORDER BY id LIMIT 5').all() as { id: string }[]
    ).map((r) => r.id);
    hq.clock.ms += 60_000;
    sh.clock.ms += 60_000;
    hq.app.transact((tx) =>
      ids.forEach((id) => tx.mutate.update('project', id, { name: '本部改' })),
    );
    sh.app.transact((tx) =>
      ids.forEach((id) => tx.mutate.update('project', id, { name: '上海改' })),
    );
    writeDemoRows(sh.app, { projects: 40, seed: 6 });
    hq.app.analyze();
    const file = (await exportTo(sh, dir, { full: true })).file;

    const copies = ['bulk', 'rows'].map((name) => {
      const db = join(dir, `${name}.sqlite`);
      checkpointFully(hq.app);
      copyFileSync(hq.app.file, db);
      copyFileSync(`${hq.app.file}.install-id`, `${db}.install-id`);
      return db;
    });
    const bulk = await openAppDatabase(copies[0]!, { wallMs: () => hq.clock.ms });
    const rows = await openAppDatabase(copies[1]!, { wallMs: () => hq.clock.ms });
    open.push(bulk, rows);
    const a = await importFile(bulk, file, { bulkMinRows: 1 });
    const b = await importFile(rows, file, { bulkMinRows: Infinity });
    expect(a.conflicts).toBeGreaterThan(0);
    const same = { fileId: '', file: '', phasesMs: {} };
    expect({ ...a, ...same }).toEqual({ ...b, ...same });
    const strip = (s: ReturnType<typeof state>) =>
      JSON.parse(JSON.stringify(s).replace(/"updated_at":"[^"]*"/g, '')) as unknown;
    expect(strip(state(bulk))).toEqual(strip(state(rows)));
  });
});
