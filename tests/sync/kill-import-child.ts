// The process kill-import.test.ts kills: imports one sync file into one database as the app does
// (bulk path, background checkpoint), on a fixed clock so that every completed run writes the same
// bytes of every table, and says on stdout where it is: BEGIN once its write transaction has begun
// (the first write phase of the import), each later write phase, COMMIT once the transaction has
// committed, CHECKPOINTED once the background checkpoint is done, CLOSED at the end; and INDEXES n,
// the change log's secondary indexes while the first change is written (0 on the bulk path).
//   node kill-import-child.mjs DATABASE FILE CLOCK_MS
import { openAppDatabase } from '../../db/app-database';
import { importFile } from '../../db/sync/import';

const say = (line: string) => process.stdout.write(`${line}\n`);

const [database, file, clockMs] = process.argv.slice(2);
if (!database || !file || !clockMs) throw new Error('usage: DATABASE FILE CLOCK_MS');
const app = await openAppDatabase(database, { wallMs: () => Number(clockMs) });
say('OPEN');
const indexes = app.sqlite.prepare(
  "SELECT count(*) AS n FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'sync_change' AND sql IS NOT NULL",
);
const report = await importFile(app, file, {
  faults: (phase) => say(phase === 'roster' ? 'BEGIN' : phase),
  // The bulk path has dropped the change log's secondary indexes by its first change.
  beforeChange: (index) => {
    if (index === 0) say(`INDEXES ${(indexes.get() as { n: number }).n}`);
  },
});
say('COMMIT');
await app.checkpointIdle();
say('CHECKPOINTED');
app.close();
say(`CLOSED ${report.new}`);
