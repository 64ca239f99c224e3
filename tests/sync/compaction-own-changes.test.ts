// Compaction counts every laptop as holding all changes of its own origin (db/sync/compaction.ts,
// docs/sync.md S19). Exports must count them the same way: a laptop of the roster never heard
// from, whose own changes this replica settled, still gets a file for it, which carries none of
// its own changes and everything else it lacks, on real database files and real exported files.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openAppDatabase } from '../../db/app-database';
import type { CompactionReport } from '../../domain/compaction';
import { tempDir } from '../helpers';
import { call, dump, exportTo, importInto, openReplica } from './replicas';
import type { Replica } from './replicas';

const open: Replica[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.app.close();
});

async function replica(office: string): Promise<Replica> {
  const r = await openReplica(office, { dir: tempDir(`zs-own-${office}-`) });
  open.push(r);
  return r;
}

const dir = tempDir('zs-own-files-');
async function send(from: Replica, to: Replica) {
  from.clock.ms += 60_000;
  to.clock.ms += 60_000;
  return importInto(to, (await exportTo(from, dir, { for: to.office })).file);
}

test('a copy settles the changes of the laptop it came from, and can still export for it', async () => {
  const hq = await replica('本部');
  const sh = await replica('上海');
  for (let i = 0; i < 20; i++)
    call(sh, 'project.create', { name: `填充${i}`, investor: '填充投资方' });
  call(hq, 'project.create', { name: '本部项目', investor: '本部投资方' });
  await send(sh, hq);
  await send(hq, sh);
  // 上海's folder copied to a new laptop: a new site id; the original stays in the roster.
  const original = sh.app.siteId;
  const copyFile = join(tempDir('zs-own-copy-'), 'copy.sqlite');
  sh.app.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(sh.app.file, copyFile);
  const copy = { ...sh, app: await openAppDatabase(copyFile, { wallMs: () => sh.clock.ms }) };
  open.push(copy);
  expect(copy.app.siteId).not.toBe(original);

  copy.clock.ms += 91 * 86_400_000;
  const silent = call<CompactionReport>(copy, 'sync.compact', { exclude: [] }).silent;
  const hub = silent.filter((p) => p.siteId !== original).map((p) => p.siteId);
  const report = call<CompactionReport>(copy, 'sync.compact', { exclude: hub });
  expect(report.settled).toBeGreaterThanOrEqual(16);

  // The copy writes on; the original laptop, which holds all of its own changes, gets a file.
  call(copy, 'project.create', { name: '复制后的项目', investor: '填充投资方' });
  copy.clock.ms += 60_000;
  const file = (await exportTo(copy, dir, { for: original })).file;
  sh.clock.ms += 91 * 86_400_000 + 120_000;
  await importInto(sh, file);
  expect(dump(sh)).toEqual(dump(copy));
});
