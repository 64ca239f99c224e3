// The 本部 week (issue 19 acceptance): three office files (上海, 北京, 深圳) of about 2,000 changes
// each imported into the 100k database, then undone; and a 2-change file. For each import: its ms,
// phasesMs and the ms outside them, the disk it added after a WAL checkpoint, its safety net, the
// file's inflated size and disk / inflated; for each undo: its ms and the disk after it.
// Runnable alone: `npm run bench -- --only week` (BENCH_PROJECTS, default 100k).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatch, dispatchSync } from '../../db/dispatcher';
import { writeDemoRows } from '../../db/services/app';
import { readManifest } from '../../db/sync/file-format';
import { exportFile } from '../../db/sync/export';
import { importFile, importLog } from '../../db/sync/import';
import { joinWithInvitation } from '../../db/sync/invitation';
import type { Budgets } from './budgets';
import { BENCH_PASSPHRASE, copyBase } from './zone-base';
import type { ZoneBase } from './zone-base';

const WEEK_OFFICES = ['上海', '北京', '深圳'];
/**
 * A second laptop of 上海 sends the small file: a project created and renamed (2 changes), plus the
 * 5 its first-run setup writes (its office rows and promoter), which any first file carries.
 */
const SMALL = '上海2';
/** The laptops that send 本部 files this week, and their offices. */
export const WEEK_LAPTOPS: Record<string, string> = {
  ...Object.fromEntries(WEEK_OFFICES.map((o) => [o, o])),
  [SMALL]: '上海',
};
/** About 8 changes per demo project: 250 projects make about 2,000 changes. */
const WEEK_PROJECTS = Number(process.env.BENCH_WEEK_PROJECTS ?? 250);

type Line = (label: string, value: string, budget?: string) => void;

function ok<T>(result: { ok: boolean; data?: T; message?: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.data as T;
}

/** The database's bytes on disk, after its WAL is checkpointed into the file. */
async function diskBytes(app: AppDatabase, file: string): Promise<number> {
  await app.checkpointIdle();
  app.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${file}-wal`;
  return statSync(file).size + (existsSync(wal) ? statSync(wal).size : 0);
}

/** An office laptop that joined the zone without data and writes its own changes into a file. */
async function officeFile(
  base: ZoneBase,
  dir: string,
  laptop: string,
  write: (app: AppDatabase) => void,
): Promise<{ file: string; changes: number; inflated: number; bytes: number }> {
  const app = await openAppDatabase(join(dir, `${laptop}.sqlite`));
  await joinWithInvitation(app, { file: base.invitations[laptop]!, passphrase: BENCH_PASSPHRASE });
  ok(dispatchSync(app, 'app.init', { user: `${laptop}基准`, office: WEEK_LAPTOPS[laptop] }));
  write(app);
  const out = await exportFile(app, { out: join(dir, `${laptop}.zsync`), full: true });
  app.close();
  const { manifest } = readManifest(readFileSync(out.file));
  return {
    file: out.file,
    changes: out.changes,
    inflated: manifest.payload.rawBytes,
    bytes: out.bytes,
  };
}

interface ImportFigures {
  office: string;
  changes: number;
  ms: number;
  phasesMs: Record<string, number>;
  outsideMs: number;
  diskAdded: number;
  safetyNetBytes: number;
  inflated: number;
  undoMs: number;
  undoDisk: number;
}

const kb = (bytes: number) => (bytes < 10_240 ? `${bytes} B` : `${(bytes / 1024).toFixed(0)} KB`);
/** With BENCH_MARKS set, each import's start and end in the clock of a --cpu-prof profile (µs). */
const mark = (what: string) => {
  if (process.env.BENCH_MARKS) console.log(`mark ${what} ${process.hrtime.bigint() / 1000n}`);
};

export async function benchWeek(base: ZoneBase, line: Line, budgets: Budgets): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zs-bench-week-'));
  try {
    const files = [];
    for (const [i, office] of WEEK_OFFICES.entries()) {
      files.push({
        office,
        ...(await officeFile(base, dir, office, (app) =>
          writeDemoRows(app, {
            projects: WEEK_PROJECTS,
            seed: 100 + i,
            // Entered at the office this week, as the app stamps new rows (UUIDv7 of their entry):
            // their ids follow the base's, as a real week's do, instead of landing among them.
            enteredAtMs: Date.now() - (WEEK_OFFICES.length - i) * 86_400_000,
          }),
        )),
      });
    }
    files.push({
      office: SMALL,
      ...(await officeFile(base, dir, SMALL, (app) => {
        const { id } = ok(dispatchSync(app, 'project.create', { name: '广州基准项目' })) as {
          id: string;
        };
        ok(dispatchSync(app, 'project.update', { id, patch: { name: '广州基准项目（改）' } }));
      })),
    });

    const copy = copyBase(base, dir, 'week.sqlite');
    const app = await openAppDatabase(copy.file);
    const projects = app.sqlite.prepare('SELECT count(*) FROM project').pluck().get() as number;
    console.log(
      `\n本部 week: office files into the database of ${projects.toLocaleString()} projects` +
        ` (a copy of the base, ${copy.s.toFixed(2)} s), then undone newest first`,
    );
    const figures: ImportFigures[] = [];
    let disk = await diskBytes(app, copy.file);
    for (const f of files) {
      mark(`import-start ${f.office}`);
      const t = performance.now();
      const report = await importFile(app, f.file);
      const ms = performance.now() - t;
      mark(`import-end ${f.office}`);
      if (report.new !== f.changes) throw new Error(`week bench: ${f.office} import incomplete`);
      const after = await diskBytes(app, copy.file);
      const phasesMs = report.phasesMs ?? {};
      const inPhases = Object.values(phasesMs).reduce((a, b) => a + b, 0);
      figures.push({
        office: f.office,
        changes: f.changes,
        ms,
        phasesMs,
        outsideMs: ms - inPhases,
        diskAdded: after - disk,
        safetyNetBytes: report.safetyNetBytes ?? 0,
        inflated: f.inflated,
        undoMs: 0,
        undoDisk: 0,
      });
      disk = after;
    }
    const ids = importLog(app.sql, figures.length).map((e) => e.id); // newest first
    for (const [i, id] of ids.entries()) {
      const fig = figures[figures.length - 1 - i]!;
      const t = performance.now();
      ok(await dispatch(app, 'sync.undoImport', { id }));
      fig.undoMs = performance.now() - t;
      const after = await diskBytes(app, copy.file);
      fig.undoDisk = after - disk;
      disk = after;
    }
    app.close();

    for (const f of figures) {
      const ratio = f.diskAdded / f.inflated;
      line(
        `import ${f.office}: ${f.changes.toLocaleString()} changes (ms)`,
        f.ms.toFixed(0),
        `outside phases ${f.outsideMs.toFixed(0)} ms; ` +
          Object.entries(f.phasesMs)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
      );
      line(
        `  disk added / file inflated`,
        `${ratio.toFixed(2)}×`,
        `${kb(f.diskAdded)} / ${kb(f.inflated)}; safety net ${kb(f.safetyNetBytes)}`,
      );
      line(`  undo (ms)`, f.undoMs.toFixed(0), `disk after undo ${kb(f.undoDisk)}`);
    }
    for (const f of figures) {
      const large = f.office !== SMALL;
      budgets.under(
        `import ${f.office} ${f.changes.toLocaleString()} changes into ${projects.toLocaleString()}`,
        Math.round(f.ms),
        large ? 300 : 100,
        'ms',
      );
      budgets.ratioAtMost(`  disk added / inflated, ${f.office}`, f.diskAdded / f.inflated, 2);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
