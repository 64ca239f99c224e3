// The 100k base of the sync scenarios: 本部 in a real zone holding the demo rows of N projects as
// ordinary changes, with invitations (without data) for the offices that will send it files.
// Built once; each scenario works on a copy of the file.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { writeDemoRows } from '../../db/services/app';
import { makeInvitation } from '../../db/sync/invitation';

export const BENCH_PASSPHRASE = 'bench-passphrase';

export interface ZoneBase {
  file: string;
  /** Invitation file per laptop. */
  invitations: Record<string, string>;
  seconds: number;
}

export async function buildZoneBase(
  dir: string,
  projects: number,
  /** Each laptop's name and its office. */
  laptops: Record<string, string>,
): Promise<ZoneBase> {
  const file = join(dir, 'hq-base.sqlite');
  const hq = await openAppDatabase(file);
  const init = dispatchSync(hq, 'app.init', {
    user: '本部基准',
    office: '本部',
    zoneName: '基准分区',
  });
  if (!init.ok) throw new Error(init.message);
  const t = performance.now();
  writeDemoRows(hq, { projects, seed: 19 });
  await hq.checkpointIdle();
  const seconds = (performance.now() - t) / 1000;
  const invitations: Record<string, string> = {};
  for (const [name, office] of Object.entries(laptops)) {
    const made = await makeInvitation(hq, {
      out: join(dir, `${name}.zsinvite`),
      passphrase: BENCH_PASSPHRASE,
      withoutData: true,
      office,
    });
    invitations[name] = made.file;
  }
  hq.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  hq.close();
  return { file, invitations, seconds };
}

/** Copies the base to `name` in `dir`; returns the path and the copy's seconds. */
export function copyBase(base: ZoneBase, dir: string, name: string): { file: string; s: number } {
  const file = join(dir, name);
  const t = performance.now();
  copyFileSync(base.file, file);
  return { file, s: (performance.now() - t) / 1000 };
}
