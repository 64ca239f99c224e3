// Test fixtures for sync: replicas (real files or in memory) with their own offices and clocks,
// files exchanged between them, and the canonical comparison of their synced tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAppDatabase } from '../../db/app-database';
import type { AppDatabase } from '../../db/app-database';
import { dispatchSync } from '../../db/dispatcher';
import { dumpSyncedTables } from '../../db/sync/dump';
import { exportFile } from '../../db/sync/export';
import type { ExportInput } from '../../db/sync/export';
import { importFile } from '../../db/sync/import';
import { joinWithInvitation, makeInvitation } from '../../db/sync/invitation';
import type { ImportOptions } from '../../db/sync/import';
import type { SyncDump, SyncExportResult, SyncImportReport } from '../../domain/sync';
import { checkpointFully, expectOk, tempDir } from '../helpers';

export const OFFICES = ['本部', '上海', '北京', '深圳', '本部'] as const;

export interface Replica {
  app: AppDatabase;
  office: string;
  /** The replica's wall clock; tests move it. */
  clock: { ms: number };
}

export const TEST_INVITATION_PASSPHRASE = 'test-zone-passphrase';

/**
 * The zone the test replicas join: created once per test file by a 本部 laptop in memory, which
 * makes one invitation for 本部 laptops and one, with 本部's data, for offices.
 */
interface TestZone {
  hub: AppDatabase;
  /** Invitations that every copy of a template joins with (tests/sync/model.ts). */
  hq: string;
  office: string;
  /** A new invitation for one laptop of `office`, as 本部 makes them. */
  invite: (office: string) => Promise<string>;
}

let testZone: Promise<TestZone> | undefined;

export function sharedTestZone(): Promise<TestZone> {
  testZone ??= (async () => {
    // Its clock is before every test's, so its data is never "from the future" (CLOCK_DRIFT).
    const hub = await openAppDatabase(':memory:', { wallMs: () => Date.UTC(2021, 0, 4) });
    expectOk(
      dispatchSync(hub, 'app.init', { user: '本部管理员', office: '本部', zoneName: '测试分区' }),
    );
    const dir = tempDir('zs-zone-');
    let made = 0;
    const invite = async (hq: boolean, office?: string) =>
      (
        await makeInvitation(hub, {
          out: join(dir, `${(made += 1)}.zsinvite`),
          passphrase: TEST_INVITATION_PASSPHRASE,
          hq,
          // An office receives 本部's data (dictionaries, settings, targets) with its invitation.
          withoutData: hq,
          ...(office && !hq ? { office } : {}),
        })
      ).file;
    return {
      hub,
      hq: await invite(true),
      office: await invite(false),
      invite: (office) => invite(office === '本部', office),
    };
  })();
  return testZone;
}

export async function openReplica(
  office: string,
  options: { dir?: string; memory?: boolean; startMs?: number; user?: string; solo?: boolean } = {},
): Promise<Replica> {
  const clock = { ms: options.startMs ?? Date.UTC(2021, 5, 12, 7, 30) };
  const file = options.memory ? ':memory:' : join(options.dir ?? tempDir('zs-sync-'), 'crm.sqlite');
  const app = await openAppDatabase(file, { wallMs: () => clock.ms });
  if (!options.solo) {
    // One invitation per laptop, naming its office: the zone knows the laptop from then on.
    const zone = await sharedTestZone();
    await joinWithInvitation(app, {
      file: await zone.invite(office),
      passphrase: TEST_INVITATION_PASSPHRASE,
    });
  }
  expectOk(dispatchSync(app, 'app.init', { user: options.user ?? `${office}用户`, office }));
  return { app, office, clock };
}

export function exportTo(
  from: Replica,
  dir: string,
  input: Omit<ExportInput, 'out'> = {},
): Promise<SyncExportResult> {
  return exportFile(from.app, { out: dir, ...input });
}

export function importInto(
  to: Replica,
  file: string,
  options: ImportOptions = {},
): Promise<SyncImportReport> {
  return importFile(to.app, file, options);
}

export function dump(r: Replica): SyncDump {
  return dumpSyncedTables(r.app.sql);
}

export function call<T = unknown>(r: Replica, method: string, input?: unknown): T {
  return expectOk(dispatchSync(r.app, method, input)) as T;
}

export function fileBytes(file: string): Buffer {
  return readFileSync(file);
}

/** Every byte of the database and its WAL: "nothing changed" at the byte level. */
export function databaseBytes(app: AppDatabase): Buffer {
  checkpointFully(app);
  return readFileSync(app.file);
}
